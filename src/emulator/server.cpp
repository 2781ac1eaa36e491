#include "snowemu/server.h"

#include "api/accounts.h"
#include "api/errors.h"
#include "api/recordcache.h"
#include "api/router.h"
#include "data/attachmentstore.h"
#include "data/store.h"
#include "faultcontrol.h"
#include "http/httpserver.h"
#include "http/requesthandler.h"
#include "logging.h"
#include "query/resultcache.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

constexpr qsizetype kLoggedBodyBytes = 1024 * 1024;

const QByteArray kHibernationPage =
    "<!DOCTYPE html><html><head><title>Instance Hibernating page</title></head>"
    "<body><h1>Your instance is hibernating</h1>"
    "<p>This developer instance is hibernating because it has been inactive. "
    "Sign in to the developer portal to wake it up.</p></body></html>";

} // namespace

class ServerPrivate : public RequestHandler
{
public:
    explicit ServerPrivate(const Options &options)
        : options(options)
        , faults(options.faults)
        , authenticator(options.accessTokenLifetimeSeconds, options.refreshTokenLifetimeSeconds)
        , records(qint64(options.recordCacheMegabytes) * 1024 * 1024)
    {
    }

    ResponsePlan handle(const HttpRequest &request) override;
    HttpResponse respond(const HttpRequest &request, bool *loggedIn, const Faults &active);
    void addStandardHeaders(HttpResponse &response, bool loggedIn, const Faults &active);

    Options options;
    QString baseUrl;

    mutable QMutex mutex;  // guards faults, requestsSinceFaults and log
    Faults faults;
    int requestsSinceFaults = 0;
    QList<RequestRecord> log;

    Authenticator authenticator;
    std::unique_ptr<Store> store;
    AttachmentStore attachments;
    ResultCache cache;
    RecordCache records;
    quint64 transactionCounter = 0;

    // Declared last so it is destroyed first: open connections may still read the store.
    std::unique_ptr<HttpServer> http;
};

ResponsePlan ServerPrivate::handle(const HttpRequest &request)
{
    qCDebug(lcEmulatorHttp).noquote() << request.method << request.path
                                      << (request.rawQuery.isEmpty() ? QString() : u'?' + QString::fromLatin1(request.rawQuery));
    {
        QMutexLocker locker(&mutex);
        log.append({request.method, request.path, QString::fromLatin1(request.rawQuery), request.headers,
                    request.body.left(kLoggedBodyBytes)});
    }

    ResponsePlan plan;
    if (request.path == u"/emulator/faults") {
        Faults current;
        {
            QMutexLocker locker(&mutex);
            current = faults;
        }
        Faults updated;
        plan.response = handleFaultControl(request, current, &updated);
        if (plan.response.status == 200 && request.method == "POST") {
            QMutexLocker locker(&mutex);
            faults = updated;
            requestsSinceFaults = 0;
            qCInfo(lcEmulatorServer) << "Faults changed through the control endpoint";
        }
        return plan;
    }

    Faults active;
    int requestNumber = 0;
    bool serverError = false;
    {
        QMutexLocker locker(&mutex);
        active = faults;
        requestNumber = ++requestsSinceFaults;
        if (faults.serverErrorBurst > 0) {
            serverError = true;
            --faults.serverErrorBurst;
        }
    }

    plan.latencyMs = active.latencyMs;
    plan.stall = active.stall;
    plan.bandwidthBytesPerSecond = active.bandwidthBytesPerSecond;
    plan.truncateAfterBytes = active.truncateBodyAfterBytes;
    plan.resetAfterBytes = active.resetBodyAfterBytes;
    if (plan.stall)
        return plan;

    bool loggedIn = false;
    if (active.hibernating) {
        plan.response.status = 200;
        plan.response.body = kHibernationPage;
        plan.response.setHeader("Content-Type", "text/html;charset=UTF-8");
    } else if (active.rateLimitAfterRequests >= 0 && requestNumber > active.rateLimitAfterRequests) {
        plan.response = errorResponse(429, u"Rate limit exceeded"_s,
                                      u"Rate limit of %1 requests per hour for Table API exceeded"_s.arg(active.rateLimitAfterRequests));
        plan.response.setHeader("Retry-After", QByteArray::number(active.retryAfterSeconds));
    } else if (serverError) {
        plan.response = errorResponse(active.serverErrorStatus, QString::fromLatin1(reasonPhrase(active.serverErrorStatus)),
                                      u"The emulator injected this error (serverErrorBurst); retry the request."_s);
    } else {
        plan.response = respond(request, &loggedIn, active);
    }

    addStandardHeaders(plan.response, loggedIn, active);
    if (plan.response.status >= 400)
        qCDebug(lcEmulatorHttp) << "Answered" << request.method << request.path << "with" << plan.response.status;
    return plan;
}

HttpResponse ServerPrivate::respond(const HttpRequest &request, bool *loggedIn, const Faults &active)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (isOAuthPath(request.path))
        return routeOAuthRequest(request, authenticator, now);

    const Account *account = authenticator.authenticate(request.header("Authorization"), now);
    if (!account)
        return notAuthenticatedResponse();
    *loggedIn = true;

    ApiContext context{request,
                       *account,
                       baseUrl,
                       QueryContext{account->sysId, account->timeZone, now},
                       *store,
                       cache,
                       records,
                       attachments,
                       options.maxAttachmentBytes,
                       active.corruptAttachments};
    return routeApiRequest(context);
}

void ServerPrivate::addStandardHeaders(HttpResponse &response, bool loggedIn, const Faults &active)
{
    // The headers a real instance sends with every API response.
    response.setHeader("X-Is-Logged-In", loggedIn ? "true" : "false");
    response.setHeader("X-Transaction-ID", QByteArray::number(0xa11ce000000ULL + ++transactionCounter, 16));
    response.setHeader("Cache-Control", "no-cache,no-store,must-revalidate,max-age=-1");
    response.setHeader("Pragma", "no-store,no-cache");
    response.setHeader("Expires", "0");
    response.setHeader("Server", "ServiceNow");

    if (active.rateLimitAfterRequests >= 0) {
        response.setHeader("X-RateLimit-Limit", QByteArray::number(active.rateLimitAfterRequests));
        response.setHeader("X-RateLimit-Reset", QByteArray::number(QDateTime::currentSecsSinceEpoch() + active.retryAfterSeconds));
        response.setHeader("X-RateLimit-Rule", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
    }
}

Server::Server(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ServerPrivate>(options))
{
}

Server::~Server()
{
    if (d->http)
        qCInfo(lcEmulatorServer) << "Stopping the emulator on port" << d->http->port();
    d->http.reset();
}

bool Server::start(QString *errorMessage)
{
    QString error;
    const auto fail = [&](const QString &message) {
        qCCritical(lcEmulatorServer).noquote() << message;
        if (errorMessage)
            *errorMessage = message;
        return false;
    };

    if (d->options.incidents < 0 || d->options.incidents > 1000000)
        return fail(u"Invalid incident count %1; choose a number from 0 to 1000000."_s.arg(d->options.incidents));
    if (d->options.recordCacheMegabytes < 0)
        return fail(u"Invalid record cache size %1 MiB; choose 0 (no cache) or more."_s.arg(d->options.recordCacheMegabytes));

    d->http = std::make_unique<HttpServer>(d.get());
    if (!d->http->listenOnLoopback(d->options.port, &error)) {
        d->http.reset();
        return fail(error);
    }
    d->baseUrl = u"http://127.0.0.1:%1"_s.arg(d->http->port());

    QElapsedTimer timer;
    timer.start();
    SeedSettings settings;
    settings.counts = SeedCounts::forIncidents(d->options.incidents);
    settings.baseUrl = d->baseUrl;
    settings.maxAttachmentBytes = d->options.maxAttachmentBytes;
    d->store = std::make_unique<Store>(settings);
    if (!d->store->open(d->options.databasePath, &error) || !d->attachments.open(d->options.databasePath, &error)) {
        d->http.reset();
        return fail(error);
    }

    qCInfo(lcEmulatorServer).noquote() << u"Emulator listening on %1 with %2 seeded incidents (ready in %3 ms, %4, record cache %5)"_s.arg(
        d->baseUrl)
                                              .arg(d->options.incidents)
                                              .arg(timer.elapsed())
                                              .arg(d->options.databasePath.isEmpty() ? u"writes kept in memory"_s
                                                                                     : u"writes saved to "_s + d->options.databasePath)
                                              .arg(d->options.recordCacheMegabytes > 0 ? u"%1 MiB"_s.arg(d->options.recordCacheMegabytes)
                                                                                       : u"off"_s);
    return true;
}

quint16 Server::port() const
{
    return d->http ? d->http->port() : 0;
}

QUrl Server::baseUrl() const
{
    return QUrl(d->baseUrl);
}

void Server::setFaults(const Faults &faults)
{
    QMutexLocker locker(&d->mutex);
    d->faults = faults;
    d->requestsSinceFaults = 0;
}

Faults Server::faults() const
{
    QMutexLocker locker(&d->mutex);
    return d->faults;
}

void Server::setTokenLifetimes(int accessTokenSeconds, int refreshTokenSeconds)
{
    d->authenticator.setLifetimes(accessTokenSeconds, refreshTokenSeconds);
}

QList<RequestRecord> Server::requestLog() const
{
    QMutexLocker locker(&d->mutex);
    return d->log;
}

void Server::clearRequestLog()
{
    QMutexLocker locker(&d->mutex);
    d->log.clear();
}

RecordCacheStatistics Server::recordCacheStatistics() const
{
    RecordCacheStatistics statistics;
    statistics.capacityBytes = d->records.capacityBytes();
    statistics.usedBytes = d->records.usedBytes();
    statistics.records = d->records.recordCount();
    statistics.hits = d->records.hits();
    statistics.misses = d->records.misses();
    return statistics;
}

} // namespace snowemu
