#include "aggregateapi.h"

#include "data/display.h"
#include "errors.h"
#include "json/jsonwriter.h"
#include "query/fieldaccessor.h"
#include "recordwriter.h"
#include "tableapi.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

enum class Aggregate { Count, Avg, Min, Max, Sum };

struct StatField {
    QString name;
    FieldAccessor accessor;
};

// The statistics of one group, or of all rows when nothing is grouped.
struct GroupStats {
    QStringList key;      // stored values of the group-by fields
    RowRef sample;        // a row of the group, for display values
    qint64 count = 0;
    QHash<QString, double> sums;
    QHash<QString, qint64> numericCounts;
    QHash<QString, QString> minimums;
    QHash<QString, QString> maximums;
};

QList<StatField> resolveFields(const Store &store, int tableId, const QString &list)
{
    QList<StatField> fields;
    for (const QString &name : list.split(u',', Qt::SkipEmptyParts)) {
        StatField field{name.trimmed(), {}};
        if (FieldAccessor::resolve(store, tableId, field.name, &field.accessor))
            fields.append(field);
    }
    return fields;
}

int compareValues(const QString &a, const QString &b, bool numeric)
{
    if (numeric) {
        bool okA = false;
        bool okB = false;
        const double x = a.toDouble(&okA);
        const double y = b.toDouble(&okB);
        if (okA && okB)
            return x < y ? -1 : (x > y ? 1 : 0);
    }
    return a.compare(b, Qt::CaseInsensitive);
}

QString formatAverage(double value)
{
    return QString::number(value, 'f', 4);
}

QString formatSum(double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'f', 4);
}

double aggregateValue(const GroupStats &group, Aggregate aggregate, const QString &field)
{
    switch (aggregate) {
    case Aggregate::Count:
        return double(group.count);
    case Aggregate::Sum:
        return group.sums.value(field);
    case Aggregate::Avg: {
        const qint64 n = group.numericCounts.value(field);
        return n ? group.sums.value(field) / double(n) : 0.0;
    }
    case Aggregate::Min:
        return group.minimums.value(field).toDouble();
    case Aggregate::Max:
        return group.maximums.value(field).toDouble();
    }
    return 0.0;
}

std::optional<Aggregate> parseAggregate(const QString &text)
{
    const QString upper = text.toUpper();
    if (upper == u"COUNT")
        return Aggregate::Count;
    if (upper == u"AVG")
        return Aggregate::Avg;
    if (upper == u"MIN")
        return Aggregate::Min;
    if (upper == u"MAX")
        return Aggregate::Max;
    if (upper == u"SUM")
        return Aggregate::Sum;
    return std::nullopt;
}

void writeStats(QByteArray &out, const GroupStats &group, bool withCount, const QList<StatField> &avg, const QList<StatField> &min,
                const QList<StatField> &max, const QList<StatField> &sum)
{
    out += "{";
    bool first = true;
    const auto section = [&](const char *name, const QList<StatField> &fields, auto valueOf) {
        if (fields.isEmpty())
            return;
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out += name;
        out += "\":{";
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                out += ',';
            json::appendKey(out, fields.at(i).name);
            json::appendString(out, valueOf(fields.at(i).name));
        }
        out += '}';
    };

    section("avg", avg, [&](const QString &field) {
        const qint64 n = group.numericCounts.value(field);
        return n ? formatAverage(group.sums.value(field) / double(n)) : QString();
    });
    section("min", min, [&](const QString &field) { return group.minimums.value(field); });
    section("max", max, [&](const QString &field) { return group.maximums.value(field); });
    section("sum", sum, [&](const QString &field) { return formatSum(group.sums.value(field)); });
    if (withCount) {
        if (!first)
            out += ',';
        out += "\"count\":";
        json::appendString(out, QString::number(group.count));
    }
    out += '}';
}

} // namespace

HttpResponse handleAggregateRequest(ApiContext &context, const QString &table)
{
    const int tableId = context.store.tableId(table);
    if (tableId < 0)
        return errorResponse(400, u"Invalid table %1"_s.arg(table), u"No table named %1 exists; check the name in sys_db_object."_s.arg(table));
    if (context.request.method != "GET")
        return errorResponse(405, u"Method not Supported"_s, u"Use GET on /api/now/stats/{table}."_s);

    const HttpRequest &request = context.request;
    const Store &store = context.store;
    const bool withCount = isTrue(request.queryValue(u"sysparm_count"));
    const QList<StatField> avg = resolveFields(store, tableId, request.queryValue(u"sysparm_avg_fields"));
    const QList<StatField> min = resolveFields(store, tableId, request.queryValue(u"sysparm_min_fields"));
    const QList<StatField> max = resolveFields(store, tableId, request.queryValue(u"sysparm_max_fields"));
    const QList<StatField> sum = resolveFields(store, tableId, request.queryValue(u"sysparm_sum_fields"));
    const QList<StatField> groupBy = resolveFields(store, tableId, request.queryValue(u"sysparm_group_by"));
    const DisplayMode displayMode = parseDisplayMode(request.queryValue(u"sysparm_display_value"));

    // Fields that are both averaged and summed are read once per row.
    QList<StatField> numericFields = avg;
    for (const StatField &field : sum) {
        if (std::none_of(numericFields.cbegin(), numericFields.cend(), [&](const StatField &f) { return f.name == field.name; }))
            numericFields.append(field);
    }
    const QList<StatField> rangeFields = min + max;

    const RowList rows = queryRows(context, tableId);
    std::map<QStringList, GroupStats> groups;
    for (const RowRef row : *rows) {
        QStringList key;
        for (const StatField &field : groupBy)
            key.append(field.accessor.value(row));

        GroupStats &group = groups[key];
        if (group.count == 0) {
            group.key = key;
            group.sample = row;
        }
        ++group.count;

        for (const StatField &field : std::as_const(numericFields)) {
            bool ok = false;
            const double value = field.accessor.value(row).toDouble(&ok);
            if (ok) {
                group.sums[field.name] += value;
                group.numericCounts[field.name] += 1;
            }
        }
        for (const StatField &field : std::as_const(rangeFields)) {
            const QString value = field.accessor.value(row);
            if (value.isEmpty())
                continue;
            const bool numeric = field.accessor.column().isNumeric();
            if (!group.minimums.contains(field.name) || compareValues(value, group.minimums.value(field.name), numeric) < 0)
                group.minimums.insert(field.name, value);
            if (!group.maximums.contains(field.name) || compareValues(value, group.maximums.value(field.name), numeric) > 0)
                group.maximums.insert(field.name, value);
        }
    }
    QByteArray body = "{\"result\":";
    if (groupBy.isEmpty()) {
        GroupStats all = groups.empty() ? GroupStats() : groups.begin()->second;
        body += "{\"stats\":";
        writeStats(body, all, withCount, avg, min, max, sum);
        body += "}}";
        return HttpResponse::json(200, body);
    }

    std::vector<GroupStats> ordered;
    for (auto &[key, group] : groups)
        ordered.push_back(group);

    // sysparm_having: "aggregate^field^operator^value", comma separated; all must hold.
    for (const QString &having : request.queryValue(u"sysparm_having").split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = having.split(u'^');
        const auto aggregate = parseAggregate(parts.value(0));
        if (parts.size() != 4 || !aggregate)
            continue;
        const QString field = parts.at(1);
        const QString op = parts.at(2);
        const double threshold = parts.at(3).toDouble();
        std::erase_if(ordered, [&](const GroupStats &group) {
            const double value = aggregateValue(group, *aggregate, field);
            if (op == u">")
                return !(value > threshold);
            if (op == u"<")
                return !(value < threshold);
            if (op == u">=")
                return !(value >= threshold);
            if (op == u"<=")
                return !(value <= threshold);
            if (op == u"=")
                return !(value == threshold);
            if (op == u"!=")
                return !(value != threshold);
            return false;
        });
    }

    // sysparm_order_by: "COUNT", "AVG^field", "field^DESC"; groups sort by their values otherwise.
    const QStringList orderItems = request.queryValue(u"sysparm_order_by").split(u',', Qt::SkipEmptyParts);
    std::stable_sort(ordered.begin(), ordered.end(), [&](const GroupStats &a, const GroupStats &b) {
        for (const QString &item : orderItems) {
            const QStringList parts = item.split(u'^');
            const bool descending = parts.last().compare(u"DESC", Qt::CaseInsensitive) == 0;
            int comparison = 0;
            if (const auto aggregate = parseAggregate(parts.first())) {
                const QString field = *aggregate == Aggregate::Count ? QString() : parts.value(1);
                const double x = aggregateValue(a, *aggregate, field);
                const double y = aggregateValue(b, *aggregate, field);
                comparison = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                const qsizetype index = std::find_if(groupBy.cbegin(), groupBy.cend(), [&](const StatField &f) { return f.name == parts.first(); })
                    - groupBy.cbegin();
                if (index < groupBy.size())
                    comparison = compareValues(a.key.at(index), b.key.at(index), groupBy.at(index).accessor.column().isNumeric());
            }
            if (comparison != 0)
                return descending ? comparison > 0 : comparison < 0;
        }
        for (qsizetype i = 0; i < groupBy.size(); ++i) {
            const int comparison = compareValues(a.key.at(i), b.key.at(i), groupBy.at(i).accessor.column().isNumeric());
            if (comparison != 0)
                return comparison < 0;
        }
        return false;
    });

    body += '[';
    for (size_t g = 0; g < ordered.size(); ++g) {
        const GroupStats &group = ordered[g];
        if (g > 0)
            body += ',';
        body += "{\"stats\":";
        writeStats(body, group, withCount, avg, min, max, sum);
        body += ",\"groupby_fields\":[";
        for (qsizetype i = 0; i < groupBy.size(); ++i) {
            if (i > 0)
                body += ',';
            const StatField &field = groupBy.at(i);
            const RowRef valueRow = field.accessor.isDotWalked() ? field.accessor.finalRow(group.sample) : group.sample;
            body += "{\"value\":";
            json::appendString(body, group.key.at(i));
            body += ",\"field\":";
            json::appendString(body, field.name);
            if (displayMode != DisplayMode::Value) {
                body += ",\"display_value\":";
                json::appendString(body, valueRow.isValid() ? displayValueOf(store, valueRow, field.accessor.column(), group.key.at(i),
                                                                             context.account.timeZone)
                                                            : QString());
            }
            body += '}';
        }
        body += "]}";
    }
    body += "]}";
    return HttpResponse::json(200, body);
}

} // namespace snowemu
