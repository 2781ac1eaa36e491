#include "recordwriter.h"

#include "data/display.h"
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

void appendNullableString(QByteArray &out, const QString &text, bool isNull)
{
    if (isNull)
        out += "null";
    else
        json::appendString(out, text);
}

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

RecordWriter::RecordWriter(const Store &store, DisplayMode mode, bool excludeReferenceLink, QList<OutputField> fields,
                           const QString &baseUrl, const QTimeZone &timeZone)
    : m_store(store)
    , m_mode(mode)
    , m_excludeReferenceLink(excludeReferenceLink)
    , m_fields(std::move(fields))
    , m_tableLinkBase(baseUrl + u"/api/now/table/"_s)
    , m_timeZone(timeZone)
{
}

void RecordWriter::write(QByteArray &out, RowRef row) const
{
    out += '{';
    bool first = true;
    for (const OutputField &field : m_fields) {
        if (!first)
            out += ',';
        first = false;
        writeField(out, field, row);
    }
    out += '}';
}

void RecordWriter::writeField(QByteArray &out, const OutputField &field, RowRef row) const
{
    json::appendKey(out, field.key);

    const ColumnDefinition &column = field.accessor.column();
    const RowRef valueRow = field.accessor.isDotWalked() ? field.accessor.finalRow(row) : row;
    // Journal fields read back empty; their entries show only as the display value.
    const QString value = !valueRow.isValid() || column.isJournal() ? QString() : field.accessor.value(row);
    const bool withLink = column.isReference() && !value.isEmpty() && !m_excludeReferenceLink;
    const QString link = withLink ? m_tableLinkBase + column.referenceTable + u'/' + value : QString();

    if (m_mode == DisplayMode::Value) {
        if (withLink) {
            out += "{\"link\":";
            json::appendString(out, link);
            out += ",\"value\":";
            json::appendString(out, value);
            out += '}';
        } else {
            json::appendString(out, value);
        }
        return;
    }

    const QString display = valueRow.isValid() ? displayValueOf(m_store, valueRow, column, value, m_timeZone) : QString();

    if (m_mode == DisplayMode::Display) {
        if (withLink) {
            out += "{\"display_value\":";
            json::appendString(out, display);
            out += ",\"link\":";
            json::appendString(out, link);
            out += '}';
        } else {
            json::appendString(out, display);
        }
        return;
    }

    // An empty choice has no label; a real instance sends null for it.
    out += "{\"display_value\":";
    appendNullableString(out, display, column.hasChoices && value.isEmpty());
    out += ",\"value\":";
    json::appendString(out, value);
    if (withLink) {
        out += ",\"link\":";
        json::appendString(out, link);
    }
    out += '}';
}

} // namespace snowemu
