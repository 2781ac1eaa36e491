#pragma once

#include "attachments/attachmentdownloads.h"
#include "attachments/attachmentinfo.h"

#include <snow/error.h>

#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtWidgets/QWidget>

class AttachmentListModel;
class MessageBanner;
class QAction;
class QLabel;
class QMimeData;
class QMessageBox;
class QTreeView;
class Session;
class UploadManager;

namespace snow {
class Response;
}

/// The attachments of one record: a list with name, size, type, creator and date, and
/// every way to add, fetch and remove them.
///
/// Adding: the "Attach Files…" dialog, files or an image pasted from the clipboard
/// (an image becomes `pasted-image-YYYYMMDD-HHMMSS.png`), and files dropped from the
/// desktop (`text/uri-list`). Uploads go through an UploadManager and show a progress
/// bar with Cancel while they run. A failed upload stays in the list with its error
/// and Retry, which sends the same file again.
///
/// Fetching: double-click or Enter saves the file to downloadFolder() (the user's
/// Downloads folder until changed with "Download To…"); "Open" downloads a temporary
/// copy and opens it with the system viewer; dragging a row out of the window drops a
/// complete, checked temporary copy. The copy of a file up to prefetchLimit() is
/// fetched as soon as its row becomes current, so the drag starts at once; a larger
/// file is downloaded when the drag starts and is ready for a second drag (the panel
/// says so).
///
/// Removing: "Delete…" asks for confirmation in a window-modal message box (object
/// name "deleteConfirmation"), then deletes through the UploadManager.
///
/// Errors show in the panel's MessageBanner with the ServiceNow message and a Details
/// view. Every action has a keyboard shortcut or sits in the context menu (Menu key).
///
/// Pass the record's real table (its `sys_class_name`), not the table being browsed:
/// see attachmenttarget::tableOf(). Lives in the GUI thread; the Session must outlive it.
class AttachmentsPanel : public QWidget
{
    Q_OBJECT

public:
    /// Files of this size or less are downloaded ahead when their row becomes current.
    static constexpr qint64 DefaultPrefetchLimit = 16 * 1024 * 1024;

    /// Uses the Session's shared UploadManager (UploadManager::forSession()).
    explicit AttachmentsPanel(Session *session, QWidget *parent = nullptr);
    /// Uses @p uploads, which must outlive the panel.
    AttachmentsPanel(Session *session, UploadManager *uploads, QWidget *parent = nullptr);
    ~AttachmentsPanel() override;

    /// Shows the attachments of record @p recordSysId of @p table and loads them.
    void setRecord(const QString &table, const QString &recordSysId);
    QString table() const;
    QString recordSysId() const;
    /// Lists the record's attachments again.
    void reload();
    bool isLoading() const { return m_listResponse != nullptr; }

    /// Queues @p paths for upload to the record.
    void attachFiles(const QStringList &paths);
    /// Queues @p urls for upload to the record; see UploadManager::uploadFiles().
    void attachUrls(const QList<QUrl> &urls);
    /// Attaches the files or the image on the clipboard. Returns false, with a message
    /// in the banner, when there is nothing to attach.
    bool pasteFromClipboard();
    /// Opens a file dialog and attaches the chosen files.
    void chooseFiles();
    /// True when a drag of @p data from @p source may drop here: the panel shows a
    /// record and @p data has file URLs or an image. Rows dragged out of this panel
    /// are rejected, because dropping them back would upload a second copy.
    bool acceptsDrag(const QMimeData *data, const QObject *source) const;
    /// Attaches the file URLs or the image in @p data, as a drop does. Returns false,
    /// with a message in the banner, when there is nothing to attach.
    bool attachMimeData(const QMimeData *data);

    /// Saves the selected attachments to downloadFolder().
    void downloadSelected();
    /// Asks for a folder, makes it the downloadFolder() and saves the selected attachments.
    void chooseFolderAndDownload();
    /// Opens the selected attachments with the system viewer.
    void openSelected();
    /// Asks for confirmation, then deletes the selected attachments.
    void deleteSelected();
    /// Cancels the selected uploads and downloads.
    void cancelSelected();
    /// Sends the selected failed or cancelled uploads again.
    void retrySelected();

    /// The folder downloads are saved to, kept in QSettings ("attachments/downloadFolder").
    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);
    qint64 prefetchLimit() const { return m_prefetchLimit; }
    /// Sets the largest file that is fetched ahead for dragging; 0 turns prefetching off.
    void setPrefetchLimit(qint64 bytes) { m_prefetchLimit = bytes; }

    /// Returns drag data with the file URLs of the temporary copies of @p attachments,
    /// or nullptr when a copy is not downloaded yet (its download then starts).
    QMimeData *createDragData(const QList<AttachmentInfo> &attachments);
    /// The attachments of the selected rows, in row order; upload rows are left out.
    QList<AttachmentInfo> selectedAttachments() const;

    AttachmentListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    UploadManager *uploads() const { return m_uploads; }
    AttachmentDownloads *downloads() const { return m_downloads; }
    /// Returns the action named @p objectName, such as "attachFilesAction".
    QAction *action(const QString &objectName) const;

Q_SIGNALS:
    /// The list of the record's attachments arrived.
    void attachmentsLoaded(int count);
    void loadFailed(const snow::Error &error);
    /// The number of stored attachments shown changed (after a load, an upload or a delete).
    void attachmentCountChanged(int count);
    /// An attachment was saved to @p path.
    void downloadSaved(const AttachmentInfo &attachment, const QString &path);
    /// An attachment was handed to the system viewer.
    void attachmentOpened(const AttachmentInfo &attachment, const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    class View;
    friend class View;

    void createLayout();
    void createActions();
    void connectTransfers();
    void takeList(snow::Response *response);
    void startDrag();
    void prefetchCurrent();
    void takeCopy(const AttachmentInfo &attachment, const QString &path, AttachmentDownloads::Purpose purpose);
    void addStatusWidgets(int firstRow, int lastRow);
    void updateActions();
    void updateSummary();
    void showError(const QString &text, const snow::Error &error);
    void showInformation(const QString &text);
    QList<int> selectedRows() const;

    Session *m_session;
    UploadManager *m_uploads;
    AttachmentDownloads *m_downloads;
    AttachmentListModel *m_model;
    QTreeView *m_view;
    MessageBanner *m_banner;
    QLabel *m_summary;
    QLabel *m_dropHint;
    QPointer<snow::Response> m_listResponse;
    QPointer<QMessageBox> m_confirmation;
    qint64 m_prefetchLimit = DefaultPrefetchLimit;
    bool m_listLoaded = false;
    int m_shownCount = -1;
};
