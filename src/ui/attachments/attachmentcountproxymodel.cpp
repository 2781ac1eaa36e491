#include "attachmentcountproxymodel.h"

#include "attachments/attachmentcounts.h"
#include "models/recordtablemodel.h"

#include <QtCore/QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

AttachmentCountProxyModel::AttachmentCountProxyModel(AttachmentCounts *counts, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_counts(counts)
{
}

int AttachmentCountProxyModel::countColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool AttachmentCountProxyModel::isCountIndex(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.column() == countColumn();
}

qint64 AttachmentCountProxyModel::count(int row) const
{
    if (!sourceModel() || row < 0 || row >= sourceModel()->rowCount())
        return -1;
    const QString sysId = sourceModel()->index(row, 0).data(RecordTableModel::SysIdRole).toString();
    return sysId.isEmpty() ? -1 : m_counts->count(QString(), sysId);
}

void AttachmentCountProxyModel::updateRows(const QStringList &recordSysIds)
{
    auto *records = qobject_cast<RecordTableModel *>(sourceModel());
    if (!records)
        return;

    // One signal for the span of rows: a view handles each dataChanged() on its own,
    // and one per row made a batch of counts cost many milliseconds in a large table.
    const QHash<QString, int> rows = records->rowsOf(QSet<QString>(recordSysIds.cbegin(), recordSysIds.cend()));
    if (rows.isEmpty())
        return;

    int first = std::numeric_limits<int>::max();
    int last = -1;
    for (const int row : rows) {
        first = std::min(first, row);
        last = std::max(last, row);
    }

    const int column = countColumn();
    Q_EMIT dataChanged(index(first, column), index(last, column), {Qt::DisplayRole, Qt::ToolTipRole});
}

QModelIndex AttachmentCountProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!parent.isValid() && column == countColumn() && row >= 0 && row < rowCount())
        return createIndex(row, column);
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex AttachmentCountProxyModel::parent(const QModelIndex &child) const
{
    if (isCountIndex(child))
        return QModelIndex();
    return QIdentityProxyModel::parent(child);
}

QModelIndex AttachmentCountProxyModel::sibling(int row, int column, const QModelIndex &index) const
{
    return this->index(row, column, parent(index));
}

int AttachmentCountProxyModel::rowCount(const QModelIndex &parent) const
{
    // The records form a flat table: no cell has rows below it.
    return parent.isValid() ? 0 : QIdentityProxyModel::rowCount(parent);
}

int AttachmentCountProxyModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !sourceModel())
        return 0;
    return sourceModel()->columnCount() + 1;
}

bool AttachmentCountProxyModel::hasChildren(const QModelIndex &parent) const
{
    return parent.isValid() ? false : QIdentityProxyModel::hasChildren(parent);
}

QModelIndex AttachmentCountProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (isCountIndex(proxyIndex))
        return QModelIndex();
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

QVariant AttachmentCountProxyModel::data(const QModelIndex &index, int role) const
{
    if (!isCountIndex(index))
        return QIdentityProxyModel::data(index, role);

    switch (role) {
    case Qt::DisplayRole: {
        const qint64 attachments = count(index.row());
        return attachments > 0 ? QLocale().toString(attachments) : QString();
    }
    case Qt::ToolTipRole: {
        const qint64 attachments = count(index.row());
        if (attachments < 0)
            return tr("Counting the attachments…");
        return attachments == 1 ? tr("1 attachment. Drop files on the row to attach more.")
                                : tr("%1 attachments. Drop files on the row to attach more.").arg(attachments);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case RecordTableModel::RecordRole:
    case RecordTableModel::SysIdRole:
    case RecordTableModel::LoadedRole:
        return sourceModel()->index(index.row(), 0).data(role);
    default:
        return QVariant();
    }
}

QMap<int, QVariant> AttachmentCountProxyModel::itemData(const QModelIndex &index) const
{
    if (isCountIndex(index))
        return QAbstractItemModel::itemData(index);
    return QIdentityProxyModel::itemData(index);
}

QVariant AttachmentCountProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == countColumn()) {
        if (role == Qt::DisplayRole)
            return tr("Attachments");
        if (role == Qt::ToolTipRole)
            return tr("The number of attachments of each record. Drop files on a row to attach them.");
        return QVariant();
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

Qt::ItemFlags AttachmentCountProxyModel::flags(const QModelIndex &index) const
{
    if (isCountIndex(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return QIdentityProxyModel::flags(index);
}

bool AttachmentCountProxyModel::canFetchMore(const QModelIndex &parent) const
{
    return parent.isValid() ? false : QIdentityProxyModel::canFetchMore(parent);
}

void AttachmentCountProxyModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        QIdentityProxyModel::fetchMore(parent);
}
