#include "tableapi.h"

#include "accessrules.h"
#include "data/store.h"
#include "errors.h"
#include "http/formdecoding.h"
#include "listbody.h"
#include "logging.h"
#include "query/evaluator.h"
#include "recordcache.h"
#include "recordinput.h"
#include "recordwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

constexpr qint64 kDefaultLimit = 10000;

std::shared_ptr<CachedRecordWriter> writerFor(const ApiContext &context, int tableId)
{
    const HttpRequest &request = context.request;
    auto writer = std::make_unique<RecordWriter>(
        context.store, tableId, parseDisplayMode(request.queryValue(u"sysparm_display_value")),
        isTrue(request.queryValue(u"sysparm_exclude_reference_link")),
        selectOutputFields(context.store, tableId, request.queryValue(u"sysparm_fields"), request.queryValue(u"sysparm_view")),
        context.baseUrl, context.account.timeZone);
    return std::make_shared<CachedRecordWriter>(context.store, context.records, std::move(writer));
}

HttpResponse singleRecordResponse(const ApiContext &context, int tableId, RowRef row, int status)
{
    QByteArray body = "{\"result\":";
    writerFor(context, tableId)->write(body, row);
    body += '}';
    return HttpResponse::json(status, body);
}

// Name-value filters such as "?active=true" apply as "field=value" conditions;
// a choice may be given by its label there.
void addNameValueFilters(const ApiContext &context, int tableId, EncodedQuery *query, QString *cacheKey)
{
    const TableDefinition &definition = context.store.definition(tableId);
    for (const auto &[key, value] : context.request.queryItems) {
        if (key.startsWith(u"sysparm_") || key == u"api_version")
            continue;
        FieldAccessor accessor;
        if (!FieldAccessor::resolve(context.store, tableId, key, &accessor))
            continue;

        QString stored = value;
        if (accessor.column().hasChoices) {
            for (const Choice &choice : Schema::instance().choices(definition.name, accessor.column().name)) {
                if (choice.label.compare(value, Qt::CaseInsensitive) == 0 && choice.value != value)
                    stored = choice.value;
            }
        }
        query->addCondition({key, QueryOperator::Equals, stored});
        *cacheKey += u'\x1f' + key + u'=' + stored;
    }
}

std::optional<qint64> integerParameter(const HttpRequest &request, QStringView name)
{
    if (!request.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const qint64 number = request.queryValue(name).trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

HttpResponse listRecords(ApiContext &context, int tableId, int apiVersion)
{
    const HttpRequest &request = context.request;

    qint64 limit = integerParameter(request, u"sysparm_limit").value_or(kDefaultLimit);
    if (limit <= 0)
        limit = kDefaultLimit;
    const qint64 offset = integerParameter(request, u"sysparm_offset").value_or(0);
    if (offset < 0)
        return errorResponse(400, u"offset is %1"_s.arg(offset), u"Negative offset is not supported"_s);

    const RowList rows = queryRows(context, tableId);
    const qint64 total = qint64(rows->size());
    if (apiVersion == 1 && total == 0)
        return recordNotFoundResponse();

    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "application/json;charset=UTF-8");
    if (!isTrue(request.queryValue(u"sysparm_no_count")))
        response.setHeader("X-Total-Count", QByteArray::number(total));
    if (!isTrue(request.queryValue(u"sysparm_suppress_pagination_header")))
        response.setHeader("Link", paginationLinks(context, offset, limit, total));

    const size_t begin = size_t(qMin(offset, total));
    const size_t end = size_t(qMin(offset + limit, total));
    const Account &account = context.account;
    const Store &store = context.store;
    const std::shared_ptr<CachedRecordWriter> writer = writerFor(context, tableId);
    response.source = std::make_shared<RecordListBody>(
        store, rows, begin, end, [writer](QByteArray &out, RowRef row) { writer->write(out, row); },
        [&store, account](RowRef row) { return canRead(store, account, row); });
    return response;
}

HttpResponse getRecord(ApiContext &context, int tableId, const QString &sysId)
{
    const RowRef row = context.store.find(tableId, sysId);
    if (!row.isValid() || !canRead(context.store, context.account, row))
        return recordNotFoundResponse();
    return singleRecordResponse(context, tableId, row, 200);
}

// Checks the headers and body of a POST, PUT or PATCH; returns the JSON object or an error.
std::optional<HttpResponse> readJsonBody(const HttpRequest &request, QJsonObject *object)
{
    const QByteArray contentType = request.header("Content-Type").toLower();
    if (contentType.isEmpty()) {
        return errorResponse(400, u"Missing Content-Type header"_s,
                             u"A request with a body needs a Content-Type header; send Content-Type: application/json."_s);
    }
    if (!contentType.contains("json")) {
        return errorResponse(415, u"Unsupported Media Type"_s,
                             u"Content-Type %1 is not supported here; send the record as application/json."_s
                                 .arg(QString::fromLatin1(contentType)));
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return errorResponse(400, u"Exception while reading request"_s,
                             u"The request body is not valid JSON (%1 at offset %2); send one JSON object."_s
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset));
    }
    // One record per request: of an array, only the first object counts.
    if (document.isArray())
        *object = document.array().first().toObject();
    else
        *object = document.object();
    return std::nullopt;
}

HttpResponse writtenRecordResponse(const ApiContext &context, int tableId, RowRef row, int status)
{
    if (isTrue(QString::fromLatin1(context.request.header("X-no-response-body")))) {
        HttpResponse response;
        response.status = status;
        return response;
    }
    return singleRecordResponse(context, tableId, row, status);
}

HttpResponse createRecord(ApiContext &context, int tableId)
{
    QJsonObject body;
    if (auto error = readJsonBody(context.request, &body))
        return *error;

    const WriteResult result = insertRecord(context, tableId, body, isTrue(context.request.queryValue(u"sysparm_input_display_value")));
    if (!result.ok)
        return result.error;

    const int rowTable = result.row.table;
    HttpResponse response = writtenRecordResponse(context, rowTable, result.row, 201);
    response.setHeader("Location", (context.baseUrl + u"/api/now/table/"_s + context.store.tableName(rowTable) + u'/'
                                    + context.store.sysId(result.row)).toUtf8());
    return response;
}

HttpResponse modifyRecord(ApiContext &context, int tableId, const QString &sysId)
{
    const RowRef row = context.store.find(tableId, sysId);
    if (!row.isValid() || !canRead(context.store, context.account, row))
        return recordNotFoundResponse();

    QJsonObject body;
    if (auto error = readJsonBody(context.request, &body))
        return *error;

    const WriteResult result = updateRecord(context, row, body, isTrue(context.request.queryValue(u"sysparm_input_display_value")));
    if (!result.ok)
        return result.error;
    return writtenRecordResponse(context, tableId, row, 200);
}

HttpResponse deleteRecord(ApiContext &context, int tableId, const QString &sysId)
{
    const RowRef row = context.store.find(tableId, sysId);
    if (!row.isValid() || !canRead(context.store, context.account, row))
        return recordNotFoundResponse();

    QString error;
    if (!context.store.remove(row, &error))
        return errorResponse(500, u"Operation Failed"_s, error);

    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse methodNotAllowed(const ApiContext &context, const QString &allowed)
{
    HttpResponse response = errorResponse(405, u"Method not Supported"_s,
                                          u"%1 is not supported on %2; use %3."_s.arg(QString::fromLatin1(context.request.method),
                                                                                      context.request.path, allowed));
    response.setHeader("Allow", allowed.toLatin1().replace(" or ", ", "));
    return response;
}

} // namespace

RowList queryRows(ApiContext &context, int tableId)
{
    const HttpRequest &request = context.request;
    const QString queryText = request.queryValue(u"sysparm_query");
    EncodedQuery query = EncodedQuery::parse(queryText);

    QString cacheKey = context.store.tableName(tableId) + u'\x1f' + queryText;
    addNameValueFilters(context, tableId, &query, &cacheKey);

    // Results that depend on the session (relative dates, the "Me" filter) are cached per user and minute.
    if (queryText.contains(u"javascript:") || queryText.contains(u"RELATIVE") || queryText.contains(u"DYNAMIC"))
        cacheKey += u'\x1f' + context.account.userName + u'\x1f' + QString::number(context.queryContext.nowSeconds / 60);

    if (RowList cached = context.cache.find(cacheKey, context.store.version()))
        return cached;

    const QueryEvaluator evaluator(context.store, tableId, query, context.queryContext);
    if (!evaluator.ignoredParts().isEmpty())
        qCDebug(lcEmulatorData) << "Ignored parts of the query on" << context.store.tableName(tableId) << evaluator.ignoredParts();

    auto rows = std::make_shared<const std::vector<RowRef>>(evaluator.run());
    context.cache.insert(cacheKey, context.store.version(), rows);
    return rows;
}

QByteArray paginationLinks(const ApiContext &context, qint64 offset, qint64 limit, qint64 total)
{
    const HttpRequest &request = context.request;
    const QString base = context.baseUrl + request.path;

    // The request's own parameters, in order, with sysparm_limit and sysparm_offset
    // replaced in place or appended when the request had none.
    const auto urlFor = [&](qint64 pageOffset) {
        QList<QPair<QString, QString>> items = request.queryItems;
        bool hasLimit = false;
        bool hasOffset = false;
        for (auto &[key, value] : items) {
            if (key == u"sysparm_limit") {
                value = QString::number(limit);
                hasLimit = true;
            } else if (key == u"sysparm_offset") {
                value = QString::number(pageOffset);
                hasOffset = true;
            }
        }
        if (!hasLimit)
            items.append({u"sysparm_limit"_s, QString::number(limit)});
        if (!hasOffset)
            items.append({u"sysparm_offset"_s, QString::number(pageOffset)});

        QByteArray url = base.toUtf8() + '?';
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                url += '&';
            url += encodeQueryComponent(items.at(i).first) + '=' + encodeQueryComponent(items.at(i).second);
        }
        return url;
    };

    const qint64 lastOffset = total > 0 ? (total - 1) / limit * limit : 0;
    // On the first page a real instance points "prev" at offset -1.
    const qint64 previousOffset = offset == 0 ? -1 : qMax<qint64>(0, offset - limit);

    QList<QByteArray> entries;
    entries.append('<' + urlFor(0) + ">;rel=\"first\"");
    entries.append('<' + urlFor(previousOffset) + ">;rel=\"prev\"");
    if (offset + limit < total)
        entries.append('<' + urlFor(offset + limit) + ">;rel=\"next\"");
    entries.append('<' + urlFor(lastOffset) + ">;rel=\"last\"");
    return entries.join(',');
}

HttpResponse handleTableRequest(ApiContext &context, const QString &table, const QString &sysId, int apiVersion)
{
    const int tableId = context.store.tableId(table);
    if (tableId < 0)
        return errorResponse(400, u"Invalid table %1"_s.arg(table),
                             u"No table named %1 exists; check the name in sys_db_object."_s.arg(table));

    const QByteArray accept = context.request.header("Accept").toLower();
    if (!accept.isEmpty() && !accept.contains("json") && !accept.contains("*/*") && !accept.contains("application/*")) {
        return errorResponse(406, u"Not Acceptable"_s,
                             u"The emulator answers in JSON only; send Accept: application/json."_s);
    }

    const QByteArray method = context.request.method;
    const bool reading = method == "GET" || method == "HEAD";
    if (!reading && !context.account.canWrite && (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE"))
        return notAuthorizedResponse();

    if (sysId.isEmpty()) {
        if (reading)
            return listRecords(context, tableId, apiVersion);
        if (method == "POST")
            return createRecord(context, tableId);
        return methodNotAllowed(context, u"GET or POST"_s);
    }

    if (reading)
        return getRecord(context, tableId, sysId);
    if (method == "PUT" || method == "PATCH")
        return modifyRecord(context, tableId, sysId);
    if (method == "DELETE")
        return deleteRecord(context, tableId, sysId);
    return methodNotAllowed(context, u"GET, PUT, PATCH or DELETE"_s);
}

} // namespace snowemu
