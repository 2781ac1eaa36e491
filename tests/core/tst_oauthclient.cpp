// Tests of snow::OAuthClient against the emulator's token endpoint: every grant,
// refresh before expiry and on 401, one refresh for concurrent requests, errors, and
// no secret in the logs.

#include <snow/oauthclient.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QCryptographicHash>
#include <QtCore/QMutex>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimeZone>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Log lines of SnowCore, captured while a test runs.
QStringList capturedLogs;
QMutex capturedLogsMutex;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&capturedLogsMutex);
        capturedLogs.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

int countRequests(const QList<snowemu::RequestRecord> &log, const QByteArray &grant)
{
    int count = 0;
    for (const snowemu::RequestRecord &request : log) {
        if (request.path == u"/oauth_token.do" && request.body.contains(QByteArray("grant_type=" + grant)))
            ++count;
    }
    return count;
}

} // namespace

class OAuthClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void passwordGrant();
    void wrongPasswordFails();
    void clientCredentialsGrant();
    void authorizationCodeWithPkce();
    void wrongCodeVerifierFails();
    void missingTokenFailsRequests();
    void invalidOptions_data();
    void invalidOptions();
    void setTokenValidation();
    void refreshBeforeExpiry();
    void refreshOnUnauthorized();
    void oneRefreshForConcurrentExpired();
    void oneRefreshForConcurrentUnauthorized();
    void failedRefreshFailsRequests();
    void secretsNeverLogged();

private:
    std::unique_ptr<snow::OAuthClient> makeClient(const QString &secret = u"snowscope"_s) const;
    snow::OAuthToken signIn(snow::OAuthClient &client);
    std::vector<std::unique_ptr<snow::Response>> getMany(snow::OAuthClient &client, int count);

    std::unique_ptr<snowemu::Server> m_server;
};

void OAuthClientTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 20;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    previousHandler = qInstallMessageHandler(captureMessage);
}

void OAuthClientTest::init()
{
    m_server->setTokenLifetimes(1800, 8640000);
    m_server->clearRequestLog();
    QMutexLocker locker(&capturedLogsMutex);
    capturedLogs.clear();
}

void OAuthClientTest::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

std::unique_ptr<snow::OAuthClient> OAuthClientTest::makeClient(const QString &secret) const
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    options.useSsl = false;
    return std::make_unique<snow::OAuthClient>(options, u"snowscope"_s, secret);
}

snow::OAuthToken OAuthClientTest::signIn(snow::OAuthClient &client)
{
    std::unique_ptr<snow::Response> response(client.generateToken(u"admin"_s, u"admin"_s));
    response->waitForFinished(10000);
    if (!response->isSuccess())
        qWarning() << response->error().toString();
    return client.token();
}

std::vector<std::unique_ptr<snow::Response>> OAuthClientTest::getMany(snow::OAuthClient &client, int count)
{
    std::vector<std::unique_ptr<snow::Response>> responses;
    const snow::Resource incidents = client.resource(u"/table/incident"_s);
    for (int i = 0; i < count; ++i)
        responses.emplace_back(incidents.get(snow::Query(), 2));
    for (const auto &response : responses)
        response->waitForFinished(10000);
    return responses;
}

void OAuthClientTest::passwordGrant()
{
    auto client = makeClient();
    QVERIFY(client->isValid());
    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);

    std::unique_ptr<snow::Response> response(client->generateToken(u"admin"_s, u"admin"_s));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(updated.count(), 1);

    const snow::OAuthToken token = client->token();
    QVERIFY(!token.accessToken.isEmpty());
    QVERIFY(!token.refreshToken.isEmpty());
    QCOMPARE(token.tokenType, u"Bearer"_s);
    QVERIFY(token.expiresIn > 0);
    QVERIFY(token.expiresAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(updated.first().first().value<snow::OAuthToken>(), token);

    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    QCOMPARE(log.size(), 1);
    QVERIFY(log.first().body.contains("grant_type=password"));
    bool formEncoded = false;
    for (const auto &[name, value] : log.first().headers)
        formEncoded = formEncoded || (name.compare("Content-Type", Qt::CaseInsensitive) == 0 && value.startsWith("application/x-www-form-urlencoded"));
    QVERIFY(formEncoded);

    std::unique_ptr<snow::Response> incidents(client->resource(u"/table/incident"_s).get(snow::Query(), 3));
    QVERIFY(incidents->waitForFinished(10000));
    QVERIFY2(incidents->isSuccess(), qPrintable(incidents->error().toString()));
    QCOMPARE(incidents->records().size(), 3);
}

void OAuthClientTest::wrongPasswordFails()
{
    auto client = makeClient();
    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);
    std::unique_ptr<snow::Response> response(client->generateToken(u"admin"_s, u"Wrong-Pa55&word"_s));
    QVERIFY(response->waitForFinished(10000));

    const snow::Error error = response->error();
    QCOMPARE(error.kind(), snow::Error::TokenCreateError);
    QCOMPARE(error.oauthError(), u"invalid_grant"_s);
    QVERIFY(!error.detail().isEmpty());
    QVERIFY(error.httpStatus() == 400 || error.httpStatus() == 401);
    QCOMPARE(updated.count(), 0);
    QVERIFY(client->token().isEmpty());
    QVERIFY(!error.toString().contains(u"Wrong-Pa55"));
}

void OAuthClientTest::clientCredentialsGrant()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(client->generateServiceToken());
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(!client->token().accessToken.isEmpty());

    auto badSecret = makeClient(u"not-the-secret"_s);
    std::unique_ptr<snow::Response> refused(badSecret->generateServiceToken());
    QVERIFY(refused->waitForFinished(10000));
    QCOMPARE(refused->error().kind(), snow::Error::TokenCreateError);
    QVERIFY(!refused->error().oauthError().isEmpty());
}

void OAuthClientTest::authorizationCodeWithPkce()
{
    QByteArray verifier;
    for (int i = 0; i < 64; ++i)
        verifier.append("abcdefghijklmnopqrstuvwxyz0123456789-._~"[QRandomGenerator::global()->bounded(40)]);
    const QByteArray challenge = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QUrl redirect(u"http://127.0.0.1:5111/callback"_s);

    QUrl authorize(u"http://127.0.0.1:%1/oauth_auth.do"_s.arg(m_server->port()));
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, u"snowscope"_s);
    query.addQueryItem(u"redirect_uri"_s, redirect.toString());
    query.addQueryItem(u"state"_s, u"xyz"_s);
    query.addQueryItem(u"code_challenge"_s, QString::fromLatin1(challenge));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    authorize.setQuery(query);

    QNetworkAccessManager network;
    QNetworkRequest request(authorize);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    const QUrl location(QString::fromUtf8(reply->rawHeader("Location")));
    const QUrlQuery answer(location);
    QCOMPARE(answer.queryItemValue(u"state"_s), u"xyz"_s);
    const QString code = answer.queryItemValue(u"code"_s);
    QVERIFY(!code.isEmpty());

    auto client = makeClient();
    std::unique_ptr<snow::Response> response(client->exchangeAuthorizationCode(code, redirect, QString::fromLatin1(verifier)));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(!client->token().accessToken.isEmpty());
}

void OAuthClientTest::wrongCodeVerifierFails()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(
        client->exchangeAuthorizationCode(u"no-such-code"_s, QUrl(u"http://127.0.0.1:5111/callback"_s), u"verifier"_s));
    QVERIFY(response->waitForFinished(10000));
    QCOMPARE(response->error().kind(), snow::Error::TokenCreateError);
    QCOMPARE(response->error().oauthError(), u"invalid_grant"_s);
}

void OAuthClientTest::missingTokenFailsRequests()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get());
    QVERIFY(response->waitForFinished(10000));
    QCOMPARE(response->error().kind(), snow::Error::MissingToken);
    QCOMPARE(m_server->requestLog().size(), 0);
}

void OAuthClientTest::invalidOptions_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no client id") << QString() << u"s"_s << u"client id"_s;
    QTest::newRow("no secret") << u"c"_s << QString() << u"client secret"_s;
}

void OAuthClientTest::invalidOptions()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(QString, messagePart);

    snow::ClientOptions options;
    options.instance = u"dev1"_s;
    snow::OAuthClient client(options, clientId, secret);
    QVERIFY(!client.isValid());
    QCOMPARE(client.validationError().kind(), snow::Error::InvalidUsage);
    QVERIFY(client.validationError().message().contains(messagePart));
}

void OAuthClientTest::setTokenValidation()
{
    auto client = makeClient();
    QVariantMap incomplete = {{u"access_token"_s, u"a"_s}, {u"token_type"_s, u"Bearer"_s}};
    QVERIFY(!client->setToken(incomplete));
    QCOMPARE(client->tokenError().kind(), snow::Error::InvalidUsage);
    QVERIFY(client->tokenError().message().contains(u"refresh_token"));

    snow::OAuthToken token;
    token.accessToken = u"a"_s;
    token.refreshToken = u"r"_s;
    token.scope = u"useraccount"_s;
    token.expiresIn = 1799;
    token.expiresAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 1799, QTimeZone::utc());
    QVERIFY(client->setToken(token.toMap()));
    QCOMPARE(client->token(), token);

    QVERIFY(client->setToken(QVariantMap()));
    QVERIFY(client->token().isEmpty());
}

void OAuthClientTest::refreshBeforeExpiry()
{
    m_server->setTokenLifetimes(3, 8640000);
    auto client = makeClient();
    client->setRefreshMargin(1);
    const snow::OAuthToken first = signIn(*client);
    QVERIFY(!first.isEmpty());

    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);
    QTest::qWait(2200);
    m_server->clearRequestLog();

    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(snow::Query(), 1));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(updated.count(), 1);
    QVERIFY(client->token().accessToken != first.accessToken);

    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    QCOMPARE(log.size(), 2);
    QVERIFY(log.at(0).body.contains("grant_type=refresh_token"));
    QCOMPARE(log.at(1).path, u"/api/now/table/incident"_s);
}

void OAuthClientTest::refreshOnUnauthorized()
{
    auto client = makeClient();
    snow::OAuthToken token = signIn(*client);
    token.accessToken = u"revoked-access-token"_s;
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(snow::Query(), 1));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(updated.count(), 1);
    QCOMPARE(countRequests(m_server->requestLog(), "refresh_token"), 1);
    QCOMPARE(m_server->requestLog().size(), 3);
}

void OAuthClientTest::oneRefreshForConcurrentExpired()
{
    auto client = makeClient();
    snow::OAuthToken token = signIn(*client);
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);
    const auto responses = getMany(*client, 6);
    for (const auto &response : responses)
        QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(updated.count(), 1);
    QCOMPARE(countRequests(m_server->requestLog(), "refresh_token"), 1);
}

void OAuthClientTest::oneRefreshForConcurrentUnauthorized()
{
    auto client = makeClient();
    snow::OAuthToken token = signIn(*client);
    token.accessToken = u"revoked-access-token"_s;
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy updated(client.get(), &snow::OAuthClient::tokenUpdated);
    const auto responses = getMany(*client, 6);
    for (const auto &response : responses)
        QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(updated.count(), 1);
    QCOMPARE(countRequests(m_server->requestLog(), "refresh_token"), 1);
}

void OAuthClientTest::failedRefreshFailsRequests()
{
    auto client = makeClient();
    snow::OAuthToken token = signIn(*client);
    token.refreshToken = u"unknown-refresh-token"_s;
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QVERIFY(client->setToken(token));

    const auto responses = getMany(*client, 3);
    for (const auto &response : responses) {
        QCOMPARE(response->error().kind(), snow::Error::TokenCreateError);
        QCOMPARE(response->error().oauthError(), u"invalid_grant"_s);
    }
}

void OAuthClientTest::secretsNeverLogged()
{
    auto client = makeClient();
    const snow::OAuthToken token = signIn(*client);
    QVERIFY(!token.isEmpty());

    // A refresh on 401, a failed grant and a failed request, all logged.
    snow::OAuthToken revoked = token;
    revoked.accessToken = u"revoked-access-token"_s;
    client->setToken(revoked);
    getMany(*client, 2);
    std::unique_ptr<snow::Response> refused(client->generateToken(u"admin"_s, u"Secret-Pa55&word"_s));
    refused->waitForFinished(10000);

    const QStringList secrets = {token.accessToken, token.refreshToken, client->token().accessToken,
                                 client->token().refreshToken, u"Secret-Pa55"_s, u"client_secret"_s, u"Bearer "_s};
    QMutexLocker locker(&capturedLogsMutex);
    QVERIFY(!capturedLogs.isEmpty());
    for (const QString &line : std::as_const(capturedLogs)) {
        if (!line.startsWith(u"snow.core"))
            continue;
        for (const QString &secret : secrets)
            QVERIFY2(!line.contains(secret), qPrintable(u"a log line shows a secret: "_s + line));
    }
}

QTEST_GUILESS_MAIN(OAuthClientTest)
#include "tst_oauthclient.moc"
