// The sign-in layer against the emulator over real HTTP: every sign-in method, stored
// and typed secrets, the errors a user meets, token refresh through a Connection, and
// no secret in any log line or message.
//
// Secrets are kept in memory (CredentialStore::setMemoryOnly) so that these tests run
// without a keychain; tst_connection_keychain covers the keychain itself.

#include "connection/connection.h"
#include "connection/credentialstore.h"
#include "connection/profilestore.h"
#include "connection/signin.h"

#include <snow/oauthclient.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Every log line written while the tests run, with its category.
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

// Secrets that only these tests use, so that a hit in a log is a leak and not a word.
const QString rejectedPassword = u"Wr0ng-Passw0rd-7731"_s;
const QString rejectedClientSecret = u"Wr0ng-Cl1ent-S3cret-5521"_s;

int countTokenRequests(const QList<snowemu::RequestRecord> &log, const QByteArray &grant)
{
    int count = 0;
    for (const snowemu::RequestRecord &request : log) {
        if (request.path == u"/oauth_token.do" && request.body.contains(QByteArray("grant_type=" + grant)))
            ++count;
    }
    return count;
}

const snowemu::RequestRecord *findRequest(const QList<snowemu::RequestRecord> &log, const QString &path)
{
    for (const snowemu::RequestRecord &request : log) {
        if (request.path == path)
            return &request;
    }
    return nullptr;
}

// Stands in for the system browser: fetches the authorization URL and follows the
// instance's redirect to the loopback reply handler, as a browser would.
BrowserSignIn::BrowserOpener fetchingBrowser(QNetworkAccessManager *manager)
{
    return [manager](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = manager->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    };
}

} // namespace

class ConnectionSignInTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void basicSignIn();
    void basicUsesStoredPassword();
    void basicMissingPassword();
    void basicWrongPassword();
    void basicWrongStoredPassword();
    void passwordGrantSignIn();
    void passwordGrantReusesStoredToken();
    void passwordGrantExpiredSignIn();
    void browserSignInWithPkce();
    void browserSignInNotInteractive();
    void browserSignInCancelled();
    void clientCredentialsSignIn();
    void clientCredentialsRenewal();
    void wrongClientSecret_data();
    void wrongClientSecret();
    void missingClientSecret();
    void unreachableHost();
    void invalidProfileFails();
    void demoSignIn();
    void refreshOnExpiry();
    void refreshOnUnauthorized();
    void oneRefreshForConcurrentRequests();
    void storedExpiredTokenRefreshed();
    void settingsFileHoldsNoSecret();
    void secretsNeverLogged();

private:
    ConnectionProfile profile(AuthMethod method, const QString &id) const;
    SignInContext context();
    bool finishes(SignIn &signIn);
    QString readSecret(const QString &profileId, SecretKind kind);
    void writeSecret(const QString &profileId, SecretKind kind, const QString &secret);
    std::unique_ptr<Connection> signInWithPasswordGrant(const QString &id);
    std::vector<std::unique_ptr<snow::Response>> getIncidents(snow::Client *client, int count);
    QStringList secretsSeen() const;

    std::unique_ptr<snowemu::Server> m_server;
    QTemporaryDir m_folder;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    QNetworkAccessManager m_browser;
    // Tokens issued during the tests; none may appear in a log.
    QStringList m_issuedTokens;
};

void ConnectionSignInTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 30;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    QVERIFY(m_folder.isValid());

    // Log everything, debug included, so that the secret check covers every line.
    QLoggingCategory::setFilterRules(u"snow.*=true\nqt.networkauth*=true"_s);
    previousHandler = qInstallMessageHandler(captureMessage);
}

void ConnectionSignInTest::init()
{
    m_server->setTokenLifetimes(1800, 8640000);
    m_server->clearRequestLog();
    m_profiles = std::make_unique<ProfileStore>(m_folder.filePath(u"settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
    m_credentials = std::make_unique<CredentialStore>(u"Snowscope Tests"_s);
    m_credentials->setMemoryOnly(true);
}

void ConnectionSignInTest::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

ConnectionProfile ConnectionSignInTest::profile(AuthMethod method, const QString &id) const
{
    ConnectionProfile profile;
    profile.id = id;
    profile.name = u"Emulator"_s;
    profile.instance = m_server->baseUrl().toString();
    profile.authMethod = method;
    if (needsUserName(method))
        profile.userName = u"admin"_s;
    if (usesOAuth(method))
        profile.clientId = u"snowscope"_s;
    return profile;
}

SignInContext ConnectionSignInTest::context()
{
    SignInContext context;
    context.credentials = m_credentials.get();
    context.profiles = m_profiles.get();
    context.openBrowser = fetchingBrowser(&m_browser);
    context.userAgentProduct = "SnowscopeTests/1";
    context.startDemo = [this](QString *) { return m_server->baseUrl(); };
    return context;
}

bool ConnectionSignInTest::finishes(SignIn &signIn)
{
    QSignalSpy finished(&signIn, &SignIn::finished);
    signIn.start();
    return finished.wait(20000) && finished.count() == 1;
}

QString ConnectionSignInTest::readSecret(const QString &profileId, SecretKind kind)
{
    QString secret = u"<no answer>"_s;
    bool answered = false;
    m_credentials->read(profileId, kind, nullptr, [&](const CredentialResult &result) {
        secret = result.status == CredentialResult::NotFound ? QString() : result.secret;
        answered = true;
    });
    if (!QTest::qWaitFor([&answered] { return answered; }, 10000))
        qWarning() << "The credential store did not answer a read";
    return secret;
}

void ConnectionSignInTest::writeSecret(const QString &profileId, SecretKind kind, const QString &secret)
{
    bool answered = false;
    m_credentials->write(profileId, kind, secret, nullptr, [&](const CredentialResult &) { answered = true; });
    QVERIFY(QTest::qWaitFor([&answered] { return answered; }, 10000));
}

std::unique_ptr<Connection> ConnectionSignInTest::signInWithPasswordGrant(const QString &id)
{
    SignIn signIn(profile(AuthMethod::OAuthPassword, id), context());
    signIn.setPassword(u"admin"_s);
    signIn.setClientSecret(u"snowscope"_s);
    if (!finishes(signIn) || signIn.outcome() != SignIn::Outcome::SignedIn) {
        qWarning() << "Password grant sign-in ended with" << int(signIn.outcome()) << signIn.message();
        return nullptr;
    }
    std::unique_ptr<Connection> connection = signIn.takeConnection();
    m_issuedTokens << connection->oauthClient()->token().accessToken << connection->oauthClient()->token().refreshToken;
    return connection;
}

std::vector<std::unique_ptr<snow::Response>> ConnectionSignInTest::getIncidents(snow::Client *client, int count)
{
    std::vector<std::unique_ptr<snow::Response>> responses;
    for (int i = 0; i < count; ++i)
        responses.emplace_back(client->resource(u"/table/incident"_s).get(snow::Query(), 1));
    for (const auto &response : responses)
        response->waitForFinished(10000);
    return responses;
}

void ConnectionSignInTest::basicSignIn()
{
    SignIn signIn(profile(AuthMethod::Basic, u"basic"_s), context());
    signIn.setPassword(u"admin"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);

    std::unique_ptr<Connection> connection = signIn.takeConnection();
    QVERIFY(connection);
    QCOMPARE(connection->identity().userName, u"admin"_s);
    QCOMPARE(connection->identity().text(), u"System Administrator (admin)"_s);
    QVERIFY(!connection->oauthClient());
    QCOMPARE(readSecret(u"basic"_s, SecretKind::Password), u"admin"_s);
}

void ConnectionSignInTest::basicUsesStoredPassword()
{
    writeSecret(u"basic"_s, SecretKind::Password, u"admin"_s);

    SignIn signIn(profile(AuthMethod::Basic, u"basic"_s), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    QCOMPARE(signIn.takeConnection()->identity().userName, u"admin"_s);
}

void ConnectionSignInTest::basicMissingPassword()
{
    SignIn signIn(profile(AuthMethod::Basic, u"basic"_s), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::Password);
    QVERIFY(signIn.message().contains(u"Enter the password of admin"));
    QVERIFY(!signIn.takeConnection());
    // Nothing was sent without a password.
    QVERIFY(m_server->requestLog().isEmpty());
}

void ConnectionSignInTest::basicWrongPassword()
{
    SignIn signIn(profile(AuthMethod::Basic, u"basic"_s), context());
    signIn.setPassword(rejectedPassword);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::Password);
    QCOMPARE(signIn.error().httpStatus(), 401);
    QVERIFY(signIn.message().contains(u"rejected"));
    QVERIFY(!signIn.message().contains(rejectedPassword));
    QVERIFY(!signIn.details().contains(rejectedPassword));
    // A rejected password is not stored.
    QCOMPARE(readSecret(u"basic"_s, SecretKind::Password), QString());
}

void ConnectionSignInTest::basicWrongStoredPassword()
{
    writeSecret(u"basic"_s, SecretKind::Password, rejectedPassword);

    SignIn signIn(profile(AuthMethod::Basic, u"basic"_s), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::Password);
    QVERIFY(signIn.message().contains(u"saved password"));
}

void ConnectionSignInTest::passwordGrantSignIn()
{
    std::unique_ptr<Connection> connection = signInWithPasswordGrant(u"oauth"_s);
    QVERIFY(connection);
    QCOMPARE(connection->identity().userName, u"admin"_s);

    const snow::OAuthToken token = connection->oauthClient()->token();
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::AccessToken), token.accessToken);
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::RefreshToken), token.refreshToken);
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::ClientSecret), u"snowscope"_s);
    // The password grant sends the password once and keeps only the tokens.
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::Password), QString());
    QCOMPARE(countTokenRequests(m_server->requestLog(), "password"), 1);
}

void ConnectionSignInTest::passwordGrantReusesStoredToken()
{
    m_profiles->save(profile(AuthMethod::OAuthPassword, QString()), nullptr);
    const QString id = m_profiles->profileByName(u"Emulator"_s).id;
    QVERIFY(!id.isEmpty());
    QVERIFY(signInWithPasswordGrant(id));
    QVERIFY(m_profiles->tokenExpiry(id).isValid());
    m_server->clearRequestLog();

    SignIn signIn(m_profiles->profile(id), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "password"), 0);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "refresh_token"), 0);
}

void ConnectionSignInTest::passwordGrantExpiredSignIn()
{
    writeSecret(u"oauth"_s, SecretKind::ClientSecret, u"snowscope"_s);
    writeSecret(u"oauth"_s, SecretKind::AccessToken, u"revoked-access-token"_s);
    writeSecret(u"oauth"_s, SecretKind::RefreshToken, u"revoked-refresh-token"_s);

    SignIn signIn(profile(AuthMethod::OAuthPassword, u"oauth"_s), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::Password);
    QVERIFY(signIn.message().contains(u"expired"));
}

void ConnectionSignInTest::browserSignInWithPkce()
{
    SignIn signIn(profile(AuthMethod::OAuthBrowser, u"browser"_s), context());
    signIn.setClientSecret(u"snowscope"_s);
    QSignalSpy browserOpened(&signIn, &SignIn::browserOpened);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    QCOMPARE(browserOpened.count(), 1);

    std::unique_ptr<Connection> connection = signIn.takeConnection();
    QCOMPARE(connection->identity().userName, u"admin"_s);
    m_issuedTokens << connection->oauthClient()->token().accessToken << connection->oauthClient()->token().refreshToken;

    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    const snowemu::RequestRecord *authorization = findRequest(log, u"/oauth_auth.do"_s);
    QVERIFY(authorization);
    const QUrlQuery query(authorization->query);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge"_s).size(), 43);
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
    QVERIFY(!query.queryItemValue(u"state"_s).isEmpty());
    const QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QCOMPARE(redirect.scheme(), u"http"_s);

    const snowemu::RequestRecord *exchange = findRequest(log, u"/oauth_token.do"_s);
    QVERIFY(exchange);
    QVERIFY(exchange->body.contains("grant_type=authorization_code"));
    QVERIFY(exchange->body.contains("code_verifier="));
    QCOMPARE(readSecret(u"browser"_s, SecretKind::AccessToken), connection->oauthClient()->token().accessToken);
}

void ConnectionSignInTest::browserSignInNotInteractive()
{
    SignIn signIn(profile(AuthMethod::OAuthBrowser, u"browser"_s), context());
    signIn.setClientSecret(u"snowscope"_s);
    signIn.setInteractive(false);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::BrowserSignIn);
    QVERIFY(!findRequest(m_server->requestLog(), u"/oauth_auth.do"_s));
}

void ConnectionSignInTest::browserSignInCancelled()
{
    SignInContext withoutBrowser = context();
    QUrl openedUrl;
    withoutBrowser.openBrowser = [&openedUrl](const QUrl &url) { openedUrl = url; };

    SignIn signIn(profile(AuthMethod::OAuthBrowser, u"browser"_s), withoutBrowser);
    signIn.setClientSecret(u"snowscope"_s);
    QSignalSpy finished(&signIn, &SignIn::finished);
    QSignalSpy browserOpened(&signIn, &SignIn::browserOpened);
    signIn.start();
    QVERIFY(browserOpened.wait(10000));
    QVERIFY(openedUrl.isValid());
    QCOMPARE(openedUrl.path(), u"/oauth_auth.do"_s);

    signIn.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::Cancelled);
    QCOMPARE(finished.count(), 1);
}

void ConnectionSignInTest::clientCredentialsSignIn()
{
    SignIn signIn(profile(AuthMethod::OAuthClientCredentials, u"service"_s), context());
    signIn.setClientSecret(u"snowscope"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);

    std::unique_ptr<Connection> connection = signIn.takeConnection();
    QCOMPARE(connection->identity().userName, u"admin"_s);
    const snow::OAuthToken token = connection->oauthClient()->token();
    QVERIFY(token.refreshToken.isEmpty());
    m_issuedTokens << token.accessToken;
    QCOMPARE(readSecret(u"service"_s, SecretKind::AccessToken), token.accessToken);
    QCOMPARE(readSecret(u"service"_s, SecretKind::RefreshToken), QString());
    QCOMPARE(countTokenRequests(m_server->requestLog(), "client_credentials"), 1);
}

void ConnectionSignInTest::clientCredentialsRenewal()
{
    // A two-second token is renewed after one second, without a refresh token.
    m_server->setTokenLifetimes(2, 8640000);
    SignIn signIn(profile(AuthMethod::OAuthClientCredentials, u"service"_s), context());
    signIn.setClientSecret(u"snowscope"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    std::unique_ptr<Connection> connection = signIn.takeConnection();
    const QString first = connection->oauthClient()->token().accessToken;

    QSignalSpy stored(connection.get(), &Connection::tokensStored);
    QVERIFY(stored.wait(10000));
    const QString renewed = connection->oauthClient()->token().accessToken;
    QVERIFY(renewed != first);
    QCOMPARE(stored.first().at(0).toBool(), true);
    QCOMPARE(readSecret(u"service"_s, SecretKind::AccessToken), renewed);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "client_credentials"), 2);
    m_issuedTokens << first << renewed;
}

void ConnectionSignInTest::wrongClientSecret_data()
{
    QTest::addColumn<AuthMethod>("method");
    QTest::newRow("password grant") << AuthMethod::OAuthPassword;
    QTest::newRow("browser") << AuthMethod::OAuthBrowser;
    QTest::newRow("client credentials") << AuthMethod::OAuthClientCredentials;
}

void ConnectionSignInTest::wrongClientSecret()
{
    QFETCH(AuthMethod, method);
    SignIn signIn(profile(method, u"oauth"_s), context());
    signIn.setClientSecret(rejectedClientSecret);
    signIn.setPassword(u"admin"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::ClientSecret);
    QCOMPARE(signIn.error().oauthError(), u"invalid_client"_s);
    QVERIFY(signIn.message().contains(u"rejected the client ID \"snowscope\""));
    QVERIFY(!signIn.message().contains(rejectedClientSecret));
    QVERIFY(!signIn.details().contains(rejectedClientSecret));
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::ClientSecret), QString());
}

void ConnectionSignInTest::missingClientSecret()
{
    SignIn signIn(profile(AuthMethod::OAuthClientCredentials, u"service"_s), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::ClientSecret);
    QVERIFY(signIn.message().contains(u"client secret"));
}

void ConnectionSignInTest::unreachableHost()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    ConnectionProfile unreachable = profile(AuthMethod::Basic, u"basic"_s);
    unreachable.instance = u"http://127.0.0.1:%1"_s.arg(port);
    SignIn signIn(unreachable, context());
    signIn.setPassword(u"admin"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::Failed);
    QCOMPARE(signIn.error().kind(), snow::Error::NetworkError);
    QVERIFY(signIn.message().contains(u"could not be reached"));
    QVERIFY(signIn.details().contains(u"127.0.0.1:%1"_s.arg(port)));
    QCOMPARE(readSecret(u"basic"_s, SecretKind::Password), QString());
}

void ConnectionSignInTest::invalidProfileFails()
{
    ConnectionProfile invalid = profile(AuthMethod::Basic, u"basic"_s);
    invalid.instance = u"http://servicenow.example.com"_s;
    SignIn signIn(invalid, context());
    signIn.setPassword(u"admin"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::Failed);
    QVERIFY(signIn.message().contains(u"Plain http:// is allowed only for this computer"));
    QVERIFY(m_server->requestLog().isEmpty());
}

void ConnectionSignInTest::demoSignIn()
{
    SignIn signIn(ConnectionProfile::demo(), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    std::unique_ptr<Connection> connection = signIn.takeConnection();
    QCOMPARE(connection->label(), u"Demo instance"_s);
    QCOMPARE(connection->client()->baseUrl(), m_server->baseUrl());
    QCOMPARE(connection->identity().userName, u"admin"_s);
}

void ConnectionSignInTest::refreshOnExpiry()
{
    std::unique_ptr<Connection> connection = signInWithPasswordGrant(u"oauth"_s);
    QVERIFY(connection);
    snow::OAuthClient *client = connection->oauthClient();
    snow::OAuthToken token = client->token();
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy stored(connection.get(), &Connection::tokensStored);
    const auto responses = getIncidents(client, 1);
    QVERIFY2(responses.front()->isSuccess(), qPrintable(responses.front()->error().toString()));
    QVERIFY(stored.count() == 1 || stored.wait(10000));

    const QString refreshed = client->token().accessToken;
    QVERIFY(refreshed != token.accessToken);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "refresh_token"), 1);
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::AccessToken), refreshed);
    m_issuedTokens << refreshed;
}

void ConnectionSignInTest::refreshOnUnauthorized()
{
    std::unique_ptr<Connection> connection = signInWithPasswordGrant(u"oauth"_s);
    QVERIFY(connection);
    snow::OAuthClient *client = connection->oauthClient();
    snow::OAuthToken token = client->token();
    token.accessToken = u"revoked-access-token"_s;
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy stored(connection.get(), &Connection::tokensStored);
    const auto responses = getIncidents(client, 1);
    QVERIFY2(responses.front()->isSuccess(), qPrintable(responses.front()->error().toString()));
    QVERIFY(stored.count() == 1 || stored.wait(10000));

    QCOMPARE(countTokenRequests(m_server->requestLog(), "refresh_token"), 1);
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::AccessToken), client->token().accessToken);
    m_issuedTokens << client->token().accessToken;
}

void ConnectionSignInTest::oneRefreshForConcurrentRequests()
{
    std::unique_ptr<Connection> connection = signInWithPasswordGrant(u"oauth"_s);
    QVERIFY(connection);
    snow::OAuthClient *client = connection->oauthClient();
    snow::OAuthToken token = client->token();
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QVERIFY(client->setToken(token));
    m_server->clearRequestLog();

    QSignalSpy stored(connection.get(), &Connection::tokensStored);
    const auto responses = getIncidents(client, 6);
    for (const auto &response : responses)
        QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(stored.count() == 1 || stored.wait(10000));
    QTest::qWait(200);

    QCOMPARE(countTokenRequests(m_server->requestLog(), "refresh_token"), 1);
    QCOMPARE(stored.count(), 1);
    QCOMPARE(readSecret(u"oauth"_s, SecretKind::AccessToken), client->token().accessToken);
}

void ConnectionSignInTest::storedExpiredTokenRefreshed()
{
    m_profiles->save(profile(AuthMethod::OAuthPassword, QString()), nullptr);
    const QString id = m_profiles->profileByName(u"Emulator"_s).id;
    QVERIFY(signInWithPasswordGrant(id));
    const QString before = readSecret(id, SecretKind::AccessToken);
    m_profiles->setTokenExpiry(id, QDateTime::currentDateTimeUtc().addSecs(-10));
    m_server->clearRequestLog();

    SignIn signIn(m_profiles->profile(id), context());
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "refresh_token"), 1);
    QCOMPARE(countTokenRequests(m_server->requestLog(), "password"), 0);

    const QString after = readSecret(id, SecretKind::AccessToken);
    QVERIFY(after != before);
    QVERIFY(m_profiles->tokenExpiry(id) > QDateTime::currentDateTimeUtc());
}

void ConnectionSignInTest::settingsFileHoldsNoSecret()
{
    QString error;
    const QString id = m_profiles->save(profile(AuthMethod::OAuthPassword, QString()), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    SignIn signIn(m_profiles->profile(id), context());
    signIn.setPassword(u"admin"_s);
    signIn.setClientSecret(u"snowscope"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    const snow::OAuthToken token = signIn.takeConnection()->oauthClient()->token();

    QFile file(m_profiles->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(u"oauth-password"));
    QVERIFY(!text.contains(token.accessToken));
    QVERIFY(!text.contains(token.refreshToken));
    QVERIFY(!text.contains(u"secret"_s, Qt::CaseInsensitive));

    // The emulator's client id and secret are both "snowscope": it may appear as the
    // client id only.
    QSettings settings(m_profiles->fileName(), QSettings::IniFormat);
    settings.beginGroup(u"connections/profiles/"_s + id);
    QStringList keys = settings.childKeys();
    keys.sort();
    const QStringList expected = {u"authMethod"_s, u"clientId"_s, u"instance"_s, u"name"_s, u"tokenExpiresAt"_s, u"user"_s};
    QCOMPARE(keys, expected);
    QCOMPARE(text.count(u"snowscope"_s), 1);
}

QStringList ConnectionSignInTest::secretsSeen() const
{
    QStringList leaks;
    QMutexLocker locker(&capturedLogsMutex);
    QStringList secrets = m_issuedTokens;
    secrets << rejectedPassword << rejectedClientSecret;
    for (const QString &line : std::as_const(capturedLogs)) {
        for (const QString &secret : std::as_const(secrets)) {
            if (!secret.isEmpty() && line.contains(secret))
                leaks << line;
        }
        if (line.contains(u"Authorization:", Qt::CaseInsensitive) || line.contains(u"Bearer ")
            || line.contains(u"Basic YWRt"))
            leaks << line;
    }
    return leaks;
}

void ConnectionSignInTest::secretsNeverLogged()
{
    // Sign-ins, failures and refreshes ran above with their logs captured; one more
    // failure of each kind with the distinctive secrets makes sure they were used.
    SignIn wrongBasic(profile(AuthMethod::Basic, u"basic"_s), context());
    wrongBasic.setPassword(rejectedPassword);
    QVERIFY(finishes(wrongBasic));
    SignIn wrongClient(profile(AuthMethod::OAuthPassword, u"oauth"_s), context());
    wrongClient.setPassword(rejectedPassword);
    wrongClient.setClientSecret(rejectedClientSecret);
    QVERIFY(finishes(wrongClient));

    QVERIFY(!m_issuedTokens.isEmpty());
    {
        QMutexLocker locker(&capturedLogsMutex);
        QVERIFY(!capturedLogs.isEmpty());
    }
    const QStringList leaks = secretsSeen();
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
}

QTEST_MAIN(ConnectionSignInTest)
#include "tst_connection_signin.moc"
