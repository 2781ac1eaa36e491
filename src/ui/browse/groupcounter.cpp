#include "groupcounter.h"

#include "browse/querytext.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

GroupCounter::GroupCounter(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

GroupCounter::~GroupCounter()
{
    cancel();
}

void GroupCounter::cancel()
{
    if (!m_response)
        return;
    // Deleting a Response aborts it without further signals.
    m_response->disconnect(this);
    delete m_response.data();
    m_response = nullptr;
}

std::optional<GroupCount> GroupCounter::parseGroup(const snow::Record &record)
{
    // Both fields arrive as nested JSON, which Record keeps as JSON text.
    const QJsonObject stats = QJsonDocument::fromJson(record.value(u"stats").toUtf8()).object();
    const QJsonArray fields = QJsonDocument::fromJson(record.value(u"groupby_fields").toUtf8()).array();
    if (!stats.contains(u"count"_s) || fields.isEmpty())
        return std::nullopt;

    // The Aggregate API sends counts as strings ("30"), but a number is accepted too.
    const QJsonValue countValue = stats.value(u"count"_s);
    GroupCount group;
    group.count = countValue.isString() ? countValue.toString().toLongLong() : qint64(countValue.toDouble());

    const QJsonObject field = fields.first().toObject();
    group.value = field.value(u"value"_s).toString();
    group.displayValue = field.contains(u"display_value"_s) ? field.value(u"display_value"_s).toString() : group.value;
    return group;
}

void GroupCounter::count(const QString &table, const QString &encodedQuery, const QString &field)
{
    cancel();

    snow::Resource resource = m_client->resource(u"/stats/"_s + table);
    QVariantMap parameters = {
        {u"sysparm_group_by"_s, field},
        {u"sysparm_count"_s, u"true"_s},
        {u"sysparm_display_value"_s, u"true"_s},
    };
    const QString filter = querytext::withoutOrdering(encodedQuery);
    if (!filter.isEmpty())
        parameters.insert(u"sysparm_query"_s, filter);
    resource.parameters().addCustom(parameters);

    qCDebug(lcModel).noquote() << "Counting" << table << "records per" << field << "for query" << filter;
    m_response = resource.request("GET");
    m_response->setParent(this);
    connect(m_response, &snow::Response::finished, this, [this, response = m_response.data()] {
        m_response = nullptr;
        response->deleteLater();
        if (response->error().isError()) {
            Q_EMIT failed(response->error());
            return;
        }

        QList<GroupCount> groups;
        for (const snow::Record &record : response->records()) {
            if (const std::optional<GroupCount> group = parseGroup(record))
                groups.append(*group);
        }
        std::stable_sort(groups.begin(), groups.end(), [](const GroupCount &left, const GroupCount &right) {
            if (left.count != right.count)
                return left.count > right.count;
            return QString::localeAwareCompare(left.displayValue, right.displayValue) < 0;
        });
        Q_EMIT finished(groups);
    });
}
