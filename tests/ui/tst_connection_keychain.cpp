// CredentialStore against the real system keychain: write, read and remove round
// trips, several profiles, a 2,000-character token, request order per key, and a
// sign-in whose secrets and refreshed tokens land in the keychain.
//
// The keychain is the Secret Service of the D-Bus session. scripts/test.sh runs the
// tests inside dbus-run-session with an unlocked gnome-keyring and a throw-away HOME.
// Without any D-Bus session the tests skip; with one, a keychain failure fails them.
// Entries go under the service "Snowscope Tests", never under the user's "Snowscope".

#include "connection/connection.h"
#include "connection/credentialstore.h"
#include "connection/profilestore.h"
#include "connection/signin.h"

#include <snow/oauthclient.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

class ConnectionKeychainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void keyNames_data();
    void keyNames();
    void roundTrip_data();
    void roundTrip();
    void readMissingEntry();
    void removeMissingEntry();
    void severalProfiles();
    void requestsKeepOrder();
    void removeAllSecrets();
    void callbackSkippedAfterContextGone();
    void signInStoresSecrets();
    void refreshedTokenStored();

private:
    CredentialResult read(const QString &profileId, SecretKind kind);
    CredentialResult write(const QString &profileId, SecretKind kind, const QString &secret);
    CredentialResult remove(const QString &profileId, SecretKind kind);
    bool finishes(SignIn &signIn);

    std::unique_ptr<CredentialStore> m_store;
    QStringList m_usedProfiles;
};

namespace {

bool waitForAnswer(const bool &answered)
{
    return QTest::qWaitFor([&answered] { return answered; }, 15000);
}

} // namespace

void ConnectionKeychainTest::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session, so no keychain: run the tests as scripts/test.sh does");

    m_store = std::make_unique<CredentialStore>(u"Snowscope Tests"_s);
    const CredentialResult probe = write(u"probe"_s, SecretKind::Password, u"probe"_s);
    QVERIFY2(probe.isOk(), qPrintable(u"The keychain does not work: "_s + probe.errorText));
    QVERIFY(remove(u"probe"_s, SecretKind::Password).isOk());
}

void ConnectionKeychainTest::cleanup()
{
    // Leave no test entry behind in the keychain.
    for (const QString &id : std::as_const(m_usedProfiles)) {
        bool answered = false;
        m_store->removeAll(id, nullptr, [&answered](const CredentialResult &) { answered = true; });
        waitForAnswer(answered);
    }
    m_usedProfiles.clear();
}

CredentialResult ConnectionKeychainTest::read(const QString &profileId, SecretKind kind)
{
    CredentialResult answer;
    answer.status = CredentialResult::Failed;
    answer.errorText = u"no answer within 15 seconds"_s;
    bool answered = false;
    m_store->read(profileId, kind, nullptr, [&](const CredentialResult &result) {
        answer = result;
        answered = true;
    });
    waitForAnswer(answered);
    return answer;
}

CredentialResult ConnectionKeychainTest::write(const QString &profileId, SecretKind kind, const QString &secret)
{
    m_usedProfiles << profileId;
    CredentialResult answer;
    answer.status = CredentialResult::Failed;
    answer.errorText = u"no answer within 15 seconds"_s;
    bool answered = false;
    m_store->write(profileId, kind, secret, nullptr, [&](const CredentialResult &result) {
        answer = result;
        answered = true;
    });
    waitForAnswer(answered);
    return answer;
}

CredentialResult ConnectionKeychainTest::remove(const QString &profileId, SecretKind kind)
{
    CredentialResult answer;
    answer.status = CredentialResult::Failed;
    bool answered = false;
    m_store->remove(profileId, kind, nullptr, [&](const CredentialResult &result) {
        answer = result;
        answered = true;
    });
    waitForAnswer(answered);
    return answer;
}

void ConnectionKeychainTest::keyNames_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::newRow("password") << SecretKind::Password << u"profile/p1/password"_s;
    QTest::newRow("access token") << SecretKind::AccessToken << u"profile/p1/access-token"_s;
    QTest::newRow("refresh token") << SecretKind::RefreshToken << u"profile/p1/refresh-token"_s;
    QTest::newRow("client secret") << SecretKind::ClientSecret << u"profile/p1/client-secret"_s;
}

void ConnectionKeychainTest::keyNames()
{
    QFETCH(SecretKind, kind);
    QFETCH(QString, key);
    QCOMPARE(CredentialStore::keyOf(u"p1"_s, kind), key);
    QCOMPARE(CredentialStore::defaultServiceName(), u"Snowscope"_s);
    QCOMPARE(CredentialStore().serviceName(), u"Snowscope"_s);
}

void ConnectionKeychainTest::roundTrip_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("secret");
    QTest::newRow("password") << SecretKind::Password << u"correct horse battery staple"_s;
    QTest::newRow("unicode password") << SecretKind::Password << u"Pässwörd-日本語-🔑"_s;
    QTest::newRow("client secret") << SecretKind::ClientSecret << u"c1ient-s3cret"_s;
    QTest::newRow("refresh token") << SecretKind::RefreshToken << u"r3fresh-%1"_s.arg(QString(200, u'x'));

    // A 2,000-character token: a JWT-sized access token still fits one entry.
    QString token;
    for (int i = 0; token.size() < 2000; ++i)
        token += QString::number(i % 10);
    QTest::newRow("2000-character token") << SecretKind::AccessToken << token;
}

void ConnectionKeychainTest::roundTrip()
{
    QFETCH(SecretKind, kind);
    QFETCH(QString, secret);

    const CredentialResult written = write(u"round-trip"_s, kind, secret);
    QVERIFY2(written.isOk(), qPrintable(written.errorText));

    const CredentialResult readBack = read(u"round-trip"_s, kind);
    QCOMPARE(readBack.status, CredentialResult::Ok);
    QCOMPARE(readBack.secret.size(), secret.size());
    QCOMPARE(readBack.secret, secret);

    QVERIFY(remove(u"round-trip"_s, kind).isOk());
    QCOMPARE(read(u"round-trip"_s, kind).status, CredentialResult::NotFound);
}

void ConnectionKeychainTest::readMissingEntry()
{
    const CredentialResult result = read(u"never-written"_s, SecretKind::Password);
    QCOMPARE(result.status, CredentialResult::NotFound);
    QVERIFY(result.secret.isEmpty());
}

void ConnectionKeychainTest::removeMissingEntry()
{
    QCOMPARE(remove(u"never-written"_s, SecretKind::RefreshToken).status, CredentialResult::Ok);
}

void ConnectionKeychainTest::severalProfiles()
{
    const QStringList ids = {u"dev"_s, u"test"_s, u"prod"_s};
    for (const QString &id : ids) {
        QVERIFY(write(id, SecretKind::Password, u"password of "_s + id).isOk());
        QVERIFY(write(id, SecretKind::AccessToken, u"token of "_s + id).isOk());
    }
    for (const QString &id : ids) {
        QCOMPARE(read(id, SecretKind::Password).secret, u"password of "_s + id);
        QCOMPARE(read(id, SecretKind::AccessToken).secret, u"token of "_s + id);
    }

    // Removing one profile's secret leaves the others alone.
    QVERIFY(remove(u"test"_s, SecretKind::Password).isOk());
    QCOMPARE(read(u"test"_s, SecretKind::Password).status, CredentialResult::NotFound);
    QCOMPARE(read(u"dev"_s, SecretKind::Password).secret, u"password of dev"_s);
    QCOMPARE(read(u"prod"_s, SecretKind::Password).secret, u"password of prod"_s);
    QCOMPARE(read(u"test"_s, SecretKind::AccessToken).secret, u"token of test"_s);
}

void ConnectionKeychainTest::requestsKeepOrder()
{
    m_usedProfiles << u"order"_s;
    QStringList events;
    QString lastRead = u"<none>"_s;
    int pending = 5;
    auto note = [&](const QString &event) {
        return [&, event](const CredentialResult &result) {
            events << event;
            if (event.startsWith(u"read"))
                lastRead = result.status == CredentialResult::NotFound ? u"<missing>"_s : result.secret;
            --pending;
        };
    };

    // Queued at once, without waiting: each runs after the one before on the same key.
    m_store->write(u"order"_s, SecretKind::AccessToken, u"first"_s, nullptr, note(u"write first"_s));
    m_store->write(u"order"_s, SecretKind::AccessToken, u"second"_s, nullptr, note(u"write second"_s));
    m_store->read(u"order"_s, SecretKind::AccessToken, nullptr, note(u"read after writes"_s));
    QCOMPARE(m_store->pendingCount(), 3);
    QVERIFY(QTest::qWaitFor([&pending] { return pending == 2; }, 15000));
    QCOMPARE(lastRead, u"second"_s);

    m_store->remove(u"order"_s, SecretKind::AccessToken, nullptr, note(u"remove"_s));
    m_store->read(u"order"_s, SecretKind::AccessToken, nullptr, note(u"read after remove"_s));
    QVERIFY(QTest::qWaitFor([&pending] { return pending == 0; }, 15000));
    QCOMPARE(lastRead, u"<missing>"_s);

    const QStringList expected = {u"write first"_s, u"write second"_s, u"read after writes"_s, u"remove"_s,
                                  u"read after remove"_s};
    QCOMPARE(events, expected);
    QCOMPARE(m_store->pendingCount(), 0);
}

void ConnectionKeychainTest::removeAllSecrets()
{
    for (SecretKind kind : {SecretKind::Password, SecretKind::AccessToken, SecretKind::RefreshToken, SecretKind::ClientSecret})
        QVERIFY(write(u"gone"_s, kind, u"secret"_s).isOk());
    QVERIFY(write(u"kept"_s, SecretKind::Password, u"kept secret"_s).isOk());

    bool answered = false;
    CredentialResult outcome;
    m_store->removeAll(u"gone"_s, nullptr, [&](const CredentialResult &result) {
        outcome = result;
        answered = true;
    });
    QVERIFY(waitForAnswer(answered));
    QVERIFY2(outcome.isOk(), qPrintable(outcome.errorText));

    for (SecretKind kind : {SecretKind::Password, SecretKind::AccessToken, SecretKind::RefreshToken, SecretKind::ClientSecret})
        QCOMPARE(read(u"gone"_s, kind).status, CredentialResult::NotFound);
    QCOMPARE(read(u"kept"_s, SecretKind::Password).secret, u"kept secret"_s);
}

void ConnectionKeychainTest::callbackSkippedAfterContextGone()
{
    m_usedProfiles << u"context"_s;
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_store->write(u"context"_s, SecretKind::Password, u"secret"_s, context.get(),
                   [&called](const CredentialResult &) { called = true; });
    context.reset();

    // The write itself still happens; only the callback is dropped.
    QCOMPARE(read(u"context"_s, SecretKind::Password).secret, u"secret"_s);
    QVERIFY(!called);
}

bool ConnectionKeychainTest::finishes(SignIn &signIn)
{
    QSignalSpy finished(&signIn, &SignIn::finished);
    signIn.start();
    return finished.wait(20000);
}

void ConnectionKeychainTest::signInStoresSecrets()
{
    snowemu::Server server(snowemu::Options{});
    QVERIFY(server.start());
    QTemporaryDir folder;
    ProfileStore profiles(folder.filePath(u"settings.ini"_s));

    ConnectionProfile basic;
    basic.name = u"Basic"_s;
    basic.instance = server.baseUrl().toString();
    basic.userName = u"admin"_s;
    QString error;
    basic.id = profiles.save(basic, &error);
    QVERIFY2(!basic.id.isEmpty(), qPrintable(error));
    m_usedProfiles << basic.id;

    SignInContext context;
    context.credentials = m_store.get();
    context.profiles = &profiles;

    SignIn first(basic, context);
    first.setPassword(u"admin"_s);
    QVERIFY(finishes(first));
    QCOMPARE(first.outcome(), SignIn::Outcome::SignedIn);
    QCOMPARE(read(basic.id, SecretKind::Password).secret, u"admin"_s);

    // The next sign-in needs nothing typed: the password comes from the keychain.
    SignIn second(basic, context);
    QVERIFY(finishes(second));
    QCOMPARE(second.outcome(), SignIn::Outcome::SignedIn);
}

void ConnectionKeychainTest::refreshedTokenStored()
{
    snowemu::Server server(snowemu::Options{});
    QVERIFY(server.start());
    QTemporaryDir folder;
    ProfileStore profiles(folder.filePath(u"settings.ini"_s));

    ConnectionProfile oauth;
    oauth.name = u"OAuth"_s;
    oauth.instance = server.baseUrl().toString();
    oauth.authMethod = AuthMethod::OAuthPassword;
    oauth.userName = u"admin"_s;
    oauth.clientId = u"snowscope"_s;
    QString error;
    oauth.id = profiles.save(oauth, &error);
    QVERIFY2(!oauth.id.isEmpty(), qPrintable(error));
    m_usedProfiles << oauth.id;

    SignInContext context;
    context.credentials = m_store.get();
    context.profiles = &profiles;
    SignIn signIn(oauth, context);
    signIn.setPassword(u"admin"_s);
    signIn.setClientSecret(u"snowscope"_s);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::SignedIn);
    std::unique_ptr<Connection> connection = signIn.takeConnection();
    snow::OAuthClient *client = connection->oauthClient();
    QCOMPARE(read(oauth.id, SecretKind::AccessToken).secret, client->token().accessToken);
    QCOMPARE(read(oauth.id, SecretKind::RefreshToken).secret, client->token().refreshToken);
    QCOMPARE(read(oauth.id, SecretKind::ClientSecret).secret, u"snowscope"_s);

    // An expired token is refreshed on the next request and the new one is stored.
    snow::OAuthToken token = client->token();
    token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    QVERIFY(client->setToken(token));
    QSignalSpy stored(connection.get(), &Connection::tokensStored);
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(snow::Query(), 1));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(stored.count() == 1 || stored.wait(10000));
    QCOMPARE(stored.first().at(0).toBool(), true);

    QVERIFY(client->token().accessToken != token.accessToken);
    QCOMPARE(read(oauth.id, SecretKind::AccessToken).secret, client->token().accessToken);
    QCOMPARE(read(oauth.id, SecretKind::RefreshToken).secret, client->token().refreshToken);
}

QTEST_MAIN(ConnectionKeychainTest)
#include "tst_connection_keychain.moc"
