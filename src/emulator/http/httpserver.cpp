#include "httpserver.h"

#include "formdecoding.h"
#include "httpconnection.h"
#include "logging.h"

#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

HttpRequest copyRequest(const QHttpServerRequest &request)
{
    HttpRequest copy;
    copy.method = methodName(request.method());

    // The parser stores the path in decoded form; encoding it fully and decoding it
    // again yields the same text for "%20" and for raw UTF-8 alike.
    const QUrl url = request.url();
    copy.path = QUrl::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1());
    copy.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    copy.queryItems = decodeFormItems(copy.rawQuery);
    copy.headers = request.headers();
    copy.body = request.body();
    return copy;
}

} // namespace

HttpServer::HttpServer(RequestHandler *handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(handler)
{
}

bool HttpServer::listenOnLoopback(quint16 port, QString *errorMessage)
{
    auto *tcpServer = new QTcpServer(this);
    if (!tcpServer->listen(QHostAddress::LocalHost, port)) {
        if (errorMessage)
            *errorMessage = u"Cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(tcpServer->errorString());
        delete tcpServer;
        return false;
    }

    bind(tcpServer);
    m_port = tcpServer->serverPort();
    return true;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpConnection::of(socket, m_handler)->enqueue(copyRequest(request));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() accepts every request, so this runs only if Qt changes that contract.
    qCWarning(lcEmulatorHttp) << "No handler for" << request.url().path();
    socket->disconnectFromHost();
}

} // namespace snowemu
