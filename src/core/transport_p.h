#pragma once

// The Transport sends the requests of one Client: it queues them under the Client's
// connection cap, adds authentication, applies the retry policy and the client-wide
// rate-limit pause, and hands each reply to the handler that reads it.

#include "snow/error.h"
#include "snow/retrypolicy.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPair>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>

#include <deque>
#include <functional>
#include <map>
#include <memory>

class QHttpMultiPart;
class QIODevice;
class QNetworkReply;

namespace snow {

class ClientPrivate;

/// One HTTP request as SnowCore sends it; each attempt is built from it afresh.
struct RequestSpec
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// For streamed uploads: opens the body anew for each attempt. Takes precedence over body.
    std::function<std::unique_ptr<QIODevice>()> openBody;
    /// Multipart uploads: builds the form anew for each attempt.
    std::function<QHttpMultiPart *()> openMultipart;
    /// The Accept header; application/json when empty.
    QByteArray accept;
    /// Token requests: sent without Authorization and past a waiting AuthGate.
    bool bypassAuthGate = false;
};

/// Holds requests back until the Client can authorize them; OAuthClient implements
/// it to refresh an expired token once for all waiting requests.
class AuthGate
{
public:
    enum class State {
        Ready,   ///< send now
        Waiting, ///< a token is being fetched; the gate calls Transport::dispatch() when done
        Failed,  ///< no token can be had; failure() tells why
    };

    virtual ~AuthGate() = default;
    virtual State state() = 0;
    virtual Error failure() const = 0;
    /// Identifies the token that authorize() adds now; changes with each new token.
    virtual quint64 generation() const = 0;
    /// A request sent with token @p generation got 401. Returns true when it should be
    /// sent again: a newer token exists, or a refresh has started.
    virtual bool unauthorized(quint64 generation) = 0;
};

/// Receives the events of one request. Implemented by the Response internals.
class ExchangeHandler
{
public:
    virtual ~ExchangeHandler() = default;

    /// The attempt that will not be retried has its status and headers. The handler
    /// owns @p reply from now on and deletes it when done reading.
    virtual void replyStarted(QNetworkReply *reply) = 0;
    virtual void replyReadyRead(QNetworkReply *reply) = 0;
    /// The network part of @p reply is over; its remaining data can still be read.
    virtual void replyFinished(QNetworkReply *reply) = 0;
    /// The request failed before a reply could be handed over (no retry left).
    virtual void exchangeFailed(const Error &error) = 0;
    /// True while nothing of this request reached the caller, so it may be sent again.
    virtual bool canRetry() const = 0;
    /// Bytes sent (uploads) or received (downloads) so far, and the total or -1.
    virtual void transferProgress(qint64 done, qint64 total, bool upload)
    {
        Q_UNUSED(done);
        Q_UNUSED(total);
        Q_UNUSED(upload);
    }
};

class Transport : public QObject
{
    Q_OBJECT

public:
    explicit Transport(ClientPrivate *client);
    ~Transport() override;

    /// Queues a request; returns its id for cancel().
    quint64 submit(const RequestSpec &spec, ExchangeHandler *handler);
    /// Stops a request; its handler gets no further call. Safe with unknown ids.
    void cancel(quint64 id);
    /// Called by the handler when it has finished with a reply it owned, freeing the slot.
    void release(quint64 id);

    int pendingCount() const;
    void setAuthGate(AuthGate *gate) { m_gate = gate; }
    /// Sends what the queue holds, as far as the connection cap and the gate allow.
    void dispatch();
    QDateTime pausedUntil() const { return m_pausedUntil; }

private:
    struct Exchange
    {
        quint64 id = 0;
        RequestSpec spec;
        ExchangeHandler *handler = nullptr;
        int retries = 0;
        QNetworkReply *reply = nullptr;
        bool handedOver = false;
        bool discarding = false;
        Error discardReason;
        qint64 retryDelayMs = 0;
        bool running = false;
        bool inSlot = false;
        bool reauthorized = false;
        bool countsAsRetry = true;
        quint64 tokenGeneration = 0;
    };

    void start(Exchange &exchange);
    void onMetaDataChanged(quint64 id);
    void onReadyRead(quint64 id);
    void onFinished(quint64 id);
    void scheduleRetry(Exchange &exchange, qint64 delayMs);
    static void discard(QNetworkReply *reply);
    void failExchange(quint64 id, const Error &error);
    void pauseUntil(const QDateTime &until);
    void freeSlot(Exchange &exchange);
    void remove(quint64 id);
    Exchange *find(quint64 id);
    bool decideRetry(Exchange &exchange, int status, const Error &reason, qint64 retryAfterSeconds);

    ClientPrivate *m_client;
    std::map<quint64, std::unique_ptr<Exchange>> m_exchanges;
    std::deque<quint64> m_queue;
    quint64 m_nextId = 1;
    int m_running = 0;
    QDateTime m_pausedUntil;
    QTimer m_resumeTimer;
    AuthGate *m_gate = nullptr;
};

/// Returns the Error for a reply that failed at the network level, or no error.
Error networkError(QNetworkReply *reply, bool abortedByCaller);

/// Parses an HTTP Retry-After value (seconds or an HTTP date); -1 when absent or invalid.
qint64 parseRetryAfter(const QByteArray &value);

} // namespace snow
