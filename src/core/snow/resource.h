#pragma once

#include <snow/error.h>
#include <snow/paramsbuilder.h>
#include <snow/query.h>

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <optional>

namespace snow {

class Client;
class Response;

/// Options of Resource::get() beyond pysnow's query, limit, offset and fields.
struct SNOWCORE_EXPORT GetOptions
{
    /// Records to return in total. Unset: the resource's parameters().limit()
    /// (10000 by default). 0: no limit, every matching record.
    std::optional<qint64> limit;
    /// Records to skip. Unset: the resource's parameters().offset(), or 0.
    std::optional<qint64> offset;
    /// Fields to return. Empty: the resource's parameters().fields(), or all.
    QStringList fields;
    /// Records per request. 0: the limit, at most 10000. When the limit is larger,
    /// the Response fetches page after page.
    qint64 pageSize = 0;
    std::optional<ParamsBuilder::DisplayValue> displayValue;
    std::optional<bool> excludeReferenceLink;
    std::optional<bool> noCount;
    /// Keep every record in the Response (records(), one(), first()). Turn it off to
    /// only receive them through Response::recordsReceived, for flat memory.
    bool keepRecords = true;
};

/// An API path on an instance, such as "/api/now/table/incident", with its own copy
/// of request parameters: pysnow's Resource.
///
/// Resource is a cheap value type holding a guarded pointer to its Client. Each call
/// returns a new Response that the caller owns (delete it, or give it a parent);
/// deleting a Response aborts its request. Calls on a Resource whose Client is gone or
/// whose path is invalid return a Response that finishes at once with the error.
/// Use a Resource in the thread of its Client.
class SNOWCORE_EXPORT Resource
{
public:
    Resource();

    bool isValid() const;
    /// The path validation error, or InvalidUsage when the Client is gone.
    Error error() const;

    /// Returns "/api/now/table/incident".
    QString path() const;
    QUrl url() const;
    Client *client() const;

    ParamsBuilder &parameters();
    const ParamsBuilder &parameters() const;

    /// Returns the instance URL of one record: the resource URL plus `/<sysId>`.
    QUrl recordUrl(const QString &sysId) const;

    /// Fetches records matching @p query, following pages until the limit or the end.
    /// See GetOptions. The Response emits records while they arrive.
    Response *get(const Query &query = Query(), const GetOptions &options = GetOptions()) const;
    /// pysnow's signature: `get(query, limit, offset, fields)`.
    Response *get(const Query &query, qint64 limit, std::optional<qint64> offset = std::nullopt,
                  const QStringList &fields = QStringList()) const;
    /// Fetches one record by sys_id (GET <path>/<sysId>); 404 when it does not exist.
    Response *getRecord(const QString &sysId) const;

    /// Creates a record (POST); the Response holds the new record as the server returned it.
    Response *create(const QJsonObject &payload) const;
    /// Finds exactly one record matching @p query, then PATCHes it by sys_id with
    /// @p payload. NoResults or MultipleResults when the query does not match exactly one.
    Response *update(const Query &query, const QJsonObject &payload) const;
    /// PATCHes the record @p sysId with @p payload; send only the fields that changed.
    Response *updateRecord(const QString &sysId, const QJsonObject &payload) const;
    /// Replaces the record @p sysId with @p payload (PUT).
    Response *replaceRecord(const QString &sysId, const QJsonObject &payload) const;
    /// pysnow's delete(): finds exactly one record matching @p query, then DELETEs it.
    Response *remove(const Query &query) const;
    /// DELETEs the record @p sysId.
    Response *removeRecord(const QString &sysId) const;

    /// Sends any other request to this API: @p pathAppend (validated like a path, a
    /// leading `/` optional) is added to the resource path. The body is sent as it is;
    /// set its Content-Type in @p headers (application/json by default). A JSON answer
    /// is read into records; any other answer is kept as Response::body().
    Response *request(const QByteArray &method, const QString &pathAppend = QString(),
                      const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      const QByteArray &body = QByteArray()) const;

    /// Checks @p path as pysnow does; returns the InvalidUsage error or no error.
    static Error validatePath(const QString &path, const QString &argumentName);

private:
    friend class Client;
    Resource(Client *client, const QString &basePath, const QString &apiPath, const ParamsBuilder &parameters);

    QPointer<Client> m_client;
    QString m_path;
    ParamsBuilder m_parameters;
    Error m_error;
};

} // namespace snow
