#include "bulkeditmodel.h"

#include "app/errortext.h"
#include "editor/bulkeditjob.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>

using namespace Qt::StringLiterals;

namespace {

QString stateText(BulkEditEntry::State state)
{
    switch (state) {
    case BulkEditEntry::State::Idle:
        return QString();
    case BulkEditEntry::State::Waiting:
        return BulkEditModel::tr("Waiting");
    case BulkEditEntry::State::Saving:
        return BulkEditModel::tr("Saving…");
    case BulkEditEntry::State::Saved:
        return BulkEditModel::tr("Saved");
    case BulkEditEntry::State::Failed:
        return BulkEditModel::tr("Failed");
    case BulkEditEntry::State::Cancelled:
        return BulkEditModel::tr("Cancelled");
    }
    return QString();
}

} // namespace

BulkEditModel::BulkEditModel(BulkEditJob *job, QObject *parent)
    : QAbstractTableModel(parent)
    , m_job(job)
{
    connect(job, &BulkEditJob::entryChanged, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int BulkEditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_job->entries().size());
}

int BulkEditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkEditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};

    const BulkEditEntry &entry = m_job->entries().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RecordColumn:
            return entry.title;
        case ResultColumn:
            return stateText(entry.state);
        case MessageColumn:
            return entry.state == BulkEditEntry::State::Failed ? userMessage(entry.error) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (entry.state == BulkEditEntry::State::Failed)
            return technicalDetails(entry.error);
        break;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && entry.state == BulkEditEntry::State::Failed)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (index.column() == ResultColumn && entry.state == BulkEditEntry::State::Saved)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        break;
    case StateRole:
        return int(entry.state);
    case SysIdRole:
        return entry.sysId;
    }
    return {};
}

QVariant BulkEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case ResultColumn:
        return tr("Result");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}
