#pragma once

#include "editor/fieldvalue.h"
#include "metadata/tableschema.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMap>

namespace snow {
class Record;
}

/// One field that changed on the instance after a form loaded the record.
struct FieldConflict
{
    QString field;
    QString label;
    /// The value when the form loaded the record.
    FieldValue loaded;
    /// The value on the instance now.
    FieldValue theirs;
    /// The user's value; meaningful only when edited.
    FieldValue mine;
    /// True when the user changed the field too, to a value other than theirs: the
    /// user must choose. False when only the other side changed it.
    bool edited = false;
};

/// Returns the fields whose value on the instance (@p theirs, read with
/// `sysparm_display_value=all`) differs from @p loaded, the values the form started
/// from. Fields the user changed (@p edits) come first, in schema order, then the
/// fields only the other side changed.
///
/// Left out: fields @p theirs does not contain, system fields (sys_*, which every
/// write changes), journal fields (entries are only ever added, so both sides' entries
/// are kept), and fields both sides set to the same value.
QList<FieldConflict> findConflicts(const TableSchema &schema, const QHash<QString, FieldValue> &loaded,
                                   const snow::Record &theirs, const QMap<QString, FieldValue> &edits);
