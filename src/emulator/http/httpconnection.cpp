#include "httpconnection.h"

#include "logging.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace snowemu {

namespace {

// The socket's write buffer is refilled only while it holds less than this, which
// bounds the memory of one response no matter how large its body is.
constexpr qint64 kWriteHighWater = 1024 * 1024;
// Size of one piece read from a body source. Large pieces mean fewer write calls
// and wake-ups per megabyte, which is what limits the rate of cached bodies.
constexpr qint64 kPieceBytes = 256 * 1024;
// Pacing interval of the bandwidth fault.
constexpr int kBandwidthTickMs = 50;

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    const QList<QByteArray> codings = acceptEncoding.split(',');
    for (const QByteArray &entry : codings) {
        const QList<QByteArray> parts = entry.split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            continue;
        // "gzip;q=0" explicitly refuses gzip.
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler)
    : QObject(socket)
    , m_socket(socket)
    , m_handler(handler)
{
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::pump);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_sending)
            qCDebug(lcEmulatorHttp) << "Client closed the connection during a response after"
                                    << m_bodyBytesSent << "body bytes";
        m_sending = false;
        m_pending.clear();
        m_plan = ResponsePlan();
        m_bandwidthTimer.stop();
    });

    m_bandwidthTimer.setInterval(kBandwidthTickMs);
    connect(&m_bandwidthTimer, &QTimer::timeout, this, &HttpConnection::refillBandwidth);
}

HttpConnection *HttpConnection::of(QTcpSocket *socket, RequestHandler *handler)
{
    if (auto *existing = socket->findChild<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new HttpConnection(socket, handler);
}

void HttpConnection::enqueue(HttpRequest request)
{
    m_pending.enqueue(std::move(request));
    if (!m_busy)
        startNext();
}

bool HttpConnection::socketUsable() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::startNext()
{
    if (m_pending.isEmpty() || !socketUsable()) {
        m_busy = false;
        return;
    }

    m_busy = true;
    const HttpRequest request = m_pending.dequeue();
    m_keepAlive = !request.header("Connection").toLower().contains("close");
    m_headRequest = request.method == "HEAD";
    m_acceptsGzip = acceptsGzip(request.header("Accept-Encoding"));
    m_plan = m_handler->handle(request);

    // A stalled connection stays busy, so later requests on it also go unanswered.
    if (m_plan.stall)
        return;

    if (m_plan.latencyMs > 0)
        QTimer::singleShot(m_plan.latencyMs, this, &HttpConnection::beginResponse);
    else
        beginResponse();
}

void HttpConnection::beginResponse()
{
    if (!socketUsable())
        return;

    HttpResponse &response = m_plan.response;
    const bool bodyAllowed = response.status != 204 && response.status != 304;
    const bool streamed = response.source != nullptr;

    bool gzip = false;
    if (bodyAllowed && m_acceptsGzip && response.compressible)
        gzip = streamed || response.body.size() >= 512;
    if (gzip && !streamed)
        response.body = GzipEncoder::compressAll(response.body);

    m_chunked = bodyAllowed && streamed && (gzip || response.source->size() < 0);
    m_gzip.reset(gzip && streamed ? new GzipEncoder : nullptr);

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (gzip)
        head += "Content-Encoding: gzip\r\n";
    if (m_chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (bodyAllowed)
        head += "Content-Length: " + QByteArray::number(streamed ? response.source->size() : response.body.size()) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    head += m_keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);

    if (!bodyAllowed || m_headRequest) {
        finishResponse();
        return;
    }

    m_sending = true;
    m_sourceDone = false;
    m_output.clear();
    m_fixedBodyOffset = 0;
    m_bodyBytesSent = 0;
    if (m_plan.bandwidthBytesPerSecond > 0) {
        m_bandwidthTokens = qMax<qint64>(1, m_plan.bandwidthBytesPerSecond * kBandwidthTickMs / 1000);
        m_bandwidthTimer.start();
    }
    pump();
}

bool HttpConnection::fillOutput()
{
    HttpResponse &response = m_plan.response;
    QByteArray piece;
    if (response.source) {
        piece = response.source->read(kPieceBytes);
    } else if (m_fixedBodyOffset < response.body.size()) {
        piece = response.body.mid(m_fixedBodyOffset, kPieceBytes);
        m_fixedBodyOffset += piece.size();
    }

    if (piece.isEmpty()) {
        m_sourceDone = true;
        if (m_gzip)
            m_output.append(m_gzip->finish());
        return !m_output.isEmpty();
    }

    if (m_gzip)
        m_output.append(m_gzip->compress(piece));
    else if (m_output.isEmpty())
        m_output = std::move(piece);
    else
        m_output.append(piece);
    return true;
}

void HttpConnection::pump()
{
    if (m_resetPending) {
        abortWhenDrained();
        return;
    }
    if (!m_sending || !socketUsable())
        return;

    while (m_socket->bytesToWrite() < kWriteHighWater) {
        if (m_output.isEmpty()) {
            if (m_sourceDone) {
                completeBody();
                return;
            }
            fillOutput();
            continue;
        }

        qint64 count = m_output.size();
        if (m_plan.bandwidthBytesPerSecond > 0) {
            count = qMin(count, m_bandwidthTokens);
            if (count <= 0)
                return; // the bandwidth timer calls pump() again
            m_bandwidthTokens -= count;
        }
        if (m_plan.truncateAfterBytes >= 0)
            count = qMin(count, m_plan.truncateAfterBytes - m_bodyBytesSent);
        if (m_plan.resetAfterBytes >= 0)
            count = qMin(count, m_plan.resetAfterBytes - m_bodyBytesSent);

        // The whole output is handed over without a copy; the socket shares it.
        if (count > 0 && count == m_output.size()) {
            writeBodyBytes(m_output);
            m_output.clear();
            m_bodyBytesSent += count;
        } else if (count > 0) {
            writeBodyBytes(m_output.first(count));
            m_output.remove(0, count);
            m_bodyBytesSent += count;
        }

        if (m_plan.resetAfterBytes >= 0 && m_bodyBytesSent >= m_plan.resetAfterBytes) {
            resetConnection();
            return;
        }
        if (m_plan.truncateAfterBytes >= 0 && m_bodyBytesSent >= m_plan.truncateAfterBytes) {
            closeCleanly();
            return;
        }
    }
}

void HttpConnection::writeBodyBytes(const QByteArray &bytes)
{
    // The chunk framing goes in writes of its own, so the body bytes are copied once,
    // into the socket's buffer, and never into a framed temporary.
    if (m_chunked)
        m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n");
    m_socket->write(bytes);
    if (m_chunked)
        m_socket->write("\r\n", 2);
}

void HttpConnection::completeBody()
{
    if (m_chunked)
        m_socket->write("0\r\n\r\n");
    finishResponse();
}

void HttpConnection::finishResponse()
{
    m_sending = false;
    m_bandwidthTimer.stop();
    m_plan = ResponsePlan();
    m_gzip.reset();
    m_output.clear();

    if (!m_keepAlive) {
        m_pending.clear();
        m_busy = false;
        if (m_socket)
            m_socket->disconnectFromHost();
        return;
    }
    startNext();
}

void HttpConnection::closeCleanly()
{
    qCDebug(lcEmulatorHttp) << "Truncating the body after" << m_bodyBytesSent << "bytes (fault injection)";
    m_sending = false;
    m_pending.clear();
    m_bandwidthTimer.stop();
    m_plan = ResponsePlan();
    // disconnectFromHost() sends what is buffered, then a FIN: the client sees a body that ends early.
    m_socket->disconnectFromHost();
}

void HttpConnection::resetConnection()
{
    qCDebug(lcEmulatorHttp) << "Resetting the connection after" << m_bodyBytesSent << "body bytes (fault injection)";
    m_sending = false;
    m_pending.clear();
    m_bandwidthTimer.stop();
    m_plan = ResponsePlan();

    // The bytes already written must reach the client before the reset. A reset
    // makes the peer drop data it has not read yet, so the abort also waits a moment
    // after the socket has drained.
    m_socket->flush();
    m_resetPending = true;
    abortWhenDrained();
}

void HttpConnection::abortWhenDrained()
{
    if (!m_resetPending || !socketUsable())
        return;
    if (m_socket->bytesToWrite() > 0)
        return; // bytesWritten calls pump(), which calls this again

    m_resetPending = false;
    QTimer::singleShot(50, this, [this] {
        if (!socketUsable())
            return;
#ifdef Q_OS_UNIX
        // SO_LINGER with a zero timeout turns close() into an RST instead of a FIN.
        const qintptr descriptor = m_socket->socketDescriptor();
        if (descriptor >= 0) {
            struct linger lingerOption { 1, 0 };
            ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof(lingerOption));
        }
#endif
        m_socket->abort();
    });
}

void HttpConnection::refillBandwidth()
{
    const qint64 perTick = qMax<qint64>(1, m_plan.bandwidthBytesPerSecond * kBandwidthTickMs / 1000);
    // Unused allowance does not pile up beyond two ticks, so the rate stays even.
    m_bandwidthTokens = qMin(m_bandwidthTokens + perTick, 2 * perTick);
    pump();
}

} // namespace snowemu
