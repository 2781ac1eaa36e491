#include "query/queryrowmodel.h"

using namespace Qt::StringLiterals;

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

QueryRowModel::QueryRowModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void QueryRowModel::setDescriber(Describer describer)
{
    m_describer = std::move(describer);
    if (!m_terms.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_terms.size()) - 1), {Qt::DisplayRole});
}

bool QueryRowModel::isFinished(const Term &term)
{
    return term.kind == Term::Kind::Verbatim || !term.field.isEmpty();
}

QString QueryRowModel::encode(const QList<Term> &terms)
{
    QueryBuilder builder;
    for (const Term &term : terms) {
        if (isFinished(term))
            builder.addTerm(term);
    }
    return builder.toString();
}

void QueryRowModel::setEncodedQuery(const QString &encoded)
{
    beginResetModel();
    m_terms = QueryBuilder::fromString(encoded).terms();
    endResetModel();
    notifyQueryChanged();
}

QString QueryRowModel::encodedQuery() const
{
    return encode(m_terms);
}

QString QueryRowModel::encodedQueryUpTo(int lastRow) const
{
    QList<Term> kept;
    for (qsizetype row = 0; row < m_terms.size(); ++row) {
        const Term &term = m_terms.at(row);
        if (row <= lastRow || term.kind == Term::Kind::OrderBy)
            kept.append(term);
    }
    return encode(kept);
}

void QueryRowModel::setTerm(int row, const Term &term)
{
    if (row < 0 || row >= m_terms.size() || m_terms.at(row) == term)
        return;
    m_terms[row] = term;
    Q_EMIT dataChanged(index(row), index(row));
    notifyQueryChanged();
}

void QueryRowModel::insertTerm(int row, const Term &term)
{
    row = qBound(0, row, int(m_terms.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_terms.insert(row, term);
    endInsertRows();
    notifyQueryChanged();
}

void QueryRowModel::appendTerm(const Term &term)
{
    insertTerm(int(m_terms.size()), term);
}

void QueryRowModel::removeTerm(int row)
{
    removeRows(row, 1);
}

bool QueryRowModel::moveTerm(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_terms.size() || to >= m_terms.size() || from == to)
        return false;
    // beginMoveRows() takes the row before which the moved row lands, counted before the move.
    return moveRows(QModelIndex(), from, 1, QModelIndex(), to > from ? to + 1 : to);
}

void QueryRowModel::clear()
{
    beginResetModel();
    m_terms.clear();
    endResetModel();
    notifyQueryChanged();
}

int QueryRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_terms.size());
}

QVariant QueryRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const Term &term = m_terms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_describer ? m_describer(term) : QueryBuilder::encodeTerm(term);
    case Qt::ToolTipRole:
    case EncodedRole:
        return QueryBuilder::encodeTerm(term);
    case TermRole:
        return QVariant::fromValue(term);
    case KindRole:
        return int(term.kind);
    case JoinRole:
        return int(term.join);
    case FieldRole:
        return term.field;
    case OperatorRole:
        return int(term.op);
    case ValuesRole:
        return term.values;
    default:
        return QVariant();
    }
}

bool QueryRowModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role != TermRole || !value.canConvert<Term>())
        return false;
    setTerm(index.row(), value.value<Term>());
    return true;
}

Qt::ItemFlags QueryRowModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> QueryRowModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TermRole, "term");
    names.insert(KindRole, "kind");
    names.insert(JoinRole, "join");
    names.insert(FieldRole, "field");
    names.insert(OperatorRole, "operator");
    names.insert(ValuesRole, "values");
    names.insert(EncodedRole, "encoded");
    return names;
}

bool QueryRowModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_terms.size())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_terms.remove(row, count);
    endRemoveRows();
    notifyQueryChanged();
    return true;
}

bool QueryRowModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                             int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_terms.size() || destinationChild < 0 || destinationChild > m_terms.size())
        return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false; // a move into itself changes nothing
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild))
        return false;

    const QList<Term> moved = m_terms.mid(sourceRow, count);
    m_terms.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_terms.insert(insertAt + i, moved.at(i));
    endMoveRows();
    notifyQueryChanged();
    return true;
}

void QueryRowModel::notifyQueryChanged()
{
    const QString encoded = encodedQuery();
    if (encoded == m_lastEncoded)
        return;
    m_lastEncoded = encoded;
    Q_EMIT encodedQueryChanged(encoded);
}
