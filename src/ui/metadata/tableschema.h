#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

/// What a column holds, as far as editors, operators and display care. Derived from
/// the dictionary's `internal_type` and `choice`.
enum class FieldType {
    String,
    Integer,
    Decimal,
    Boolean,
    Choice,    ///< a string or integer column with a choice list
    Reference, ///< a sys_id of a record in referenceTable
    DateTime,  ///< UTC "YYYY-MM-DD HH:MM:SS" on the wire
    Date,      ///< "YYYY-MM-DD"
    Duration,  ///< "1970-01-01 HH:MM:SS" offsets from the epoch, as ServiceNow stores them
    Journal,   ///< comments and work notes: write-only entries, history shown read-only
    List,      ///< glide_list: comma-separated sys_ids
    Other,     ///< scripts, conditions and other types without a dedicated editor
};

/// One entry of a choice list.
struct ChoiceOption
{
    QString value;
    QString label;
    int sequence = 0;
};

/// One column of a table, from `sys_dictionary`.
struct FieldInfo
{
    QString name;           ///< element, such as "caller_id"
    QString label;          ///< column_label, such as "Caller"
    QString internalType;   ///< internal_type, such as "reference"
    FieldType type = FieldType::String;
    QString referenceTable; ///< for references: the table the sys_id points into
    QString definedOn;      ///< the table whose dictionary defines it ("task" for incident.state)
    int maxLength = 0;
    bool mandatory = false;
    bool readOnly = false;
    bool isDisplay = false; ///< the table's display field (shown for references to it)
};

/// A table's columns (its own and inherited), choice lists and ancestry.
struct TableSchema
{
    QString table;
    QString label;
    /// The table and its ancestors, most specific first: {"incident", "task"}.
    QStringList ancestry;
    QList<FieldInfo> fields;
    /// Choice options per field, from the most specific table that defines them.
    QHash<QString, QList<ChoiceOption>> choices;

    const FieldInfo *field(const QString &name) const;
    /// The display field: the column marked display, else "name", "number" or "sys_id".
    QString displayField() const;
    QString choiceLabel(const QString &field, const QString &value) const;

    /// Returns the FieldType for a dictionary internal_type and choice flag.
    static FieldType typeFor(const QString &internalType, bool hasChoices);
};

Q_DECLARE_METATYPE(FieldType)
