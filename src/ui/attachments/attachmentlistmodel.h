#pragma once

#include "attachments/attachmentinfo.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QPointer>

class UploadManager;

/// The attachments of one record and the uploads to it, one row each: first the
/// stored attachments in the order the instance lists them, then the uploads that are
/// queued, running, failed or cancelled, in the order added.
///
/// The model never touches the network. setAttachments() takes the list the caller
/// fetched. The upload rows follow the UploadManager: itemAdded() inserts a row,
/// itemChanged() updates it and itemRemoved() removes it. attachmentAdded() and
/// attachmentRemoved() for this record insert and remove attachment rows, so a
/// finished upload becomes an attachment row without a reload.
///
/// Roles: Qt::DisplayRole is the text of each column; SysIdRole the attachment's
/// sys_id (empty on upload rows); UploadIdRole the UploadManager item id (0 on
/// attachment rows); UploadStateRole the UploadState as an int (-1 on attachment
/// rows); ProgressRole the percentage of a running transfer, upload or download (-1
/// when none runs or the total is unknown); ErrorRole the message of a failed upload;
/// AttachmentRole the AttachmentInfo; SizeBytesRole the size in bytes (-1 unknown).
///
/// Lives in the GUI thread; the UploadManager must outlive it.
class AttachmentListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SizeColumn,
        TypeColumn,
        CreatedByColumn,
        CreatedOnColumn,
        StatusColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        SysIdRole = Qt::UserRole + 1,
        UploadIdRole,
        UploadStateRole,
        ProgressRole,
        ErrorRole,
        AttachmentRole,
        SizeBytesRole,
    };

    explicit AttachmentListModel(UploadManager *uploads, QObject *parent = nullptr);
    ~AttachmentListModel() override;

    /// Shows record @p recordSysId of @p table: no attachment rows until
    /// setAttachments(), and the manager's uploads to that record.
    void setRecord(const QString &table, const QString &recordSysId);
    QString table() const { return m_table; }
    QString recordSysId() const { return m_recordSysId; }

    /// Replaces the attachment rows; upload rows stay.
    void setAttachments(const QList<AttachmentInfo> &attachments);
    /// Shows a download of @p attachmentSysId in the Status column; a negative
    /// @p bytes clears it.
    void setDownloadProgress(const QString &attachmentSysId, qint64 bytes, qint64 total);

    int attachmentCount() const { return int(m_attachments.size()); }
    int uploadCount() const { return int(m_uploadIds.size()); }
    bool isUploadRow(int row) const { return row >= attachmentCount() && row < rowCount(); }
    /// Returns the attachment of @p row, or an invalid AttachmentInfo for an upload row.
    AttachmentInfo attachment(int row) const;
    /// Returns the upload item id of @p row, or 0 for an attachment row.
    int uploadId(int row) const;
    /// Returns the row of an attachment or an upload, or -1.
    int rowOfAttachment(const QString &attachmentSysId) const;
    int rowOfUpload(int uploadId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct DownloadProgress
    {
        qint64 bytes = 0;
        qint64 total = -1;
    };

    QVariant attachmentData(const AttachmentInfo &attachment, int column, int role) const;
    QVariant uploadData(int uploadId, int column, int role) const;
    bool isThisRecord(const QString &table, const QString &recordSysId) const;
    void addUpload(int uploadId);
    void updateUpload(int uploadId);
    void removeUpload(int uploadId);
    void addAttachment(const AttachmentInfo &attachment);
    void removeAttachment(const AttachmentInfo &attachment);

    QPointer<UploadManager> m_uploads;
    QString m_table;
    QString m_recordSysId;
    QList<AttachmentInfo> m_attachments;
    QList<int> m_uploadIds;
    QHash<QString, DownloadProgress> m_downloads;
};
