#include "recordwriter.h"

#include "json/jsonwriter.h"

#include <array>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

// Form layouts of the task tables for sysparm_view.
constexpr std::array kMobileView = {
    u"number", u"short_description", u"state", u"priority", u"caller_id", u"assigned_to", u"sys_updated_on",
};

constexpr std::array kDesktopView = {
    u"number", u"caller_id", u"category", u"subcategory", u"cmdb_ci", u"contact_type", u"state", u"impact",
    u"urgency", u"priority", u"assignment_group", u"assigned_to", u"short_description", u"description",
    u"opened_at", u"sys_updated_on", u"close_code", u"close_notes", u"company", u"location",
};

} // namespace

DisplayMode parseDisplayMode(const QString &parameter)
{
    if (parameter.compare(u"true", Qt::CaseInsensitive) == 0)
        return DisplayMode::Display;
    if (parameter.compare(u"all", Qt::CaseInsensitive) == 0)
        return DisplayMode::All;
    return DisplayMode::Value;
}

QList<OutputField> selectOutputFields(const Store &store, int tableId, const QString &fields, const QString &view)
{
    QList<OutputField> result;
    const auto add = [&](const QString &path) {
        const bool duplicate = std::any_of(result.cbegin(), result.cend(), [&](const OutputField &field) { return field.key == path; });
        FieldAccessor accessor;
        if (!duplicate && FieldAccessor::resolve(store, tableId, path, &accessor))
            result.append({path, accessor});
    };

    if (!fields.trimmed().isEmpty()) {
        for (const QString &path : fields.split(u','))
            add(path.trimmed());
        return result;
    }

    const TableDefinition &definition = store.definition(tableId);
    const bool taskTable = Schema::instance().extends(definition.name, u"task"_s);
    if (taskTable && (view == u"mobile" || view == u"both")) {
        for (const char16_t *name : kMobileView)
            add(QString::fromUtf16(name));
    }
    if (taskTable && (view == u"desktop" || view == u"both")) {
        for (const char16_t *name : kDesktopView)
            add(QString::fromUtf16(name));
    }
    if (!result.isEmpty())
        return result;

    for (const ColumnDefinition &column : definition.columns)
        add(column.name);
    return result;
}

RecordWriter::RecordWriter(const Store &store, int tableId, DisplayMode mode, bool excludeReferenceLink,
                           QList<OutputField> fields, const QString &baseUrl, const QTimeZone &timeZone)
    : m_store(store)
    , m_tableId(tableId)
    , m_mode(mode)
    , m_excludeReferenceLink(excludeReferenceLink)
    , m_fields(std::move(fields))
    , m_timeZone(timeZone)
    , m_display(store, timeZone)
{
    const QString tableLinkBase = baseUrl + u"/api/now/table/"_s;
    m_plans.reserve(m_fields.size());
    for (const OutputField &field : std::as_const(m_fields)) {
        const ColumnDefinition &column = field.accessor.column();
        FieldPlan plan;
        plan.field = &field;
        plan.keyBytes = m_plans.empty() ? "{" : ",";
        json::appendKey(plan.keyBytes, field.key);
        plan.displayHandle = m_display.addColumn(column);
        if (!field.accessor.isDotWalked()) {
            plan.columnIndexByTable.resize(size_t(store.tableCount()));
            for (int table = 0; table < store.tableCount(); ++table)
                plan.columnIndexByTable[size_t(table)] = store.definition(table).indexOf(column.name);
        }
        plan.reference = column.isReference();
        plan.journal = column.isJournal();
        plan.nullWhenEmpty = column.hasChoices;
        if (plan.reference) {
            // The link is one JSON string: this prefix, then the escaped sys_id and a quote.
            plan.linkPrefix = "\"";
            json::appendStringContent(plan.linkPrefix, QString(tableLinkBase + column.referenceTable + u'/'));
        }
        m_plans.push_back(std::move(plan));
    }
}

QByteArray RecordWriter::shapeKey() const
{
    QByteArray key = m_store.tableName(m_tableId).toUtf8();
    key += '\x1f';
    key += QByteArray::number(int(m_mode));
    key += m_excludeReferenceLink ? "\x1fno-links\x1f" : "\x1flinks\x1f";
    key += m_timeZone.id();
    for (const OutputField &field : m_fields) {
        key += '\x1f';
        key += field.key.toUtf8();
    }
    return key;
}

QList<int> RecordWriter::dependencyTables() const
{
    QList<int> tables;
    const auto addWithDescendants = [&](int tableId) {
        if (tableId < 0)
            return;
        for (const int concrete : m_store.concreteTables(tableId)) {
            if (!tables.contains(concrete))
                tables.append(concrete);
        }
    };

    for (const OutputField &field : m_fields) {
        for (const int step : field.accessor.stepTables())
            addWithDescendants(step);
        const ColumnDefinition &column = field.accessor.column();
        if (m_mode != DisplayMode::Value && displayKindOf(column) == DisplayKind::Reference)
            addWithDescendants(m_store.tableId(column.referenceTable));
    }
    return tables;
}

void RecordWriter::write(QByteArray &out, RowRef row)
{
    if (m_plans.empty()) {
        out += "{}";
        return;
    }

    // The values come first, so the room for the whole record is known and the
    // buffer grows once per record instead of once per piece.
    const qsizetype room = readValues(row);
    char *cursor = json::beginAppend(out, room);
    for (size_t i = 0; i < m_plans.size(); ++i)
        cursor = writeField(cursor, m_plans[i], m_values[i], m_displays[i]);
    *cursor++ = '}';
    json::endAppend(out, cursor);
}

// Reads the value and display value of every field of `row` into m_values and
// m_displays, and returns the maximum number of bytes the record can take.
qsizetype RecordWriter::readValues(RowRef row)
{
    m_values.resize(m_plans.size());
    m_displays.resize(m_plans.size());

    // The fixed bytes of one field, such as {"display_value":…,"value":…,"link":…}.
    constexpr qsizetype kFixedFieldBytes = 64;
    qsizetype room = 1;
    const RowReader reader(m_store, row);
    for (size_t i = 0; i < m_plans.size(); ++i) {
        const FieldPlan &plan = m_plans[i];
        const FieldAccessor &accessor = plan.field->accessor;
        const RowRef valueRow = accessor.isDotWalked() ? accessor.finalRow(row) : row;

        // Journal fields read back empty; their entries show only as the display value.
        // Plain columns are read through the row's reader, the same value that
        // FieldAccessor::value() returns with fewer lookups per column.
        QString &value = m_values[i];
        if (!valueRow.isValid() || plan.journal) {
            value = QString();
        } else if (accessor.isDotWalked()) {
            value = accessor.value(row);
        } else {
            const int columnIndex = plan.columnIndexByTable[size_t(row.table)];
            value = columnIndex < 0 ? QString() : reader.value(columnIndex);
        }
        QString &display = m_displays[i];
        display = m_mode != DisplayMode::Value && valueRow.isValid() ? m_display.displayValue(plan.displayHandle, valueRow, value)
                                                                     : QString();

        // The value may be written twice (value and link), the display value once.
        room += kFixedFieldBytes + plan.keyBytes.size() + plan.linkPrefix.size() + 2 * json::maxStringBytes(value.size())
            + json::maxStringBytes(display.size());
    }
    return room;
}

char *RecordWriter::writeField(char *cursor, const FieldPlan &plan, const QString &value, const QString &display) const
{
    const bool withLink = plan.reference && !value.isEmpty() && !m_excludeReferenceLink;
    const auto writeLink = [&](char *at) {
        at = json::writeBytes(at, plan.linkPrefix);
        at = json::writeStringContent(at, value);
        *at++ = '"';
        return at;
    };

    cursor = json::writeBytes(cursor, plan.keyBytes);
    switch (m_mode) {
    case DisplayMode::Value:
        if (withLink) {
            cursor = json::writeBytes(cursor, "{\"link\":");
            cursor = writeLink(cursor);
            cursor = json::writeBytes(cursor, ",\"value\":");
            cursor = json::writeString(cursor, value);
            *cursor++ = '}';
        } else {
            cursor = json::writeString(cursor, value);
        }
        break;

    case DisplayMode::Display:
        if (withLink) {
            cursor = json::writeBytes(cursor, "{\"display_value\":");
            cursor = json::writeString(cursor, display);
            cursor = json::writeBytes(cursor, ",\"link\":");
            cursor = writeLink(cursor);
            *cursor++ = '}';
        } else {
            cursor = json::writeString(cursor, display);
        }
        break;

    case DisplayMode::All:
        cursor = json::writeBytes(cursor, "{\"display_value\":");
        // An empty choice has no label; a real instance sends null for it.
        if (plan.nullWhenEmpty && value.isEmpty())
            cursor = json::writeBytes(cursor, "null");
        else
            cursor = json::writeString(cursor, display);
        cursor = json::writeBytes(cursor, ",\"value\":");
        cursor = json::writeString(cursor, value);
        if (withLink) {
            cursor = json::writeBytes(cursor, ",\"link\":");
            cursor = writeLink(cursor);
        }
        *cursor++ = '}';
        break;
    }
    return cursor;
}

} // namespace snowemu
