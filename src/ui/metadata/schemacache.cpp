#include "schemacache.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// ServiceNow hierarchies are a few levels deep (cmdb_ci_linux_server has six); the
// cap only stops a cycle in broken metadata.
constexpr int MaxAncestry = 16;

bool isTrue(const QString &value)
{
    return value == u"true" || value == u"1";
}

} // namespace

/// The steps of one schema load: ancestry, then dictionary, then choices.
class SchemaCache::Loader : public QObject
{
public:
    Loader(SchemaCache *cache, const QString &table)
        : QObject(cache)
        , m_cache(cache)
        , m_schema(std::make_shared<TableSchema>())
    {
        m_schema->table = table;
    }

    void start() { requestTable(u"name="_s + m_schema->table); }

private:
    snow::Resource resource(const QString &table) const
    {
        snow::Resource resource = m_cache->m_client->resource(u"/table/"_s + table);
        resource.parameters().setExcludeReferenceLink(true);
        resource.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::False);
        return resource;
    }

    // Runs @p response and calls @p next with it when it succeeds; a failure ends the load.
    void expect(snow::Response *response, std::function<void(snow::Response *)> next)
    {
        response->setParent(this);
        connect(response, &snow::Response::finished, this, [this, response, next] {
            response->deleteLater();
            if (response->error().isError()) {
                fail(response->error());
                return;
            }
            next(response);
        });
    }

    void requestTable(const QString &query)
    {
        snow::GetOptions options;
        options.limit = 1;
        options.fields = {u"name"_s, u"label"_s, u"super_class"_s};
        expect(resource(u"sys_db_object"_s).get(query, options), [this](snow::Response *response) {
            const std::optional<snow::Record> record = response->firstOrNone();
            if (!record) {
                if (m_schema->ancestry.isEmpty()) {
                    fail(snow::Error(snow::Error::NoResults,
                                     tr("The table \"%1\" does not exist on this instance, or you may not read it")
                                         .arg(m_schema->table)));
                    return;
                }
                requestDictionary();
                return;
            }

            m_schema->ancestry.append(record->value(u"name"));
            if (m_schema->label.isEmpty())
                m_schema->label = record->value(u"label");

            const QString parent = record->value(u"super_class");
            if (parent.isEmpty() || m_schema->ancestry.size() >= MaxAncestry)
                requestDictionary();
            else
                requestTable(u"sys_id="_s + parent);
        });
    }

    void requestDictionary()
    {
        snow::GetOptions options;
        options.limit = 0;
        options.pageSize = 1000;
        options.fields = {u"name"_s, u"element"_s, u"column_label"_s, u"internal_type"_s, u"reference"_s, u"max_length"_s,
                          u"mandatory"_s, u"read_only"_s, u"choice"_s, u"display"_s, u"active"_s};
        const QString query = u"nameIN"_s + m_schema->ancestry.join(u',') + u"^elementISNOTEMPTY"_s;
        expect(resource(u"sys_dictionary"_s).get(query, options), [this](snow::Response *response) {
            takeDictionary(response->records());
            requestChoices();
        });
    }

    void takeDictionary(const QList<snow::Record> &records)
    {
        // A column defined on a more specific table replaces the ancestor's definition.
        QHash<QString, int> rank;
        QHash<QString, FieldInfo> fields;
        for (const snow::Record &record : records) {
            if (record.value(u"active") == u"false")
                continue;

            FieldInfo info;
            info.name = record.value(u"element");
            info.definedOn = record.value(u"name");
            const int level = int(m_schema->ancestry.indexOf(info.definedOn));
            if (rank.contains(info.name) && rank.value(info.name) <= level)
                continue;

            const QString choice = record.value(u"choice");
            info.label = record.value(u"column_label");
            if (info.label.isEmpty())
                info.label = info.name;
            info.internalType = record.value(u"internal_type");
            info.referenceTable = record.value(u"reference");
            info.maxLength = record.value(u"max_length").toInt();
            info.mandatory = isTrue(record.value(u"mandatory"));
            info.readOnly = isTrue(record.value(u"read_only"));
            info.isDisplay = isTrue(record.value(u"display"));
            info.type = TableSchema::typeFor(info.internalType, !choice.isEmpty() && choice != u"0");
            rank.insert(info.name, level);
            fields.insert(info.name, info);
        }

        m_schema->fields = fields.values();
        std::sort(m_schema->fields.begin(), m_schema->fields.end(), [](const FieldInfo &left, const FieldInfo &right) {
            return QString::localeAwareCompare(left.label, right.label) < 0;
        });
    }

    void requestChoices()
    {
        snow::GetOptions options;
        options.limit = 0;
        options.pageSize = 2000;
        options.fields = {u"name"_s, u"element"_s, u"value"_s, u"label"_s, u"sequence"_s, u"language"_s};
        const QString query = u"nameIN"_s + m_schema->ancestry.join(u',') + u"^inactive=false"_s;
        expect(resource(u"sys_choice"_s).get(query, options), [this](snow::Response *response) {
            takeChoices(response->records());
            m_cache->finishLoad(m_schema->table, m_schema, snow::Error());
        });
    }

    void takeChoices(const QList<snow::Record> &records)
    {
        QHash<QString, int> rank;
        QHash<QString, QList<ChoiceOption>> choices;
        for (const snow::Record &record : records) {
            const QString language = record.value(u"language");
            if (!language.isEmpty() && language != u"en")
                continue;

            const QString element = record.value(u"element");
            const int level = int(m_schema->ancestry.indexOf(record.value(u"name")));
            if (rank.contains(element) && rank.value(element) < level)
                continue;
            if (rank.contains(element) && rank.value(element) > level)
                choices.remove(element);
            rank.insert(element, level);
            choices[element].append({record.value(u"value"), record.value(u"label"), record.value(u"sequence").toInt()});
        }

        for (auto it = choices.begin(); it != choices.end(); ++it) {
            std::stable_sort(it->begin(), it->end(),
                             [](const ChoiceOption &left, const ChoiceOption &right) { return left.sequence < right.sequence; });
        }
        m_schema->choices = choices;
    }

    void fail(const snow::Error &error) { m_cache->finishLoad(m_schema->table, nullptr, error); }

    SchemaCache *m_cache;
    std::shared_ptr<TableSchema> m_schema;
};

SchemaCache::SchemaCache(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

SchemaCache::~SchemaCache() = default;

std::shared_ptr<const TableSchema> SchemaCache::schema(const QString &table)
{
    if (auto found = cached(table))
        return found;
    load(table);
    return nullptr;
}

std::shared_ptr<const TableSchema> SchemaCache::cached(const QString &table) const
{
    return m_schemas.value(table);
}

void SchemaCache::load(const QString &table)
{
    if (m_schemas.contains(table) || m_loaders.contains(table) || table.isEmpty())
        return;

    qCDebug(lcModel) << "Loading the schema of" << table;
    auto *loader = new Loader(this, table);
    m_loaders.insert(table, loader);
    loader->start();
}

bool SchemaCache::isLoading(const QString &table) const
{
    return m_loaders.contains(table);
}

void SchemaCache::clear()
{
    for (Loader *loader : std::as_const(m_loaders))
        loader->deleteLater();
    m_loaders.clear();
    m_schemas.clear();
}

void SchemaCache::finishLoad(const QString &table, std::shared_ptr<TableSchema> schema, const snow::Error &error)
{
    if (Loader *loader = m_loaders.take(table))
        loader->deleteLater();

    if (error.isError()) {
        qCWarning(lcModel).noquote() << "Loading the schema of" << table << "failed:" << error.toString();
        Q_EMIT schemaFailed(table, error);
        return;
    }

    qCDebug(lcModel) << "Schema of" << table << "loaded with" << schema->fields.size() << "columns";
    m_schemas.insert(table, schema);
    Q_EMIT schemaLoaded(table);
}
