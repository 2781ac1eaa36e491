#include "query/referencenames.h"

#include "app/session.h"
#include "logging.h"
#include "metadata/schemacache.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

using namespace Qt::StringLiterals;

ReferenceNames *ReferenceNames::of(Session *session)
{
    if (auto *existing = session->findChild<ReferenceNames *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ReferenceNames(session);
}

ReferenceNames::ReferenceNames(Session *session)
    : QObject(session)
    , m_session(session)
{
    connect(session->schemas(), &SchemaCache::schemaLoaded, this, [this](const QString &table) { takeSchema(table, true); });
    connect(session->schemas(), &SchemaCache::schemaFailed, this, [this](const QString &table) { takeSchema(table, false); });
}

QString ReferenceNames::key(const QString &table, const QString &sysId)
{
    return table + u'/' + sysId;
}

bool ReferenceNames::isSysId(const QString &value)
{
    if (value.size() != 32)
        return false;
    return std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

QString ReferenceNames::name(const QString &table, const QString &sysId) const
{
    return m_names.value(key(table, sysId));
}

void ReferenceNames::insert(const QString &table, const QString &sysId, const QString &name)
{
    if (table.isEmpty() || sysId.isEmpty() || name.isEmpty())
        return;
    m_names.insert(key(table, sysId), name);
}

void ReferenceNames::request(const QString &table, const QString &sysId)
{
    const QString id = key(table, sysId);
    if (table.isEmpty() || !isSysId(sysId) || m_names.contains(id) || m_pending.contains(id))
        return;

    m_pending.insert(id);
    SchemaCache *schemas = m_session->schemas();
    if (schemas->cached(table)) {
        lookUp(table, sysId);
        return;
    }

    // The display field comes from the referenced table's schema; look up once it is loaded.
    m_waiting[table].append(sysId);
    schemas->load(table);
}

void ReferenceNames::takeSchema(const QString &table, bool loaded)
{
    const QStringList sysIds = m_waiting.take(table);
    for (const QString &sysId : sysIds) {
        if (loaded)
            lookUp(table, sysId);
        else
            m_pending.remove(key(table, sysId));
    }
}

void ReferenceNames::lookUp(const QString &table, const QString &sysId)
{
    const auto schema = m_session->schemas()->cached(table);
    const QString displayField = schema ? schema->displayField() : u"sys_id"_s;

    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"sys_id"_s, displayField};
    options.displayValue = snow::ParamsBuilder::DisplayValue::True;
    options.excludeReferenceLink = true;
    options.noCount = true;
    snow::Response *response = m_session->client()->resource(u"/table/"_s + table).get(QString(u"sys_id="_s + sysId), options);
    response->setParent(this);
    connect(response, &snow::Response::finished, this, [this, response, table, sysId, displayField] {
        response->deleteLater();
        m_pending.remove(key(table, sysId));
        if (response->error().isError()) {
            qCWarning(lcQuery).noquote() << "Looking up the display value of" << table << sysId
                                         << "failed:" << response->error().toString();
            return;
        }

        const std::optional<snow::Record> record = response->firstOrNone();
        if (!record)
            return;
        const QString name = record->value(displayField);
        if (name.isEmpty())
            return;
        m_names.insert(key(table, sysId), name);
        Q_EMIT nameResolved(table, sysId, name);
    });
}
