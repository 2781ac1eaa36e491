#include "attachmentspanel.h"

#include "app/errortext.h"
#include "app/session.h"
#include "attachments/attachmentlistmodel.h"
#include "attachments/clipboardfiles.h"
#include "attachments/uploadmanager.h"
#include "attachments/uploadstatuswidget.h"
#include "logging.h"
#include "widgets/messagebanner.h"

#include <snow/client.h>
#include <snow/response.h>

#include <QtCore/QDir>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtGui/QDrag>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QGuiApplication>
#include <QtGui/QAction>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString DownloadFolderKey = u"attachments/downloadFolder"_s;

QString defaultDownloadFolder()
{
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

} // namespace

// The list of attachments. A drag of its rows takes the files from the panel, because
// they must be downloaded before anything can be dropped.
class AttachmentsPanel::View : public QTreeView
{
public:
    explicit View(AttachmentsPanel *panel)
        : QTreeView(panel)
        , m_panel(panel)
    {
    }

protected:
    void startDrag(Qt::DropActions) override { m_panel->startDrag(); }

private:
    AttachmentsPanel *m_panel;
};

AttachmentsPanel::AttachmentsPanel(Session *session, QWidget *parent)
    : AttachmentsPanel(session, UploadManager::forSession(session), parent)
{
}

AttachmentsPanel::AttachmentsPanel(Session *session, UploadManager *uploads, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_uploads(uploads)
    , m_downloads(new AttachmentDownloads(session->client(), this))
    , m_model(new AttachmentListModel(uploads, this))
    , m_view(new View(this))
    , m_banner(new MessageBanner(this))
    , m_summary(new QLabel(this))
    , m_dropHint(new QLabel(this))
{
    setObjectName(u"attachmentsPanel"_s);
    setAcceptDrops(true);
    createLayout();
    createActions();
    connectTransfers();
    updateActions();
    updateSummary();
}

AttachmentsPanel::~AttachmentsPanel()
{
    // Deleting a Response aborts it without further signals.
    delete m_listResponse.data();
}

void AttachmentsPanel::createLayout()
{
    m_view->setObjectName(u"attachmentList"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows are dragged out; drops land on the panel, which accepts them anywhere.
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // The status column comes right after the name, and the name takes the space left,
    // so a progress bar and its buttons stay in sight even in a narrow form.
    m_view->header()->moveSection(AttachmentListModel::StatusColumn, 1);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setMinimumSectionSize(40);
    m_view->header()->setSectionResizeMode(AttachmentListModel::NameColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(AttachmentListModel::SizeColumn, 75);
    m_view->setColumnWidth(AttachmentListModel::TypeColumn, 115);
    m_view->setColumnWidth(AttachmentListModel::CreatedByColumn, 80);
    m_view->setColumnWidth(AttachmentListModel::CreatedOnColumn, 135);
    m_view->setColumnWidth(AttachmentListModel::StatusColumn, 250);

    m_summary->setObjectName(u"attachmentSummary"_s);
    m_summary->setWordWrap(true);
    m_dropHint->setObjectName(u"dropHint"_s);
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setFrameShape(QFrame::StyledPanel);
    m_dropHint->setBackgroundRole(QPalette::Highlight);
    m_dropHint->setForegroundRole(QPalette::HighlightedText);
    m_dropHint->setAutoFillBackground(true);
    m_dropHint->setMargin(8);
    m_dropHint->hide();

    auto *buttons = new QHBoxLayout;
    buttons->setObjectName(u"attachmentButtons"_s);
    buttons->setSpacing(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { addStatusWidgets(first, last); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { addStatusWidgets(0, m_model->rowCount() - 1); });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] {
            updateSummary();
            updateActions();
        });
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateSummary();
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttachmentsPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AttachmentsPanel::prefetchCurrent);
    // activated() comes from a double-click, or Enter on the keyboard.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_model->attachment(index.row()).isValid())
            downloadSelected();
    });
}

void AttachmentsPanel::createActions()
{
    const auto add = [this](const char *name, const QString &text, QStyle::StandardPixmap icon, const QKeySequence &shortcut,
                            auto slot) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        // Shortcuts act while the focus is in the panel, so Ctrl+V or Delete in a
        // field of a form that contains the panel keep their usual meaning.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!shortcut.isEmpty()) {
            const QString plain = QString(text).remove(u'&').remove(u'…');
            action->setToolTip(u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
        }
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    const auto separator = [this] {
        auto *action = new QAction(this);
        action->setSeparator(true);
        return action;
    };

    QAction *attach = add("attachFilesAction", tr("&Attach Files…"), QStyle::SP_FileDialogNewFolder, QKeySequence(Qt::Key_Insert),
                          &AttachmentsPanel::chooseFiles);
    QAction *paste = add("pasteAction", tr("&Paste"), QStyle::SP_DialogOpenButton, QKeySequence::Paste,
                         [this] { pasteFromClipboard(); });
    paste->setToolTip(tr("Attach the files or the image on the clipboard (%1)")
                          .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    QAction *download = add("downloadAction", tr("&Download"), QStyle::SP_ArrowDown, QKeySequence(Qt::CTRL | Qt::Key_D),
                            &AttachmentsPanel::downloadSelected);
    download->setToolTip(tr("Save to the download folder (%1); double-click or Enter does the same")
                             .arg(QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)));
    QAction *downloadTo = add("downloadToAction", tr("Download &To…"), QStyle::SP_DirOpenIcon, QKeySequence(),
                              &AttachmentsPanel::chooseFolderAndDownload);
    QAction *open = add("openAction", tr("&Open"), QStyle::SP_FileIcon, QKeySequence(Qt::SHIFT | Qt::Key_Return),
                        &AttachmentsPanel::openSelected);
    open->setToolTip(tr("Open with the system viewer (%1)")
                         .arg(QKeySequence(Qt::SHIFT | Qt::Key_Return).toString(QKeySequence::NativeText)));
    QAction *remove = add("deleteAction", tr("De&lete…"), QStyle::SP_TrashIcon, QKeySequence::Delete, &AttachmentsPanel::deleteSelected);
    QAction *cancel = add("cancelAction", tr("&Cancel Transfer"), QStyle::SP_DialogCancelButton, QKeySequence(Qt::Key_Escape),
                          &AttachmentsPanel::cancelSelected);
    QAction *retry = add("retryAction", tr("&Retry Upload"), QStyle::SP_BrowserReload, QKeySequence(Qt::CTRL | Qt::Key_R),
                         &AttachmentsPanel::retrySelected);
    QAction *refresh = add("refreshAction", tr("Re&fresh"), QStyle::SP_BrowserReload, QKeySequence::Refresh, &AttachmentsPanel::reload);

    // The list's context menu (also the Menu key) offers every action.
    m_view->addActions({attach, paste, separator(), download, downloadTo, open, separator(), remove, cancel, retry, separator(),
                        refresh});

    auto *buttons = findChild<QHBoxLayout *>(u"attachmentButtons"_s);
    for (QAction *action : {attach, paste, download, open, remove, refresh}) {
        auto *tool = new QToolButton(this);
        tool->setDefaultAction(action);
        tool->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        tool->setAutoRaise(true);
        buttons->addWidget(tool);
        if (action == remove)
            buttons->addStretch(1);
    }

    connect(m_banner, &MessageBanner::actionTriggered, this, &AttachmentsPanel::reload);
}

QAction *AttachmentsPanel::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void AttachmentsPanel::connectTransfers()
{
    connect(m_uploads, &UploadManager::uploadFailed, this, [this](int id, const snow::Error &error) {
        const UploadItem item = m_uploads->item(id);
        if (item.table == table() && item.recordSysId == recordSysId())
            showError(tr("Uploading \"%1\" failed: %2").arg(item.fileName, userMessage(error)), error);
    });
    connect(m_uploads, &UploadManager::removeFailed, this, [this](const AttachmentInfo &attachment, const snow::Error &error) {
        if (attachment.tableSysId == recordSysId())
            showError(tr("Deleting \"%1\" failed: %2").arg(attachment.fileName, userMessage(error)), error);
    });

    connect(m_downloads, &AttachmentDownloads::progressChanged, m_model, &AttachmentListModel::setDownloadProgress);
    connect(m_downloads, &AttachmentDownloads::saved, this, [this](const AttachmentInfo &attachment, const QString &path) {
        m_model->setDownloadProgress(attachment.sysId, -1, -1);
        showInformation(tr("Saved \"%1\" to %2").arg(attachment.fileName, QDir::toNativeSeparators(path)));
        Q_EMIT downloadSaved(attachment, path);
    });
    connect(m_downloads, &AttachmentDownloads::copyReady, this, &AttachmentsPanel::takeCopy);
    connect(m_downloads, &AttachmentDownloads::failed, this, [this](const AttachmentInfo &attachment, const snow::Error &error) {
        m_model->setDownloadProgress(attachment.sysId, -1, -1);
        if (error.kind() == snow::Error::Aborted) {
            showInformation(tr("Download of \"%1\" cancelled.").arg(attachment.fileName));
            return;
        }
        showError(tr("Downloading \"%1\" failed: %2").arg(attachment.fileName, userMessage(error)), error);
    });
}

void AttachmentsPanel::setRecord(const QString &table, const QString &recordSysId)
{
    delete m_listResponse.data();
    m_listLoaded = false;
    m_banner->hide();
    m_model->setRecord(table, recordSysId);
    updateSummary();
    reload();
}

QString AttachmentsPanel::table() const
{
    return m_model->table();
}

QString AttachmentsPanel::recordSysId() const
{
    return m_model->recordSysId();
}

void AttachmentsPanel::reload()
{
    if (recordSysId().isEmpty())
        return;

    delete m_listResponse.data();
    snow::Response *response = m_session->client()->attachments().list(table(), recordSysId());
    response->setParent(this);
    m_listResponse = response;
    connect(response, &snow::Response::finished, this, [this, response] { takeList(response); });
    updateSummary();
}

void AttachmentsPanel::takeList(snow::Response *response)
{
    m_listResponse = nullptr;
    response->deleteLater();

    const snow::Error error = response->error();
    if (error.isError()) {
        qCWarning(lcAttachments).noquote() << "Listing the attachments of" << table() << recordSysId() << "failed:" << error.toString();
        showError(tr("Listing the attachments failed: %1").arg(userMessage(error)), error);
        m_banner->setActionText(tr("Retry"));
        updateSummary();
        Q_EMIT loadFailed(error);
        return;
    }

    QList<AttachmentInfo> attachments;
    for (const snow::Record &record : response->records())
        attachments.append(AttachmentInfo::fromRecord(record));
    m_listLoaded = true;
    m_model->setAttachments(attachments);
    updateSummary();
    Q_EMIT attachmentsLoaded(int(attachments.size()));
}

void AttachmentsPanel::attachFiles(const QStringList &paths)
{
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    attachUrls(urls);
}

void AttachmentsPanel::attachUrls(const QList<QUrl> &urls)
{
    if (recordSysId().isEmpty() || urls.isEmpty())
        return;
    m_uploads->uploadFiles(table(), recordSysId(), urls);
}

bool AttachmentsPanel::pasteFromClipboard()
{
    QString errorMessage;
    const QList<QUrl> urls = clipboardfiles::attachableUrls(QGuiApplication::clipboard()->mimeData(), m_uploads->temporaryFolder(),
                                                            &errorMessage);
    if (urls.isEmpty()) {
        showInformation(errorMessage);
        return false;
    }
    attachUrls(urls);
    return true;
}

void AttachmentsPanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach Files"), QDir::homePath());
    attachFiles(paths);
}

QList<int> AttachmentsPanel::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<AttachmentInfo> AttachmentsPanel::selectedAttachments() const
{
    QList<AttachmentInfo> attachments;
    for (const int row : selectedRows()) {
        const AttachmentInfo attachment = m_model->attachment(row);
        if (attachment.isValid())
            attachments.append(attachment);
    }
    return attachments;
}

QString AttachmentsPanel::downloadFolder() const
{
    return QSettings().value(DownloadFolderKey, defaultDownloadFolder()).toString();
}

void AttachmentsPanel::setDownloadFolder(const QString &folder)
{
    QSettings().setValue(DownloadFolderKey, folder);
}

void AttachmentsPanel::downloadSelected()
{
    const QString folder = downloadFolder();
    if (!QDir().mkpath(folder)) {
        showError(tr("Cannot create the download folder %1. Choose another one with Download To…").arg(QDir::toNativeSeparators(folder)),
                  snow::Error());
        return;
    }
    for (const AttachmentInfo &attachment : selectedAttachments()) {
        m_model->setDownloadProgress(attachment.sysId, 0, attachment.sizeBytes);
        m_downloads->saveTo(attachment, folder);
    }
}

void AttachmentsPanel::chooseFolderAndDownload()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Download To"), downloadFolder());
    if (folder.isEmpty())
        return;
    setDownloadFolder(folder);
    downloadSelected();
}

void AttachmentsPanel::openSelected()
{
    for (const AttachmentInfo &attachment : selectedAttachments()) {
        if (m_downloads->temporaryCopy(attachment).isEmpty())
            m_model->setDownloadProgress(attachment.sysId, 0, attachment.sizeBytes);
        m_downloads->fetchTemporaryCopy(attachment, AttachmentDownloads::Purpose::Open);
    }
}

void AttachmentsPanel::deleteSelected()
{
    const QList<AttachmentInfo> attachments = selectedAttachments();
    if (attachments.isEmpty() || m_confirmation)
        return;

    const QString question = attachments.size() == 1
        ? tr("Delete \"%1\" from this record?").arg(attachments.first().fileName)
        : tr("Delete %1 attachments from this record?").arg(attachments.size());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Attachments"), question, QMessageBox::Cancel, this);
    box->setObjectName(u"deleteConfirmation"_s);
    box->setInformativeText(tr("They are deleted on the instance and cannot be restored from Snowscope."));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_confirmation = box;

    connect(box, &QMessageBox::finished, this, [this, box, confirm, attachments] {
        if (box->clickedButton() != confirm)
            return;
        for (const AttachmentInfo &attachment : attachments)
            m_uploads->removeAttachment(attachment);
    });
    box->open();
}

void AttachmentsPanel::cancelSelected()
{
    for (const int row : selectedRows()) {
        if (const int id = m_model->uploadId(row))
            m_uploads->cancel(id);
        else
            m_downloads->cancel(m_model->attachment(row).sysId);
    }
}

void AttachmentsPanel::retrySelected()
{
    for (const int row : selectedRows()) {
        if (const int id = m_model->uploadId(row))
            m_uploads->retry(id);
    }
}

QMimeData *AttachmentsPanel::createDragData(const QList<AttachmentInfo> &attachments)
{
    QList<QUrl> urls;
    QStringList missing;
    for (const AttachmentInfo &attachment : attachments) {
        const QString path = m_downloads->temporaryCopy(attachment);
        if (!path.isEmpty()) {
            urls.append(QUrl::fromLocalFile(path));
            continue;
        }
        missing.append(attachment.fileName);
        m_model->setDownloadProgress(attachment.sysId, 0, attachment.sizeBytes);
        m_downloads->fetchTemporaryCopy(attachment, AttachmentDownloads::Purpose::Drag);
    }

    if (!missing.isEmpty()) {
        // A drop target reads the files when the drop happens, so a drag may only
        // carry files that are complete. The download runs; the next drag carries it.
        showInformation(tr("Downloading %1 so that it can be dragged. Drag again when the download has finished.")
                            .arg(u"\"%1\""_s.arg(missing.join(u"\", \""_s))));
        return nullptr;
    }
    if (urls.isEmpty())
        return nullptr;

    auto *data = new QMimeData;
    data->setUrls(urls);
    return data;
}

void AttachmentsPanel::startDrag()
{
    QMimeData *data = createDragData(selectedAttachments());
    if (!data)
        return;

    auto *drag = new QDrag(m_view);
    drag->setMimeData(data);
    drag->setPixmap(m_model->index(m_view->currentIndex().row(), AttachmentListModel::NameColumn)
                        .data(Qt::DecorationRole)
                        .value<QIcon>()
                        .pixmap(32));
    // Copy only: a target that moves the file would delete the cached copy.
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

void AttachmentsPanel::prefetchCurrent()
{
    const AttachmentInfo attachment = m_model->attachment(m_view->currentIndex().row());
    if (!attachment.isValid() || attachment.sizeBytes < 0 || attachment.sizeBytes > m_prefetchLimit)
        return;
    if (!m_downloads->temporaryCopy(attachment).isEmpty() || m_downloads->isDownloading(attachment.sysId))
        return;
    m_downloads->fetchTemporaryCopy(attachment, AttachmentDownloads::Purpose::Prefetch);
}

void AttachmentsPanel::takeCopy(const AttachmentInfo &attachment, const QString &path, AttachmentDownloads::Purpose purpose)
{
    m_model->setDownloadProgress(attachment.sysId, -1, -1);

    switch (purpose) {
    case AttachmentDownloads::Purpose::Open:
        if (QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
            Q_EMIT attachmentOpened(attachment, path);
        } else {
            showError(tr("No application could open \"%1\" (%2). Save it with Download, then open it from its folder.")
                          .arg(attachment.fileName, attachment.contentType),
                      snow::Error());
        }
        break;
    case AttachmentDownloads::Purpose::Drag:
        showInformation(tr("\"%1\" is downloaded: drag it out of the window now.").arg(attachment.fileName));
        break;
    case AttachmentDownloads::Purpose::Prefetch:
        break;
    }
}

void AttachmentsPanel::addStatusWidgets(int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const int id = m_model->uploadId(row);
        if (id == 0)
            continue;
        const QModelIndex status = m_model->index(row, AttachmentListModel::StatusColumn);
        if (!m_view->indexWidget(status))
            m_view->setIndexWidget(status, new UploadStatusWidget(m_uploads, id));
    }
}

void AttachmentsPanel::updateActions()
{
    const QList<int> rows = selectedRows();
    bool anyAttachment = false;
    bool anyTransfer = false;
    bool anyRetry = false;
    for (const int row : rows) {
        const QModelIndex index = m_model->index(row, 0);
        if (m_model->attachment(row).isValid())
            anyAttachment = true;
        const int state = index.data(AttachmentListModel::UploadStateRole).toInt();
        if (state == int(UploadState::Failed) || state == int(UploadState::Cancelled))
            anyRetry = true;
        if (state == int(UploadState::Queued) || state == int(UploadState::Uploading)
            || index.data(AttachmentListModel::ProgressRole).toInt() >= 0
            || m_downloads->isDownloading(index.data(AttachmentListModel::SysIdRole).toString()))
            anyTransfer = true;
    }

    const bool hasRecord = !recordSysId().isEmpty();
    action(u"attachFilesAction"_s)->setEnabled(hasRecord);
    action(u"pasteAction"_s)->setEnabled(hasRecord);
    action(u"refreshAction"_s)->setEnabled(hasRecord);
    for (const char *name : {"downloadAction", "downloadToAction", "openAction", "deleteAction"})
        action(QString::fromLatin1(name))->setEnabled(anyAttachment);
    action(u"cancelAction"_s)->setEnabled(anyTransfer);
    action(u"retryAction"_s)->setEnabled(anyRetry);
}

void AttachmentsPanel::updateSummary()
{
    const int count = m_model->attachmentCount();
    if (recordSysId().isEmpty()) {
        m_summary->setText(tr("No record selected. A new record takes attachments once it is saved."));
    } else if (isLoading() && !m_listLoaded) {
        m_summary->setText(tr("Loading attachments…"));
    } else if (count == 0 && m_model->uploadCount() == 0) {
        m_summary->setText(tr("No attachments. Drop files here, paste an image or files (%1), or choose Attach Files.")
                               .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    } else {
        qint64 totalBytes = 0;
        for (int row = 0; row < count; ++row)
            totalBytes += qMax<qint64>(0, m_model->attachment(row).sizeBytes);
        const QString stored = count == 1 ? tr("1 attachment, %1").arg(attachmentformat::byteSize(totalBytes))
                                          : tr("%1 attachments, %2").arg(count).arg(attachmentformat::byteSize(totalBytes));
        int pending = 0;
        for (int row = count; row < m_model->rowCount(); ++row) {
            const int state = m_model->index(row, 0).data(AttachmentListModel::UploadStateRole).toInt();
            if (state == int(UploadState::Queued) || state == int(UploadState::Uploading))
                ++pending;
        }
        if (pending == 0)
            m_summary->setText(tr("%1. Drop files here to attach them.").arg(stored));
        else if (pending == 1)
            m_summary->setText(tr("%1. 1 upload in progress.").arg(stored));
        else
            m_summary->setText(tr("%1. %2 uploads in progress.").arg(stored).arg(pending));
    }
    if (count != m_shownCount) {
        m_shownCount = count;
        Q_EMIT attachmentCountChanged(count);
    }
}

void AttachmentsPanel::showError(const QString &text, const snow::Error &error)
{
    m_banner->setActionText(QString());
    m_banner->showMessage(MessageBanner::Kind::Error, text, error.isError() ? technicalDetails(error) : QString());
}

void AttachmentsPanel::showInformation(const QString &text)
{
    m_banner->setActionText(QString());
    m_banner->showMessage(MessageBanner::Kind::Information, text);
}

bool AttachmentsPanel::acceptsDrag(const QMimeData *data, const QObject *source) const
{
    if (recordSysId().isEmpty() || !clipboardfiles::hasAttachableContent(data))
        return false;

    // Rows dragged from this list carry its own files; dropping them back would upload
    // a second copy.
    for (const QObject *object = source; object; object = object->parent()) {
        if (object == this)
            return false;
    }
    return true;
}

void AttachmentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!acceptsDrag(event->mimeData(), event->source())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();

    const qsizetype files = event->mimeData()->urls().size();
    m_dropHint->setText(files > 1 ? tr("Drop to attach %1 files to this record").arg(files) : tr("Drop to attach to this record"));
    m_dropHint->show();
}

void AttachmentsPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (!acceptsDrag(event->mimeData(), event->source())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void AttachmentsPanel::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropHint->hide();
    QWidget::dragLeaveEvent(event);
}

void AttachmentsPanel::dropEvent(QDropEvent *event)
{
    m_dropHint->hide();
    if (!acceptsDrag(event->mimeData(), event->source())) {
        event->ignore();
        return;
    }

    if (!attachMimeData(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

bool AttachmentsPanel::attachMimeData(const QMimeData *data)
{
    QString errorMessage;
    const QList<QUrl> urls = clipboardfiles::attachableUrls(data, m_uploads->temporaryFolder(), &errorMessage);
    if (urls.isEmpty()) {
        showInformation(errorMessage);
        return false;
    }
    attachUrls(urls);
    return true;
}
