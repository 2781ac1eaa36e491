#pragma once

#include "models/recordtablemodel.h"

#include <QtCore/QStringList>

struct TableSchema;

/// Returns the fields shown for @p table when the user has chosen none. For `incident`
/// these are the incident list's usual columns. Other tables get the display field, a
/// few columns most tables have, and `sys_updated_on`, at most six. Without a schema,
/// they get `sys_id` and `sys_updated_on`.
QStringList defaultColumnFields(const QString &table, const TableSchema *schema);

/// Returns columns for @p fields, labelled from @p schema. Fields the schema lacks
/// (or all, without one) get a label of their own: a known label or the field name.
/// Fields @p schema does not define are dropped when @p dropUnknown is set, so a saved
/// choice survives a column deleted on the instance.
QList<RecordColumn> columnsFor(const QStringList &fields, const TableSchema *schema, bool dropUnknown = false);
