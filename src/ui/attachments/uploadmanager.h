#pragma once

#include "attachments/attachmentinfo.h"

#include <snow/attachments.h>
#include <snow/error.h>
#include <snow/response.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

class AttachmentSizeLimit;
class Session;

namespace snow {
class Client;
}

/// The life of one upload in an UploadManager.
enum class UploadState {
    Queued,    ///< waiting for a free slot or for the instance's size limit
    Uploading, ///< bytes are being sent; UploadItem::bytesSent and bytesTotal tell how far
    Done,      ///< stored and checked; UploadItem::attachment holds the new attachment
    Failed,    ///< UploadItem::error tells why; retry() sends the file again
    Cancelled, ///< stopped by cancel(); retry() sends the file again
};

/// One file to upload to one record, and how far it got.
struct UploadItem
{
    int id = 0;
    QString table;       ///< the record's real table (sys_class_name), not a parent table
    QString recordSysId;
    QString filePath;
    QString fileName;    ///< the name the attachment gets
    QString contentType; ///< the MIME type sent
    bool multipart = false;
    qint64 fileBytes = -1; ///< size on disk when the item was added or last started; -1 when unreadable

    UploadState state = UploadState::Queued;
    qint64 bytesSent = 0;
    qint64 bytesTotal = -1; ///< -1 until the transfer reports a total
    snow::Error error;       ///< for Failed
    AttachmentInfo attachment; ///< for Done

    /// True for Done, Failed and Cancelled.
    bool isFinished() const;
};

/// Uploads files to records as attachments: a queue that runs at most
/// maxConcurrentUploads() at once and keeps the state of every item.
///
/// Each item is checked just before it is sent: the path must be a readable file and
/// its size within the instance's maximum attachment size (AttachmentSizeLimit, read
/// once per manager). A failed or cancelled item stays in the manager with its error
/// until retry() or dismiss(), so nothing the user added is lost. An upload whose
/// stored bytes differ from the bytes sent (snow::Error::HashMismatch) is deleted from
/// the instance and fails, so no damaged attachment is left on the record.
///
/// Signals: itemAdded() comes once per item. itemChanged() comes on every state change
/// and on progress, at most every ProgressIntervalMs per item and at the end. A
/// successful upload emits itemChanged() with Done, then attachmentAdded(), then
/// itemRemoved(), because a Done item is dropped from the manager at once.
/// uploadFailed() follows the itemChanged() of a failure, not of a cancel.
///
/// The manager also deletes attachments (removeAttachment()), so that lists and counts
/// that listen to one manager learn of every change. Attach files to the record's
/// real table: see attachmenttarget::tableOf().
///
/// Lives in the GUI thread; the Client must outlive it. Use forSession() to share
/// one manager among the panels, forms and tables of a Session.
class UploadManager : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxConcurrentUploads = 3;
    static constexpr int ProgressIntervalMs = 100;

    explicit UploadManager(snow::Client *client, QObject *parent = nullptr);
    ~UploadManager() override;

    /// Returns the manager of @p session, creating it as a child of the session on
    /// first use.
    static UploadManager *forSession(Session *session);

    snow::Client *client() const { return m_client; }
    AttachmentSizeLimit *sizeLimit() const { return m_sizeLimit; }

    int maxConcurrentUploads() const { return m_maxConcurrent; }
    /// Sets how many uploads run at once (at least 1); queued items start when slots free up.
    void setMaxConcurrentUploads(int count);

    /// Queues @p filePath for record @p recordSysId of @p table and returns the item id.
    int addFile(const QString &table, const QString &recordSysId, const QString &filePath,
                const snow::UploadOptions &options = snow::UploadOptions());
    /// Queues every URL of @p urls (from a drop or the clipboard) and returns the item
    /// ids in order. A URL that is not a local file, or a folder, becomes a Failed item
    /// whose error names the reason, because the user should see why nothing was uploaded.
    QList<int> uploadFiles(const QString &table, const QString &recordSysId, const QList<QUrl> &urls);

    /// Stops a queued or running upload; the item becomes Cancelled. Returns false for
    /// an unknown or finished item.
    bool cancel(int id);
    /// Cancels every queued and running upload.
    void cancelAll();
    /// Queues a Failed or Cancelled item again, with the same file. Returns false otherwise.
    bool retry(int id);
    /// Drops a Failed or Cancelled item from the manager (itemRemoved() follows).
    bool dismiss(int id);

    /// Deletes @p attachment from the instance; attachmentRemoved() or removeFailed()
    /// follows. An attachment that is already gone (404) counts as removed.
    void removeAttachment(const AttachmentInfo &attachment);

    bool contains(int id) const { return m_items.contains(id); }
    /// Returns the item @p id, or a default UploadItem (id 0) when unknown.
    UploadItem item(int id) const;
    /// Every item id in the order added.
    QList<int> itemIds() const { return m_items.keys(); }
    /// The item ids of one record, in the order added.
    QList<int> itemIds(const QString &table, const QString &recordSysId) const;
    /// Items that are Queued or Uploading.
    int pendingCount() const;

    /// A folder that lives as long as the manager, for files made to be uploaded (a
    /// pasted image), so retry() still finds them.
    QString temporaryFolder() const { return m_temporary.path(); }

Q_SIGNALS:
    void itemAdded(int id);
    void itemChanged(int id);
    void itemRemoved(int id);
    void uploadFailed(int id, const snow::Error &error);
    void attachmentAdded(const AttachmentInfo &attachment);
    void attachmentRemoved(const AttachmentInfo &attachment);
    void removeFailed(const AttachmentInfo &attachment, const snow::Error &error);

private:
    struct Transfer
    {
        UploadItem item;
        QPointer<snow::Response> response;
        QElapsedTimer sinceProgress;
    };

    int addItem(UploadItem item, const snow::Error &error = snow::Error());
    void schedule();
    void start(Transfer &transfer);
    void takeProgress(int id, qint64 bytes, qint64 total);
    void takeResult(int id, snow::Response *response);
    void deleteDamaged(int id, const AttachmentInfo &stored, const snow::Error &mismatch);
    void fail(Transfer &transfer, const snow::Error &error);
    void finishDone(int id, const AttachmentInfo &attachment);
    int runningCount() const;

    snow::Client *m_client;
    AttachmentSizeLimit *m_sizeLimit;
    int m_maxConcurrent = DefaultMaxConcurrentUploads;
    int m_nextId = 1;
    QMap<int, Transfer> m_items;
    QTemporaryDir m_temporary;
};
