#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

// A small synchronous HTTP client for the emulator tests. It talks to the emulator
// over real HTTP with QNetworkAccessManager and shares no code with SnowCore.

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

class TestClient
{
public:
    explicit TestClient(const QUrl &baseUrl);

    void setBasicAuth(const QString &user, const QString &password);
    void setBearerToken(const QString &token);
    void clearAuth();

    //! `pathAndQuery` is appended to the base URL as encoded text: "/api/now/table/incident?sysparm_limit=1".
    HttpResult get(const QString &pathAndQuery, const RawHeaders &headers = {});
    HttpResult send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
                    const RawHeaders &headers = {});
    HttpResult sendUrl(const QByteArray &verb, const QUrl &url, const QByteArray &body = {}, const RawHeaders &headers = {});

    //! Sends a JSON body with Content-Type and Accept set to application/json.
    HttpResult sendJson(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &json,
                        const RawHeaders &extraHeaders = {});

    QUrl url(const QString &pathAndQuery) const;
    QNetworkAccessManager &manager() { return m_manager; }

    int timeoutMs = 30000;

private:
    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    QByteArray m_authorization;
};
