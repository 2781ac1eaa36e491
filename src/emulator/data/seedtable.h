#pragma once

#include "schema/schema.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace snowemu {

/*!
    The seeded rows of one table: values derived on demand, never all stored.
    Writes are kept apart, in the Store's overlay.
*/
class SeedTable
{
public:
    explicit SeedTable(const TableDefinition &definition);
    virtual ~SeedTable();

    const TableDefinition &definition() const { return m_definition; }

    virtual int rowCount() const = 0;

    //! The stored value of `row` in the column at `columnIndex` of definition().
    virtual QString value(int row, int columnIndex) const = 0;

    virtual QString sysId(int row) const;

    //! The seeded row with `sysId`, or -1.
    virtual int rowOfSysId(const QString &sysId) const;

protected:
    const TableDefinition &m_definition;
};

/*!
    Rows whose values are functions of the row number, so a million incidents cost
    no memory until a query reads them. Columns without a generator read as "",
    except the sys_ columns, which get defaults.
*/
class GeneratedTable : public SeedTable
{
public:
    using Generator = std::function<QString(int row)>;

    GeneratedTable(const TableDefinition &definition, int rowCount, const QHash<QString, Generator> &generators);

    int rowCount() const override { return m_rowCount; }
    QString value(int row, int columnIndex) const override;

private:
    int m_rowCount;
    std::vector<Generator> m_generators;
};

/*!
    Rows held in memory, for small tables such as the metadata tables.
*/
class StaticTable : public SeedTable
{
public:
    explicit StaticTable(const TableDefinition &definition);

    //! Appends a row; columns missing from `values` read as "". `values` must hold sys_id.
    void addRow(const QHash<QString, QString> &values);

    int rowCount() const override { return int(m_rows.size()); }
    QString value(int row, int columnIndex) const override;
    QString sysId(int row) const override;
    int rowOfSysId(const QString &sysId) const override;

private:
    std::vector<QStringList> m_rows;
    QHash<QString, int> m_rowBySysId;
    int m_sysIdColumn;
};

/*!
    How many rows each seeded table has; everything but the task tables is fixed.
*/
struct SeedCounts {
    int incidents = 0;
    int problems = 0;
    int changes = 0;

    static SeedCounts forIncidents(int incidents);
};

struct SeedSettings {
    SeedCounts counts;
    QString baseUrl;              // for the glide.servlet.uri property
    qint64 maxAttachmentBytes = 0;
};

//! Builds the seeded rows of every table of the schema, keyed by table name.
QHash<QString, std::shared_ptr<SeedTable>> buildSeedTables(const SeedSettings &settings);

} // namespace snowemu
