#include "store.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

QString journalToJson(const QList<JournalEntry> &journal)
{
    QJsonArray array;
    for (const JournalEntry &entry : journal) {
        array.append(QJsonObject{
            {u"element"_s, entry.element},
            {u"created_on"_s, entry.createdOn},
            {u"created_by"_s, entry.createdBy},
            {u"text"_s, entry.text},
        });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<JournalEntry> journalFromJson(const QString &text)
{
    QList<JournalEntry> journal;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        journal.append({object.value(u"element"_s).toString(), object.value(u"created_on"_s).toString(),
                        object.value(u"created_by"_s).toString(), object.value(u"text"_s).toString()});
    }
    return journal;
}

} // namespace

ColumnReader::ColumnReader(const Store *store, const QString &column)
    : m_store(store)
    , m_column(column)
{
    m_indexByTable.resize(store->m_tables.size(), -1);
    for (size_t i = 0; i < store->m_tables.size(); ++i)
        m_indexByTable[i] = store->m_tables[i].definition->indexOf(column);
}

QString ColumnReader::operator()(RowRef row) const
{
    const int index = m_indexByTable.at(row.table);
    return index < 0 ? QString() : m_store->valueAt(row, index);
}

RowReader::RowReader(const Store &store, RowRef row)
{
    const Store::TableData &table = store.m_tables.at(row.table);
    m_definition = table.definition;
    if (row.index < table.seedCount) {
        m_seed = table.seed.get();
        m_seedRow = row.index;
        if (!table.seedOverlays.isEmpty())
            m_record = table.seedOverlays.value(row.index);
    } else {
        m_record = table.inserted.at(size_t(row.index - table.seedCount));
    }
}

QString RowReader::value(int columnIndex) const
{
    if (!m_seed)
        return m_record->values.value(m_definition->columns.at(columnIndex).name);
    if (m_record) {
        const auto it = m_record->values.constFind(m_definition->columns.at(columnIndex).name);
        if (it != m_record->values.cend())
            return it.value();
    }
    return m_seed->value(m_seedRow, columnIndex);
}

Store::Store(const SeedSettings &settings)
{
    const Schema &schema = Schema::instance();
    const QHash<QString, std::shared_ptr<SeedTable>> seeds = buildSeedTables(settings);

    const QStringList names = schema.tableNames();
    m_tables.resize(names.size());
    for (int i = 0; i < names.size(); ++i) {
        TableData &table = m_tables[i];
        table.definition = schema.table(names.at(i));
        table.seed = seeds.value(names.at(i));
        table.seedCount = table.seed->rowCount();
        m_tableIds.insert(names.at(i), i);
    }
    for (int i = 0; i < names.size(); ++i) {
        m_tables[i].concreteTables.append(i);
        for (const QString &descendant : schema.descendants(names.at(i)))
            m_tables[i].concreteTables.append(m_tableIds.value(descendant));
    }

    m_connectionName = u"snowemu-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Store::~Store()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        if (database.isValid())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Store::open(const QString &databasePath, QString *errorMessage)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    database.setDatabaseName(databasePath.isEmpty() ? u":memory:"_s : databasePath);
    if (!database.open()) {
        *errorMessage = u"Cannot open the database %1: %2"_s.arg(databasePath, database.lastError().text());
        return false;
    }

    QSqlQuery query(database);
    const bool created = query.exec(u"CREATE TABLE IF NOT EXISTS emulator_record ("
                                    "table_name TEXT NOT NULL, sys_id TEXT NOT NULL, seed_row INTEGER NOT NULL, "
                                    "sequence INTEGER NOT NULL, deleted INTEGER NOT NULL, fields TEXT NOT NULL, "
                                    "journal TEXT NOT NULL, PRIMARY KEY (table_name, sys_id))"_s);
    if (!created) {
        *errorMessage = u"Cannot create the tables in %1: %2"_s.arg(databasePath, query.lastError().text());
        return false;
    }
    return loadRecords(errorMessage);
}

bool Store::loadRecords(QString *errorMessage)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(u"SELECT table_name, sys_id, seed_row, sequence, deleted, fields, journal FROM emulator_record ORDER BY sequence"_s)) {
        *errorMessage = u"Cannot read the stored records: %1"_s.arg(query.lastError().text());
        return false;
    }

    int loaded = 0;
    while (query.next()) {
        auto record = std::make_unique<StoredRecord>();
        record->table = query.value(0).toString();
        record->sysId = query.value(1).toString();
        record->seedRow = query.value(2).toInt();
        record->sequence = query.value(3).toLongLong();
        record->deleted = query.value(4).toBool();
        const QJsonObject fields = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            record->values.insert(it.key(), it.value().toString());
        record->journal = journalFromJson(query.value(6).toString());

        const int id = tableId(record->table);
        if (id < 0 || record->seedRow >= m_tables[id].seedCount) {
            // The database was written by a run with other tables or more seeded rows.
            qCWarning(lcEmulatorData) << "Skipping stored record" << record->sysId << "of" << record->table
                                      << "that does not fit the seeded data of this run";
            continue;
        }

        m_nextSequence = qMax(m_nextSequence, record->sequence + 1);
        attach(record.get());
        m_records.push_back(std::move(record));
        ++loaded;
    }

    if (loaded > 0)
        qCInfo(lcEmulatorData) << "Loaded" << loaded << "stored records";
    return true;
}

void Store::attach(StoredRecord *record)
{
    TableData &table = m_tables[tableId(record->table)];
    table.recordsBySysId.insert(record->sysId, record);
    if (record->seedRow >= 0) {
        table.seedOverlays.insert(record->seedRow, record);
    } else {
        table.insertedIndex.insert(record->sysId, int(table.inserted.size()));
        table.inserted.push_back(record);
        ++table.numbersIssued;
    }
}

std::vector<RowRef> Store::rows(int tableId) const
{
    std::vector<RowRef> result;
    for (const int id : m_tables.at(tableId).concreteTables) {
        const TableData &table = m_tables.at(id);
        const size_t needed = result.size() + size_t(table.seedCount) + table.inserted.size();
        result.reserve(needed);

        if (table.seedOverlays.isEmpty()) {
            for (int i = 0; i < table.seedCount; ++i)
                result.push_back({id, i});
        } else {
            for (int i = 0; i < table.seedCount; ++i) {
                const StoredRecord *overlay = table.seedOverlays.value(i);
                if (!overlay || !overlay->deleted)
                    result.push_back({id, i});
            }
        }

        for (size_t i = 0; i < table.inserted.size(); ++i) {
            if (!table.inserted[i]->deleted)
                result.push_back({id, table.seedCount + int(i)});
        }
    }
    return result;
}

RowRef Store::find(int tableId, const QString &sysId) const
{
    if (tableId < 0 || sysId.isEmpty())
        return {};

    for (const int id : m_tables.at(tableId).concreteTables) {
        const TableData &table = m_tables.at(id);
        if (const StoredRecord *record = table.recordsBySysId.value(sysId)) {
            if (record->deleted)
                return {};
            if (record->seedRow >= 0)
                return {id, record->seedRow};
            return {id, table.seedCount + table.insertedIndex.value(sysId)};
        }
        const int seedRow = table.seed->rowOfSysId(sysId);
        if (seedRow >= 0)
            return {id, seedRow};
    }
    return {};
}

RowRef Store::findByKey(const QString &table, const QString &key) const
{
    const int id = tableId(table);
    if (id < 0)
        return {};
    const RowRef bySysId = find(id, key);
    if (bySysId.isValid() || (table != u"sys_db_object" && table != u"sys_glide_object"))
        return bySysId;

    // These tables are small; an index by name is built on first use and refreshed after writes.
    NameIndex &index = m_nameIndexes[table];
    if (index.version != m_version) {
        index.rows.clear();
        for (const RowRef row : rows(id))
            index.rows.insert(value(row, u"name"_s), row);
        index.version = m_version;
    }
    return index.rows.value(key);
}

StoredRecord *Store::recordOf(RowRef row) const
{
    const TableData &table = m_tables.at(row.table);
    if (row.index < table.seedCount)
        return table.seedOverlays.value(row.index);
    return table.inserted.at(size_t(row.index - table.seedCount));
}

QString Store::valueAt(RowRef row, int columnIndex) const
{
    const TableData &table = m_tables.at(row.table);
    if (row.index < table.seedCount) {
        if (!table.seedOverlays.isEmpty()) {
            if (const StoredRecord *overlay = table.seedOverlays.value(row.index)) {
                const auto it = overlay->values.constFind(table.definition->columns.at(columnIndex).name);
                if (it != overlay->values.cend())
                    return it.value();
            }
        }
        return table.seed->value(row.index, columnIndex);
    }

    const StoredRecord *record = table.inserted.at(size_t(row.index - table.seedCount));
    return record->values.value(table.definition->columns.at(columnIndex).name);
}

QString Store::value(RowRef row, const QString &column) const
{
    const int index = m_tables.at(row.table).definition->indexOf(column);
    return index < 0 ? QString() : valueAt(row, index);
}

QString Store::sysId(RowRef row) const
{
    const TableData &table = m_tables.at(row.table);
    if (row.index < table.seedCount)
        return table.seed->sysId(row.index);
    return table.inserted.at(size_t(row.index - table.seedCount))->sysId;
}

QString Store::extraValue(RowRef row, const QString &key) const
{
    const StoredRecord *record = recordOf(row);
    return record ? record->values.value(key) : QString();
}

QList<JournalEntry> Store::journal(RowRef row) const
{
    const StoredRecord *record = recordOf(row);
    return record ? record->journal : QList<JournalEntry>();
}

quint64 Store::revision(RowRef row) const
{
    const StoredRecord *record = recordOf(row);
    return record ? record->revision : 0;
}

bool Store::isDeleted(RowRef row) const
{
    const StoredRecord *record = recordOf(row);
    return record && record->deleted;
}

QString Store::displayValue(const QString &table, const QString &key) const
{
    const RowRef row = findByKey(table, key);
    if (!row.isValid())
        return {};
    const TableDefinition &definition = this->definition(row.table);
    return definition.displayColumn.isEmpty() ? sysId(row) : value(row, definition.displayColumn);
}

StoredRecord *Store::overlayFor(RowRef row)
{
    StoredRecord *record = recordOf(row);
    if (record)
        return record;

    // The first write to a seeded row creates its overlay.
    TableData &table = m_tables[row.table];
    auto overlay = std::make_unique<StoredRecord>();
    overlay->table = table.definition->name;
    overlay->sysId = table.seed->sysId(row.index);
    overlay->seedRow = row.index;
    overlay->sequence = m_nextSequence++;
    record = overlay.get();
    table.seedOverlays.insert(row.index, record);
    table.recordsBySysId.insert(record->sysId, record);
    m_records.push_back(std::move(overlay));
    return record;
}

RowRef Store::insert(int tableId, const QHash<QString, QString> &values, const QList<JournalEntry> &journal, QString *errorMessage)
{
    auto record = std::make_unique<StoredRecord>();
    record->table = tableName(tableId);
    record->sysId = values.value(u"sys_id"_s);
    record->sequence = m_nextSequence++;
    record->values = values;
    record->journal = journal;

    if (!save(*record, errorMessage))
        return {};

    TableData &table = m_tables[tableId];
    StoredRecord *stored = record.get();
    m_records.push_back(std::move(record));
    table.recordsBySysId.insert(stored->sysId, stored);
    table.insertedIndex.insert(stored->sysId, int(table.inserted.size()));
    table.inserted.push_back(stored);
    ++m_version;
    stored->revision = m_version;
    ++table.writes;
    return {tableId, table.seedCount + int(table.inserted.size()) - 1};
}

bool Store::update(RowRef row, const QHash<QString, QString> &changes, const QList<JournalEntry> &journal, QString *errorMessage)
{
    StoredRecord *record = overlayFor(row);
    const StoredRecord previous = *record;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        record->values.insert(it.key(), it.value());
    record->journal.append(journal);

    if (!save(*record, errorMessage)) {
        *record = previous;
        return false;
    }
    ++m_version;
    record->revision = m_version;
    ++m_tables[row.table].writes;
    return true;
}

bool Store::remove(RowRef row, QString *errorMessage)
{
    StoredRecord *record = overlayFor(row);
    record->deleted = true;
    if (!save(*record, errorMessage)) {
        record->deleted = false;
        return false;
    }
    ++m_version;
    record->revision = m_version;
    ++m_tables[row.table].writes;
    return true;
}

QString Store::takeNextNumber(int tableId)
{
    TableData &table = m_tables[tableId];
    const TableDefinition &definition = *table.definition;
    const int number = definition.numberStart + table.seedCount + table.numbersIssued++;
    return definition.numberPrefix + QString::number(number).rightJustified(7, u'0');
}

bool Store::save(const StoredRecord &record, QString *errorMessage)
{
    QJsonObject fields;
    for (auto it = record.values.cbegin(); it != record.values.cend(); ++it)
        fields.insert(it.key(), it.value());

    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(u"INSERT OR REPLACE INTO emulator_record "
                  "(table_name, sys_id, seed_row, sequence, deleted, fields, journal) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(record.table);
    query.addBindValue(record.sysId);
    query.addBindValue(record.seedRow);
    query.addBindValue(record.sequence);
    query.addBindValue(record.deleted ? 1 : 0);
    query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    query.addBindValue(journalToJson(record.journal));
    if (!query.exec()) {
        *errorMessage = u"Cannot save record %1 of %2: %3"_s.arg(record.sysId, record.table, query.lastError().text());
        qCWarning(lcEmulatorData) << *errorMessage;
        return false;
    }
    return true;
}

} // namespace snowemu
