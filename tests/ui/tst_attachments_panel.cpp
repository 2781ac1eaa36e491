// AttachmentsPanel offscreen against the emulator: listing, uploads with progress,
// cancel and retry, the size limit, deletes, downloads, the system viewer, drags out,
// the clipboard and files dropped from the desktop.

#include "app/session.h"
#include "attachments/attachmentdownloads.h"
#include "attachments/attachmentlistmodel.h"
#include "attachments/attachmentsizelimit.h"
#include "attachments/attachmentspanel.h"
#include "attachments/uploadmanager.h"
#include "attachments/uploadstatuswidget.h"
#include "widgets/messagebanner.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QFile>
#include <QtCore/QMimeData>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QImage>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(i);
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

snow::ClientOptions clientOptionsFor(const snowemu::Server &server)
{
    return uitest::clientOptions(server);
}

} // namespace

// Receives the URLs the panel hands to QDesktopServices::openUrl().
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void openUrl(const QUrl &url) { urls.append(url); }
};

class AttachmentPanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listsAttachments();
    void listFailureShowsBanner();
    void uploadShowsProgress();
    void cancelThenRetryButtons();
    void overLimitStaysWithRetry();
    void deleteAsksConfirmation();
    void deleteKeyOpensConfirmation();
    void doubleClickDownloadsExact();
    void enterKeyDownloads();
    void openUsesSystemViewer();
    void dragWaitsForDownload();
    void dragUsesPrefetchedCopy();
    void pasteImageUploadsPng();
    void pasteFileUrls();
    void pasteWithoutContent();
    void dropFileUrls();
    void dropTextIgnored();
    void extendedTableUsesRealTable();
    void panelDuringUpload();

private:
    std::unique_ptr<AttachmentsPanel> makePanel(const QString &record, bool waitForList = true);
    AttachmentInfo uploadDirect(const QString &record, const QString &name, const QByteArray &content);
    QString writeFile(const QString &name, const QByteArray &content) const;
    UploadStatusWidget *statusWidget(AttachmentsPanel &panel, int uploadId) const;
    int storedCount(const QString &table, const QString &record) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<UploadManager> m_uploads;
    QTemporaryDir m_folder;
    QTemporaryDir m_downloads;
    QStringList m_records;
    QString m_record;
};

void AttachmentPanelTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_folder.isValid());
    QVERIFY(m_downloads.isValid());

    snowemu::Options options;
    options.incidents = 30;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    m_client = std::make_unique<snow::Client>(clientOptionsFor(*m_server));
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s);

    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/incident"_s).get(snow::Query(), 30));
    QVERIFY(response->waitForFinished(10000));
    for (const snow::Record &record : response->records())
        m_records.append(record.sysId());
    QCOMPARE(m_records.size(), 30);
}

void AttachmentPanelTest::init()
{
    // Every test works on a record of its own, so leftovers of one cannot pass another.
    m_record = m_records.takeFirst();
    m_server->setFaults({});
    m_uploads = std::make_unique<UploadManager>(m_client.get());
}

void AttachmentPanelTest::cleanup()
{
    m_uploads.reset();
}

std::unique_ptr<AttachmentsPanel> AttachmentPanelTest::makePanel(const QString &record, bool waitForList)
{
    auto panel = std::make_unique<AttachmentsPanel>(m_session.get(), m_uploads.get());
    panel->setDownloadFolder(m_downloads.path());
    panel->resize(900, 360);
    new QAbstractItemModelTester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, panel.get());

    QSignalSpy loaded(panel.get(), &AttachmentsPanel::attachmentsLoaded);
    panel->setRecord(u"incident"_s, record);
    if (waitForList && !loaded.wait(10000))
        qWarning("The attachment list did not load");
    return panel;
}

AttachmentInfo AttachmentPanelTest::uploadDirect(const QString &record, const QString &name, const QByteArray &content)
{
    std::unique_ptr<snow::Response> response(m_client->attachments().upload(u"incident"_s, record, writeFile(name, content)));
    response->waitForFinished(30000);
    const std::optional<snow::Record> stored = response->firstOrNone();
    return stored && response->isSuccess() ? AttachmentInfo::fromRecord(*stored) : AttachmentInfo();
}

QString AttachmentPanelTest::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

UploadStatusWidget *AttachmentPanelTest::statusWidget(AttachmentsPanel &panel, int uploadId) const
{
    const int row = panel.model()->rowOfUpload(uploadId);
    if (row < 0)
        return nullptr;
    return qobject_cast<UploadStatusWidget *>(
        panel.view()->indexWidget(panel.model()->index(row, AttachmentListModel::StatusColumn)));
}

int AttachmentPanelTest::storedCount(const QString &table, const QString &record) const
{
    std::unique_ptr<snow::Response> response(m_client->attachments().list(table, record));
    response->waitForFinished(10000);
    return int(response->records().size());
}

void AttachmentPanelTest::listsAttachments()
{
    QVERIFY(uploadDirect(m_record, u"first.txt"_s, "first").isValid());
    QVERIFY(uploadDirect(m_record, u"second.csv"_s, QByteArray(3000, 'c')).isValid());

    auto panel = makePanel(m_record);
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(panel->model()->index(0, AttachmentListModel::NameColumn).data().toString(), u"first.txt"_s);
    QCOMPARE(panel->model()->index(1, AttachmentListModel::NameColumn).data().toString(), u"second.csv"_s);
    QCOMPARE(panel->model()->index(1, AttachmentListModel::SizeColumn).data().toString(), u"2.9 KB"_s);
    QCOMPARE(panel->model()->index(0, AttachmentListModel::CreatedByColumn).data().toString(), u"admin"_s);

    auto *summary = panel->findChild<QLabel *>(u"attachmentSummary"_s);
    QVERIFY(summary);
    QVERIFY(summary->text().startsWith(u"2 attachments"));
}

void AttachmentPanelTest::listFailureShowsBanner()
{
    snowemu::Faults faults;
    faults.serverErrorBurst = 10;
    faults.serverErrorStatus = 500;
    m_server->setFaults(faults);

    auto panel = std::make_unique<AttachmentsPanel>(m_session.get(), m_uploads.get());
    panel->show();
    QSignalSpy failed(panel.get(), &AttachmentsPanel::loadFailed);
    panel->setRecord(u"incident"_s, m_record);
    QVERIFY(failed.wait(30000));

    QVERIFY(panel->banner()->isVisible());
    QVERIFY(panel->banner()->text().startsWith(u"Listing the attachments failed"));
    QVERIFY(panel->banner()->details().contains(u"500"));
}

void AttachmentPanelTest::uploadShowsProgress()
{
    auto panel = makePanel(m_record);
    panel->show();

    QList<int> values;
    connect(panel->model(), &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first) {
        const int id = panel->model()->uploadId(first);
        if (UploadStatusWidget *widget = id ? statusWidget(*panel, id) : nullptr)
            connect(widget->progressBar(), &QProgressBar::valueChanged, this, [&values](int value) { values.append(value); });
    });

    const QByteArray content = randomBytes(16 * MiB, 5);
    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    panel->attachFiles({writeFile(u"progress.bin"_s, content)});
    QCOMPARE(panel->model()->uploadCount(), 1);
    QVERIFY(added.wait(60000));

    QVERIFY(!values.isEmpty());
    QCOMPARE(values.last(), 1000);
    QTRY_COMPARE(panel->model()->uploadCount(), 0);
    QCOMPARE(panel->model()->attachmentCount(), 1);
    QCOMPARE(panel->model()->index(0, 0).data(AttachmentListModel::SizeBytesRole).toLongLong(), content.size());
}

void AttachmentPanelTest::cancelThenRetryButtons()
{
    auto panel = makePanel(m_record);
    panel->show();

    // Click Cancel as soon as the upload starts, before its body is complete.
    bool clicked = false;
    connect(m_uploads.get(), &UploadManager::itemChanged, this, [&](int id) {
        if (clicked || m_uploads->item(id).state != UploadState::Uploading)
            return;
        UploadStatusWidget *widget = statusWidget(*panel, id);
        if (widget && widget->cancelButton()->isVisibleTo(widget)) {
            clicked = true;
            widget->cancelButton()->click();
        }
    });

    const QByteArray content = randomBytes(64 * MiB, 6);
    panel->attachFiles({writeFile(u"cancel-me.bin"_s, content)});
    const int id = panel->model()->uploadId(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_uploads->item(id).state, UploadState::Cancelled, 10000);
    QVERIFY(clicked);

    UploadStatusWidget *widget = statusWidget(*panel, id);
    QVERIFY(widget);
    QVERIFY(widget->retryButton()->isVisibleTo(widget));
    QVERIFY(!widget->cancelButton()->isVisibleTo(widget));
    QCOMPARE(panel->model()->index(0, AttachmentListModel::StatusColumn).data().toString(), u"Cancelled"_s);
    QCOMPARE(storedCount(u"incident"_s, m_record), 0);

    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    widget->retryButton()->click();
    QVERIFY(added.wait(60000));
    QTRY_COMPARE(panel->model()->attachmentCount(), 1);
    QCOMPARE(panel->model()->uploadCount(), 0);
    QCOMPARE(storedCount(u"incident"_s, m_record), 1);
}

void AttachmentPanelTest::overLimitStaysWithRetry()
{
    // An instance whose com.glide.attachment.max_size is 1 MB.
    snowemu::Options options;
    options.incidents = 1;
    options.maxAttachmentBytes = MiB;
    snowemu::Server server(options);
    QVERIFY(server.start());
    snow::Client client(clientOptionsFor(server));
    Session session(&client, u"Small"_s);
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    QVERIFY(response->waitForFinished(10000));
    const QString record = response->records().value(0).sysId();

    UploadManager uploads(&client);
    AttachmentsPanel panel(&session, &uploads);
    panel.show();
    QSignalSpy loaded(&panel, &AttachmentsPanel::attachmentsLoaded);
    panel.setRecord(u"incident"_s, record);
    QVERIFY(loaded.wait(10000));

    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    panel.attachFiles({writeFile(u"huge-video.mp4"_s, QByteArray(3 * MiB, 'v'))});
    QVERIFY(failed.wait(10000));

    QVERIFY(panel.banner()->isVisible());
    const QString message = panel.banner()->text();
    QVERIFY(message.contains(u"\"huge-video.mp4\""));
    QVERIFY(message.contains(u"3.0 MB"));
    QVERIFY(message.contains(u"1 MB"));

    QCOMPARE(panel.model()->uploadCount(), 1);
    UploadStatusWidget *widget = statusWidget(panel, panel.model()->uploadId(0));
    QVERIFY(widget);
    QVERIFY(widget->retryButton()->isVisibleTo(widget));
    QVERIFY(widget->dismissButton()->isVisibleTo(widget));
    QVERIFY(panel.model()->index(0, AttachmentListModel::StatusColumn).data().toString().contains(u"huge-video.mp4"));

    widget->dismissButton()->click();
    QCOMPARE(panel.model()->rowCount(), 0);
}

void AttachmentPanelTest::deleteAsksConfirmation()
{
    QVERIFY(uploadDirect(m_record, u"doomed.txt"_s, "delete me").isValid());
    auto panel = makePanel(m_record);
    panel->show();
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));

    // Cancel first: nothing is deleted.
    panel->action(u"deleteAction"_s)->trigger();
    auto *box = panel->findChild<QMessageBox *>(u"deleteConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"doomed.txt"));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(panel->model()->attachmentCount(), 1);
    QCOMPARE(storedCount(u"incident"_s, m_record), 1);

    QTRY_VERIFY(!panel->findChild<QMessageBox *>(u"deleteConfirmation"_s));
    panel->action(u"deleteAction"_s)->trigger();
    box = panel->findChild<QMessageBox *>(u"deleteConfirmation"_s);
    QVERIFY(box);
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    QSignalSpy removed(m_uploads.get(), &UploadManager::attachmentRemoved);
    confirm->click();
    QVERIFY(removed.wait(10000));
    QCOMPARE(panel->model()->attachmentCount(), 0);
    QCOMPARE(storedCount(u"incident"_s, m_record), 0);
}

void AttachmentPanelTest::deleteKeyOpensConfirmation()
{
    QVERIFY(uploadDirect(m_record, u"keyboard.txt"_s, "k").isValid());
    auto panel = makePanel(m_record);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    panel->view()->setFocus();
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));

    QTest::keyClick(panel->view(), Qt::Key_Delete);
    QTRY_VERIFY(panel->findChild<QMessageBox *>(u"deleteConfirmation"_s));
    panel->findChild<QMessageBox *>(u"deleteConfirmation"_s)->button(QMessageBox::Cancel)->click();
}

void AttachmentPanelTest::doubleClickDownloadsExact()
{
    const QByteArray content = randomBytes(3 * MiB + 11, 7);
    QVERIFY(uploadDirect(m_record, u"exact.bin"_s, content).isValid());
    auto panel = makePanel(m_record);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));

    QSignalSpy saved(panel.get(), &AttachmentsPanel::downloadSaved);
    const QRect cell = panel->view()->visualRect(panel->model()->index(0, AttachmentListModel::NameColumn));
    // QTest::mouseDClick() alone sends no first click, which a real double-click has.
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(panel->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(saved.wait(30000));

    const QString path = saved.first().at(1).toString();
    QCOMPARE(path, m_downloads.filePath(u"exact.bin"_s));
    QCOMPARE(readFile(path), content);

    // A second download keeps the first file and takes a free name.
    QTest::mouseDClick(panel->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.last().at(1).toString(), m_downloads.filePath(u"exact (2).bin"_s));
    QCOMPARE(readFile(saved.last().at(1).toString()), content);
}

void AttachmentPanelTest::enterKeyDownloads()
{
    QVERIFY(uploadDirect(m_record, u"enter.txt"_s, "pressed enter").isValid());
    auto panel = makePanel(m_record);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    panel->view()->setFocus();
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));

    QSignalSpy saved(panel.get(), &AttachmentsPanel::downloadSaved);
    QTest::keyClick(panel->view(), Qt::Key_Return);
    QVERIFY(saved.wait(10000));
    QCOMPARE(readFile(saved.first().at(1).toString()), QByteArray("pressed enter"));
}

void AttachmentPanelTest::openUsesSystemViewer()
{
    const QByteArray content = randomBytes(20000, 8);
    QVERIFY(uploadDirect(m_record, u"view me.pdf"_s, content).isValid());
    auto panel = makePanel(m_record);
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));

    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"file"_s, &catcher, "openUrl");
    QSignalSpy opened(panel.get(), &AttachmentsPanel::attachmentOpened);
    panel->action(u"openAction"_s)->trigger();
    const bool arrived = opened.wait(10000);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QVERIFY(arrived);

    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY(catcher.urls.first().isLocalFile());
    QCOMPARE(QFileInfo(catcher.urls.first().toLocalFile()).fileName(), u"view me.pdf"_s);
    QVERIFY(catcher.urls.first().toLocalFile().startsWith(panel->downloads()->temporaryFolder()));
    QCOMPARE(readFile(catcher.urls.first().toLocalFile()), content);
}

void AttachmentPanelTest::dragWaitsForDownload()
{
    const QByteArray content = randomBytes(2 * MiB, 9);
    const AttachmentInfo attachment = uploadDirect(m_record, u"drag.bin"_s, content);
    QVERIFY(attachment.isValid());
    auto panel = makePanel(m_record);
    panel->setPrefetchLimit(0);
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));

    QSignalSpy ready(panel->downloads(), &AttachmentDownloads::copyReady);
    QVERIFY(!panel->createDragData({attachment}));
    QVERIFY(panel->banner()->text().contains(u"Drag again"));
    QVERIFY(ready.wait(30000));
    QCOMPARE(ready.first().at(2).value<AttachmentDownloads::Purpose>(), AttachmentDownloads::Purpose::Drag);

    std::unique_ptr<QMimeData> data(panel->createDragData({attachment}));
    QVERIFY(data);
    QCOMPARE(data->urls().size(), 1);
    QCOMPARE(readFile(data->urls().first().toLocalFile()), content);
}

void AttachmentPanelTest::dragUsesPrefetchedCopy()
{
    const QByteArray content = randomBytes(100000, 10);
    const AttachmentInfo attachment = uploadDirect(m_record, u"prefetched.bin"_s, content);
    QVERIFY(attachment.isValid());
    auto panel = makePanel(m_record);

    QSignalSpy ready(panel->downloads(), &AttachmentDownloads::copyReady);
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.first().at(2).value<AttachmentDownloads::Purpose>(), AttachmentDownloads::Purpose::Prefetch);

    std::unique_ptr<QMimeData> data(panel->createDragData(panel->selectedAttachments()));
    QVERIFY(data);
    QCOMPARE(readFile(data->urls().first().toLocalFile()), content);

    // A copy changed on disk (edited in a viewer) is not dragged; it is fetched again.
    QFile edited(data->urls().first().toLocalFile());
    QVERIFY(edited.open(QIODevice::Append));
    edited.write("edited");
    edited.close();
    QVERIFY(!panel->createDragData({attachment}));
}

void AttachmentPanelTest::pasteImageUploadsPng()
{
    auto panel = makePanel(m_record);
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(20, 120, 220));
    image.setPixelColor(10, 20, QColor(250, 10, 10));
    QGuiApplication::clipboard()->setImage(image);

    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    QVERIFY(panel->pasteFromClipboard());
    QVERIFY(added.wait(30000));

    const auto attachment = added.first().first().value<AttachmentInfo>();
    static const QRegularExpression name(u"^pasted-image-\\d{8}-\\d{6}\\.png$"_s);
    QVERIFY2(name.match(attachment.fileName).hasMatch(), qPrintable(attachment.fileName));
    QCOMPARE(attachment.contentType, u"image/png"_s);

    const QString target = m_folder.filePath(u"pasted-back.png"_s);
    std::unique_ptr<snow::Response> download(m_client->attachments().download(attachment.sysId, target));
    QVERIFY(download->waitForFinished(10000));
    QVERIFY(download->isSuccess());
    const QImage stored(target);
    QCOMPARE(stored.size(), image.size());
    QCOMPARE(stored.pixelColor(10, 20), QColor(250, 10, 10));
    QCOMPARE(stored.pixelColor(0, 0), QColor(20, 120, 220));
}

void AttachmentPanelTest::pasteFileUrls()
{
    auto panel = makePanel(m_record);
    auto *data = new QMimeData;
    data->setUrls({QUrl::fromLocalFile(writeFile(u"copied-a.txt"_s, "a")), QUrl::fromLocalFile(writeFile(u"copied-b.txt"_s, "bb"))});
    QGuiApplication::clipboard()->setMimeData(data);

    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    QVERIFY(panel->pasteFromClipboard());
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 30000);
    QTRY_COMPARE(panel->model()->attachmentCount(), 2);

    QStringList names = {panel->model()->attachment(0).fileName, panel->model()->attachment(1).fileName};
    names.sort();
    QCOMPARE(names, (QStringList{u"copied-a.txt"_s, u"copied-b.txt"_s}));
}

void AttachmentPanelTest::pasteWithoutContent()
{
    auto panel = makePanel(m_record);
    panel->show();
    QGuiApplication::clipboard()->setText(u"only text"_s);

    QVERIFY(!panel->pasteFromClipboard());
    QVERIFY(panel->banner()->isVisible());
    QVERIFY(panel->banner()->text().contains(u"no files or image"));
    QCOMPARE(m_uploads->itemIds().size(), 0);
}

void AttachmentPanelTest::dropFileUrls()
{
    auto panel = makePanel(m_record);
    panel->show();
    const QByteArray first = randomBytes(70000, 11);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeFile(u"dropped-1.bin"_s, first)), QUrl::fromLocalFile(writeFile(u"dropped-2.txt"_s, "two"))});
    const QPoint position = panel->rect().center();

    QDragEnterEvent enter(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.get(), &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(enter.dropAction(), Qt::CopyAction);
    auto *hint = panel->findChild<QLabel *>(u"dropHint"_s);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(u"2 files"));

    QSignalSpy added(m_uploads.get(), &UploadManager::attachmentAdded);
    QDropEvent drop(position, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.get(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!hint->isVisible());
    QCOMPARE(panel->model()->uploadCount(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, 30000);
    QTRY_COMPARE(panel->model()->attachmentCount(), 2);
    QCOMPARE(storedCount(u"incident"_s, m_record), 2);

    const int row = panel->model()->attachment(0).fileName == u"dropped-1.bin" ? 0 : 1;
    const AttachmentInfo stored = panel->model()->attachment(row);
    QCOMPARE(stored.fileName, u"dropped-1.bin"_s);
    QCOMPARE(stored.sizeBytes, first.size());
}

void AttachmentPanelTest::dropTextIgnored()
{
    auto panel = makePanel(m_record);
    QMimeData data;
    data.setText(u"not a file"_s);

    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.get(), &enter);
    QVERIFY(!enter.isAccepted());
}

void AttachmentPanelTest::extendedTableUsesRealTable()
{
    QVERIFY(uploadDirect(m_record, u"on-incident.txt"_s, "i").isValid());

    // The record listed as a task still keeps its attachments under "incident".
    auto panel = std::make_unique<AttachmentsPanel>(m_session.get(), m_uploads.get());
    QSignalSpy loaded(panel.get(), &AttachmentsPanel::attachmentsLoaded);
    panel->setRecord(u"task"_s, m_record);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(panel->model()->attachmentCount(), 0);

    panel->setRecord(u"incident"_s, m_record);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(panel->model()->attachmentCount(), 1);
}

void AttachmentPanelTest::panelDuringUpload()
{
    QVERIFY(uploadDirect(m_record, u"network-diagram.png"_s, randomBytes(182000, 12)).isValid());
    QVERIFY(uploadDirect(m_record, u"error-log.txt"_s, randomBytes(48213, 13)).isValid());
    auto panel = makePanel(m_record);
    panel->resize(960, 330);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));

    // One upload at a time, so the second file waits in the queue; a limit below the
    // third file's size makes it fail without sending anything.
    m_uploads->setMaxConcurrentUploads(1);
    const QString big = writeFile(u"database-export.sql.gz"_s, randomBytes(192 * MiB, 14));
    const QString queued = writeFile(u"screen-recording.webm"_s, randomBytes(MiB, 15));
    QFile huge(m_folder.filePath(u"virtual-machine.ova"_s));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(3 * 1024 * MiB));
    huge.close();
    QSignalSpy limitLoaded(m_uploads->sizeLimit(), &AttachmentSizeLimit::loaded);
    m_uploads->sizeLimit()->load();
    QVERIFY(limitLoaded.wait(10000));

    panel->attachFiles({big, queued, huge.fileName()});
    const int bigId = panel->model()->uploadId(2);
    QTRY_VERIFY_WITH_TIMEOUT(m_uploads->item(bigId).bytesSent > m_uploads->item(bigId).bytesTotal / 5, 30000);

    UploadStatusWidget *widget = statusWidget(*panel, bigId);
    QVERIFY(widget);
    const int value = widget->progressBar()->value();
    QVERIFY(value > 0);
    QVERIFY(value < widget->progressBar()->maximum());
    QCOMPARE(m_uploads->item(panel->model()->uploadId(3)).state, UploadState::Queued);
    QCOMPARE(m_uploads->item(panel->model()->uploadId(4)).state, UploadState::Failed);

    // SNOW_ATTACHMENTS_SCREENSHOT names a PNG file to keep the picture, for the docs.
    const QImage picture = panel->grab().toImage();
    QVERIFY(!picture.isNull());
    const QString screenshot = qEnvironmentVariable("SNOW_ATTACHMENTS_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(picture.save(screenshot));

    m_uploads->cancelAll();
}

QTEST_MAIN(AttachmentPanelTest)
#include "tst_attachments_panel.moc"
