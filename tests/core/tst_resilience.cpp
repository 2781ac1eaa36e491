// Tests of SnowCore under failure: HTTP errors, retries, rate limits, timeouts,
// concurrency, cut or broken bodies, and answers that are not what was asked for.

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonObject>
#include <QtCore/QThread>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Answers every connection with one fixed HTTP response, for bodies the emulator
// never sends (an "error" member in a 2xx body, a 202 to a GET).
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(const QByteArray &response)
        : m_response(response)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    QByteArray m_response;
};

QByteArray httpResponse(int status, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Status\r\nContent-Type: application/json;charset=UTF-8\r\n"
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class ResilienceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void httpErrorCodes_data();
    void httpErrorCodes();
    void retriesServerErrors();
    void postNotRetriedUnlessAllowed();
    void retriesRunOut();
    void rateLimitPausesWholeClient();
    void rateLimitWithoutRetries();
    void stallTimesOut();
    void refusedConnectionIsNetworkError();
    void truncatedBodyIsIncomplete();
    void resetMidBodyIsIncomplete();
    void hibernatingInstanceIsNotJson();
    void errorMemberInSuccessBody();
    void bodyWithoutResult();
    void acceptedWithoutContent();
    void concurrencyCap();
    void shortPagesKeepPaging();
    void waitInWorkerThread();

private:
    std::unique_ptr<snow::Client> makeClient(const QString &user = u"admin"_s, const QString &password = QString()) const;
    std::unique_ptr<snow::Client> clientFor(quint16 port) const;
    snow::Response *wait(snow::Response *response, int timeoutMs = 30000) const;

    std::unique_ptr<snowemu::Server> m_server;
};

void ResilienceTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 300;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void ResilienceTest::init()
{
    m_server->clearRequestLog();
}

void ResilienceTest::cleanup()
{
    m_server->setFaults(snowemu::Faults());
}

std::unique_ptr<snow::Client> ResilienceTest::clientFor(quint16 port) const
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(port);
    options.useSsl = false;
    options.user = u"admin"_s;
    options.password = u"admin"_s;
    auto client = std::make_unique<snow::Client>(options);
    snow::RetryPolicy fast;
    fast.backoffFactor = 0.05;
    client->setRetryPolicy(fast);
    return client;
}

std::unique_ptr<snow::Client> ResilienceTest::makeClient(const QString &user, const QString &password) const
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    options.useSsl = false;
    options.user = user;
    options.password = password.isEmpty() ? user : password;
    auto client = std::make_unique<snow::Client>(options);
    snow::RetryPolicy fast;
    fast.backoffFactor = 0.05;
    client->setRetryPolicy(fast);
    return client;
}

snow::Response *ResilienceTest::wait(snow::Response *response, int timeoutMs) const
{
    response->waitForFinished(timeoutMs);
    return response;
}

void ResilienceTest::httpErrorCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("400 bad request") << 400 << u"offset is -1"_s;
    QTest::newRow("401 not authenticated") << 401 << u"User Not Authenticated"_s;
    QTest::newRow("403 forbidden") << 403 << QString();
    QTest::newRow("404 not found") << 404 << u"No Record found"_s;
    QTest::newRow("405 method not allowed") << 405 << QString();
    QTest::newRow("429 rate limited") << 429 << u"Rate limit exceeded"_s;
    QTest::newRow("500 server error") << 500 << QString();
    QTest::newRow("502 bad gateway") << 502 << QString();
    QTest::newRow("503 unavailable") << 503 << QString();
}

void ResilienceTest::httpErrorCodes()
{
    QFETCH(int, status);
    QFETCH(QString, message);

    auto client = makeClient(status == 403 ? u"reader"_s : u"admin"_s, status == 401 ? u"wrong-password"_s : QString());
    client->setRetryPolicy(snow::RetryPolicy::none());
    const snow::Resource incidents = client->resource(u"/table/incident"_s);

    snowemu::Faults faults;
    if (status == 429)
        faults.rateLimitAfterRequests = 0;
    if (status >= 500) {
        faults.serverErrorBurst = 1;
        faults.serverErrorStatus = status;
    }
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response;
    switch (status) {
    case 400:
        response.reset(incidents.get(snow::Query(), 5, -1));
        break;
    case 403:
        response.reset(incidents.create(QJsonObject{{u"short_description"_s, u"x"_s}}));
        break;
    case 404:
        response.reset(incidents.getRecord(u"0123456789abcdef0123456789abcdef"_s));
        break;
    case 405:
        response.reset(incidents.request("PUT"));
        break;
    default:
        response.reset(incidents.get(snow::Query(), 5));
        break;
    }
    wait(response.get());

    const snow::Error error = response->error();
    QCOMPARE(error.kind(), snow::Error::HttpError);
    QCOMPARE(error.httpStatus(), status);
    QVERIFY(!error.message().isEmpty());
    if (!message.isEmpty())
        QCOMPARE(error.message(), message);
    QVERIFY(!error.bodySample().isEmpty());
    QVERIFY(error.bodySample().size() <= snow::Error::MaxBodySample);
    QVERIFY(error.url().path().startsWith(u"/api/now/table/incident"));
    QVERIFY(error.url().userInfo().isEmpty());
    QVERIFY(!error.toString().contains(u"wrong-password"));
    QVERIFY(response->records().isEmpty());
    if (status == 429)
        QCOMPARE(error.retryAfterSeconds(), 1);
}

void ResilienceTest::retriesServerErrors()
{
    auto client = makeClient();
    QSignalSpy retrying(client.get(), &snow::Client::retrying);
    snowemu::Faults faults;
    faults.serverErrorBurst = 2;
    faults.serverErrorStatus = 503;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 5)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(response->records().size(), 5);
    QCOMPARE(m_server->requestLog().size(), 3);
    QCOMPARE(retrying.count(), 2);
    QCOMPARE(retrying.at(0).at(3).toLongLong(), 0);  // no delay before the first retry
    QCOMPARE(retrying.at(1).at(3).toLongLong(), 100); // factor 0.05 s * 2
    QCOMPARE(retrying.at(1).at(4).value<snow::Error>().httpStatus(), 503);
}

void ResilienceTest::postNotRetriedUnlessAllowed()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    const QJsonObject payload{{u"short_description"_s, u"Retry me"_s}, {u"caller_id"_s, u"62826bf03710200044e0bfc8bcbe5df1"_s}};

    snowemu::Faults faults;
    faults.serverErrorBurst = 1;
    m_server->setFaults(faults);
    std::unique_ptr<snow::Response> refused(wait(incidents.create(payload)));
    QCOMPARE(refused->error().httpStatus(), 503);
    QCOMPARE(m_server->requestLog().size(), 1);

    snow::RetryPolicy policy = client->retryPolicy();
    policy.retryNonIdempotent = true;
    client->setRetryPolicy(policy);
    m_server->setFaults(faults);
    m_server->clearRequestLog();
    std::unique_ptr<snow::Response> created(wait(incidents.create(payload)));
    QVERIFY2(created->isSuccess(), qPrintable(created->error().toString()));
    QCOMPARE(m_server->requestLog().size(), 2);
}

void ResilienceTest::retriesRunOut()
{
    auto client = makeClient();
    snow::RetryPolicy policy = client->retryPolicy();
    policy.total = 2;
    client->setRetryPolicy(policy);
    snowemu::Faults faults;
    faults.serverErrorBurst = 10;
    faults.serverErrorStatus = 502;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 1)));
    QCOMPARE(response->error().httpStatus(), 502);
    QCOMPARE(m_server->requestLog().size(), 3);
}

void ResilienceTest::rateLimitPausesWholeClient()
{
    auto client = makeClient();
    QSignalSpy rateLimited(client.get(), &snow::Client::rateLimited);
    snowemu::Faults faults;
    faults.rateLimitAfterRequests = 0;
    faults.retryAfterSeconds = 1;
    m_server->setFaults(faults);

    // Lift the limit as soon as the client knows it must wait.
    connect(client.get(), &snow::Client::rateLimited, this, [this] { m_server->setFaults(snowemu::Faults()); });

    QElapsedTimer timer;
    timer.start();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> first(incidents.get(snow::Query(), 2));
    QVERIFY(rateLimited.wait(10000));
    QVERIFY(client->rateLimitedUntil().isValid());

    // A request made during the pause waits for it too.
    const int sentBefore = int(m_server->requestLog().size());
    std::unique_ptr<snow::Response> second(incidents.get(snow::Query(), 2));
    QTest::qWait(400);
    QCOMPARE(int(m_server->requestLog().size()), sentBefore);

    wait(first.get());
    wait(second.get());
    QVERIFY2(first->isSuccess(), qPrintable(first->error().toString()));
    QVERIFY2(second->isSuccess(), qPrintable(second->error().toString()));
    QVERIFY(timer.elapsed() >= 900);
}

void ResilienceTest::rateLimitWithoutRetries()
{
    auto client = makeClient();
    client->setRetryPolicy(snow::RetryPolicy::none());
    snowemu::Faults faults;
    faults.rateLimitAfterRequests = 0;
    faults.retryAfterSeconds = 7;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 1)));
    QCOMPARE(response->error().httpStatus(), 429);
    QCOMPARE(response->error().retryAfterSeconds(), 7);
    QCOMPARE(response->error().detail(), u"Rate limit of 0 requests per hour for Table API exceeded"_s);
}

void ResilienceTest::stallTimesOut()
{
    auto client = makeClient();
    client->setRetryPolicy(snow::RetryPolicy::none());
    client->setTimeout(std::chrono::milliseconds(600));
    snowemu::Faults faults;
    faults.stall = true;
    m_server->setFaults(faults);

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 1), 10000));
    QCOMPARE(response->error().kind(), snow::Error::TimeoutError);
    QVERIFY(timer.elapsed() >= 500);
    QVERIFY(timer.elapsed() < 5000);
}

void ResilienceTest::refusedConnectionIsNetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    auto client = clientFor(port);
    QSignalSpy retrying(client.get(), &snow::Client::retrying);
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get()));
    QCOMPARE(response->error().kind(), snow::Error::NetworkError);
    QCOMPARE(retrying.count(), 3);
    QCOMPARE(response->error().httpStatus(), 0);
}

void ResilienceTest::truncatedBodyIsIncomplete()
{
    auto client = makeClient();
    client->setRetryPolicy(snow::RetryPolicy::none());
    snowemu::Faults faults;
    faults.truncateBodyAfterBytes = 30000; // about eight incidents
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 100)));
    QVERIFY(response->error().isError());
    QVERIFY(!response->isComplete());
    QVERIFY(response->recordCount() > 0);
    QVERIFY(response->recordCount() < 100);
    QVERIFY(response->error().recordsIncomplete());
    QVERIFY(response->error().kind() == snow::Error::IncompleteBody || response->error().kind() == snow::Error::NetworkError);
}

void ResilienceTest::resetMidBodyIsIncomplete()
{
    auto client = makeClient();
    client->setRetryPolicy(snow::RetryPolicy::none());
    snowemu::Faults faults;
    faults.resetBodyAfterBytes = 30000;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 100)));
    QVERIFY(response->error().isError());
    QVERIFY(response->error().recordsIncomplete());
    QVERIFY(response->recordCount() < 100);
}

void ResilienceTest::hibernatingInstanceIsNotJson()
{
    auto client = makeClient();
    snowemu::Faults faults;
    faults.hibernating = true;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get()));
    QCOMPARE(response->error().kind(), snow::Error::NotJson);
    QVERIFY(response->error().message().contains(u"hibernating"));
    QVERIFY(response->error().bodySample().contains("<html"));
    QCOMPARE(response->records().size(), 0);
}

void ResilienceTest::errorMemberInSuccessBody()
{
    CannedServer canned(httpResponse(
        200, R"({"result":[{"number":"INC1"},{"number":"INC2"}],"error":{"message":"Transaction cancelled","detail":"maximum execution time exceeded"},"status":"failure"})"));
    auto client = clientFor(canned.serverPort());
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get());
    QSignalSpy records(response.get(), &snow::Response::recordsReceived);
    wait(response.get());

    QCOMPARE(response->error().kind(), snow::Error::ResponseError);
    QCOMPARE(response->error().message(), u"Transaction cancelled"_s);
    QCOMPARE(response->error().detail(), u"maximum execution time exceeded"_s);
    QVERIFY(response->error().recordsIncomplete());
    QVERIFY(!response->isComplete());
    QCOMPARE(response->recordCount(), 2);
    QVERIFY(records.count() >= 1);
}

void ResilienceTest::bodyWithoutResult()
{
    CannedServer canned(httpResponse(200, R"({"status":"ok"})"));
    auto client = clientFor(canned.serverPort());
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get()));
    QCOMPARE(response->error().kind(), snow::Error::MissingResult);
}

void ResilienceTest::acceptedWithoutContent()
{
    CannedServer canned(httpResponse(202, QByteArray()));
    auto client = clientFor(canned.serverPort());
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get()));
    QCOMPARE(response->error().kind(), snow::Error::EmptyContent);
}

void ResilienceTest::concurrencyCap()
{
    snowemu::Faults faults;
    faults.latencyMs = 300;
    m_server->setFaults(faults);

    const auto timeFor = [this](int cap) {
        auto client = makeClient();
        client->setMaxConnections(cap);
        std::vector<std::unique_ptr<snow::Response>> responses;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 6; ++i)
            responses.emplace_back(client->resource(u"/table/incident"_s).get(snow::Query(), 1, i));
        QTest::qWait(10);
        const int pending = client->pendingRequestCount();
        for (const auto &response : responses)
            wait(response.get());
        for (const auto &response : responses) {
            if (!response->isSuccess())
                return std::pair<qint64, int>(-1, pending);
        }
        return std::pair<qint64, int>(timer.elapsed(), pending);
    };

    const auto [serial, pendingSerial] = timeFor(1);
    const auto [parallel, pendingParallel] = timeFor(6);
    QVERIFY(serial >= 6 * 300);
    QVERIFY(parallel >= 300);
    QVERIFY2(parallel < serial / 2, qPrintable(u"serial %1 ms, parallel %2 ms"_s.arg(serial).arg(parallel)));
    QCOMPARE(pendingSerial, 6);
    QCOMPARE(pendingParallel, 6);
}

void ResilienceTest::shortPagesKeepPaging()
{
    // The reader does not see incidents of one group, so pages come back short while
    // X-Total-Count counts every incident.
    auto client = makeClient(u"reader"_s);
    snow::GetOptions options;
    options.limit = 0;
    options.pageSize = 25;
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), options)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    const qint64 total = response->totalCount();
    QVERIFY(total >= 300);
    QCOMPARE(response->pageCount(), int((total + 24) / 25));
    QVERIFY(response->recordCount() < total);
    QVERIFY(response->recordCount() > 200);

    for (const snowemu::RequestRecord &request : m_server->requestLog())
        QVERIFY(QUrlQuery(request.query).queryItemValue(u"sysparm_offset"_s).toInt() >= 0);
}

void ResilienceTest::waitInWorkerThread()
{
    std::atomic<qint64> received = -1;
    const quint16 port = m_server->port();
    QThread *worker = QThread::create([&received, port] {
        snow::ClientOptions options;
        options.host = u"127.0.0.1:%1"_s.arg(port);
        options.useSsl = false;
        options.user = u"admin"_s;
        options.password = u"admin"_s;
        snow::Client client(options);
        std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 7));
        if (response->waitForFinished(20000) && response->isSuccess())
            received = response->recordCount();
    });
    worker->start();
    QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 30000);
    delete worker;
    QCOMPARE(received.load(), qint64(7));
}

QTEST_GUILESS_MAIN(ResilienceTest)
#include "tst_resilience.moc"
