// The HTTP layer and fault injection, seen from a raw TCP socket where the wire
// format matters and from QNetworkAccessManager elsewhere.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

// A response read off a raw socket, with the chunked encoding removed.
struct RawResponse {
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool complete = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

bool waitForBytes(QTcpSocket &socket, QByteArray &buffer, qsizetype needed, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (buffer.size() < needed) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(qMax(1, timeoutMs - int(timer.elapsed()))))
            return false;
        buffer += socket.readAll();
    }
    return true;
}

bool readLine(QTcpSocket &socket, QByteArray &buffer, QByteArray *line)
{
    while (!buffer.contains("\r\n")) {
        if (!socket.waitForReadyRead(10000))
            return false;
        buffer += socket.readAll();
    }
    const qsizetype end = buffer.indexOf("\r\n");
    *line = buffer.left(end);
    buffer.remove(0, end + 2);
    return true;
}

// Reads one response; leaves any bytes after it in `buffer`.
RawResponse readResponse(QTcpSocket &socket, QByteArray &buffer, bool headRequest = false)
{
    RawResponse response;
    QByteArray line;
    if (!readLine(socket, buffer, &response.statusLine))
        return response;
    while (readLine(socket, buffer, &line) && !line.isEmpty()) {
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (headRequest) {
        response.complete = true;
        return response;
    }

    if (response.header("Transfer-Encoding") == "chunked") {
        while (true) {
            if (!readLine(socket, buffer, &line))
                return response;
            const qsizetype size = line.toLongLong(nullptr, 16);
            if (!waitForBytes(socket, buffer, size + 2))
                return response;
            response.body += buffer.left(size);
            buffer.remove(0, size + 2);
            if (size == 0)
                break;
        }
    } else {
        const qsizetype length = response.header("Content-Length").toLongLong();
        if (!waitForBytes(socket, buffer, length))
            return response;
        response.body = buffer.left(length);
        buffer.remove(0, length);
    }
    response.complete = true;
    return response;
}

QByteArray gunzip(const QByteArray &compressed)
{
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    QByteArray output;
    char chunk[65536];
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof(chunk);
        result = inflate(&stream, Z_NO_FLUSH);
        output.append(chunk, qsizetype(sizeof(chunk) - stream.avail_out));
    } while (result == Z_OK);
    inflateEnd(&stream);
    return result == Z_STREAM_END ? output : QByteArray();
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + QByteArray("admin:admin").toBase64()
        + "\r\n" + extraHeaders + "\r\n";
}

} // namespace

class TransportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void standardHeaders();
    void listIsChunked();
    void gzipWhenAccepted();
    void smallBodyHasContentLength();
    void keepAliveAfterStreamedResponse();
    void clientAbortDoesNotStopServer();
    void headHasNoBody();
    void connectionCloseIsHonoured();

    void latencyDelaysResponse();
    void rateLimitReturns429();
    void errorBurstThenRecovery_data();
    void errorBurstThenRecovery();
    void truncatedBodyEndsEarly();
    void resetAbortsConnection_data();
    void resetAbortsConnection();
    void hibernationPage();
    void stallNeverAnswers();
    void bandwidthCapsSpeed();
    void controlEndpointSetsFaults();
    void controlEndpointRejectsUnknownField();

private:
    QTcpSocket *connectSocket();

    // A server thread of its own, because the raw-socket checks block this thread while they wait.
    std::unique_ptr<snowemu::ServerThread> m_server;
    std::unique_ptr<TestClient> m_client;
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
};

void TransportTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 3000;
    m_server = std::make_unique<snowemu::ServerThread>(options);
    QVERIFY(m_server->start().isValid());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
}

void TransportTest::cleanup()
{
    m_server->setFaults(snowemu::Faults());
    m_sockets.clear();
}

QTcpSocket *TransportTest::connectSocket()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_server->port());
    socket->waitForConnected(5000);
    m_sockets.push_back(std::move(socket));
    return m_sockets.back().get();
}

void TransportTest::standardHeaders()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QCOMPARE(result.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    QCOMPARE(result.header("Server"), QByteArray("ServiceNow"));
    QCOMPARE(result.header("X-Is-Logged-In"), QByteArray("true"));
    QCOMPARE(result.header("Cache-Control"), QByteArray("no-cache,no-store,must-revalidate,max-age=-1"));
    QCOMPARE(result.header("Pragma"), QByteArray("no-store,no-cache"));
    QCOMPARE(result.header("Expires"), QByteArray("0"));
    QVERIFY(!result.header("X-Transaction-ID").isEmpty());
}

void TransportTest::listIsChunked()
{
    QTcpSocket *socket = connectSocket();
    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=50"));
    QByteArray buffer;
    const RawResponse response = readResponse(*socket, buffer);

    QVERIFY(response.complete);
    QCOMPARE(response.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(response.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"result"_s).toArray().size(), 50);
}

void TransportTest::gzipWhenAccepted()
{
    QTcpSocket *socket = connectSocket();
    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=200", "Accept-Encoding: gzip, deflate\r\n"));
    QByteArray buffer;
    const RawResponse response = readResponse(*socket, buffer);

    QVERIFY(response.complete);
    QCOMPARE(response.header("Content-Encoding"), QByteArray("gzip"));
    const QByteArray plain = gunzip(response.body);
    QVERIFY(response.body.size() < plain.size() / 4);
    QCOMPARE(QJsonDocument::fromJson(plain).object().value(u"result"_s).toArray().size(), 200);
}

void TransportTest::smallBodyHasContentLength()
{
    QTcpSocket *socket = connectSocket();
    socket->write(requestBytes("GET", "/api/now/table/no_such_table"));
    QByteArray buffer;
    const RawResponse response = readResponse(*socket, buffer);

    QCOMPARE(response.header("Content-Length").toInt(), response.body.size());
    QVERIFY(response.header("Transfer-Encoding").isEmpty());
}

void TransportTest::keepAliveAfterStreamedResponse()
{
    QTcpSocket *socket = connectSocket();
    QByteArray buffer;

    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=3000", "Accept-Encoding: gzip\r\n"));
    const RawResponse first = readResponse(*socket, buffer);
    QVERIFY(first.complete);
    QVERIFY(first.body.size() > 100000);

    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=2"));
    const RawResponse second = readResponse(*socket, buffer);
    QVERIFY(second.complete);
    QCOMPARE(second.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(QJsonDocument::fromJson(second.body).object().value(u"result"_s).toArray().size(), 2);
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void TransportTest::clientAbortDoesNotStopServer()
{
    for (int i = 0; i < 3; ++i) {
        QTcpSocket *socket = connectSocket();
        socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=3000"));
        QByteArray buffer;
        QVERIFY(waitForBytes(*socket, buffer, 20000));
        socket->abort();
    }
    QTest::qWait(100);

    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);
    QCOMPARE(result.status, 200);
}

void TransportTest::headHasNoBody()
{
    QTcpSocket *socket = connectSocket();
    QByteArray buffer;
    socket->write(requestBytes("HEAD", "/api/now/table/incident?sysparm_limit=5"));
    const RawResponse head = readResponse(*socket, buffer, true);
    QCOMPARE(head.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(head.header("X-Total-Count"), QByteArray("3000"));

    // The connection carries on with no stray body bytes in between.
    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=1"));
    const RawResponse next = readResponse(*socket, buffer);
    QCOMPARE(next.statusLine, QByteArray("HTTP/1.1 200 OK"));
}

void TransportTest::connectionCloseIsHonoured()
{
    QTcpSocket *socket = connectSocket();
    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=1", "Connection: close\r\n"));
    QByteArray buffer;
    const RawResponse response = readResponse(*socket, buffer);

    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(socket->state() == QAbstractSocket::UnconnectedState || socket->waitForDisconnected(5000));
}

void TransportTest::latencyDelaysResponse()
{
    m_server->setFaults(snowemu::Faults{.latencyMs = 300});
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QCOMPARE(result.status, 200);
    QVERIFY(timer.elapsed() >= 290);
}

void TransportTest::rateLimitReturns429()
{
    m_server->setFaults(snowemu::Faults{.rateLimitAfterRequests = 2, .retryAfterSeconds = 7});

    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);
    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);
    const HttpResult limited = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
    QCOMPARE(limited.header("X-RateLimit-Limit"), QByteArray("2"));
    QVERIFY(limited.header("X-RateLimit-Reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
    QVERIFY(!limited.header("X-RateLimit-Rule").isEmpty());
    QCOMPARE(limited.json().object().value(u"error"_s).toObject().value(u"message"_s).toString(), u"Rate limit exceeded"_s);
}

void TransportTest::errorBurstThenRecovery_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("503") << 503;
    QTest::newRow("500") << 500;
    QTest::newRow("502") << 502;
}

void TransportTest::errorBurstThenRecovery()
{
    QFETCH(int, status);
    m_server->setFaults(snowemu::Faults{.serverErrorBurst = 2, .serverErrorStatus = status});

    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, status);
    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, status);
    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);
}

void TransportTest::truncatedBodyEndsEarly()
{
    m_server->setFaults(snowemu::Faults{.truncateBodyAfterBytes = 1000});
    QTcpSocket *socket = connectSocket();
    socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=100"));

    QByteArray received;
    while (socket->waitForReadyRead(3000))
        received += socket->readAll();
    received += socket->readAll();

    const qsizetype bodyStart = received.indexOf("\r\n\r\n") + 4;
    QVERIFY(bodyStart > 4);
    QVERIFY(socket->state() == QAbstractSocket::UnconnectedState || socket->waitForDisconnected(3000));
    // 1000 body bytes plus the framing of a few chunks, and no terminating chunk.
    QVERIFY(received.size() - bodyStart >= 1000);
    QVERIFY(received.size() - bodyStart < 1100);
    QVERIFY(!received.endsWith("0\r\n\r\n"));
}

void TransportTest::resetAbortsConnection_data()
{
    QTest::addColumn<QByteArray>("extraHeaders");

    QTest::newRow("identity") << QByteArray();
    QTest::newRow("gzip") << QByteArray("Accept-Encoding: gzip\r\n");
}

void TransportTest::resetAbortsConnection()
{
    QFETCH(QByteArray, extraHeaders);
    m_server->setFaults(snowemu::Faults{.resetBodyAfterBytes = 5000});

    // The wire is read here, not through QNetworkAccessManager. When a reset cuts a
    // chunked body at a chunk boundary, Qt 6.4 reports the reply as complete if it
    // notices the closed socket before the error, so its verdict depends on timing.
    // Two requests in a row check that the fault applies to each.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QTcpSocket *socket = connectSocket();
        socket->write(requestBytes("GET", "/api/now/table/incident?sysparm_limit=100", extraHeaders));

        QByteArray received;
        while (socket->waitForReadyRead(3000))
            received += socket->readAll();
        received += socket->readAll();

        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(socket->error(), QAbstractSocket::RemoteHostClosedError);

        // Complete chunks that add up to exactly 5000 body bytes, and no final chunk.
        qint64 bodyBytes = 0;
        qsizetype position = headEnd + 4;
        while (position < received.size()) {
            const qsizetype lineEnd = received.indexOf("\r\n", position);
            QVERIFY(lineEnd > position);
            const qint64 chunkSize = received.mid(position, lineEnd - position).toLongLong(nullptr, 16);
            QVERIFY(chunkSize > 0);
            position = lineEnd + 2 + chunkSize + 2;
            QVERIFY(position <= received.size());
            bodyBytes += chunkSize;
        }
        QCOMPARE(bodyBytes, 5000);
    }
}

void TransportTest::hibernationPage()
{
    m_server->setFaults(snowemu::Faults{.hibernating = true});
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("text/html"));
    QVERIFY(result.body.contains("hibernating"));
}

void TransportTest::stallNeverAnswers()
{
    m_server->setFaults(snowemu::Faults{.stall = true});
    TestClient client(m_server->baseUrl());
    client.timeoutMs = 500;
    const HttpResult result = client.get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QVERIFY(result.timedOut);
}

void TransportTest::bandwidthCapsSpeed()
{
    m_server->setFaults(snowemu::Faults{.bandwidthBytesPerSecond = 100000});
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=60"_s, {{"Accept-Encoding", "identity"}});

    // About 200 KB at 100 KB/s: well over one second, where the unthrottled call takes milliseconds.
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.size() > 150000);
    QVERIFY2(timer.elapsed() >= 1000 * (result.body.size() - 20000) / 100000, qPrintable(QString::number(timer.elapsed())));
}

void TransportTest::controlEndpointSetsFaults()
{
    TestClient anonymous(m_server->baseUrl());
    anonymous.clearAuth();
    const HttpResult set = anonymous.sendJson("POST", u"/emulator/faults"_s, R"({"serverErrorBurst":1,"serverErrorStatus":502})");
    QCOMPARE(set.status, 200);
    QCOMPARE(m_server->faults().serverErrorBurst, 1);

    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 502);
    QCOMPARE(m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);

    const HttpResult current = anonymous.get(u"/emulator/faults"_s);
    QCOMPARE(current.json().object().value(u"serverErrorBurst"_s).toInt(), 0);
    QCOMPARE(current.json().object().value(u"serverErrorStatus"_s).toInt(), 502);
}

void TransportTest::controlEndpointRejectsUnknownField()
{
    const HttpResult result = m_client->sendJson("POST", u"/emulator/faults"_s, R"({"latency":5})");

    QCOMPARE(result.status, 400);
    QCOMPARE(m_server->faults(), snowemu::Faults());
}

QTEST_GUILESS_MAIN(TransportTest)
#include "tst_emulator_transport.moc"
