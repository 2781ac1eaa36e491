#pragma once

#include "gzipencoder.h"
#include "httpmessage.h"
#include "requesthandler.h"

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace snowemu {

/*!
    One client connection: queues the requests it receives and answers them in
    order, one at a time. A body is produced only as fast as the socket drains
    (bytesWritten), so memory stays flat for any response size.

    The connection is a child of its socket and dies with it.
*/
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, RequestHandler *handler);

    //! Returns the connection of `socket`, creating it on first use.
    static HttpConnection *of(QTcpSocket *socket, RequestHandler *handler);

    void enqueue(HttpRequest request);

private:
    void startNext();
    void beginResponse();
    void pump();
    bool fillOutput();
    void writeBodyBytes(const QByteArray &bytes);
    void completeBody();
    void finishResponse();
    void closeCleanly();
    void resetConnection();
    void abortWhenDrained();
    void refillBandwidth();
    bool socketUsable() const;

    QPointer<QTcpSocket> m_socket;
    RequestHandler *m_handler;
    QQueue<HttpRequest> m_pending;
    bool m_busy = false;

    // State of the response being sent.
    ResponsePlan m_plan;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_acceptsGzip = false;
    bool m_chunked = false;
    bool m_sourceDone = false;
    bool m_sending = false;
    bool m_resetPending = false;
    std::unique_ptr<GzipEncoder> m_gzip;
    QByteArray m_output;           // encoded body bytes ready to send
    qint64 m_fixedBodyOffset = 0;  // read position in m_plan.response.body
    qint64 m_bodyBytesSent = 0;
    qint64 m_bandwidthTokens = 0;
    QTimer m_bandwidthTimer;
};

} // namespace snowemu
