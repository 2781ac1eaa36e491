#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace snowemu {

struct Choice {
    QString value;
    QString label;
    int sequence = 0;
    QString dependentValue;  // value of the field this choice depends on, e.g. a category
};

/*!
    One column as sys_dictionary describes it. `definedOn` is the table whose
    dictionary entry holds the column: an ancestor for inherited columns.
*/
struct ColumnDefinition {
    QString name;
    QString label;
    QString internalType;     // sys_glide_object name: string, integer, reference, ...
    QString referenceTable;   // target of reference-like columns
    QString definedOn;
    int maxLength = 40;
    bool mandatory = false;
    bool readOnly = false;
    bool display = false;
    bool hasChoices = false;

    //! True for columns written as {"link", "value"} on the wire.
    bool isReference() const;
    bool isNumeric() const;
    bool isDateTime() const;   // glide_date_time and the types stored like it
    bool isDate() const;
    bool isBoolean() const;
    bool isJournal() const;    // journal_input and journal_list read back as ""
};

struct TableDefinition {
    QString name;
    QString label;
    QString superClass;        // parent table, empty for a base table
    QString displayColumn;     // the column used as a reference's display value
    QString numberPrefix;      // "INC" for incident; empty when the table has no number
    int numberStart = 0;       // first seeded number, 10001 for INC0010001
    bool extendable = false;
    QList<ColumnDefinition> columns;   // own and inherited, sorted by name
    QHash<QString, int> columnIndex;

    const ColumnDefinition *column(const QString &name) const;
    int indexOf(const QString &name) const { return columnIndex.value(name, -1); }
};

/*!
    The tables the emulator serves, built once from the definitions compiled into
    the program. Immutable and safe to share between threads.
*/
class Schema
{
public:
    static const Schema &instance();

    const TableDefinition *table(const QString &name) const;
    QStringList tableNames() const { return m_order; }

    //! True when `table` is `ancestor` or extends it.
    bool extends(const QString &table, const QString &ancestor) const;

    //! Tables that extend `table`, nearest first (not `table` itself).
    QStringList descendants(const QString &table) const;

    //! The ancestors of `table`, nearest first.
    QStringList ancestors(const QString &table) const;

    //! The choice list of a column, looked up on the table and then on its ancestors.
    const QList<Choice> &choices(const QString &table, const QString &column) const;

    //! The table whose sys_choice entries hold the list of `table`.`column`.
    QString choiceOwner(const QString &table, const QString &column) const;

    //! Every choice list, keyed by "table.column".
    const QHash<QString, QList<Choice>> &allChoices() const { return m_choices; }

    //! Type names of sys_glide_object with their labels.
    const QList<QPair<QString, QString>> &glideTypes() const { return m_glideTypes; }

private:
    Schema();
    void parse(const char *text);
    void resolveInheritance();

    QHash<QString, TableDefinition> m_tables;
    QStringList m_order;
    QHash<QString, QList<Choice>> m_choices;
    QList<QPair<QString, QString>> m_glideTypes;
};

} // namespace snowemu
