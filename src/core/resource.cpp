#include "snow/resource.h"

#include "client_p.h"
#include "response_p.h"
#include "snow/client.h"
#include "snow/response.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

// ServiceNow's own default and maximum page size for the Table API.
constexpr qint64 DefaultPageSize = 10000;

bool isValidSysId(const QString &sysId)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]+$"_s);
    return pattern.match(sysId).hasMatch();
}

QByteArray jsonBody(const QJsonObject &payload)
{
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace

Error Resource::validatePath(const QString &path, const QString &argumentName)
{
    // pysnow's rule: a leading '/', components of [._a-zA-Z0-9-], no empty component,
    // no trailing '/'; and at least two characters after the first '/'. SnowCore also
    // rejects '.' and '..' components, which would climb out of the API.
    static const QRegularExpression pattern(u"^/(?:[._a-zA-Z0-9-]/?)+[^/]$"_s);
    const Error failure(Error::InvalidUsage,
                        u"Path validation failed for %1: expected '/<component>[/component]' with components of letters, "
                        "digits, '.', '_' and '-', got '%2'"_s
                            .arg(argumentName, path));
    if (!pattern.match(path).hasMatch())
        return failure;

    const QStringList components = path.mid(1).split(u'/');
    for (const QString &component : components) {
        if (component.isEmpty() || component == u"." || component == u"..")
            return failure;
    }
    return Error();
}

Resource::Resource() = default;

Resource::Resource(Client *client, const QString &basePath, const QString &apiPath, const ParamsBuilder &parameters)
    : m_client(client)
    , m_path(basePath + apiPath)
    , m_parameters(parameters)
{
    m_error = validatePath(apiPath, u"api path"_s);
    if (!m_error)
        m_error = validatePath(basePath, u"base path"_s);
}

bool Resource::isValid() const
{
    return !error().isError();
}

Error Resource::error() const
{
    if (m_error.isError())
        return m_error;
    if (!m_client)
        return Error(Error::InvalidUsage, u"The Resource has no Client; create it with Client::resource()"_s);
    return m_client->validationError();
}

QString Resource::path() const
{
    return m_path;
}

QUrl Resource::url() const
{
    if (!m_client)
        return QUrl();
    QUrl url = m_client->baseUrl();
    url.setPath(m_path);
    return url;
}

Client *Resource::client() const
{
    return m_client;
}

ParamsBuilder &Resource::parameters()
{
    return m_parameters;
}

const ParamsBuilder &Resource::parameters() const
{
    return m_parameters;
}

QUrl Resource::recordUrl(const QString &sysId) const
{
    QUrl url = this->url();
    url.setPath(m_path + u'/' + sysId);
    return url;
}

namespace {

Response *failedResponse(Client *client, const Error &error)
{
    auto *response = ResponseAccess::create(client);
    ResponseAccess::d(response)->failLater(error);
    return response;
}

} // namespace

Response *Resource::get(const Query &query, const GetOptions &options) const
{
    auto *response = ResponseAccess::create(m_client);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->keepRecords = options.keepRecords;
    if (const Error failure = error(); failure.isError()) {
        d->failLater(failure);
        return response;
    }

    ParamsBuilder parameters = m_parameters;
    const qint64 limit = options.limit.value_or(parameters.limit());
    const qint64 offset = options.offset.value_or(parameters.offset().value_or(0));
    const qint64 pageSize = options.pageSize > 0 ? options.pageSize : (limit > 0 ? std::min(limit, DefaultPageSize) : DefaultPageSize);
    const bool paged = limit == 0 || limit > pageSize;

    if (!options.fields.isEmpty())
        parameters.setFields(options.fields);
    if (options.displayValue)
        parameters.setDisplayValue(*options.displayValue);
    if (options.excludeReferenceLink)
        parameters.setExcludeReferenceLink(*options.excludeReferenceLink);
    if (options.noCount)
        parameters.setNoCount(*options.noCount);

    Query effective = query.isEmpty() ? parameters.query() : query;
    if (paged) {
        // Offset paging needs a stable order, or records move between pages.
        const Result<QString> encoded = effective.encoded();
        if (!encoded) {
            d->failLater(encoded.error());
            return response;
        }
        if (!encoded->contains(u"ORDERBY"))
            effective = encoded->isEmpty() ? u"ORDERBYsys_id"_s : *encoded + u"^ORDERBYsys_id"_s;
    }
    parameters.setQuery(effective);

    const Result<QUrlQuery> urlQuery = parameters.toUrlQuery(ParamsBuilder::RequestKind::List);
    if (!urlQuery) {
        d->failLater(urlQuery.error());
        return response;
    }

    d->paging.enabled = paged;
    d->paging.limit = limit;
    d->paging.pageSize = pageSize;
    d->paging.offset = offset;
    d->paging.requested = limit > 0 ? std::min(pageSize, limit) : pageSize;
    d->paging.url = url();
    d->paging.query = *urlQuery;
    d->spec.method = "GET";
    d->sendPage();
    return response;
}

Response *Resource::get(const Query &query, qint64 limit, std::optional<qint64> offset, const QStringList &fields) const
{
    GetOptions options;
    options.limit = limit;
    options.offset = offset;
    options.fields = fields;
    return get(query, options);
}

Response *Resource::getRecord(const QString &sysId) const
{
    if (const Error failure = error(); failure.isError())
        return failedResponse(m_client, failure);
    if (!isValidSysId(sysId))
        return failedResponse(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid sys_id"_s.arg(sysId)));

    const Result<QUrlQuery> urlQuery = m_parameters.toUrlQuery(ParamsBuilder::RequestKind::Read);
    RequestSpec spec;
    spec.method = "GET";
    spec.url = recordUrl(sysId);
    spec.url.setQuery(*urlQuery);

    auto *response = ResponseAccess::create(m_client);
    ResponseAccess::d(response)->send(spec);
    return response;
}

namespace {

Response *sendWrite(const Resource &resource, Client *client, const QByteArray &method, const QUrl &target,
                    const QByteArray &body, ParamsBuilder::RequestKind kind)
{
    if (const Error failure = resource.error(); failure.isError())
        return failedResponse(client, failure);

    const Result<QUrlQuery> urlQuery = resource.parameters().toUrlQuery(kind);
    RequestSpec spec;
    spec.method = method;
    spec.url = target;
    spec.url.setQuery(*urlQuery);
    spec.body = body;

    auto *response = ResponseAccess::create(client);
    ResponseAccess::d(response)->send(spec);
    return response;
}

} // namespace

Response *Resource::create(const QJsonObject &payload) const
{
    return sendWrite(*this, m_client, "POST", url(), jsonBody(payload), ParamsBuilder::RequestKind::Write);
}

Response *Resource::updateRecord(const QString &sysId, const QJsonObject &payload) const
{
    if (!isValidSysId(sysId))
        return failedResponse(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid sys_id"_s.arg(sysId)));
    return sendWrite(*this, m_client, "PATCH", recordUrl(sysId), jsonBody(payload), ParamsBuilder::RequestKind::Write);
}

Response *Resource::replaceRecord(const QString &sysId, const QJsonObject &payload) const
{
    if (!isValidSysId(sysId))
        return failedResponse(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid sys_id"_s.arg(sysId)));
    return sendWrite(*this, m_client, "PUT", recordUrl(sysId), jsonBody(payload), ParamsBuilder::RequestKind::Write);
}

Response *Resource::removeRecord(const QString &sysId) const
{
    if (!isValidSysId(sysId))
        return failedResponse(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid sys_id"_s.arg(sysId)));
    return sendWrite(*this, m_client, "DELETE", recordUrl(sysId), QByteArray(), ParamsBuilder::RequestKind::Delete);
}

namespace {

// Runs the lookup of update() and remove(): a GET for at most two sys_ids, so that
// "more than one" is detected without fetching every match.
Response *lookupThen(const Resource &resource, Client *client, const Query &query,
                     std::function<RequestSpec(const Record &)> makeSecondRequest)
{
    if (const Error failure = resource.error(); failure.isError())
        return failedResponse(client, failure);
    if (query.isEmpty())
        return failedResponse(client, Error(Error::InvalidUsage,
                                            u"The query is empty; update() and remove() need a query matching one record"_s));

    ParamsBuilder parameters = resource.parameters();
    parameters.setQuery(query);
    parameters.setLimit(2);
    parameters.clearOffset();
    parameters.setFields(QStringList{u"sys_id"_s});
    parameters.setDisplayValue(ParamsBuilder::DisplayValue::False);
    parameters.setExcludeReferenceLink(true);

    const Result<QUrlQuery> urlQuery = parameters.toUrlQuery(ParamsBuilder::RequestKind::List);
    if (!urlQuery)
        return failedResponse(client, urlQuery.error());

    auto *response = ResponseAccess::create(client);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->afterLookup = [d, makeSecondRequest](const Record &record) { d->send(makeSecondRequest(record)); };

    RequestSpec lookup;
    lookup.method = "GET";
    lookup.url = resource.url();
    lookup.url.setQuery(*urlQuery);
    d->send(lookup);
    return response;
}

} // namespace

Response *Resource::update(const Query &query, const QJsonObject &payload) const
{
    const Resource resource = *this;
    return lookupThen(*this, m_client, query, [resource, payload](const Record &record) {
        RequestSpec spec;
        spec.method = "PATCH";
        spec.url = resource.recordUrl(record.sysId());
        spec.url.setQuery(*resource.parameters().toUrlQuery(ParamsBuilder::RequestKind::Write));
        spec.body = jsonBody(payload);
        return spec;
    });
}

Response *Resource::remove(const Query &query) const
{
    const Resource resource = *this;
    return lookupThen(*this, m_client, query, [resource](const Record &record) {
        RequestSpec spec;
        spec.method = "DELETE";
        spec.url = resource.recordUrl(record.sysId());
        spec.url.setQuery(*resource.parameters().toUrlQuery(ParamsBuilder::RequestKind::Delete));
        return spec;
    });
}

Response *Resource::request(const QByteArray &method, const QString &pathAppend,
                            const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body) const
{
    if (const Error failure = error(); failure.isError())
        return failedResponse(m_client, failure);

    QString path = m_path;
    if (!pathAppend.isEmpty()) {
        const QString appended = pathAppend.startsWith(u'/') ? pathAppend : u'/' + pathAppend;
        if (const Error failure = validatePath(appended, u"path append"_s); failure.isError())
            return failedResponse(m_client, failure);
        path += appended;
    }
    if (method.isEmpty())
        return failedResponse(m_client, Error(Error::InvalidUsage, u"The request method is empty"_s));

    const Result<QUrlQuery> urlQuery = m_parameters.toUrlQuery(ParamsBuilder::RequestKind::Custom);
    if (!urlQuery)
        return failedResponse(m_client, urlQuery.error());

    RequestSpec spec;
    spec.method = method.toUpper();
    spec.url = url();
    spec.url.setPath(path);
    spec.url.setQuery(*urlQuery);
    spec.headers = headers;
    spec.body = body;

    auto *response = ResponseAccess::create(m_client);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->rawAllowed = true;
    d->send(spec);
    return response;
}

} // namespace snow
