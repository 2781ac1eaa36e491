#include "transport_p.h"

#include "client_p.h"
#include "snow/logging.h"

#include <QtCore/QBuffer>
#include <QtNetwork/QHttpMultiPart>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

using namespace Qt::StringLiterals;

namespace snow {

qint64 parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;

    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? seconds : -1;

    const QDateTime date = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!date.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(date));
}

Error networkError(QNetworkReply *reply, bool abortedByCaller)
{
    const QNetworkReply::NetworkError code = reply->error();
    if (code == QNetworkReply::NoError)
        return Error();

    Error error;
    switch (code) {
    case QNetworkReply::OperationCanceledError:
        // Qt reports an expired transfer timeout as a cancellation we did not ask for.
        error = abortedByCaller ? Error(Error::Aborted, u"The request was aborted"_s)
                                : Error(Error::TimeoutError,
                                        u"No data arrived within the request timeout; the instance may be slow or "
                                        "unreachable. Try again, or raise the timeout"_s);
        break;
    case QNetworkReply::TimeoutError:
        error = Error(Error::TimeoutError, u"The connection timed out: %1"_s.arg(reply->errorString()));
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error = Error(Error::SslError,
                      u"The TLS handshake failed: %1. Check the instance address; certificate checks stay on"_s.arg(
                          reply->errorString()));
        break;
    default:
        error = Error(Error::NetworkError, reply->errorString());
        break;
    }
    return error;
}

Transport::Transport(ClientPrivate *client)
    : m_client(client)
{
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &Transport::dispatch);
}

Transport::~Transport()
{
    for (auto &[id, exchange] : m_exchanges) {
        if (exchange->reply && !exchange->handedOver) {
            exchange->reply->disconnect(this);
            exchange->reply->abort();
            delete exchange->reply;
        }
    }
}

quint64 Transport::submit(const RequestSpec &spec, ExchangeHandler *handler)
{
    auto exchange = std::make_unique<Exchange>();
    exchange->id = m_nextId++;
    exchange->spec = spec;
    exchange->handler = handler;

    const quint64 id = exchange->id;
    m_exchanges.emplace(id, std::move(exchange));
    m_queue.push_back(id);

    // Dispatch from the event loop, so a caller can connect to the Response first.
    QMetaObject::invokeMethod(this, &Transport::dispatch, Qt::QueuedConnection);
    return id;
}

void Transport::cancel(quint64 id)
{
    Exchange *exchange = find(id);
    if (!exchange)
        return;

    if (exchange->reply && !exchange->handedOver) {
        exchange->reply->disconnect(this);
        exchange->reply->abort();
        exchange->reply->deleteLater();
        exchange->reply = nullptr;
    }
    freeSlot(*exchange);
    remove(id);
    dispatch();
}

void Transport::release(quint64 id)
{
    cancel(id);
}

int Transport::pendingCount() const
{
    return int(m_exchanges.size());
}

Transport::Exchange *Transport::find(quint64 id)
{
    const auto it = m_exchanges.find(id);
    return it == m_exchanges.end() ? nullptr : it->second.get();
}

void Transport::remove(quint64 id)
{
    std::erase(m_queue, id);
    m_exchanges.erase(id);
}

void Transport::freeSlot(Exchange &exchange)
{
    if (exchange.inSlot) {
        exchange.inSlot = false;
        --m_running;
    }
}

void Transport::dispatch()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_pausedUntil.isValid() && m_pausedUntil > now) {
        m_resumeTimer.start(std::max<qint64>(1, now.msecsTo(m_pausedUntil)));
        return;
    }

    // Token requests pass a waiting gate and the connection cap; they are rare, and the
    // requests they unblock would otherwise wait for them forever.
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        Exchange *exchange = find(*it);
        if (!exchange) {
            it = m_queue.erase(it);
            continue;
        }
        if (!exchange->spec.bypassAuthGate) {
            ++it;
            continue;
        }
        it = m_queue.erase(it);
        start(*exchange);
    }

    while (m_running < m_client->maxConnections && !m_queue.empty()) {
        const quint64 id = m_queue.front();
        Exchange *exchange = find(id);
        if (!exchange) {
            m_queue.pop_front();
            continue;
        }

        if (m_gate) {
            switch (m_gate->state()) {
            case AuthGate::State::Ready:
                break;
            case AuthGate::State::Waiting:
                return;
            case AuthGate::State::Failed:
                m_queue.pop_front();
                failExchange(id, m_gate->failure());
                continue;
            }
        }

        m_queue.pop_front();
        start(*exchange);
    }
}

void Transport::failExchange(quint64 id, const Error &error)
{
    Exchange *exchange = find(id);
    if (!exchange)
        return;

    Error failure = error;
    failure.setRequest(QString::fromLatin1(exchange->spec.method), exchange->spec.url);
    ExchangeHandler *handler = exchange->handler;
    freeSlot(*exchange);
    remove(id);
    handler->exchangeFailed(failure);
}

void Transport::start(Exchange &exchange)
{
    QNetworkRequest request(exchange.spec.url);
    m_client->prepare(request, exchange.spec);

    exchange.handedOver = false;
    exchange.discarding = false;
    exchange.countsAsRetry = true;
    exchange.tokenGeneration = m_gate ? m_gate->generation() : 0;
    exchange.inSlot = true;
    ++m_running;

    // A body lives as long as its reply: Qt reads it from its network thread until the
    // reply is gone, even after an abort.
    QIODevice *body = nullptr;
    QHttpMultiPart *multipart = nullptr;
    if (exchange.spec.openMultipart) {
        multipart = exchange.spec.openMultipart();
    } else if (exchange.spec.openBody) {
        body = exchange.spec.openBody().release();
    } else if (!exchange.spec.body.isEmpty()) {
        auto *buffer = new QBuffer;
        buffer->setData(exchange.spec.body);
        buffer->open(QIODevice::ReadOnly);
        body = buffer;
    }

    QNetworkReply *reply = multipart ? m_client->network->sendCustomRequest(request, exchange.spec.method, multipart)
                                     : m_client->network->sendCustomRequest(request, exchange.spec.method, body);
    if (multipart)
        multipart->setParent(reply);
    if (body)
        body->setParent(reply);
    // A bounded read buffer makes the socket wait while the handler is behind, so
    // memory stays flat however large the body is.
    reply->setReadBufferSize(1024 * 1024);
    exchange.reply = reply;

    qCDebug(lcNetwork).noquote() << "Sending" << exchange.spec.method
                                 << exchange.spec.url.adjusted(QUrl::RemoveUserInfo).toString()
                                 << "retry" << exchange.retries;

    const quint64 id = exchange.id;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] { onMetaDataChanged(id); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    connect(reply, &QNetworkReply::uploadProgress, this, [this, id](qint64 sent, qint64 total) {
        if (Exchange *current = find(id); current && !current->discarding && sent > 0)
            current->handler->transferProgress(sent, total, true);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        if (Exchange *current = find(id); current && current->handedOver && !current->discarding)
            current->handler->transferProgress(received, total, false);
    });
}

// Decides whether the attempt is thrown away and sent again. Only the policy of the
// Client decides, so one table governs every request to an instance.
bool Transport::decideRetry(Exchange &exchange, int status, const Error &reason, qint64 retryAfterSeconds)
{
    const RetryPolicy &policy = m_client->retryPolicy;
    if (exchange.retries >= policy.total || !policy.allowsMethod(exchange.spec.method) || !exchange.handler->canRetry())
        return false;

    const bool retryable = status > 0 ? policy.isRetryableStatus(status) : policy.retryNetworkErrors;
    if (!retryable)
        return false;

    qint64 delayMs = policy.backoffDelay(exchange.retries + 1).count();
    if (retryAfterSeconds >= 0 && (status == 429 || status == 503)) {
        delayMs = std::min<qint64>(retryAfterSeconds, policy.maxRetryAfterSeconds) * 1000;
        pauseUntil(QDateTime::currentDateTimeUtc().addMSecs(delayMs));
    }

    exchange.discarding = true;
    exchange.discardReason = reason;
    exchange.retryDelayMs = delayMs;
    return true;
}

void Transport::onMetaDataChanged(quint64 id)
{
    Exchange *exchange = find(id);
    if (!exchange || exchange->handedOver || exchange->discarding)
        return;

    QNetworkReply *reply = exchange->reply;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid())
        return;

    const int status = statusAttribute.toInt();
    if (status >= 300 && status < 400 && reply->attribute(QNetworkRequest::RedirectionTargetAttribute).isValid())
        return; // the redirect is followed by Qt

    const qint64 retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"));
    Error reason(Error::HttpError, QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
    reason.setHttpStatus(status).setRequest(QString::fromLatin1(exchange->spec.method), exchange->spec.url);
    if (retryAfter >= 0)
        reason.setRetryAfterSeconds(int(retryAfter));

    // A 401 on a bearer request means the token expired early or was revoked: one
    // refresh and one more attempt, which is not counted as a retry.
    if (status == 401 && m_gate && !exchange->spec.bypassAuthGate && !exchange->reauthorized
        && exchange->handler->canRetry() && m_gate->unauthorized(exchange->tokenGeneration)) {
        exchange->reauthorized = true;
        exchange->discarding = true;
        exchange->countsAsRetry = false;
        exchange->discardReason = reason;
        exchange->retryDelayMs = 0;
        discard(reply);
        return;
    }

    if (decideRetry(*exchange, status, reason, retryAfter)) {
        discard(reply); // finished() follows and schedules the retry
        return;
    }

    exchange->handedOver = true;
    exchange->handler->replyStarted(reply);
}

// Reads and drops what is left of an answer that will be sent again. Aborting the
// reply instead would make Qt report a second error for a reply that already has one.
void Transport::discard(QNetworkReply *reply)
{
    reply->readAll();
}

void Transport::onReadyRead(quint64 id)
{
    Exchange *exchange = find(id);
    if (!exchange)
        return;
    if (exchange->discarding) {
        discard(exchange->reply);
        return;
    }
    if (!exchange->handedOver)
        onMetaDataChanged(id);
    if (exchange->handedOver)
        exchange->handler->replyReadyRead(exchange->reply);
}

void Transport::onFinished(quint64 id)
{
    Exchange *exchange = find(id);
    if (!exchange)
        return;

    QNetworkReply *reply = exchange->reply;
    if (!exchange->handedOver && !exchange->discarding) {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            onMetaDataChanged(id);
        } else {
            // No response at all: refused, reset, DNS, TLS or timeout.
            Error reason = networkError(reply, false);
            reason.setRequest(QString::fromLatin1(exchange->spec.method), exchange->spec.url);
            if (!decideRetry(*exchange, 0, reason, -1)) {
                reply->disconnect(this);
                reply->deleteLater();
                exchange->reply = nullptr;
                freeSlot(*exchange);
                ExchangeHandler *handler = exchange->handler;
                remove(id);
                handler->exchangeFailed(reason);
                dispatch();
                return;
            }
        }
    }

    if (exchange->discarding) {
        reply->disconnect(this);
        reply->deleteLater();
        exchange->reply = nullptr;
        freeSlot(*exchange);
        scheduleRetry(*exchange, exchange->retryDelayMs);
        dispatch();
        return;
    }

    // The handler owns the reply now; its slot is freed when it calls release().
    exchange->handler->replyFinished(reply);
}

void Transport::scheduleRetry(Exchange &exchange, qint64 delayMs)
{
    const quint64 id = exchange.id;
    if (!exchange.countsAsRetry) {
        qCInfo(lcRetry).noquote() << "Sending" << exchange.spec.method
                                  << exchange.spec.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString()
                                  << "again with a new token after HTTP 401";
        m_queue.push_front(id);
        return;
    }

    ++exchange.retries;
    const Error reason = exchange.discardReason;
    qCInfo(lcRetry).noquote() << "Retrying" << exchange.spec.method
                              << exchange.spec.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString()
                              << "in" << delayMs << "ms, retry" << exchange.retries << "of"
                              << m_client->retryPolicy.total << "after" << reason.toString();

    Q_EMIT m_client->q->retrying(QString::fromLatin1(exchange.spec.method), exchange.spec.url.adjusted(QUrl::RemoveUserInfo),
                                 exchange.retries, delayMs, reason);

    QTimer::singleShot(std::chrono::milliseconds(delayMs), this, [this, id] {
        if (!find(id))
            return;
        m_queue.push_front(id);
        dispatch();
    });
}

void Transport::pauseUntil(const QDateTime &until)
{
    if (m_pausedUntil.isValid() && m_pausedUntil >= until)
        return;

    m_pausedUntil = until;
    qCInfo(lcRetry).noquote() << "The instance is rate-limiting; every request waits until"
                              << until.toString(Qt::ISODateWithMs);
    Q_EMIT m_client->q->rateLimited(until);
}

} // namespace snow
