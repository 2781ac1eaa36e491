#pragma once

#include <snow/attachments.h>
#include <snow/error.h>
#include <snow/paramsbuilder.h>
#include <snow/resource.h>
#include <snow/retrypolicy.h>

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;

namespace snow {

class ClientPrivate;

/// The address of an instance and the credentials a Client uses for it.
struct SNOWCORE_EXPORT ClientOptions
{
    /// Instance name: "dev12345" reaches dev12345.service-now.com. Give exactly one
    /// of instance and host.
    QString instance;
    /// Host name, optionally with a port ("127.0.0.1:8080"), used as it is.
    QString host;
    QString user;
    QString password;
    /// TLS is on by default. Plain HTTP is accepted only for loopback hosts
    /// (127.0.0.1, ::1, localhost), so a password never crosses a network in clear.
    bool useSsl = true;
    /// A caller-supplied network access manager, in place of user and password: the
    /// counterpart of pysnow's custom session (the caller sets up proxies, cookies or
    /// authentication on it). The Client does not take ownership; it must outlive the
    /// Client. Give either this or user and password, not both.
    QNetworkAccessManager *networkAccessManager = nullptr;
};

/// The connection to one ServiceNow instance: the entry point of SnowCore.
///
/// A Client validates its options at construction, as pysnow's Client does. When they
/// are invalid, isValid() is false and validationError() names the argument at fault.
/// Every request made through an invalid Client finishes at once with that error.
///
/// \code
/// snow::Client client({.instance = u"dev12345"_s, .user = u"admin"_s, .password = secret});
/// snow::Resource incidents = client.resource(u"/table/incident"_s);
/// snow::Response *response = incidents.get({{u"active"_s, true}});
/// QObject::connect(response, &snow::Response::recordsReceived, ...);
/// \endcode
///
/// Requests are asynchronous. The Client sends them through one QNetworkAccessManager,
/// at most maxConnections() at a time, and applies one RetryPolicy to all of them. A
/// 429 or 503 with Retry-After pauses every request of this Client until the time
/// has passed (rateLimited() is emitted), so a rate-limited instance is not hammered
/// by parallel requests.
///
/// Threading: a Client and the Resources and Responses made from it belong to the
/// thread that created the Client and must be used from that thread. Records and
/// Errors are values that may cross threads.
///
/// Logging: URLs are logged without user information; passwords, tokens and the
/// Authorization header are never logged.
class SNOWCORE_EXPORT Client : public QObject
{
    Q_OBJECT

public:
    explicit Client(const ClientOptions &options, QObject *parent = nullptr);
    ~Client() override;

    bool isValid() const;
    /// The InvalidUsage error that makes the Client invalid; no error when valid.
    Error validationError() const;

    /// Returns "https://dev12345.service-now.com" (or http for loopback hosts).
    QUrl baseUrl() const;
    QString user() const;

    /// Default request parameters, inherited by every Resource made afterwards.
    ParamsBuilder &parameters();
    const ParamsBuilder &parameters() const;

    /// Returns a Resource for @p apiPath under @p basePath, such as "/table/incident"
    /// under "/api/now". Both paths are validated as pysnow does: a leading `/`,
    /// segments of letters, digits, `.`, `_` and `-`, no empty segment, no `..`
    /// segment and no trailing `/`. An invalid path gives an invalid Resource whose
    /// requests fail with InvalidUsage.
    Resource resource(const QString &apiPath, const QString &basePath = QStringLiteral("/api/now"));

    /// Returns the Attachment API of this instance.
    Attachments attachments();

    RetryPolicy retryPolicy() const;
    void setRetryPolicy(const RetryPolicy &policy);

    /// Inactivity timeout: a request fails with TimeoutError when no bytes arrive for
    /// this long. 60 seconds by default; 0 disables it.
    std::chrono::milliseconds timeout() const;
    void setTimeout(std::chrono::milliseconds timeout);

    /// Whether responses may come gzip-compressed (Accept-Encoding: gzip), which Qt
    /// decompresses. On by default, except for loopback hosts, where compression costs
    /// more CPU than it saves transfer time. Turn it off on other fast links too.
    ///
    /// NOTE: Qt 6.4 inflates each arriving piece of a gzip body at once in the thread
    /// that owns the Response, so on a fast link a large page can keep that thread busy
    /// for longer than one frame. Identity bodies are read in bounded slices.
    bool isCompressionEnabled() const;
    void setCompressionEnabled(bool enabled);

    /// Requests in flight at once; more are queued. 6 by default.
    int maxConnections() const;
    void setMaxConnections(int count);

    /// The value of the User-Agent header: "Snowscope/<version> SnowCore/<version> Qt/<version>".
    QByteArray userAgent() const;
    /// Sets the product part of the User-Agent, such as "Snowscope/0.1.0".
    void setUserAgentProduct(const QByteArray &product);

    QNetworkAccessManager *networkAccessManager() const;

    /// Requests queued or in flight.
    int pendingRequestCount() const;
    /// While rate-limited: when requests resume; otherwise an invalid QDateTime.
    QDateTime rateLimitedUntil() const;

Q_SIGNALS:
    /// The instance asked to slow down (429 or 503 with Retry-After). Every request of
    /// this Client waits until @p until.
    void rateLimited(const QDateTime &until);
    /// A request will be sent again after @p delayMs because of @p reason.
    void retrying(const QString &method, const QUrl &url, int retryNumber, qint64 delayMs, const snow::Error &reason);

protected:
    /// For subclasses that authenticate otherwise (OAuth): user and password are then
    /// optional when @p passwordRequired is false.
    Client(const ClientOptions &options, bool passwordRequired, QObject *parent);

    /// Adds authentication to @p request just before it is sent. The default adds
    /// Basic authentication for user and password, or nothing when a caller-supplied
    /// network access manager is used. OAuthClient overrides it.
    virtual void authorize(QNetworkRequest &request) const;

    /// Sets the validation error; for subclasses that validate more options.
    void setValidationError(const Error &error);

private:
    friend class ClientPrivate;
    friend class ClientAccess;
    friend class Resource;
    friend class Response;
    friend class ResponsePrivate;
    friend class OAuthClient;
    std::unique_ptr<ClientPrivate> d;
};

} // namespace snow
