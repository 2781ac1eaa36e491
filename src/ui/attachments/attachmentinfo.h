#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace snow {
class Record;
}

/// The metadata of one stored attachment, read from a `sys_attachment` record of the
/// Attachment API.
struct AttachmentInfo
{
    QString sysId;
    QString fileName;
    QString contentType;
    qint64 sizeBytes = -1; ///< -1 when the instance did not send `size_bytes`
    QString hash;          ///< SHA-256 in lower-case hex; empty when the instance sends none
    QString tableName;     ///< the record's real table (its `sys_class_name`)
    QString tableSysId;
    QString createdBy;     ///< user name from `sys_created_by`
    QDateTime createdOn;   ///< from `sys_created_on`, in UTC; invalid when absent

    bool isValid() const { return !sysId.isEmpty(); }

    /// Reads the metadata fields of an Attachment API record.
    static AttachmentInfo fromRecord(const snow::Record &record);

    friend bool operator==(const AttachmentInfo &, const AttachmentInfo &) = default;
};

Q_DECLARE_METATYPE(AttachmentInfo)

namespace attachmentformat {

/// Formats @p bytes for people in binary multiples (1 KB is 1024 bytes): "512 bytes",
/// "1.5 KB", "20.0 MB".
/// Returns an empty string for a negative (unknown) size.
QString byteSize(qint64 bytes);

} // namespace attachmentformat
