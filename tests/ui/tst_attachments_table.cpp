// Attachments in the table browser, offscreen against the emulator: the count column
// and files dropped on a row.

#include "app/session.h"
#include "attachments/attachmentcountproxymodel.h"
#include "attachments/attachmentcounts.h"
#include "attachments/tableattachments.h"
#include "attachments/uploadmanager.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/attachments.h>
#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QFile>
#include <QtCore/QMimeData>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QDragEnterEvent>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableView>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

snow::ClientOptions clientOptionsFor(const snowemu::Server &server)
{
    return uitest::clientOptions(server);
}

} // namespace

class AttachmentTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void countColumnShowsCounts();
    void countColumnShownFirst();
    void countColumnPassesRecord();
    void countsIncludeExtendedRecords();
    void dropOnRowUploads();
    void dropOnTaskRowUsesRealTable();
    void dropBelowRowsRejected();
    void dropTextRejected();
    void failedDropShowsBanner();

private:
    void openBrowser(const QString &table);
    int rowOf(const QString &sysId) const;
    QPoint rowPosition(int row) const;
    bool uploadDirect(const QString &record, const QString &name);
    QString writeFile(const QString &name, const QByteArray &content) const;
    int storedCount(const QString &table, const QString &record) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<UploadManager> m_uploads;
    std::unique_ptr<TableBrowser> m_browser;
    std::unique_ptr<TableAttachments> m_attachments;
    QTemporaryDir m_folder;
    QStringList m_records;
    QString m_record;
};

void AttachmentTableTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_folder.isValid());

    // Few incidents, so every row fits on screen with room below the last one.
    snowemu::Options options;
    options.incidents = 12;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    m_client = std::make_unique<snow::Client>(clientOptionsFor(*m_server));
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s);

    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/incident"_s).get(snow::Query(), 12));
    QVERIFY(response->waitForFinished(10000));
    for (const snow::Record &record : response->records())
        m_records.append(record.sysId());
    QCOMPARE(m_records.size(), 12);
}

void AttachmentTableTest::init()
{
    // Every test works on a record of its own, so leftovers of one cannot pass another.
    m_record = m_records.takeFirst();
    m_server->setFaults({});
    m_uploads = std::make_unique<UploadManager>(m_client.get());
    m_browser = std::make_unique<TableBrowser>(m_session.get());
    m_browser->resize(900, 500);
    m_attachments = std::make_unique<TableAttachments>(m_browser.get(), m_uploads.get());
    new QAbstractItemModelTester(m_attachments->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_attachments.get());
}

void AttachmentTableTest::cleanup()
{
    m_attachments.reset();
    m_browser.reset();
    m_uploads.reset();
}

void AttachmentTableTest::openBrowser(const QString &table)
{
    QSignalSpy shown(m_browser.get(), &TableBrowser::firstRowsShown);
    m_browser->open(table);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!m_attachments->counts()->isFetching(), 10000);
}

int AttachmentTableTest::rowOf(const QString &sysId) const
{
    return m_browser->model()->rowOf(sysId);
}

QPoint AttachmentTableTest::rowPosition(int row) const
{
    return m_browser->view()->visualRect(m_attachments->model()->index(row, 0)).center();
}

bool AttachmentTableTest::uploadDirect(const QString &record, const QString &name)
{
    std::unique_ptr<snow::Response> response(m_client->attachments().upload(u"incident"_s, record, writeFile(name, "content")));
    return response->waitForFinished(30000) && response->isSuccess();
}

QString AttachmentTableTest::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

int AttachmentTableTest::storedCount(const QString &table, const QString &record) const
{
    std::unique_ptr<snow::Response> response(m_client->attachments().list(table, record));
    response->waitForFinished(10000);
    return int(response->records().size());
}

void AttachmentTableTest::countColumnShowsCounts()
{
    QVERIFY(uploadDirect(m_record, u"one.txt"_s));
    QVERIFY(uploadDirect(m_record, u"two.txt"_s));
    openBrowser(u"incident"_s);

    AttachmentCountProxyModel *model = m_attachments->model();
    const int row = rowOf(m_record);
    QVERIFY(row >= 0);
    QCOMPARE(model->count(row), 2);
    QCOMPARE(model->index(row, model->countColumn()).data().toString(), u"2"_s);

    // A record without attachments shows an empty cell, and 0 in the tool tip.
    const int other = rowOf(m_records.last());
    QCOMPARE(model->count(other), 0);
    QCOMPARE(model->index(other, model->countColumn()).data().toString(), QString());
    QVERIFY(model->index(other, model->countColumn()).data(Qt::ToolTipRole).toString().startsWith(u"0 attachments"));
}

void AttachmentTableTest::countColumnShownFirst()
{
    openBrowser(u"incident"_s);

    AttachmentCountProxyModel *model = m_attachments->model();
    QCOMPARE(model->countColumn(), m_browser->model()->columnCount());
    QCOMPARE(model->headerData(model->countColumn(), Qt::Horizontal).toString(), u"Attachments"_s);
    QTRY_COMPARE(m_browser->view()->horizontalHeader()->visualIndex(model->countColumn()), 0);

    // A new query resets the models; the column comes first again.
    m_browser->setEncodedQuery(u"active=true"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->model()->rowCount() > 0, 10000);
    QTRY_COMPARE(m_browser->view()->horizontalHeader()->visualIndex(model->countColumn()), 0);
}

void AttachmentTableTest::countColumnPassesRecord()
{
    openBrowser(u"incident"_s);

    AttachmentCountProxyModel *model = m_attachments->model();
    const int row = rowOf(m_record);
    const QModelIndex count = model->index(row, model->countColumn());
    QCOMPARE(count.data(RecordTableModel::SysIdRole).toString(), m_record);
    QVERIFY(count.data(RecordTableModel::LoadedRole).toBool());
    QVERIFY(!model->mapToSource(count).isValid());

    // The browser's own columns keep their numbers and data.
    const QModelIndex first = model->index(row, 0);
    QCOMPARE(first.data().toString(), m_browser->model()->index(row, 0).data().toString());
}

void AttachmentTableTest::countsIncludeExtendedRecords()
{
    QVERIFY(uploadDirect(m_record, u"on-incident.txt"_s));
    openBrowser(u"task"_s);

    // The attachment sits under "incident"; the task list counts it all the same.
    const int row = rowOf(m_record);
    QVERIFY(row >= 0);
    QCOMPARE(m_attachments->model()->count(row), 1);
}

void AttachmentTableTest::dropOnRowUploads()
{
    QVERIFY(uploadDirect(m_record, u"before.txt"_s));
    openBrowser(u"incident"_s);
    const int row = rowOf(m_record);
    QCOMPARE(m_attachments->model()->count(row), 1);

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"row drop 1.log"_s, "first")),
                  QUrl::fromLocalFile(writeFile(u"row drop 2.txt"_s, "second"))});
    QWidget *viewport = m_browser->view()->viewport();
    const QPoint position = rowPosition(row);

    QDragEnterEvent enter(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QCOMPARE(move.dropAction(), Qt::CopyAction);
    QCOMPARE(m_browser->view()->currentIndex().row(), row);

    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    QSignalSpy messages(m_attachments.get(), &TableAttachments::statusMessage);
    QDropEvent drop(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());

    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 30000);
    QCOMPARE(storedCount(u"incident"_s, m_record), 3);
    QCOMPARE(added.first().first().value<AttachmentInfo>().tableSysId, m_record);
    // The count follows the uploads without a new count request.
    QCOMPARE(m_attachments->model()->count(row), 3);
    QTRY_VERIFY(!messages.isEmpty() && messages.last().first().toString().startsWith(u"Attached"));
}

void AttachmentTableTest::dropOnTaskRowUsesRealTable()
{
    openBrowser(u"task"_s);
    const int row = rowOf(m_record);
    QVERIFY(row >= 0);

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"task-drop.txt"_s, "t"))});
    QWidget *viewport = m_browser->view()->viewport();
    const QPoint position = rowPosition(row);
    QDragEnterEvent enter(position, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    QDropEvent drop(position, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());

    QVERIFY(added.wait(30000));
    QCOMPARE(added.first().first().value<AttachmentInfo>().tableName, u"incident"_s);
    QCOMPARE(storedCount(u"incident"_s, m_record), 1);
    QCOMPARE(storedCount(u"task"_s, m_record), 0);
}

void AttachmentTableTest::dropBelowRowsRejected()
{
    openBrowser(u"incident"_s);
    QWidget *viewport = m_browser->view()->viewport();
    const QPoint below(20, viewport->height() - 5);
    QVERIFY(!m_browser->view()->indexAt(below).isValid());

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"nowhere.txt"_s, "n"))});
    QDragEnterEvent enter(below, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(below, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(!move.isAccepted());
    QDropEvent drop(below, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(!drop.isAccepted());
    QCOMPARE(m_uploads->itemIds().size(), 0);
}

void AttachmentTableTest::dropTextRejected()
{
    openBrowser(u"incident"_s);
    QMimeData data;
    data.setText(u"not a file"_s);
    QDragEnterEvent enter(rowPosition(0), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_browser->view()->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void AttachmentTableTest::failedDropShowsBanner()
{
    openBrowser(u"incident"_s);
    const int row = rowOf(m_record);
    QVERIFY(m_attachments->attachToRow(row, {QUrl::fromLocalFile(m_folder.filePath(u"missing.txt"_s))}));

    // The missing file fails before anything is sent; the item waits for a retry.
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->banner()->isVisible(), 10000);
    QVERIFY(m_browser->banner()->text().contains(u"missing.txt"));
    QVERIFY(m_browser->banner()->text().contains(u"retry"));
    QCOMPARE(m_uploads->itemIds().size(), 1);
    QCOMPARE(m_uploads->item(m_uploads->itemIds().first()).state, UploadState::Failed);
}

QTEST_MAIN(AttachmentTableTest)
#include "tst_attachments_table.moc"
