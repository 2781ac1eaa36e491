#pragma once

#include "seedtable.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace snowemu {

//! A row of a concrete table: a seeded row number, or seedCount + insertion index.
struct RowRef {
    qint32 table = -1;
    qint32 index = -1;

    bool isValid() const { return table >= 0; }
    bool operator==(const RowRef &other) const = default;
};

struct JournalEntry {
    QString element;     // "comments" or "work_notes"
    QString createdOn;   // UTC, "yyyy-MM-dd HH:mm:ss"
    QString createdBy;   // display name of the author
    QString text;
};

/*!
    A written record: the changed values of a seeded row, or every value of an
    inserted row. Records are never freed while the Store lives, so a response that
    is still streaming can read a row that was deleted meanwhile.
*/
struct StoredRecord {
    QString table;
    QString sysId;
    int seedRow = -1;          // -1 for inserted records
    qint64 sequence = 0;       // order of insertion
    bool deleted = false;
    quint64 revision = 0;      // Store::version() right after the last write to this record
    QHash<QString, QString> values;
    QList<JournalEntry> journal;
};

class Store;

/*!
    Reads one column from rows of a table and its descendants, with the column's
    position resolved once per concrete table.
*/
class ColumnReader
{
public:
    ColumnReader() = default;
    ColumnReader(const Store *store, const QString &column);

    QString operator()(RowRef row) const;
    bool isValid() const { return m_store != nullptr; }

private:
    const Store *m_store = nullptr;
    QString m_column;
    std::vector<int> m_indexByTable;
};

/*!
    Reads columns of one row with the lookups of the row (its table, its written
    values) done once, for code that reads many columns of each row. Gives the same
    values as Store::valueAt(). Valid until the next write to the store.
*/
class RowReader
{
public:
    RowReader(const Store &store, RowRef row);

    //! The value at `columnIndex` of the columns of the row's own table.
    QString value(int columnIndex) const;

private:
    const TableDefinition *m_definition = nullptr;
    const SeedTable *m_seed = nullptr;          // null for an inserted row
    const StoredRecord *m_record = nullptr;     // the overlay of a seeded row, or the inserted row
    int m_seedRow = -1;
};

/*!
    The data of every table: seeded rows with the writes laid over them. Writes are
    kept in memory and saved to SQLite, in a file when one is given, so they survive
    a restart. Lives on the server's thread.
*/
class Store
{
public:
    explicit Store(const SeedSettings &settings);
    ~Store();

    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    //! Opens the SQLite database (":memory:" when `databasePath` is empty) and loads its writes.
    bool open(const QString &databasePath, QString *errorMessage);

    int tableId(const QString &name) const { return m_tableIds.value(name, -1); }
    int tableCount() const { return int(m_tables.size()); }
    const TableDefinition &definition(int tableId) const { return *m_tables.at(tableId).definition; }
    QString tableName(int tableId) const { return m_tables.at(tableId).definition->name; }

    //! The table and its descendants, as table ids.
    const QList<int> &concreteTables(int tableId) const { return m_tables.at(tableId).concreteTables; }

    //! Increases with every write, so cached query results can tell they are stale.
    quint64 version() const { return m_version; }

    //! Changes with every write to `row` and never returns to an earlier value;
    //! 0 for a seeded row that was never written.
    quint64 revision(RowRef row) const;

    //! The number of writes (inserts, updates, deletes) to rows of the concrete
    //! table `tableId` since the store was opened.
    quint64 tableWrites(int tableId) const { return m_tables.at(tableId).writes; }

    //! Every live row of the table and of its descendants, in natural order.
    std::vector<RowRef> rows(int tableId) const;

    //! The live row with `sysId` in the table or a descendant; invalid when there is none.
    RowRef find(int tableId, const QString &sysId) const;

    //! Like find(), but also accepts the `name` of a row, for tables that other
    //! tables refer to by name (sys_db_object, sys_glide_object).
    RowRef findByKey(const QString &table, const QString &key) const;

    QString value(RowRef row, const QString &column) const;
    QString valueAt(RowRef row, int columnIndex) const;
    QString sysId(RowRef row) const;

    //! A value stored with a written record under a key that is not a column; "" when absent.
    QString extraValue(RowRef row, const QString &key) const;

    QString tableNameOf(RowRef row) const { return tableName(row.table); }
    QList<JournalEntry> journal(RowRef row) const;
    bool isDeleted(RowRef row) const;

    //! The display value of the record `key` of `table`; "" when it does not exist.
    QString displayValue(const QString &table, const QString &key) const;

    //! Inserts a record; `values` must hold sys_id. Returns an invalid row on a database error.
    RowRef insert(int tableId, const QHash<QString, QString> &values, const QList<JournalEntry> &journal, QString *errorMessage);
    bool update(RowRef row, const QHash<QString, QString> &changes, const QList<JournalEntry> &journal, QString *errorMessage);
    bool remove(RowRef row, QString *errorMessage);

    //! The next unused number of a numbered table, "INC0010501" for example.
    QString takeNextNumber(int tableId);

private:
    struct TableData {
        const TableDefinition *definition = nullptr;
        std::shared_ptr<SeedTable> seed;
        int seedCount = 0;
        QHash<int, StoredRecord *> seedOverlays;       // by seeded row
        std::vector<StoredRecord *> inserted;           // in insertion order
        QHash<QString, StoredRecord *> recordsBySysId;  // overlays and inserted records
        QHash<QString, int> insertedIndex;              // sys_id to index in `inserted`
        QList<int> concreteTables;
        int numbersIssued = 0;
        quint64 writes = 0;
    };

    StoredRecord *recordOf(RowRef row) const;
    StoredRecord *overlayFor(RowRef row);
    bool save(const StoredRecord &record, QString *errorMessage);
    bool loadRecords(QString *errorMessage);
    void attach(StoredRecord *record);

    std::vector<TableData> m_tables;
    QHash<QString, int> m_tableIds;
    std::deque<std::unique_ptr<StoredRecord>> m_records;
    qint64 m_nextSequence = 1;
    quint64 m_version = 1;
    QString m_connectionName;
    struct NameIndex {
        quint64 version = 0;
        QHash<QString, RowRef> rows;
    };
    mutable QHash<QString, NameIndex> m_nameIndexes;

    friend class ColumnReader;
    friend class RowReader;
};

} // namespace snowemu
