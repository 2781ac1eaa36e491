#pragma once

#include <QAbstractHttpServer>

namespace snowemu {

class RequestHandler;

/*!
    The HTTP/1.1 front end. QAbstractHttpServer parses the requests; this class
    copies each one into an HttpRequest and hands it to the socket's HttpConnection,
    which writes the response itself (chunked, gzip, paced by the socket).

    NOTE: QAbstractHttpServer in Qt 6.4 buffers each request body in memory (twice
    while it is parsed), so an upload costs about twice its size in memory; responses
    are streamed.

    NOTE: "Expect: 100-continue" gets no interim response, so curl waits a second
    before it sends a large body.
*/
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpServer(RequestHandler *handler, QObject *parent = nullptr);

    //! Listens on 127.0.0.1:`port` (0 = any free port).
    bool listenOnLoopback(quint16 port, QString *errorMessage);
    quint16 port() const { return m_port; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    RequestHandler *m_handler;
    quint16 m_port = 0;
};

} // namespace snowemu
