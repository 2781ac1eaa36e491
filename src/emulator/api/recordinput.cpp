#include "recordinput.h"

#include "data/display.h"
#include "data/seedrandom.h"
#include "errors.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

// Values a write sets, plus what the rules need to know about the request.
struct Changes {
    QHash<QString, QString> values;
    QList<JournalEntry> journal;
    QStringList explicitlyEmptied;  // fields the request set to ""
};

QString nowText(const ApiContext &context)
{
    return seed::formatDateTime(context.queryContext.nowSeconds);
}

bool isSysId(const QString &value)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(value).hasMatch();
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::Object: {
        // {"value": "..."} as some clients send references.
        const QJsonObject object = value.toObject();
        return jsonValueText(object.contains(u"value"_s) ? object.value(u"value"_s) : object.value(u"display_value"_s));
    }
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(jsonValueText(item));
        return items.join(u',');
    }
    default:
        return QString();
    }
}

// Turns a display value into the stored value, for sysparm_input_display_value=true.
QString fromDisplayValue(const ApiContext &context, const QString &table, const ColumnDefinition &column, const QString &input)
{
    if (input.isEmpty())
        return input;

    if (column.isReference()) {
        const int target = context.store.tableId(column.referenceTable);
        if (target < 0 || (isSysId(input) && context.store.find(target, input).isValid()))
            return input;
        const QString displayColumn = context.store.definition(target).displayColumn;
        for (const RowRef row : context.store.rows(target)) {
            if (context.store.value(row, displayColumn).compare(input, Qt::CaseInsensitive) == 0)
                return context.store.sysId(row);
        }
        return input; // a real instance stores an unresolved reference as given
    }
    if (column.hasChoices) {
        for (const Choice &choice : Schema::instance().choices(table, column.name)) {
            if (choice.value == input)
                return input;
        }
        for (const Choice &choice : Schema::instance().choices(table, column.name)) {
            if (choice.label.compare(input, Qt::CaseInsensitive) == 0)
                return choice.value;
        }
        return input;
    }
    if (column.internalType == u"glide_date_time" || column.internalType == u"due_date") {
        const QString utc = localToUtc(input, context.account.timeZone);
        return utc.isEmpty() ? input : utc;
    }
    return input;
}

Changes readChanges(const ApiContext &context, const QString &table, const QJsonObject &body, bool inputDisplayValue, bool inserting)
{
    const TableDefinition &definition = *Schema::instance().table(table);
    Changes changes;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const ColumnDefinition *column = definition.column(it.key());
        if (!column)
            continue; // unknown fields are ignored, as on a real instance

        QString value = jsonValueText(it.value());
        if (column->internalType == u"journal_input") {
            if (!value.trimmed().isEmpty())
                changes.journal.append({column->name, nowText(context), context.account.displayName, value});
            continue;
        }
        if (column->isJournal() || column->internalType == u"journal")
            continue;

        const bool settableOnInsert = column->name == u"sys_id" && inserting && isSysId(value);
        if (column->readOnly && column->name != u"number" && !settableOnInsert)
            continue;

        if (inputDisplayValue)
            value = fromDisplayValue(context, table, *column, value);
        if (column->isBoolean() && !value.isEmpty())
            value = (value.compare(u"true", Qt::CaseInsensitive) == 0 || value == u"1") ? u"true"_s : u"false"_s;

        if (value.isEmpty())
            changes.explicitlyEmptied.append(column->name);
        changes.values.insert(column->name, value);
    }
    return changes;
}

int priorityFor(const QString &impact, const QString &urgency)
{
    static constexpr int matrix[3][3] = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
    const int i = qBound(1, impact.toInt(), 3);
    const int u = qBound(1, urgency.toInt(), 3);
    return matrix[i - 1][u - 1];
}

/*!
    Applies the rules a real instance runs on a write, reduced to what clients notice.
    They are task defaults and numbering, priority from impact and urgency, and the
    incident state fields. The incident data policy makes caller and short
    description mandatory, and a business rule rejects closing an incident without a
    close code and close notes. `current` returns a field's value before this write.
*/
std::optional<HttpResponse> applyRules(ApiContext &context, const QString &table, bool inserting, Changes &changes,
                                       const std::function<QString(const QString &)> &current)
{
    const Schema &schema = Schema::instance();
    const bool isTask = schema.extends(table, u"task"_s);
    const bool isIncident = table == u"incident";
    QHash<QString, QString> &values = changes.values;
    const auto merged = [&](const QString &field) { return values.contains(field) ? values.value(field) : current(field); };

    if (isIncident) {
        QStringList missing;
        if (changes.explicitlyEmptied.contains(u"caller_id"_s))
            missing.append(u"Caller"_s);
        if (changes.explicitlyEmptied.contains(u"short_description"_s))
            missing.append(u"Short description"_s);
        if (!missing.isEmpty()) {
            return errorResponse(403, u"Operation Failed"_s,
                                 u"Data Policy Exception: The following fields are mandatory: "_s + missing.join(u", "_s));
        }
    }

    if (isTask && (values.contains(u"impact"_s) || values.contains(u"urgency"_s) || inserting) && !values.contains(u"priority"_s)) {
        const QString impact = merged(u"impact"_s).isEmpty() ? u"3"_s : merged(u"impact"_s);
        const QString urgency = merged(u"urgency"_s).isEmpty() ? u"3"_s : merged(u"urgency"_s);
        values.insert(u"priority"_s, QString::number(priorityFor(impact, urgency)));
    }

    if (isIncident) {
        if (values.contains(u"incident_state"_s) && !values.contains(u"state"_s))
            values.insert(u"state"_s, values.value(u"incident_state"_s));
        const QString state = merged(u"state"_s).isEmpty() ? u"1"_s : merged(u"state"_s);
        if (values.contains(u"state"_s) || inserting) {
            values.insert(u"state"_s, state);
            values.insert(u"incident_state"_s, state);
            values.insert(u"active"_s, state == u"7" || state == u"8" ? u"false"_s : u"true"_s);
            if ((state == u"6" || state == u"7") && merged(u"resolved_at"_s).isEmpty()) {
                values.insert(u"resolved_at"_s, nowText(context));
                values.insert(u"resolved_by"_s, context.account.sysId);
            }
            if ((state == u"7" || state == u"8") && merged(u"closed_at"_s).isEmpty()) {
                values.insert(u"closed_at"_s, nowText(context));
                values.insert(u"closed_by"_s, context.account.sysId);
            }
        }
        if (state == u"7" && (merged(u"close_code"_s).isEmpty() || merged(u"close_notes"_s).isEmpty())) {
            return errorResponse(403, u"Operation Failed"_s,
                                 u"An incident cannot be closed without a resolution code and close notes; "
                                 "send close_code and close_notes together with state 7."_s);
        }
    }
    return std::nullopt;
}

void addInsertDefaults(ApiContext &context, int tableId, Changes &changes)
{
    const TableDefinition &definition = context.store.definition(tableId);
    QHash<QString, QString> &values = changes.values;
    const QString now = nowText(context);
    const auto setDefault = [&](const QString &field, const QString &value) {
        if (definition.column(field) && values.value(field).isEmpty())
            values.insert(field, value);
    };

    if (!isSysId(values.value(u"sys_id"_s)) || context.store.find(tableId, values.value(u"sys_id"_s)).isValid())
        values.insert(u"sys_id"_s, QUuid::createUuid().toString(QUuid::Id128));
    values.insert(u"sys_created_on"_s, now);
    values.insert(u"sys_created_by"_s, context.account.userName);
    values.insert(u"sys_updated_on"_s, now);
    values.insert(u"sys_updated_by"_s, context.account.userName);
    values.insert(u"sys_mod_count"_s, u"0"_s);
    setDefault(u"sys_class_name"_s, definition.name);
    setDefault(u"sys_domain"_s, u"global"_s);
    setDefault(u"sys_domain_path"_s, u"/"_s);

    if (!Schema::instance().extends(definition.name, u"task"_s))
        return;

    if (!definition.numberPrefix.isEmpty())
        setDefault(u"number"_s, context.store.takeNextNumber(tableId));
    setDefault(u"task_effective_number"_s, values.value(u"number"_s));
    setDefault(u"opened_at"_s, now);
    setDefault(u"opened_by"_s, context.account.sysId);
    setDefault(u"impact"_s, u"3"_s);
    setDefault(u"urgency"_s, u"3"_s);
    setDefault(u"escalation"_s, u"0"_s);
    setDefault(u"approval"_s, u"not requested"_s);
    setDefault(u"upon_approval"_s, u"proceed"_s);
    setDefault(u"upon_reject"_s, u"cancel"_s);
    setDefault(u"made_sla"_s, u"true"_s);
    setDefault(u"knowledge"_s, u"false"_s);
    setDefault(u"reassignment_count"_s, u"0"_s);
    setDefault(u"active"_s, u"true"_s);

    if (definition.name == u"incident") {
        setDefault(u"notify"_s, u"1"_s);
        setDefault(u"severity"_s, u"3"_s);
        setDefault(u"reopen_count"_s, u"0"_s);
        setDefault(u"child_incidents"_s, u"0"_s);
        setDefault(u"category"_s, u"inquiry"_s);
    } else if (definition.name == u"problem") {
        setDefault(u"state"_s, u"101"_s);
        setDefault(u"problem_state"_s, values.value(u"state"_s));
    } else if (definition.name == u"change_request") {
        setDefault(u"state"_s, u"-5"_s);
        setDefault(u"type"_s, u"normal"_s);
    } else {
        setDefault(u"state"_s, u"1"_s);
    }
}

HttpResponse storageError(const QString &message)
{
    return errorResponse(500, u"Operation Failed"_s, message);
}

} // namespace

WriteResult insertRecord(ApiContext &context, int tableId, const QJsonObject &body, bool inputDisplayValue)
{
    const QString table = context.store.tableName(tableId);
    Changes changes = readChanges(context, table, body, inputDisplayValue, true);

    if (auto rejection = applyRules(context, table, true, changes, [](const QString &) { return QString(); }))
        return {false, {}, *rejection};
    addInsertDefaults(context, tableId, changes);

    QString error;
    const RowRef row = context.store.insert(tableId, changes.values, changes.journal, &error);
    if (!row.isValid())
        return {false, {}, storageError(error)};
    return {true, row, {}};
}

WriteResult updateRecord(ApiContext &context, RowRef row, const QJsonObject &body, bool inputDisplayValue)
{
    const QString table = context.store.tableNameOf(row);
    Changes changes = readChanges(context, table, body, inputDisplayValue, false);
    changes.values.remove(u"sys_id"_s);

    const Store &store = context.store;
    const auto current = [&store, row](const QString &field) { return store.value(row, field); };
    if (auto rejection = applyRules(context, table, false, changes, current))
        return {false, {}, *rejection};

    changes.values.insert(u"sys_updated_on"_s, nowText(context));
    changes.values.insert(u"sys_updated_by"_s, context.account.userName);
    changes.values.insert(u"sys_mod_count"_s, QString::number(store.value(row, u"sys_mod_count"_s).toInt() + 1));

    QString error;
    if (!context.store.update(row, changes.values, changes.journal, &error))
        return {false, {}, storageError(error)};
    return {true, row, {}};
}

} // namespace snowemu
