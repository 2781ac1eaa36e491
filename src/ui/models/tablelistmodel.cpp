#include "tablelistmodel.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

TableListModel::TableListModel(snow::Client *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    rebuild();
}

TableListModel::~TableListModel()
{
    if (m_response) {
        m_response->disconnect(this);
        delete m_response.data();
    }
}

void TableListModel::load()
{
    if (m_loaded || m_response)
        return;

    snow::Resource resource = m_client->resource(u"/table/sys_db_object"_s);
    snow::GetOptions options;
    options.limit = 0;
    options.pageSize = 5000;
    options.fields = {u"name"_s, u"label"_s};
    options.displayValue = snow::ParamsBuilder::DisplayValue::False;
    options.excludeReferenceLink = true;

    m_response = resource.get(u"nameISNOTEMPTY"_s, options);
    m_response->setParent(this);
    connect(m_response, &snow::Response::finished, this, [this, response = m_response.data()] {
        m_response = nullptr;
        response->deleteLater();
        if (response->error().isError()) {
            qCWarning(lcModel).noquote() << "Loading the table list failed:" << response->error().toString();
            Q_EMIT failed(response->error());
            return;
        }

        m_known.clear();
        for (const snow::Record &record : response->records())
            m_known.append({record.value(u"name"), record.value(u"label")});
        m_loaded = true;
        qCDebug(lcModel) << "Table list loaded with" << m_known.size() << "tables";
        rebuild();
        Q_EMIT loaded();
    });
}

void TableListModel::setRecentTables(const QStringList &tables)
{
    if (tables == m_recent)
        return;
    m_recent = tables;
    rebuild();
}

void TableListModel::rebuild()
{
    QHash<QString, QString> labels;
    for (const Table &table : std::as_const(m_known))
        labels.insert(table.name, table.label);

    QList<Table> rows;
    QSet<QString> placed;
    const auto place = [&](const QString &name) {
        if (name.isEmpty() || placed.contains(name))
            return;
        // Before the list loads, and for tables it lacks, the name is shown without a label.
        if (m_loaded && !labels.contains(name) && !m_recent.contains(name))
            return;
        placed.insert(name);
        rows.append({name, labels.value(name)});
    };
    for (const QString &name : std::as_const(m_recent))
        place(name);
    place(u"incident"_s);

    QList<Table> others;
    for (const Table &table : std::as_const(m_known)) {
        if (!placed.contains(table.name))
            others.append(table);
    }
    std::sort(others.begin(), others.end(), [](const Table &left, const Table &right) {
        const int byLabel = QString::compare(left.label, right.label, Qt::CaseInsensitive);
        return byLabel != 0 ? byLabel < 0 : left.name < right.name;
    });
    rows.append(others);

    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int TableListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name)
            return row;
    }
    return -1;
}

QString TableListModel::labelOf(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 ? m_rows.at(row).label : QString();
}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const Table &table = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return table.label.isEmpty() ? table.name : u"%1 (%2)"_s.arg(table.label, table.name);
    case Qt::ToolTipRole:
    case NameRole:
        return table.name;
    case LabelRole:
        return table.label;
    case RecentRole:
        return m_recent.contains(table.name);
    default:
        return QVariant();
    }
}

TableFilterModel::TableFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Sorting by rank only while searching; otherwise the source order shows.
    setDynamicSortFilter(true);
}

void TableFilterModel::setSearchText(const QString &text)
{
    m_text = text.trimmed();
    m_words = m_text.split(u' ', Qt::SkipEmptyParts);
    // sort() returns early when the column is unchanged, but the ranks depend on the
    // text, so invalidate() re-filters and re-sorts in every case.
    sort(m_text.isEmpty() ? -1 : 0);
    invalidate();
}

bool TableFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString name = index.data(TableListModel::NameRole).toString();
    const QString label = index.data(TableListModel::LabelRole).toString();
    for (const QString &word : m_words) {
        if (!name.contains(word, Qt::CaseInsensitive) && !label.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

int TableFilterModel::rank(const QModelIndex &index) const
{
    const QString name = index.data(TableListModel::NameRole).toString();
    const QString label = index.data(TableListModel::LabelRole).toString();
    if (name.compare(m_text, Qt::CaseInsensitive) == 0 || label.compare(m_text, Qt::CaseInsensitive) == 0)
        return 0;
    if (index.data(TableListModel::RecentRole).toBool())
        return 1;
    if (name.startsWith(m_text, Qt::CaseInsensitive) || label.startsWith(m_text, Qt::CaseInsensitive))
        return 2;
    return 3;
}

bool TableFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int leftRank = rank(left);
    const int rightRank = rank(right);
    if (leftRank != rightRank)
        return leftRank < rightRank;
    return left.row() < right.row();
}
