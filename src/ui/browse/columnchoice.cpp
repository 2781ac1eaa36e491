#include "columnchoice.h"

#include "metadata/tableschema.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ColumnChoice", text);
}

// Labels for the columns shown before a table's schema has loaded.
QString fallbackLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        {u"number"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Number")},
        {u"short_description"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Short description")},
        {u"state"_s, QT_TRANSLATE_NOOP("ColumnChoice", "State")},
        {u"priority"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Priority")},
        {u"assigned_to"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Assigned to")},
        {u"sys_updated_on"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Updated")},
        {u"sys_created_on"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Created")},
        {u"sys_id"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Sys ID")},
        {u"name"_s, QT_TRANSLATE_NOOP("ColumnChoice", "Name")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

} // namespace

QStringList defaultColumnFields(const QString &table, const TableSchema *schema)
{
    if (table == u"incident")
        return {u"number"_s, u"short_description"_s, u"state"_s, u"priority"_s, u"assigned_to"_s, u"sys_updated_on"_s};
    if (!schema)
        return {u"sys_id"_s, u"sys_updated_on"_s};

    // The display field, a few columns most tables share, and the update time last.
    constexpr int MaxDefaultColumns = 6;
    QStringList fields;
    const QString display = schema->displayField();
    if (display != u"sys_id")
        fields.append(display);

    const bool hasUpdated = schema->field(u"sys_updated_on"_s) != nullptr;
    const int room = MaxDefaultColumns - (hasUpdated ? 1 : 0);
    const QStringList common = {u"short_description"_s, u"name"_s, u"user_name"_s, u"email"_s, u"state"_s, u"active"_s,
                                u"sys_class_name"_s};
    for (const QString &field : common) {
        if (fields.size() >= room)
            break;
        if (!fields.contains(field) && schema->field(field))
            fields.append(field);
    }
    if (hasUpdated)
        fields.append(u"sys_updated_on"_s);
    if (fields.isEmpty())
        fields = {u"sys_id"_s, u"sys_updated_on"_s};
    return fields;
}

QList<RecordColumn> columnsFor(const QStringList &fields, const TableSchema *schema, bool dropUnknown)
{
    QList<RecordColumn> columns;
    for (const QString &field : fields) {
        const FieldInfo *info = schema ? schema->field(field) : nullptr;
        // sys_id is in every table, even when a dictionary leaves it out.
        if (!info && schema && dropUnknown && field != u"sys_id")
            continue;
        columns.append({field, info ? info->label : fallbackLabel(field)});
    }
    return columns;
}
