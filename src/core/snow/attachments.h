#pragma once

#include <snow/error.h>

#include <QtCore/QPointer>
#include <QtCore/QString>

namespace snow {

class Client;
class Response;

/// Options of Attachments::upload().
struct SNOWCORE_EXPORT UploadOptions
{
    /// The name the attachment gets; the file's own name when empty.
    QString fileName;
    /// The MIME type; detected from the file's name and content when empty.
    QString contentType;
    /// Send `multipart/form-data` to `/attachment/upload` instead of the raw bytes to
    /// `/attachment/file`.
    bool multipart = false;
};

/// The Attachment API (`/api/now/attachment`): list, metadata, upload, download, delete.
///
/// Uploads and downloads stream from and to disk in chunks, so memory does not grow
/// with the file size. Each call returns a Response that the caller owns; its
/// transferProgress() signal reports bytes, and abort() stops the transfer.
///
/// After an upload, the `size_bytes` and `hash` (SHA-256) the instance returns are
/// compared with the bytes sent. A difference is a HashMismatch error, and the Response
/// still contains the metadata record, so the damaged attachment can be deleted. A
/// download is written to a temporary file and moved into place only when its size
/// and SHA-256 match the `X-Attachment-Metadata` header; otherwise the target file is
/// left untouched.
///
/// Attachments of records of an extended table (an incident is a task) belong to the
/// record's real table, its `sys_class_name`: pass that table, not the one browsed.
///
/// A value type holding a guarded pointer to its Client; use it in the Client's thread.
class SNOWCORE_EXPORT Attachments
{
public:
    explicit Attachments(Client *client);

    /// Lists the attachments of record @p recordSysId of @p table (at most @p limit).
    Response *list(const QString &table, const QString &recordSysId, qint64 limit = 1000) const;
    /// Fetches the metadata record of one attachment.
    Response *metadata(const QString &attachmentSysId) const;
    /// Uploads @p filePath to record @p recordSysId of @p table. The Response contains
    /// the new attachment's metadata record.
    Response *upload(const QString &table, const QString &recordSysId, const QString &filePath,
                     const UploadOptions &options = UploadOptions()) const;
    /// Downloads the content of an attachment to @p targetPath.
    Response *download(const QString &attachmentSysId, const QString &targetPath) const;
    /// Deletes an attachment (204).
    Response *remove(const QString &attachmentSysId) const;

    /// Returns the MIME type SnowCore sends for @p filePath.
    static QString contentTypeFor(const QString &filePath);

private:
    QPointer<Client> m_client;
};

} // namespace snow
