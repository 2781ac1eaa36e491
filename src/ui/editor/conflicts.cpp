#include "conflicts.h"

#include <snow/record.h>

using namespace Qt::StringLiterals;

QList<FieldConflict> findConflicts(const TableSchema &schema, const QHash<QString, FieldValue> &loaded,
                                   const snow::Record &theirs, const QMap<QString, FieldValue> &edits)
{
    QList<FieldConflict> bothChanged;
    QList<FieldConflict> theyChanged;
    for (const FieldInfo &info : schema.fields) {
        if (info.type == FieldType::Journal || info.name.startsWith(u"sys_") || !theirs.contains(info.name))
            continue;

        FieldConflict conflict;
        conflict.field = info.name;
        conflict.label = info.label;
        conflict.loaded = loaded.value(info.name);
        conflict.theirs = fieldValueOf(theirs, info.name);
        if (conflict.theirs.value == conflict.loaded.value)
            continue;

        const auto edit = edits.constFind(info.name);
        if (edit == edits.cend()) {
            theyChanged.append(conflict);
            continue;
        }
        if (edit->value == conflict.theirs.value)
            continue;
        conflict.mine = *edit;
        conflict.edited = true;
        bothChanged.append(conflict);
    }
    return bothChanged + theyChanged;
}
