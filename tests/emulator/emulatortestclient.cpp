#include "emulatortestclient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkRequest>
#include <QTimer>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

TestClient::TestClient(const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    setBasicAuth(QStringLiteral("admin"), QStringLiteral("admin"));
}

void TestClient::setBasicAuth(const QString &user, const QString &password)
{
    m_authorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

void TestClient::setBearerToken(const QString &token)
{
    m_authorization = "Bearer " + token.toLatin1();
}

void TestClient::clearAuth()
{
    m_authorization.clear();
}

QUrl TestClient::url(const QString &pathAndQuery) const
{
    return QUrl::fromEncoded(m_baseUrl.toEncoded() + pathAndQuery.toUtf8());
}

HttpResult TestClient::get(const QString &pathAndQuery, const RawHeaders &headers)
{
    return send("GET", pathAndQuery, {}, headers);
}

HttpResult TestClient::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body, const RawHeaders &headers)
{
    return sendUrl(verb, url(pathAndQuery), body, headers);
}

HttpResult TestClient::sendJson(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &json,
                                const RawHeaders &extraHeaders)
{
    RawHeaders headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    headers.append(extraHeaders);
    return send(verb, pathAndQuery, json, headers);
}

HttpResult TestClient::sendUrl(const QByteArray &verb, const QUrl &url, const QByteArray &body, const RawHeaders &headers)
{
    QNetworkRequest request(url);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body.isEmpty() && verb == "GET" ? nullptr : &buffer);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();

    HttpResult result;
    if (!reply->isFinished()) {
        result.timedOut = true;
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    result.errorString = reply->errorString();
    delete reply;
    return result;
}
