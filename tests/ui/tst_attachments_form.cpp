// Attachments on the record form, offscreen against the emulator: the panel follows
// the form's record, takes files dropped on the form, and shows uploads in the main
// window.

#include "app/session.h"
#include "attachments/attachmentlistmodel.h"
#include "attachments/attachmentsizelimit.h"
#include "attachments/attachmentspanel.h"
#include "attachments/formattachments.h"
#include "attachments/tableattachments.h"
#include "attachments/uploadmanager.h"
#include "attachments/uploadstatuswidget.h"
#include "editor/recordediting.h"
#include "editor/recordform.h"
#include "editor/recordtabs.h"
#include "widgets/mainwindow.h"
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
#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

snow::ClientOptions clientOptionsFor(const snowemu::Server &server)
{
    return uitest::clientOptions(server);
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

} // namespace

class AttachmentFormTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void formListsAttachments();
    void formOfTaskUsesRealTable();
    void dropOnFormUploads();
    void newRecordWaitsForSave();
    void windowDuringUpload();

private:
    RecordForm *openForm(RecordTabs &tabs, const QString &table, const QString &sysId);
    bool uploadDirect(const QString &record, const QString &name, const QByteArray &content);
    QString writeFile(const QString &name, const QByteArray &content) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_folder;
    QStringList m_records;
    QString m_record;
};

void AttachmentFormTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_folder.isValid());

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

void AttachmentFormTest::init()
{
    // Every test works on a record of its own, so leftovers of one cannot pass another.
    m_record = m_records.takeFirst();
}

RecordForm *AttachmentFormTest::openForm(RecordTabs &tabs, const QString &table, const QString &sysId)
{
    RecordForm *form = tabs.openRecord(table, sysId);
    QSignalSpy loaded(form, &RecordForm::loaded);
    if (form->state() != RecordForm::State::Ready && !loaded.wait(15000))
        qWarning("The form did not load");
    return form;
}

bool AttachmentFormTest::uploadDirect(const QString &record, const QString &name, const QByteArray &content)
{
    std::unique_ptr<snow::Response> response(m_client->attachments().upload(u"incident"_s, record, writeFile(name, content)));
    return response->waitForFinished(30000) && response->isSuccess();
}

QString AttachmentFormTest::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void AttachmentFormTest::formListsAttachments()
{
    QVERIFY(uploadDirect(m_record, u"form-one.txt"_s, "1"));
    RecordTabs tabs(m_session.get(), nullptr);
    RecordForm *form = openForm(tabs, u"incident"_s, m_record);
    QCOMPARE(form->state(), RecordForm::State::Ready);

    auto *section = form->findChild<FormAttachments *>();
    QVERIFY(section);
    QVERIFY(section->isExpanded());
    AttachmentsPanel *panel = section->panel();
    QCOMPARE(panel->table(), u"incident"_s);
    QCOMPARE(panel->recordSysId(), m_record);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->attachmentCount(), 1, 10000);
    QCOMPARE(section->toggleButton()->text(), u"Attachments (1)"_s);
}

void AttachmentFormTest::formOfTaskUsesRealTable()
{
    RecordTabs tabs(m_session.get(), nullptr);
    RecordForm *form = openForm(tabs, u"task"_s, m_record);
    QCOMPARE(form->state(), RecordForm::State::Ready);

    AttachmentsPanel *panel = form->findChild<FormAttachments *>()->panel();
    QCOMPARE(panel->table(), u"incident"_s);
    QCOMPARE(panel->recordSysId(), m_record);
}

void AttachmentFormTest::dropOnFormUploads()
{
    RecordTabs tabs(m_session.get(), nullptr);
    tabs.resize(700, 800);
    tabs.show();
    RecordForm *form = openForm(tabs, u"incident"_s, m_record);
    auto *section = form->findChild<FormAttachments *>();
    AttachmentsPanel *panel = section->panel();
    QSignalSpy listed(panel, &AttachmentsPanel::attachmentsLoaded);
    QVERIFY(listed.wait(10000) || !panel->isLoading());
    section->setExpanded(false);

    // The drop lands on the form itself, above the fields, not on the panel.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"on the form é.txt"_s, "form drop"))});
    const QPoint position(10, 10);
    QDragEnterEvent enter(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(form, &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(section->isExpanded());

    QSignalSpy added(panel->uploads(), &UploadManager::attachmentAdded);
    QDropEvent drop(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(form, &drop);
    QVERIFY2(drop.isAccepted(), qPrintable(panel->banner()->text()));

    QVERIFY(added.wait(30000));
    QCOMPARE(added.first().first().value<AttachmentInfo>().fileName, u"on the form é.txt"_s);
    QTRY_COMPARE(panel->model()->attachmentCount(), 1);
}

void AttachmentFormTest::newRecordWaitsForSave()
{
    RecordTabs tabs(m_session.get(), nullptr);
    RecordForm *form = tabs.newRecord(u"incident"_s);
    QSignalSpy loaded(form, &RecordForm::loaded);
    QVERIFY(form->state() == RecordForm::State::Ready || loaded.wait(15000));

    AttachmentsPanel *panel = form->findChild<FormAttachments *>()->panel();
    QVERIFY(panel->recordSysId().isEmpty());
    QVERIFY(!panel->action(u"attachFilesAction"_s)->isEnabled());

    // A drop on a record that does not exist yet is rejected.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"too-early.txt"_s, "e"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(form, &enter);
    QVERIFY(!enter.isAccepted());
}

// The main window with a record form open and uploads under way. The environment
// variable SNOW_ATTACHMENTS_WINDOW_SCREENSHOT names a PNG file to keep the picture.
void AttachmentFormTest::windowDuringUpload()
{
    QVERIFY(uploadDirect(m_record, u"network-diagram.png"_s, randomBytes(182000, 12)));
    QVERIFY(uploadDirect(m_record, u"error-log.txt"_s, randomBytes(48213, 13)));

    // The picture shows the table and the form, so the other docks step aside. The
    // two together need about 1,400 pixels of width.
    MainWindow window(m_session.get());
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        dock->hide();
    window.resize(1420, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TableBrowser *browser = window.browser();
    QTRY_VERIFY_WITH_TIMEOUT(browser->model()->rowOf(m_record) >= 0, 15000);

    // Activating the row opens its form in the Records dock.
    Q_EMIT browser->recordActivated(u"incident"_s, m_record);
    RecordForm *form = window.recordEditing()->tabs()->currentForm();
    QVERIFY(form);
    QTRY_COMPARE_WITH_TIMEOUT(form->state(), RecordForm::State::Ready, 15000);
    QVERIFY(window.recordEditing()->dock()->isVisible());
    window.resizeDocks({window.recordEditing()->dock()}, {580}, Qt::Horizontal);
    AttachmentsPanel *panel = form->findChild<FormAttachments *>()->panel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->attachmentCount(), 2, 10000);

    // One upload at a time, so the second file waits; the third is over the limit.
    UploadManager *uploads = panel->uploads();
    uploads->setMaxConcurrentUploads(1);
    const QString big = writeFile(u"database-export.sql.gz"_s, randomBytes(192 * MiB, 14));
    const QString queued = writeFile(u"screen-recording.webm"_s, randomBytes(MiB, 15));
    QFile huge(m_folder.filePath(u"virtual-machine.ova"_s));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(3 * 1024 * MiB));
    huge.close();
    // The window's uploads use the session's manager, which an earlier test may have
    // used already.
    if (!uploads->sizeLimit()->isLoaded()) {
        QSignalSpy limitLoaded(uploads->sizeLimit(), &AttachmentSizeLimit::loaded);
        uploads->sizeLimit()->load();
        QVERIFY(limitLoaded.wait(10000));
    }

    panel->attachFiles({big, queued, huge.fileName()});
    const int bigId = panel->model()->uploadId(2);
    QTRY_VERIFY_WITH_TIMEOUT(uploads->item(bigId).bytesSent > uploads->item(bigId).bytesTotal / 4, 30000);
    QCOMPARE(uploads->item(panel->model()->uploadId(3)).state, UploadState::Queued);
    QCOMPARE(uploads->item(panel->model()->uploadId(4)).state, UploadState::Failed);
    window.resize(1420, 700);
    QTest::qWait(100);
    const QImage picture = window.grab().toImage();
    QVERIFY(!picture.isNull());
    const QString screenshot = qEnvironmentVariable("SNOW_ATTACHMENTS_WINDOW_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(picture.save(screenshot));

    uploads->cancelAll();
}

QTEST_MAIN(AttachmentFormTest)
#include "tst_attachments_form.moc"
