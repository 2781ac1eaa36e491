// Connection profiles: the instance address rules, profile validation, the profile
// store in its settings file, and the profile list model.

#include "connection/connectionprofile.h"
#include "connection/profilelistmodel.h"
#include "connection/profilestore.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class ConnectionProfilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void instanceAddress_data();
    void instanceAddress();
    void instanceAddressRejected_data();
    void instanceAddressRejected();
    void profileValidation_data();
    void profileValidation();
    void clientOptionsOfProfile();
    void authMethodKeys();

    void storeListsDemoFirst();
    void storeSaveAndLoad();
    void storeRename();
    void storeRejectsDuplicateName();
    void storeRejectsDemo();
    void storeRemove();
    void storeLastUsed();
    void storeTokenExpiry();
    void storeFileHoldsFieldsOnly();

    void listModel();
    void listModelFollowsStore();

private:
    QString settingsPath() const;
    ConnectionProfile sampleProfile(const QString &name) const;

    QTemporaryDir m_folder;
};

void ConnectionProfilesTest::initTestCase()
{
    QVERIFY(m_folder.isValid());
}

QString ConnectionProfilesTest::settingsPath() const
{
    return m_folder.filePath(u"%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
}

ConnectionProfile ConnectionProfilesTest::sampleProfile(const QString &name) const
{
    ConnectionProfile profile;
    profile.name = name;
    profile.instance = u"dev12345"_s;
    profile.authMethod = AuthMethod::OAuthPassword;
    profile.userName = u"admin"_s;
    profile.clientId = u"0123456789abcdef"_s;
    return profile;
}

void ConnectionProfilesTest::instanceAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("instanceName");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("useSsl");
    QTest::addColumn<QString>("baseUrl");

    QTest::newRow("instance name") << u"dev12345"_s << u"dev12345"_s << QString() << true
                                   << u"https://dev12345.service-now.com"_s;
    QTest::newRow("instance name, upper case") << u"DEV12345"_s << u"dev12345"_s << QString() << true
                                               << u"https://dev12345.service-now.com"_s;
    QTest::newRow("instance name with hyphen") << u" acme-test "_s << u"acme-test"_s << QString() << true
                                               << u"https://acme-test.service-now.com"_s;
    QTest::newRow("https URL") << u"https://dev12345.service-now.com"_s << QString() << u"dev12345.service-now.com"_s
                               << true << u"https://dev12345.service-now.com"_s;
    QTest::newRow("https URL, trailing slash") << u"https://dev12345.service-now.com/"_s << QString()
                                               << u"dev12345.service-now.com"_s << true
                                               << u"https://dev12345.service-now.com"_s;
    QTest::newRow("host without scheme") << u"servicenow.example.com"_s << QString() << u"servicenow.example.com"_s
                                         << true << u"https://servicenow.example.com"_s;
    QTest::newRow("https with port") << u"https://sn.example.com:8443"_s << QString() << u"sn.example.com:8443"_s
                                     << true << u"https://sn.example.com:8443"_s;
    QTest::newRow("http loopback") << u"http://127.0.0.1:8080"_s << QString() << u"127.0.0.1:8080"_s << false
                                   << u"http://127.0.0.1:8080"_s;
    QTest::newRow("http localhost") << u"http://localhost:9000"_s << QString() << u"localhost:9000"_s << false
                                    << u"http://localhost:9000"_s;
    QTest::newRow("http IPv6 loopback") << u"http://[::1]:8080"_s << QString() << u"[::1]:8080"_s << false
                                        << u"http://[::1]:8080"_s;
}

void ConnectionProfilesTest::instanceAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, instanceName);
    QFETCH(QString, host);
    QFETCH(bool, useSsl);
    QFETCH(QString, baseUrl);

    InstanceAddress address;
    QString error;
    QVERIFY2(parseInstanceAddress(text, &address, &error), qPrintable(error));
    QCOMPARE(address.instanceName, instanceName);
    QCOMPARE(address.host, host);
    QCOMPARE(address.useSsl, useSsl);
    QCOMPARE(address.baseUrl(), QUrl(baseUrl));
}

void ConnectionProfilesTest::instanceAddressRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty") << QString() << u"Enter the instance"_s;
    QTest::newRow("blank") << u"   "_s << u"Enter the instance"_s;
    QTest::newRow("http to a network host") << u"http://dev12345.service-now.com"_s
                                            << u"Plain http:// is allowed only for this computer"_s;
    QTest::newRow("http to a private address") << u"http://10.0.0.5:8080"_s
                                               << u"Use https://10.0.0.5:8080"_s;
    QTest::newRow("ftp") << u"ftp://dev12345.service-now.com"_s << u"is not an instance name or an instance URL"_s;
    QTest::newRow("path") << u"https://dev12345.service-now.com/now/nav/ui"_s << u"without a path"_s;
    QTest::newRow("query") << u"https://dev12345.service-now.com/?x=1"_s << u"without a path"_s;
    QTest::newRow("user in URL") << u"https://admin@dev12345.service-now.com"_s << u"Remove the user name"_s;
    QTest::newRow("spaces inside") << u"dev 12345"_s << u"is not an instance name or an instance URL"_s;
}

void ConnectionProfilesTest::instanceAddressRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, errorPart);

    InstanceAddress address;
    QString error;
    QVERIFY(!parseInstanceAddress(text, &address, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void ConnectionProfilesTest::profileValidation_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::addColumn<QString>("errorPart");

    const ConnectionProfile valid = sampleProfile(u"Development"_s);
    QTest::newRow("valid") << valid << QString();

    ConnectionProfile noName = valid;
    noName.name = u"  "_s;
    QTest::newRow("no name") << noName << u"Enter a name"_s;

    ConnectionProfile noUser = valid;
    noUser.userName.clear();
    QTest::newRow("no user for password grant") << noUser << u"Enter the user name"_s;

    ConnectionProfile basicNoUser = noUser;
    basicNoUser.authMethod = AuthMethod::Basic;
    QTest::newRow("no user for Basic") << basicNoUser << u"Enter the user name"_s;

    ConnectionProfile serviceNoUser = noUser;
    serviceNoUser.authMethod = AuthMethod::OAuthClientCredentials;
    QTest::newRow("client credentials need no user") << serviceNoUser << QString();

    ConnectionProfile noClientId = valid;
    noClientId.clientId.clear();
    QTest::newRow("no client id") << noClientId << u"client ID"_s;

    ConnectionProfile basicNoClientId = noClientId;
    basicNoClientId.authMethod = AuthMethod::Basic;
    QTest::newRow("Basic needs no client id") << basicNoClientId << QString();

    ConnectionProfile badInstance = valid;
    badInstance.instance = u"http://dev12345.service-now.com"_s;
    QTest::newRow("bad instance") << badInstance << u"Plain http://"_s;

    QTest::newRow("demo") << ConnectionProfile::demo() << QString();
}

void ConnectionProfilesTest::profileValidation()
{
    QFETCH(ConnectionProfile, profile);
    QFETCH(QString, errorPart);

    const QString error = validateProfile(profile);
    if (errorPart.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void ConnectionProfilesTest::clientOptionsOfProfile()
{
    ConnectionProfile profile = sampleProfile(u"Dev"_s);
    snow::ClientOptions options = clientOptions(profile);
    QCOMPARE(options.instance, u"dev12345"_s);
    QVERIFY(options.host.isEmpty());
    QCOMPARE(options.user, u"admin"_s);
    QVERIFY(options.password.isEmpty());

    profile.instance = u"http://127.0.0.1:8080"_s;
    profile.authMethod = AuthMethod::OAuthClientCredentials;
    options = clientOptions(profile);
    QVERIFY(options.instance.isEmpty());
    QCOMPARE(options.host, u"127.0.0.1:8080"_s);
    QVERIFY(!options.useSsl);
    // The client-credentials grant signs in as the application, never as a user.
    QVERIFY(options.user.isEmpty());
}

void ConnectionProfilesTest::authMethodKeys()
{
    for (AuthMethod method : allAuthMethods()) {
        AuthMethod parsed = AuthMethod::Basic;
        QVERIFY(authMethodFromKey(authMethodKey(method), &parsed));
        QCOMPARE(parsed, method);
        QVERIFY(!authMethodLabel(method).isEmpty());
    }
    AuthMethod unknown = AuthMethod::OAuthBrowser;
    QVERIFY(!authMethodFromKey(u"kerberos"_s, &unknown));
    QCOMPARE(unknown, AuthMethod::OAuthBrowser);
}

void ConnectionProfilesTest::storeListsDemoFirst()
{
    ProfileStore store(settingsPath());
    QCOMPARE(store.profiles().size(), 1);
    QVERIFY(store.profiles().first().isDemo());

    QString error;
    QVERIFY(!store.save(sampleProfile(u"Zulu"_s), &error).isEmpty());
    QVERIFY(!store.save(sampleProfile(u"alpha"_s), &error).isEmpty());
    const QList<ConnectionProfile> profiles = store.profiles();
    QCOMPARE(profiles.size(), 3);
    QVERIFY(profiles.at(0).isDemo());
    QCOMPARE(profiles.at(1).name, u"alpha"_s);
    QCOMPARE(profiles.at(2).name, u"Zulu"_s);
}

void ConnectionProfilesTest::storeSaveAndLoad()
{
    ConnectionProfile profile = sampleProfile(u"Development"_s);
    QString id;
    {
        ProfileStore store(settingsPath());
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        QString error;
        id = store.save(profile, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(changed.count(), 1);
    }

    // A new store on the same file reads the profile back.
    ProfileStore store(settingsPath());
    profile.id = id;
    QCOMPARE(store.profile(id), profile);
    QCOMPARE(store.profileByName(u"development"_s), profile);
    QVERIFY(store.contains(id));
    QVERIFY(!store.contains(u"no-such-id"_s));
    QVERIFY(store.profile(u"no-such-id"_s).id.isEmpty());
}

void ConnectionProfilesTest::storeRename()
{
    ProfileStore store(settingsPath());
    QString error;
    ConnectionProfile profile = sampleProfile(u"Dev"_s);
    profile.id = store.save(profile, &error);

    profile.name = u"Development"_s;
    QCOMPARE(store.save(profile, &error), profile.id);
    QCOMPARE(store.profiles().size(), 2);
    QCOMPARE(store.profile(profile.id).name, u"Development"_s);
}

void ConnectionProfilesTest::storeRejectsDuplicateName()
{
    ProfileStore store(settingsPath());
    QString error;
    QVERIFY(!store.save(sampleProfile(u"Production"_s), &error).isEmpty());
    QVERIFY(store.save(sampleProfile(u"PRODUCTION"_s), &error).isEmpty());
    QVERIFY2(error.contains(u"already exists"), qPrintable(error));
    QVERIFY(store.save(sampleProfile(u"Demo instance"_s), &error).isEmpty());
    QCOMPARE(store.profiles().size(), 2);
}

void ConnectionProfilesTest::storeRejectsDemo()
{
    ProfileStore store(settingsPath());
    QString error;
    QVERIFY(store.save(ConnectionProfile::demo(), &error).isEmpty());
    QVERIFY(error.contains(u"demo instance cannot be changed"));
    QVERIFY(!store.remove(ConnectionProfile::demoId()));
    QVERIFY(store.profiles().first().isDemo());
}

void ConnectionProfilesTest::storeRemove()
{
    ProfileStore store(settingsPath());
    QString error;
    const QString id = store.save(sampleProfile(u"Test"_s), &error);
    store.setTokenExpiry(id, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);

    QVERIFY(store.remove(id));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.contains(id));
    QVERIFY(!store.tokenExpiry(id).isValid());
    QVERIFY(!store.remove(id));

    // No empty group is left behind that would come back as a nameless profile.
    QFile file(store.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(id.toLatin1()));
}

void ConnectionProfilesTest::storeLastUsed()
{
    ProfileStore store(settingsPath());
    QCOMPARE(store.lastUsedId(), ConnectionProfile::demoId());

    QString error;
    const QString id = store.save(sampleProfile(u"Test"_s), &error);
    store.setLastUsedId(id);
    QCOMPARE(store.lastUsedId(), id);

    // A removed profile falls back to the demo.
    store.remove(id);
    QCOMPARE(store.lastUsedId(), ConnectionProfile::demoId());
}

void ConnectionProfilesTest::storeTokenExpiry()
{
    ProfileStore store(settingsPath());
    QString error;
    const QString id = store.save(sampleProfile(u"Test"_s), &error);
    QVERIFY(!store.tokenExpiry(id).isValid());

    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(1800);
    store.setTokenExpiry(id, expiry);
    QCOMPARE(store.tokenExpiry(id).toSecsSinceEpoch(), expiry.toSecsSinceEpoch());

    store.setTokenExpiry(id, QDateTime());
    QVERIFY(!store.tokenExpiry(id).isValid());

    // An unknown profile is not created by its token expiry.
    store.setTokenExpiry(u"unknown"_s, expiry);
    QCOMPARE(store.profiles().size(), 2);
}

void ConnectionProfilesTest::storeFileHoldsFieldsOnly()
{
    ProfileStore store(settingsPath());
    QString error;
    const QString id = store.save(sampleProfile(u"Test"_s), &error);
    store.setTokenExpiry(id, QDateTime::currentDateTimeUtc());

    QSettings settings(store.fileName(), QSettings::IniFormat);
    settings.beginGroup(u"connections/profiles/"_s + id);
    QStringList keys = settings.childKeys();
    keys.sort();
    const QStringList expected = {u"authMethod"_s, u"clientId"_s, u"instance"_s, u"name"_s, u"tokenExpiresAt"_s, u"user"_s};
    QCOMPARE(keys, expected);
}

void ConnectionProfilesTest::listModel()
{
    ProfileStore store(settingsPath());
    QString error;
    const QString id = store.save(sampleProfile(u"Development"_s), &error);

    ProfileListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"Demo instance"_s);
    QCOMPARE(model.index(0, 0).data(ProfileListModel::ProfileIdRole).toString(), ConnectionProfile::demoId());
    QCOMPARE(model.index(1, 0).data().toString(), u"Development"_s);
    QCOMPARE(model.index(1, 0).data(ProfileListModel::ProfileIdRole).toString(), id);
    QCOMPARE(model.index(1, 0).data(ProfileListModel::InstanceRole).toString(), u"dev12345"_s);
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(u"dev12345.service-now.com"));
    QCOMPARE(model.rowOf(id), 1);
    QCOMPARE(model.rowOf(u"missing"_s), -1);
    QCOMPARE(model.profileAt(1).id, id);
    QVERIFY(model.profileAt(7).id.isEmpty());
}

void ConnectionProfilesTest::listModelFollowsStore()
{
    ProfileStore store(settingsPath());
    ProfileListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QString error;
    const QString id = store.save(sampleProfile(u"Test"_s), &error);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);

    store.remove(id);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 1);
}

QTEST_GUILESS_MAIN(ConnectionProfilesTest)
#include "tst_connection_profiles.moc"
