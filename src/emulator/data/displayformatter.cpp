#include "displayformatter.h"

namespace snowemu {

namespace {

// Referenced records kept per column. A column of a large table can refer to more
// records than this (problem_id of a million incidents); the map then starts over.
constexpr qsizetype kMaxReferenceDisplays = 4096;

} // namespace

DisplayFormatter::DisplayFormatter(const Store &store, const QTimeZone &timeZone)
    : m_store(store)
    , m_timeZone(timeZone)
    , m_localTime(timeZone)
    , m_referenceVersion(store.version())
{
}

int DisplayFormatter::addColumn(const ColumnDefinition &column)
{
    Column entry;
    entry.definition = column;
    entry.kind = displayKindOf(column);
    if (entry.kind == DisplayKind::Choice)
        entry.choicesByTable.assign(size_t(m_store.tableCount()), nullptr);
    m_columns.push_back(std::move(entry));
    return int(m_columns.size()) - 1;
}

QString DisplayFormatter::displayValue(int handle, RowRef row, const QString &value)
{
    Column &column = m_columns[size_t(handle)];
    if (column.kind == DisplayKind::Journal)
        return journalText(m_store, row, column.definition.name, m_timeZone);
    if (value.isEmpty())
        return value;

    switch (column.kind) {
    case DisplayKind::Choice:
        return choiceLabel(column, row, value);
    case DisplayKind::Reference:
        return referenceDisplay(column, value);
    case DisplayKind::DateTime:
        return m_localTime.toLocal(value);
    case DisplayKind::Integer:
        return groupedInteger(value);
    case DisplayKind::ClassName:
    case DisplayKind::Duration:
        return displayValueOf(m_store, row, column.definition, value, m_timeZone);
    case DisplayKind::Journal:
    case DisplayKind::AsStored:
        break;
    }
    return value;
}

QString DisplayFormatter::choiceLabel(Column &column, RowRef row, const QString &value)
{
    // The list depends on the row's table: a task query returns incidents, problems
    // and changes, whose state columns have different choices.
    const QList<Choice> *&choices = column.choicesByTable[size_t(row.table)];
    if (!choices)
        choices = &Schema::instance().choices(m_store.tableNameOf(row), column.definition.name);

    for (const Choice &choice : *choices) {
        if (choice.value == value)
            return choice.label;
    }
    return value;
}

QString DisplayFormatter::referenceDisplay(Column &column, const QString &value)
{
    // Any write may rename or delete a referenced record, so a write to the store
    // empties every map.
    if (m_referenceVersion != m_store.version()) {
        for (Column &each : m_columns)
            each.referenceDisplays.clear();
        m_referenceVersion = m_store.version();
    }

    const auto it = column.referenceDisplays.constFind(value);
    if (it != column.referenceDisplays.cend())
        return it.value();

    if (column.referenceDisplays.size() >= kMaxReferenceDisplays)
        column.referenceDisplays.clear();
    const QString display = m_store.displayValue(column.definition.referenceTable, value);
    column.referenceDisplays.insert(value, display);
    return display;
}

} // namespace snowemu
