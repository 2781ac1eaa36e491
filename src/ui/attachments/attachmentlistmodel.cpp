#include "attachmentlistmodel.h"

#include "attachments/uploadmanager.h"

#include <QtCore/QLocale>
#include <QtCore/QMimeDatabase>
#include <QtGui/QIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

int percentOf(qint64 bytes, qint64 total)
{
    if (total <= 0 || bytes < 0)
        return -1;
    return int(std::clamp<qint64>(bytes * 100 / total, 0, 100));
}

QIcon iconFor(const QString &contentType)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(contentType);
    if (!type.isValid())
        return QIcon::fromTheme(u"text-x-generic"_s);
    return QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName()));
}

QString statusText(const UploadItem &item)
{
    switch (item.state) {
    case UploadState::Queued:
        return AttachmentListModel::tr("Queued");
    case UploadState::Uploading: {
        const int percent = percentOf(item.bytesSent, item.bytesTotal);
        return percent < 0 ? AttachmentListModel::tr("Uploading…") : AttachmentListModel::tr("Uploading %1%").arg(percent);
    }
    case UploadState::Done:
        return AttachmentListModel::tr("Uploaded");
    case UploadState::Failed:
        return AttachmentListModel::tr("Failed: %1").arg(item.error.message());
    case UploadState::Cancelled:
        return AttachmentListModel::tr("Cancelled");
    }
    return QString();
}

} // namespace

AttachmentListModel::AttachmentListModel(UploadManager *uploads, QObject *parent)
    : QAbstractTableModel(parent)
    , m_uploads(uploads)
{
    connect(uploads, &UploadManager::itemAdded, this, &AttachmentListModel::addUpload);
    connect(uploads, &UploadManager::itemChanged, this, &AttachmentListModel::updateUpload);
    connect(uploads, &UploadManager::itemRemoved, this, &AttachmentListModel::removeUpload);
    connect(uploads, &UploadManager::attachmentAdded, this, &AttachmentListModel::addAttachment);
    connect(uploads, &UploadManager::attachmentRemoved, this, &AttachmentListModel::removeAttachment);
}

AttachmentListModel::~AttachmentListModel() = default;

void AttachmentListModel::setRecord(const QString &table, const QString &recordSysId)
{
    beginResetModel();
    m_table = table;
    m_recordSysId = recordSysId;
    m_attachments.clear();
    m_downloads.clear();
    m_uploadIds = m_uploads ? m_uploads->itemIds(table, recordSysId) : QList<int>();
    endResetModel();
}

void AttachmentListModel::setAttachments(const QList<AttachmentInfo> &attachments)
{
    // Rows are removed and inserted instead of a reset, so the views keep the widgets
    // they show on upload rows.
    if (!m_attachments.isEmpty()) {
        beginRemoveRows(QModelIndex(), 0, attachmentCount() - 1);
        m_attachments.clear();
        endRemoveRows();
    }
    if (!attachments.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(attachments.size()) - 1);
        m_attachments = attachments;
        endInsertRows();
    }
}

void AttachmentListModel::setDownloadProgress(const QString &attachmentSysId, qint64 bytes, qint64 total)
{
    if (bytes < 0)
        m_downloads.remove(attachmentSysId);
    else
        m_downloads.insert(attachmentSysId, DownloadProgress{bytes, total});

    const int row = rowOfAttachment(attachmentSysId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
}

AttachmentInfo AttachmentListModel::attachment(int row) const
{
    return row >= 0 && row < attachmentCount() ? m_attachments.at(row) : AttachmentInfo();
}

int AttachmentListModel::uploadId(int row) const
{
    return isUploadRow(row) ? m_uploadIds.at(row - attachmentCount()) : 0;
}

int AttachmentListModel::rowOfAttachment(const QString &attachmentSysId) const
{
    for (int row = 0; row < attachmentCount(); ++row) {
        if (m_attachments.at(row).sysId == attachmentSysId)
            return row;
    }
    return -1;
}

int AttachmentListModel::rowOfUpload(int uploadId) const
{
    const qsizetype position = m_uploadIds.indexOf(uploadId);
    return position < 0 ? -1 : attachmentCount() + int(position);
}

int AttachmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : attachmentCount() + uploadCount();
}

int AttachmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttachmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const int row = index.row();
    if (isUploadRow(row))
        return uploadData(uploadId(row), index.column(), role);
    return attachmentData(m_attachments.at(row), index.column(), role);
}

QVariant AttachmentListModel::attachmentData(const AttachmentInfo &attachment, int column, int role) const
{
    const auto download = m_downloads.constFind(attachment.sysId);
    const bool downloading = download != m_downloads.cend();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return attachment.fileName;
        case SizeColumn:
            return attachmentformat::byteSize(attachment.sizeBytes);
        case TypeColumn:
            return attachment.contentType;
        case CreatedByColumn:
            return attachment.createdBy;
        case CreatedOnColumn:
            return attachment.createdOn.isValid() ? QLocale().toString(attachment.createdOn.toLocalTime(), QLocale::ShortFormat)
                                                  : QString();
        case StatusColumn: {
            if (!downloading)
                return QString();
            const int percent = percentOf(download->bytes, download->total);
            return percent < 0 ? tr("Downloading…") : tr("Downloading %1%").arg(percent);
        }
        }
        return QVariant();
    case Qt::DecorationRole:
        return column == NameColumn ? iconFor(attachment.contentType) : QVariant();
    case Qt::ToolTipRole:
        return column == NameColumn ? tr("%1\nDouble-click to download, or drag it out of the window.").arg(attachment.fileName)
                                    : QVariant();
    case Qt::TextAlignmentRole:
        return column == SizeColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SysIdRole:
        return attachment.sysId;
    case UploadIdRole:
        return 0;
    case UploadStateRole:
        return -1;
    case ProgressRole:
        return downloading ? percentOf(download->bytes, download->total) : -1;
    case ErrorRole:
        return QString();
    case AttachmentRole:
        return QVariant::fromValue(attachment);
    case SizeBytesRole:
        return attachment.sizeBytes;
    }
    return QVariant();
}

QVariant AttachmentListModel::uploadData(int uploadId, int column, int role) const
{
    const UploadItem item = m_uploads ? m_uploads->item(uploadId) : UploadItem();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return item.fileName;
        case SizeColumn:
            return attachmentformat::byteSize(item.fileBytes);
        case TypeColumn:
            return item.contentType;
        case StatusColumn:
            return statusText(item);
        }
        return QString();
    case Qt::DecorationRole:
        return column == NameColumn ? iconFor(item.contentType) : QVariant();
    case Qt::ToolTipRole:
        if (column == StatusColumn && item.error.isError())
            return item.error.message();
        return column == NameColumn ? item.filePath : QVariant();
    case Qt::TextAlignmentRole:
        return column == SizeColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SysIdRole:
        return QString();
    case UploadIdRole:
        return uploadId;
    case UploadStateRole:
        return int(item.state);
    case ProgressRole:
        return item.state == UploadState::Uploading ? percentOf(item.bytesSent, item.bytesTotal) : -1;
    case ErrorRole:
        return item.state == UploadState::Failed ? item.error.message() : QString();
    case AttachmentRole:
        return QVariant::fromValue(AttachmentInfo());
    case SizeBytesRole:
        return item.fileBytes;
    }
    return QVariant();
}

QVariant AttachmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);

    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Type");
    case CreatedByColumn:
        return tr("Created by");
    case CreatedOnColumn:
        return tr("Created");
    case StatusColumn:
        return tr("Status");
    }
    return QVariant();
}

Qt::ItemFlags AttachmentListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (!isUploadRow(index.row()))
        result |= Qt::ItemIsDragEnabled;
    return result;
}

QHash<int, QByteArray> AttachmentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SysIdRole, "sysId");
    names.insert(UploadIdRole, "uploadId");
    names.insert(UploadStateRole, "uploadState");
    names.insert(ProgressRole, "progress");
    names.insert(ErrorRole, "error");
    names.insert(AttachmentRole, "attachment");
    names.insert(SizeBytesRole, "sizeBytes");
    return names;
}

bool AttachmentListModel::isThisRecord(const QString &table, const QString &recordSysId) const
{
    return !m_recordSysId.isEmpty() && table == m_table && recordSysId == m_recordSysId;
}

void AttachmentListModel::addUpload(int uploadId)
{
    if (!m_uploads || m_uploadIds.contains(uploadId))
        return;
    const UploadItem item = m_uploads->item(uploadId);
    if (!isThisRecord(item.table, item.recordSysId))
        return;

    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    m_uploadIds.append(uploadId);
    endInsertRows();
}

void AttachmentListModel::updateUpload(int uploadId)
{
    const int row = rowOfUpload(uploadId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AttachmentListModel::removeUpload(int uploadId)
{
    const int row = rowOfUpload(uploadId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_uploadIds.removeAt(row - attachmentCount());
    endRemoveRows();
}

void AttachmentListModel::addAttachment(const AttachmentInfo &attachment)
{
    if (!attachment.isValid() || !isThisRecord(attachment.tableName, attachment.tableSysId))
        return;
    if (rowOfAttachment(attachment.sysId) >= 0)
        return;

    const int row = attachmentCount();
    beginInsertRows(QModelIndex(), row, row);
    m_attachments.append(attachment);
    endInsertRows();
}

void AttachmentListModel::removeAttachment(const AttachmentInfo &attachment)
{
    const int row = rowOfAttachment(attachment.sysId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_attachments.removeAt(row);
    m_downloads.remove(attachment.sysId);
    endRemoveRows();
}
