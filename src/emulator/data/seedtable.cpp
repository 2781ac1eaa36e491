#include "seedtable.h"

#include "seedrandom.h"
#include "seedworld.h"

using namespace Qt::StringLiterals;

namespace snowemu {

SeedTable::SeedTable(const TableDefinition &definition)
    : m_definition(definition)
{
}

SeedTable::~SeedTable() = default;

QString SeedTable::sysId(int row) const
{
    return seed::sysIdFor(m_definition.name, row);
}

int SeedTable::rowOfSysId(const QString &sysId) const
{
    const qint64 row = seed::rowOfSysId(m_definition.name, sysId);
    return row >= 0 && row < rowCount() ? int(row) : -1;
}

GeneratedTable::GeneratedTable(const TableDefinition &definition, int rowCount,
                               const QHash<QString, Generator> &generators)
    : SeedTable(definition)
    , m_rowCount(rowCount)
{
    const QString table = definition.name;
    const QHash<QString, Generator> defaults = {
        {u"sys_id"_s, [table](int row) -> QString { return seed::sysIdFor(table, row); }},
        {u"sys_class_name"_s, [table](int) -> QString { return table; }},
        {u"sys_domain"_s, [](int) -> QString { return u"global"_s; }},
        {u"sys_domain_path"_s, [](int) -> QString { return u"/"_s; }},
        {u"sys_created_by"_s, [](int) -> QString { return u"admin"_s; }},
        {u"sys_updated_by"_s, [](int) -> QString { return u"admin"_s; }},
        {u"sys_created_on"_s, [table](int row) -> QString { return seed::staticCreatedOn(table, row); }},
        {u"sys_updated_on"_s, [table](int row) -> QString { return seed::staticCreatedOn(table, row); }},
        {u"sys_mod_count"_s, [](int) -> QString { return u"0"_s; }},
    };

    m_generators.resize(definition.columns.size());
    for (int i = 0; i < definition.columns.size(); ++i) {
        const QString &name = definition.columns.at(i).name;
        if (generators.contains(name))
            m_generators[i] = generators.value(name);
        else if (defaults.contains(name))
            m_generators[i] = defaults.value(name);
    }
}

QString GeneratedTable::value(int row, int columnIndex) const
{
    const Generator &generator = m_generators.at(columnIndex);
    return generator ? generator(row) : QString();
}

StaticTable::StaticTable(const TableDefinition &definition)
    : SeedTable(definition)
    , m_sysIdColumn(definition.indexOf(u"sys_id"_s))
{
}

void StaticTable::addRow(const QHash<QString, QString> &values)
{
    QStringList row;
    row.reserve(m_definition.columns.size());
    for (const ColumnDefinition &column : m_definition.columns)
        row.append(values.value(column.name));

    m_rowBySysId.insert(values.value(u"sys_id"_s), int(m_rows.size()));
    m_rows.push_back(row);
}

QString StaticTable::value(int row, int columnIndex) const
{
    return m_rows.at(row).at(columnIndex);
}

QString StaticTable::sysId(int row) const
{
    return m_rows.at(row).at(m_sysIdColumn);
}

int StaticTable::rowOfSysId(const QString &sysId) const
{
    return m_rowBySysId.value(sysId, -1);
}

SeedCounts SeedCounts::forIncidents(int incidents)
{
    SeedCounts counts;
    counts.incidents = incidents;
    counts.problems = qMax(10, incidents / 20);
    counts.changes = qMax(10, incidents / 50);
    return counts;
}

QHash<QString, std::shared_ptr<SeedTable>> buildSeedTables(const SeedSettings &settings)
{
    QHash<QString, std::shared_ptr<SeedTable>> tables;
    seed::addPeopleTables(tables);
    seed::addTaskTables(tables, settings.counts);
    seed::addConfigurationItems(tables);
    seed::addMetadataTables(tables, settings);

    // Every table of the schema gets a seed, empty when nothing above filled it.
    const Schema &schema = Schema::instance();
    for (const QString &name : schema.tableNames()) {
        if (!tables.contains(name))
            tables.insert(name, std::make_shared<GeneratedTable>(*schema.table(name), 0, QHash<QString, GeneratedTable::Generator>()));
    }
    return tables;
}

} // namespace snowemu
