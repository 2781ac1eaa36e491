#include "conflictmodel.h"

#include <QtGui/QFont>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString shownText(const FieldValue &value)
{
    const QString text = value.displayValue.isEmpty() ? value.value : value.displayValue;
    return text.isEmpty() ? ConflictModel::tr("(empty)") : text;
}

} // namespace

ConflictModel::ConflictModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConflictModel::setConflicts(const QList<FieldConflict> &conflicts)
{
    beginResetModel();
    m_conflicts = conflicts;
    m_choices.clear();
    for (const FieldConflict &conflict : conflicts)
        m_choices.append(conflict.edited ? Choice::Mine : Choice::Theirs);
    endResetModel();
}

ConflictModel::Choice ConflictModel::choice(int row) const
{
    return m_choices.value(row, Choice::Theirs);
}

void ConflictModel::setChoice(int row, Choice choice)
{
    if (row < 0 || row >= m_conflicts.size() || !m_conflicts.at(row).edited || m_choices.at(row) == choice)
        return;
    m_choices[row] = choice;
    Q_EMIT dataChanged(index(row, TheirsColumn), index(row, MineColumn), {Qt::CheckStateRole, Qt::FontRole});
}

void ConflictModel::setAllChoices(Choice choice)
{
    for (int row = 0; row < m_conflicts.size(); ++row)
        setChoice(row, choice);
}

QStringList ConflictModel::fieldsKeepingTheirs() const
{
    QStringList fields;
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).edited && m_choices.at(row) == Choice::Theirs)
            fields.append(m_conflicts.at(row).field);
    }
    return fields;
}

int ConflictModel::choiceCount() const
{
    return int(std::count_if(m_conflicts.cbegin(), m_conflicts.cend(), [](const FieldConflict &c) { return c.edited; }));
}

bool ConflictModel::isValidIndex(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_conflicts.size() && index.column() < ColumnCount;
}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!isValidIndex(index))
        return {};

    const FieldConflict &conflict = m_conflicts.at(index.row());
    const Choice choice = m_choices.at(index.row());
    const bool isKept = (index.column() == TheirsColumn && choice == Choice::Theirs)
        || (index.column() == MineColumn && choice == Choice::Mine && conflict.edited);

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FieldColumn:
            return conflict.label;
        case LoadedColumn:
            return shownText(conflict.loaded);
        case TheirsColumn:
            return shownText(conflict.theirs);
        case MineColumn:
            return conflict.edited ? shownText(conflict.mine) : tr("(not edited)");
        }
        break;
    case Qt::CheckStateRole:
        if (conflict.edited && (index.column() == TheirsColumn || index.column() == MineColumn))
            return isKept ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::FontRole:
        if (isKept) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::UserRole:
        return conflict.field;
    }
    return {};
}

bool ConflictModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !isValidIndex(index))
        return false;
    if (!m_conflicts.at(index.row()).edited || (index.column() != TheirsColumn && index.column() != MineColumn))
        return false;

    // The two cells act as radio buttons: checking one picks it, and unchecking one
    // picks the other.
    const bool checked = value.toInt() == Qt::Checked;
    const bool theirs = (index.column() == TheirsColumn) == checked;
    setChoice(index.row(), theirs ? Choice::Theirs : Choice::Mine);
    return true;
}

Qt::ItemFlags ConflictModel::flags(const QModelIndex &index) const
{
    if (!isValidIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_conflicts.at(index.row()).edited && (index.column() == TheirsColumn || index.column() == MineColumn))
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant ConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case LoadedColumn:
        return tr("When you opened it");
    case TheirsColumn:
        return tr("On the instance now");
    case MineColumn:
        return tr("Yours");
    }
    return {};
}
