#include "snow/client.h"

#include "client_p.h"
#include "snow/logging.h"

#include <QtCore/QRegularExpression>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error invalid(const QString &message)
{
    return Error(Error::InvalidUsage, message);
}

} // namespace

void ClientPrivate::validate(const ClientOptions &given, bool passwordRequired)
{
    options = given;

    const bool hasInstance = !options.instance.isEmpty();
    const bool hasHost = !options.host.isEmpty();
    if (hasInstance == hasHost) {
        validationError = invalid(hasInstance ? u"Client: instance and host are mutually exclusive; pass only one"_s
                                              : u"Client: pass an instance name or a host"_s);
        return;
    }

    QString host;
    int port = -1;
    if (hasInstance) {
        static const QRegularExpression label(u"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"_s);
        if (!label.match(options.instance).hasMatch()) {
            validationError = invalid(u"Client: instance \"%1\" is not a valid instance name; pass the name only, "
                                      "such as \"dev12345\" for dev12345.service-now.com, or use host"_s
                                          .arg(options.instance));
            return;
        }
        host = options.instance.toLower() + u".service-now.com"_s;
    } else {
        const QUrl parsed(u"//"_s + options.host, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || !parsed.path().isEmpty() || !parsed.userInfo().isEmpty()
            || parsed.hasQuery() || parsed.hasFragment()) {
            validationError = invalid(u"Client: host \"%1\" is not a valid host name; pass a name such as "
                                      "\"example.service-now.com\" or \"127.0.0.1:8080\", without scheme or path"_s
                                          .arg(options.host));
            return;
        }
        host = parsed.host();
        port = parsed.port();
    }

    if (!options.useSsl && !isLoopbackHost(host)) {
        validationError = invalid(u"Client: plain HTTP (useSsl = false) is allowed only for loopback hosts, and "
                                  "\"%1\" is not one; use TLS"_s
                                      .arg(host));
        return;
    }

    const bool hasCredentials = !options.user.isEmpty() || !options.password.isEmpty();
    if (options.networkAccessManager && hasCredentials) {
        validationError = invalid(u"Client: pass either user and password or a network access manager, not both"_s);
        return;
    }
    if (!options.networkAccessManager && passwordRequired) {
        if (options.user.isEmpty() || options.password.isEmpty()) {
            validationError = invalid(options.user.isEmpty() ? u"Client: user is empty; pass user and password, or a network access manager"_s
                                                             : u"Client: password is empty; pass user and password, or a network access manager"_s);
            return;
        }
    }

    // On loopback, compressing costs both ends more CPU than it saves transfer time,
    // and Qt inflates a gzip body in the reply's thread in one piece per arrival.
    compression = !isLoopbackHost(host);

    baseUrl.setScheme(options.useSsl ? u"https"_s : u"http"_s);
    baseUrl.setHost(host);
    if (port > 0)
        baseUrl.setPort(port);

    if (!options.user.isEmpty())
        basicAuthorization = "Basic " + (options.user + u':' + options.password).toUtf8().toBase64();
}

void ClientPrivate::prepare(QNetworkRequest &request, const RequestSpec &spec) const
{
    request.setRawHeader("Accept", spec.accept.isEmpty() ? QByteArray("application/json") : spec.accept);
    request.setHeader(QNetworkRequest::UserAgentHeader, q->userAgent());
    if (!compression)
        request.setRawHeader("Accept-Encoding", "identity"); // Qt adds gzip only when this is unset
    if (!spec.body.isEmpty() || spec.openBody)
        request.setRawHeader("Content-Type", spec.bypassAuthGate ? "application/x-www-form-urlencoded" : "application/json");
    for (const auto &[name, value] : spec.headers)
        request.setRawHeader(name, value);

    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(int(timeout.count()));
    if (!spec.bypassAuthGate)
        q->authorize(request);
}

Client::Client(const ClientOptions &options, QObject *parent)
    : Client(options, true, parent)
{
}

Client::Client(const ClientOptions &options, bool passwordRequired, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ClientPrivate>(this))
{
    d->validate(options, passwordRequired);
    if (d->validationError)
        qCWarning(lcNetwork).noquote() << d->validationError.message();

    d->network = options.networkAccessManager;
    if (!d->network) {
        d->ownedNetwork = std::make_unique<QNetworkAccessManager>();
        d->network = d->ownedNetwork.get();
    }
    d->userAgentProduct = "Snowscope/" SNOWCORE_VERSION_STRING;
    d->transport = std::make_unique<Transport>(d.get());
}

Client::~Client()
{
    // The transport's exchanges refer to the network access manager; stop them first.
    d->transport.reset();
}

bool Client::isValid() const
{
    return !d->validationError.isError();
}

Error Client::validationError() const
{
    return d->validationError;
}

void Client::setValidationError(const Error &error)
{
    d->validationError = error;
}

QUrl Client::baseUrl() const
{
    return d->baseUrl;
}

QString Client::user() const
{
    return d->options.user;
}

ParamsBuilder &Client::parameters()
{
    return d->parameters;
}

const ParamsBuilder &Client::parameters() const
{
    return d->parameters;
}

Resource Client::resource(const QString &apiPath, const QString &basePath)
{
    return Resource(this, basePath, apiPath, d->parameters);
}

Attachments Client::attachments()
{
    return Attachments(this);
}

RetryPolicy Client::retryPolicy() const
{
    return d->retryPolicy;
}

void Client::setRetryPolicy(const RetryPolicy &policy)
{
    d->retryPolicy = policy;
}

std::chrono::milliseconds Client::timeout() const
{
    return d->timeout;
}

void Client::setTimeout(std::chrono::milliseconds timeout)
{
    d->timeout = timeout;
}

bool Client::isCompressionEnabled() const
{
    return d->compression;
}

void Client::setCompressionEnabled(bool enabled)
{
    d->compression = enabled;
}

int Client::maxConnections() const
{
    return d->maxConnections;
}

void Client::setMaxConnections(int count)
{
    d->maxConnections = std::max(1, count);
}

QByteArray Client::userAgent() const
{
    return d->userAgentProduct + " SnowCore/" SNOWCORE_VERSION_STRING " Qt/" + QByteArray(qVersion());
}

void Client::setUserAgentProduct(const QByteArray &product)
{
    d->userAgentProduct = product;
}

QNetworkAccessManager *Client::networkAccessManager() const
{
    return d->network;
}

int Client::pendingRequestCount() const
{
    return d->transport ? d->transport->pendingCount() : 0;
}

QDateTime Client::rateLimitedUntil() const
{
    if (!d->transport)
        return QDateTime();
    const QDateTime until = d->transport->pausedUntil();
    return until.isValid() && until > QDateTime::currentDateTimeUtc() ? until : QDateTime();
}

void Client::authorize(QNetworkRequest &request) const
{
    if (!d->basicAuthorization.isEmpty())
        request.setRawHeader("Authorization", d->basicAuthorization);
}

} // namespace snow
