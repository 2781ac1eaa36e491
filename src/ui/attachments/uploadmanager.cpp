#include "uploadmanager.h"

#include "app/session.h"
#include "attachments/attachmentsizelimit.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UploadManager", text);
}

// Returns the error that keeps @p item from being sent, or no error. Updates the
// item's file size, because the file may have changed since it was added.
snow::Error checkBeforeSending(UploadItem &item, qint64 maxBytes)
{
    const QFileInfo file(item.filePath);
    if (!file.exists()) {
        item.fileBytes = -1;
        return snow::Error(snow::Error::FileError, tr("\"%1\" does not exist. Check where the file is, then "
                                                        "attach it again.")
                                                      .arg(QDir::toNativeSeparators(item.filePath)));
    }
    if (file.isDir()) {
        return snow::Error(snow::Error::FileError,
                          tr("\"%1\" is a folder. Attach the files inside it instead.").arg(QDir::toNativeSeparators(item.filePath)));
    }
    if (!file.isReadable()) {
        return snow::Error(snow::Error::FileError, tr("\"%1\" cannot be read. Check its permissions, then retry.")
                                                      .arg(QDir::toNativeSeparators(item.filePath)));
    }

    item.fileBytes = file.size();
    const QString tooLarge = AttachmentSizeLimit::checkFile(item.fileName, item.fileBytes, maxBytes);
    if (!tooLarge.isEmpty())
        return snow::Error(snow::Error::InvalidUsage, tooLarge);
    return snow::Error();
}

} // namespace

bool UploadItem::isFinished() const
{
    return state == UploadState::Done || state == UploadState::Failed || state == UploadState::Cancelled;
}

UploadManager::UploadManager(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_sizeLimit(new AttachmentSizeLimit(client, this))
    , m_temporary(QDir::tempPath() + u"/snowscope-uploads-XXXXXX"_s)
{
    connect(m_sizeLimit, &AttachmentSizeLimit::loaded, this, &UploadManager::schedule);
}

UploadManager::~UploadManager()
{
    // Responses are children; deleting them aborts the transfers without signals.
    for (Transfer &transfer : m_items)
        delete transfer.response.data();
}

UploadManager *UploadManager::forSession(Session *session)
{
    if (auto *existing = session->findChild<UploadManager *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new UploadManager(session->client(), session);
}

void UploadManager::setMaxConcurrentUploads(int count)
{
    m_maxConcurrent = qMax(1, count);
    schedule();
}

int UploadManager::addFile(const QString &table, const QString &recordSysId, const QString &filePath,
                           const snow::UploadOptions &options)
{
    const QFileInfo file(filePath);

    UploadItem item;
    item.table = table;
    item.recordSysId = recordSysId;
    item.filePath = file.absoluteFilePath();
    item.fileName = options.fileName.isEmpty() ? file.fileName() : options.fileName;
    item.contentType = options.contentType.isEmpty() ? snow::Attachments::contentTypeFor(filePath) : options.contentType;
    item.multipart = options.multipart;
    item.fileBytes = file.isFile() ? file.size() : -1;
    return addItem(item);
}

QList<int> UploadManager::uploadFiles(const QString &table, const QString &recordSysId, const QList<QUrl> &urls)
{
    QList<int> ids;
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            ids.append(addFile(table, recordSysId, url.toLocalFile()));
            continue;
        }

        // Not a file on this computer (a web link dragged from a browser): the item
        // shows why it was not sent.
        UploadItem item;
        item.table = table;
        item.recordSysId = recordSysId;
        item.fileName = url.fileName().isEmpty() ? url.toDisplayString() : url.fileName();
        const snow::Error error = snow::Error(snow::Error::InvalidUsage,
                                             tr("\"%1\" is not a file on this computer. Save it to a folder first, "
                                                "then attach the saved file.")
                                                 .arg(url.toDisplayString()));
        ids.append(addItem(item, error));
    }
    return ids;
}

int UploadManager::addItem(UploadItem item, const snow::Error &error)
{
    item.id = m_nextId++;
    if (error.isError()) {
        item.state = UploadState::Failed;
        item.error = error;
    }

    Transfer transfer;
    transfer.item = item;
    m_items.insert(item.id, transfer);
    qCInfo(lcAttachments).noquote() << "Queued upload" << item.id << "of" << item.filePath << "to" << item.table
                                    << item.recordSysId;

    Q_EMIT itemAdded(item.id);
    if (error.isError())
        Q_EMIT uploadFailed(item.id, error);
    schedule();
    return item.id;
}

bool UploadManager::cancel(int id)
{
    const auto found = m_items.find(id);
    if (found == m_items.end() || found->item.isFinished())
        return false;

    // Deleting the Response aborts the transfer without a finished() signal.
    delete found->response.data();
    found->item.state = UploadState::Cancelled;
    found->item.error = snow::Error(snow::Error::Aborted, tr("The upload was cancelled."));
    qCInfo(lcAttachments) << "Cancelled upload" << id;

    Q_EMIT itemChanged(id);
    schedule();
    return true;
}

void UploadManager::cancelAll()
{
    const QList<int> ids = m_items.keys();
    for (const int id : ids)
        cancel(id);
}

bool UploadManager::retry(int id)
{
    const auto found = m_items.find(id);
    if (found == m_items.end())
        return false;
    UploadItem &item = found->item;
    if (item.state != UploadState::Failed && item.state != UploadState::Cancelled)
        return false;
    // An item made from a URL that is no local file has nothing to send again.
    if (item.filePath.isEmpty())
        return false;

    item.state = UploadState::Queued;
    item.error = snow::Error();
    item.bytesSent = 0;
    item.bytesTotal = -1;
    qCInfo(lcAttachments) << "Retrying upload" << id;

    Q_EMIT itemChanged(id);
    schedule();
    return true;
}

bool UploadManager::dismiss(int id)
{
    const auto found = m_items.find(id);
    if (found == m_items.end())
        return false;
    if (found->item.state != UploadState::Failed && found->item.state != UploadState::Cancelled)
        return false;

    m_items.erase(found);
    Q_EMIT itemRemoved(id);
    return true;
}

void UploadManager::removeAttachment(const AttachmentInfo &attachment)
{
    snow::Response *response = m_client->attachments().remove(attachment.sysId);
    response->setParent(this);
    connect(response, &snow::Response::finished, this, [this, response, attachment] {
        response->deleteLater();
        const snow::Error error = response->error();
        if (error.isError() && error.httpStatus() != 404) {
            qCWarning(lcAttachments).noquote() << "Deleting attachment" << attachment.sysId << "failed:" << error.toString();
            Q_EMIT removeFailed(attachment, error);
            return;
        }

        qCInfo(lcAttachments).noquote() << "Deleted attachment" << attachment.sysId << "of" << attachment.tableName
                                        << attachment.tableSysId << (error.isError() ? "(it was already gone)" : "");
        Q_EMIT attachmentRemoved(attachment);
    });
}

UploadItem UploadManager::item(int id) const
{
    const auto found = m_items.constFind(id);
    return found == m_items.cend() ? UploadItem() : found->item;
}

QList<int> UploadManager::itemIds(const QString &table, const QString &recordSysId) const
{
    QList<int> ids;
    for (const Transfer &transfer : m_items) {
        if (transfer.item.table == table && transfer.item.recordSysId == recordSysId)
            ids.append(transfer.item.id);
    }
    return ids;
}

int UploadManager::pendingCount() const
{
    int count = 0;
    for (const Transfer &transfer : m_items) {
        if (!transfer.item.isFinished())
            ++count;
    }
    return count;
}

int UploadManager::runningCount() const
{
    int count = 0;
    for (const Transfer &transfer : m_items) {
        if (transfer.item.state == UploadState::Uploading)
            ++count;
    }
    return count;
}

void UploadManager::schedule()
{
    if (pendingCount() == 0)
        return;
    // Files are checked against the limit before anything is sent, so the queue
    // waits for the limit; its loaded() signal calls schedule() again.
    if (!m_sizeLimit->isLoaded()) {
        m_sizeLimit->load();
        return;
    }

    // Slots connected to the signals of fail() and start() may add, cancel or dismiss
    // items, so the loops look every item up again instead of holding an iterator.
    const QList<int> ids = m_items.keys();

    // Queued files that cannot be sent fail now, not when their turn comes, so the
    // user learns at once that a file is too large or gone.
    for (const int id : ids) {
        const auto found = m_items.find(id);
        if (found == m_items.end() || found->item.state != UploadState::Queued)
            continue;
        const snow::Error problem = checkBeforeSending(found->item, m_sizeLimit->maxBytes());
        if (problem.isError())
            fail(*found, problem);
    }

    for (const int id : ids) {
        if (runningCount() >= m_maxConcurrent)
            break;
        const auto found = m_items.find(id);
        if (found != m_items.end() && found->item.state == UploadState::Queued)
            start(*found);
    }
}

void UploadManager::start(Transfer &transfer)
{
    UploadItem &item = transfer.item;
    const snow::Error problem = checkBeforeSending(item, m_sizeLimit->maxBytes());
    if (problem.isError()) {
        fail(transfer, problem);
        return;
    }

    snow::UploadOptions options;
    options.fileName = item.fileName;
    options.contentType = item.contentType;
    options.multipart = item.multipart;

    item.state = UploadState::Uploading;
    item.bytesSent = 0;
    item.bytesTotal = item.fileBytes;
    transfer.sinceProgress.start();

    const int id = item.id;
    snow::Response *response = m_client->attachments().upload(item.table, item.recordSysId, item.filePath, options);
    response->setParent(this);
    transfer.response = response;
    connect(response, &snow::Response::transferProgress, this,
            [this, id](qint64 bytes, qint64 total) { takeProgress(id, bytes, total); });
    connect(response, &snow::Response::finished, this, [this, id, response] { takeResult(id, response); });

    qCInfo(lcAttachments).noquote() << "Uploading" << item.fileBytes << "bytes of" << item.filePath << "as upload" << id;
    Q_EMIT itemChanged(id);
}

void UploadManager::takeProgress(int id, qint64 bytes, qint64 total)
{
    const auto found = m_items.find(id);
    if (found == m_items.end() || found->item.state != UploadState::Uploading)
        return;

    UploadItem &item = found->item;
    item.bytesSent = bytes;
    if (total > 0)
        item.bytesTotal = total;

    // Qt reports progress for every block written; the views need far fewer updates.
    const bool atEnd = total > 0 && bytes >= total;
    if (!atEnd && found->sinceProgress.isValid() && found->sinceProgress.elapsed() < ProgressIntervalMs)
        return;
    found->sinceProgress.restart();
    Q_EMIT itemChanged(id);
}

void UploadManager::takeResult(int id, snow::Response *response)
{
    response->deleteLater();
    const auto found = m_items.find(id);
    if (found == m_items.end() || found->response != response)
        return;
    found->response = nullptr;

    const snow::Error error = response->error();
    if (error.kind() == snow::Error::HashMismatch) {
        // The Response keeps the stored record, so the damaged copy can be deleted.
        // firstOrNone() returns nothing for a failed Response, records() still has it.
        const QList<snow::Record> stored = response->records();
        if (!stored.isEmpty()) {
            deleteDamaged(id, AttachmentInfo::fromRecord(stored.first()), error);
            return;
        }
    }
    if (error.isError()) {
        fail(*found, error);
        schedule();
        return;
    }

    const std::optional<snow::Record> stored = response->firstOrNone();
    finishDone(id, stored ? AttachmentInfo::fromRecord(*stored) : AttachmentInfo());
    schedule();
}

void UploadManager::deleteDamaged(int id, const AttachmentInfo &stored, const snow::Error &mismatch)
{
    qCWarning(lcAttachments).noquote() << "Upload" << id << "was stored damaged as attachment" << stored.sysId << ", which is deleted now";

    snow::Response *removal = m_client->attachments().remove(stored.sysId);
    removal->setParent(this);
    connect(removal, &snow::Response::finished, this, [this, id, removal, stored, mismatch] {
        removal->deleteLater();
        const auto found = m_items.find(id);
        if (found == m_items.end() || found->item.state != UploadState::Uploading)
            return;

        const QString fileName = found->item.fileName;
        snow::Error error = mismatch;
        if (removal->error().isError()) {
            error.setMessage(tr("The instance stored different bytes than were sent for \"%1\", and deleting the damaged "
                                "attachment %2 failed: %3. Delete it on the instance, then retry the upload.")
                                 .arg(fileName, stored.sysId, removal->error().message()));
            // The damaged attachment stays on the record; lists must show it.
            Q_EMIT attachmentAdded(stored);
        } else {
            error.setMessage(tr("The instance stored different bytes than were sent for \"%1\", so the damaged "
                                "attachment was deleted. Retry the upload.")
                                 .arg(fileName));
        }
        error.setDetail(mismatch.message());
        fail(*found, error);
        schedule();
    });
}

void UploadManager::fail(Transfer &transfer, const snow::Error &error)
{
    UploadItem &item = transfer.item;
    if (error.kind() == snow::Error::Aborted) {
        item.state = UploadState::Cancelled;
        item.error = error;
        Q_EMIT itemChanged(item.id);
        return;
    }

    item.state = UploadState::Failed;
    item.error = error;
    qCWarning(lcAttachments).noquote() << "Upload" << item.id << "of" << item.filePath << "failed:" << error.toString();

    const int id = item.id;
    Q_EMIT itemChanged(id);
    Q_EMIT uploadFailed(id, error);
}

void UploadManager::finishDone(int id, const AttachmentInfo &attachment)
{
    const auto found = m_items.find(id);
    if (found == m_items.end())
        return;

    UploadItem &item = found->item;
    item.state = UploadState::Done;
    item.attachment = attachment;
    if (item.bytesTotal > 0)
        item.bytesSent = item.bytesTotal;

    Q_EMIT itemChanged(id);
    Q_EMIT attachmentAdded(attachment);

    // A slot connected above may have dismissed or changed the item.
    if (m_items.contains(id) && m_items.value(id).item.state == UploadState::Done) {
        m_items.remove(id);
        Q_EMIT itemRemoved(id);
    }
}
