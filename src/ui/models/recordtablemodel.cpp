#include "recordtablemodel.h"

#include "logging.h"

#include <snow/pager.h>

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RecordTableModel::setColumns(const QList<RecordColumn> &columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void RecordTableModel::setPager(snow::Pager *pager)
{
    if (m_pager)
        m_pager->disconnect(this);

    beginResetModel();
    m_records.clear();
    m_pager = pager;
    endResetModel();

    if (!pager)
        return;

    connect(pager, &snow::Pager::recordsReceived, this,
            [this](qint64, const QList<snow::Record> &records) { appendRecords(records); });
    connect(pager, &snow::Pager::totalCountChanged, this,
            [this](qint64 total) { Q_EMIT countsChanged(m_records.size(), total); });
}

snow::Record RecordTableModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : snow::Record();
}

int RecordTableModel::rowOf(const QString &sysId) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).sysId() == sysId)
            return row;
    }
    return -1;
}

bool RecordTableModel::replaceRecord(const snow::Record &record)
{
    const int row = rowOf(record.sysId());
    if (row < 0)
        return false;

    m_records[row] = record;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

qint64 RecordTableModel::totalCount() const
{
    return m_pager ? m_pager->totalCount() : -1;
}

void RecordTableModel::appendRecords(const QList<snow::Record> &records)
{
    if (records.isEmpty())
        return;

    const int first = int(m_records.size());
    beginInsertRows(QModelIndex(), first, first + int(records.size()) - 1);
    m_records.append(records);
    endInsertRows();

    qCDebug(lcModel) << "Rows" << first << "to" << m_records.size() - 1 << "inserted";
    Q_EMIT countsChanged(m_records.size(), totalCount());
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const snow::Record &record = m_records.at(index.row());
    const QString &field = m_columns.at(index.column()).field;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return record.displayValue(field);
    case RawValueRole:
        return record.value(field);
    case LinkRole:
        return record.link(field);
    case RecordRole:
        return QVariant::fromValue(record);
    case SysIdRole:
        return record.sysId();
    default:
        return QVariant();
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_columns.size()) {
        if (role == Qt::DisplayRole)
            return m_columns.at(section).label;
        if (role == Qt::ToolTipRole)
            return m_columns.at(section).field;
    }
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return QVariant();
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager && !m_pager->atEnd() && !m_pager->isLoading() && !m_pager->lastError().isError();
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        m_pager->fetchNext();
}
