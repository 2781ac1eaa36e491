#include "groupcountmodel.h"

#include <QtCore/QLocale>

GroupCountModel::GroupCountModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void GroupCountModel::setGroups(const QList<GroupCount> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

QString GroupCountModel::label(const GroupCount &group)
{
    if (!group.displayValue.isEmpty())
        return group.displayValue;
    return group.value.isEmpty() ? tr("(empty)") : group.value;
}

int GroupCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int GroupCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant GroupCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const GroupCount &group = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? label(group) : QLocale().toString(group.count);
    case Qt::TextAlignmentRole:
        return index.column() == 1 ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case ValueRole:
        return group.value;
    case CountRole:
        return group.count;
    default:
        return QVariant();
    }
}

QVariant GroupCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    if (section == 0)
        return tr("Value");
    if (section == 1)
        return tr("Records");
    return QVariant();
}
