// AttachmentListModel: attachment rows from a list, upload rows that follow an
// UploadManager against the emulator, and every change checked by
// QAbstractItemModelTester.

#include "attachments/attachmentlistmodel.h"
#include "attachments/uploadmanager.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimeZone>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

AttachmentInfo makeAttachment(const QString &sysId, const QString &fileName, qint64 size, const QString &record)
{
    AttachmentInfo info;
    info.sysId = sysId;
    info.fileName = fileName;
    info.sizeBytes = size;
    info.contentType = u"text/plain"_s;
    info.tableName = u"incident"_s;
    info.tableSysId = record;
    info.createdBy = u"beth.anglin"_s;
    info.createdOn = QDateTime(QDate(2025, 2, 3), QTime(4, 5, 6), QTimeZone::utc());
    return info;
}

} // namespace

class AttachmentModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void attachmentRowsShowMetadata();
    void headersNameColumns_data();
    void headersNameColumns();
    void setAttachmentsReplacesRows();
    void uploadBecomesAttachmentRow();
    void uploadOfOtherRecordIgnored();
    void failedUploadShowsError();
    void dismissRemovesUploadRow();
    void removedAttachmentLeavesList();
    void downloadProgressInStatus();
    void setRecordPicksUpRunningUploads();

private:
    QString writeFile(const QString &name, const QByteArray &content) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<UploadManager> m_uploads;
    std::unique_ptr<AttachmentListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_folder;
    QString m_record;
    QString m_otherRecord;
};

void AttachmentModelTest::initTestCase()
{
    QLocale::setDefault(QLocale::c());

    snowemu::Options options;
    options.incidents = 5;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions clientOptions;
    clientOptions.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    clientOptions.useSsl = false;
    clientOptions.user = u"admin"_s;
    clientOptions.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(clientOptions);

    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/incident"_s).get(snow::Query(), 2));
    QVERIFY(response->waitForFinished(10000));
    QCOMPARE(response->records().size(), 2);
    m_record = response->records().at(0).sysId();
    m_otherRecord = response->records().at(1).sysId();
}

void AttachmentModelTest::init()
{
    m_uploads = std::make_unique<UploadManager>(m_client.get());
    m_model = std::make_unique<AttachmentListModel>(m_uploads.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setRecord(u"incident"_s, m_record);
}

void AttachmentModelTest::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_uploads.reset();
}

QString AttachmentModelTest::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

void AttachmentModelTest::attachmentRowsShowMetadata()
{
    m_model->setAttachments({makeAttachment(u"a1"_s, u"notes.txt"_s, 2048, m_record)});

    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), int(AttachmentListModel::ColumnCount));
    QCOMPARE(m_model->index(0, AttachmentListModel::NameColumn).data().toString(), u"notes.txt"_s);
    QCOMPARE(m_model->index(0, AttachmentListModel::SizeColumn).data().toString(), u"2.0 KB"_s);
    QCOMPARE(m_model->index(0, AttachmentListModel::TypeColumn).data().toString(), u"text/plain"_s);
    QCOMPARE(m_model->index(0, AttachmentListModel::CreatedByColumn).data().toString(), u"beth.anglin"_s);
    QVERIFY(!m_model->index(0, AttachmentListModel::CreatedOnColumn).data().toString().isEmpty());
    QCOMPARE(m_model->index(0, AttachmentListModel::StatusColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::SysIdRole).toString(), u"a1"_s);
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::UploadIdRole).toInt(), 0);
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::SizeBytesRole).toLongLong(), 2048);
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::AttachmentRole).value<AttachmentInfo>().fileName, u"notes.txt"_s);
    QVERIFY(m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!m_model->isUploadRow(0));
}

void AttachmentModelTest::headersNameColumns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("header");
    QTest::newRow("name") << int(AttachmentListModel::NameColumn) << u"Name"_s;
    QTest::newRow("size") << int(AttachmentListModel::SizeColumn) << u"Size"_s;
    QTest::newRow("type") << int(AttachmentListModel::TypeColumn) << u"Type"_s;
    QTest::newRow("created by") << int(AttachmentListModel::CreatedByColumn) << u"Created by"_s;
    QTest::newRow("created on") << int(AttachmentListModel::CreatedOnColumn) << u"Created"_s;
    QTest::newRow("status") << int(AttachmentListModel::StatusColumn) << u"Status"_s;
}

void AttachmentModelTest::headersNameColumns()
{
    QFETCH(int, column);
    QFETCH(QString, header);
    QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), header);
}

void AttachmentModelTest::setAttachmentsReplacesRows()
{
    m_model->setAttachments({makeAttachment(u"a1"_s, u"1.txt"_s, 1, m_record), makeAttachment(u"a2"_s, u"2.txt"_s, 2, m_record)});
    QCOMPARE(m_model->rowCount(), 2);
    m_model->setAttachments({makeAttachment(u"a3"_s, u"3.txt"_s, 3, m_record)});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOfAttachment(u"a3"_s), 0);
    QCOMPARE(m_model->rowOfAttachment(u"a1"_s), -1);
    m_model->setAttachments({});
    QCOMPARE(m_model->rowCount(), 0);
}

void AttachmentModelTest::uploadBecomesAttachmentRow()
{
    m_model->setAttachments({makeAttachment(u"a1"_s, u"old.txt"_s, 1, m_record)});
    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    const int id = m_uploads->addFile(u"incident"_s, m_record, writeFile(u"new.txt"_s, "fresh content"));

    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOfUpload(id), 1);
    QVERIFY(m_model->isUploadRow(1));
    QCOMPARE(m_model->index(1, 0).data().toString(), u"new.txt"_s);
    QCOMPARE(m_model->index(1, 0).data(AttachmentListModel::UploadIdRole).toInt(), id);
    QCOMPARE(m_model->index(1, 0).data(AttachmentListModel::UploadStateRole).toInt(), int(UploadState::Queued));
    QCOMPARE(m_model->index(1, AttachmentListModel::StatusColumn).data().toString(), u"Queued"_s);
    QVERIFY(!m_model->flags(m_model->index(1, 0)).testFlag(Qt::ItemIsDragEnabled));

    QVERIFY(added.wait(30000));
    QTRY_COMPARE(m_model->uploadCount(), 0);
    QCOMPARE(m_model->attachmentCount(), 2);
    QCOMPARE(m_model->index(1, 0).data().toString(), u"new.txt"_s);
    QCOMPARE(m_model->index(1, 0).data(AttachmentListModel::SizeBytesRole).toLongLong(), 13);
    QCOMPARE(m_model->index(1, AttachmentListModel::CreatedByColumn).data().toString(), u"admin"_s);
}

void AttachmentModelTest::uploadOfOtherRecordIgnored()
{
    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    m_uploads->addFile(u"incident"_s, m_otherRecord, writeFile(u"elsewhere.txt"_s, "x"));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(added.wait(30000));
    QCOMPARE(m_model->rowCount(), 0);
}

void AttachmentModelTest::failedUploadShowsError()
{
    QSignalSpy failed(m_uploads.get(), &UploadManager::uploadFailed);
    const int id = m_uploads->addFile(u"incident"_s, m_record, m_folder.filePath(u"missing.txt"_s));
    QVERIFY(failed.wait(10000));

    const int row = m_model->rowOfUpload(id);
    QCOMPARE(row, 0);
    QCOMPARE(m_model->index(row, 0).data(AttachmentListModel::UploadStateRole).toInt(), int(UploadState::Failed));
    QVERIFY(m_model->index(row, 0).data(AttachmentListModel::ErrorRole).toString().contains(u"missing.txt"));
    QVERIFY(m_model->index(row, AttachmentListModel::StatusColumn).data().toString().startsWith(u"Failed: "));
    QVERIFY(m_model->index(row, AttachmentListModel::StatusColumn).data(Qt::ToolTipRole).toString().contains(u"does not exist"));
    QCOMPARE(m_model->index(row, 0).data(AttachmentListModel::ProgressRole).toInt(), -1);
}

void AttachmentModelTest::dismissRemovesUploadRow()
{
    QSignalSpy failed(m_uploads.get(), &UploadManager::uploadFailed);
    const int id = m_uploads->addFile(u"incident"_s, m_record, m_folder.filePath(u"absent.txt"_s));
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_model->rowCount(), 1);

    QVERIFY(m_uploads->dismiss(id));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->rowOfUpload(id), -1);
}

void AttachmentModelTest::removedAttachmentLeavesList()
{
    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    m_uploads->addFile(u"incident"_s, m_record, writeFile(u"remove.txt"_s, "r"));
    QVERIFY(added.wait(30000));
    QCOMPARE(m_model->attachmentCount(), 1);

    QSignalSpy removed(m_uploads.get(), &UploadManager::attachmentRemoved);
    m_uploads->removeAttachment(m_model->attachment(0));
    QVERIFY(removed.wait(10000));
    QCOMPARE(m_model->rowCount(), 0);
}

void AttachmentModelTest::downloadProgressInStatus()
{
    m_model->setAttachments({makeAttachment(u"a1"_s, u"big.bin"_s, 1000, m_record)});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setDownloadProgress(u"a1"_s, 250, 1000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0, AttachmentListModel::StatusColumn).data().toString(), u"Downloading 25%"_s);
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::ProgressRole).toInt(), 25);

    m_model->setDownloadProgress(u"a1"_s, 10, -1);
    QCOMPARE(m_model->index(0, AttachmentListModel::StatusColumn).data().toString(), u"Downloading…"_s);

    m_model->setDownloadProgress(u"a1"_s, -1, -1);
    QCOMPARE(m_model->index(0, AttachmentListModel::StatusColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, 0).data(AttachmentListModel::ProgressRole).toInt(), -1);
}

void AttachmentModelTest::setRecordPicksUpRunningUploads()
{
    QSignalSpy failed(m_uploads.get(), &UploadManager::uploadFailed);
    m_model->setRecord(u"incident"_s, m_otherRecord);
    const int id = m_uploads->addFile(u"incident"_s, m_record, m_folder.filePath(u"later.txt"_s));
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_model->rowCount(), 0);

    m_model->setRecord(u"incident"_s, m_record);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->uploadId(0), id);
}

QTEST_MAIN(AttachmentModelTest)
#include "tst_attachments_model.moc"
