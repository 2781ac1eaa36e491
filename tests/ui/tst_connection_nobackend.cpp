// Sign-in when no keychain works: the D-Bus session address points at a socket that
// does not exist, so QtKeychain finds no Secret Service. A plain message reports this,
// the user may keep the secret in memory for this run, and nothing is written to disk.
//
// main() sets the environment before anything touches D-Bus, and points HOME and the
// XDG folders at a temporary folder that the tests then search for the secret.

#include "connection/connection.h"
#include "connection/connectiondialog.h"
#include "connection/credentialstore.h"
#include "connection/profileform.h"
#include "connection/profilestore.h"
#include "connection/signin.h"

#include <snowemu/server.h>

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The secret typed in these tests; it must never reach a file.
const QString typedPassword = u"admin"_s;
const QString typedClientSecret = u"N0-Keychain-Cl1ent-S3cret-3390"_s;

// The temporary HOME set up in main().
QString homeFolder;

} // namespace

class ConnectionNoBackendTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void storeReportsUnavailable_data();
    void storeReportsUnavailable();
    void signInAsksConsent();
    void signInInMemoryAfterConsent();
    void dialogOffersMemoryOnly();
    void saveOffersMemoryOnly();
    void nothingWrittenToDisk();

private:
    ConnectionProfile basicProfile(const QString &name) const;
    SignInContext context();
    bool finishes(SignIn &signIn);
    QString readSecret(const QString &profileId, SecretKind kind);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
};

void ConnectionNoBackendTest::initTestCase()
{
    QVERIFY(!homeFolder.isEmpty());
    QVERIFY(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("no-such-bus"));
    m_server = std::make_unique<snowemu::Server>(snowemu::Options{});
    QVERIFY(m_server->start());
}

void ConnectionNoBackendTest::init()
{
    m_profiles = std::make_unique<ProfileStore>(homeFolder + u"/settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_credentials = std::make_unique<CredentialStore>(u"Snowscope Tests"_s);
}

ConnectionProfile ConnectionNoBackendTest::basicProfile(const QString &name) const
{
    ConnectionProfile profile;
    profile.name = name;
    profile.instance = m_server->baseUrl().toString();
    profile.userName = u"admin"_s;
    return profile;
}

SignInContext ConnectionNoBackendTest::context()
{
    SignInContext context;
    context.credentials = m_credentials.get();
    context.profiles = m_profiles.get();
    return context;
}

bool ConnectionNoBackendTest::finishes(SignIn &signIn)
{
    QSignalSpy finished(&signIn, &SignIn::finished);
    signIn.start();
    return finished.wait(20000);
}

QString ConnectionNoBackendTest::readSecret(const QString &profileId, SecretKind kind)
{
    QString secret = u"<no answer>"_s;
    bool answered = false;
    m_credentials->read(profileId, kind, nullptr, [&](const CredentialResult &result) {
        secret = result.isOk() ? result.secret : QString();
        answered = true;
    });
    if (!QTest::qWaitFor([&answered] { return answered; }, 15000))
        qWarning() << "The credential store did not answer a read";
    return secret;
}

void ConnectionNoBackendTest::storeReportsUnavailable_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("read") << 0;
    QTest::newRow("write") << 1;
    QTest::newRow("remove") << 2;
}

void ConnectionNoBackendTest::storeReportsUnavailable()
{
    QFETCH(int, operation);

    CredentialResult answer;
    bool answered = false;
    auto callback = [&](const CredentialResult &result) {
        answer = result;
        answered = true;
    };
    if (operation == 0)
        m_credentials->read(u"p"_s, SecretKind::Password, nullptr, callback);
    else if (operation == 1)
        m_credentials->write(u"p"_s, SecretKind::Password, typedPassword, nullptr, callback);
    else
        m_credentials->remove(u"p"_s, SecretKind::Password, nullptr, callback);

    QVERIFY(QTest::qWaitFor([&answered] { return answered; }, 15000));
    QCOMPARE(answer.status, CredentialResult::Unavailable);
    QVERIFY(!answer.errorText.isEmpty());
    QVERIFY(!m_credentials->isMemoryOnly());
}

void ConnectionNoBackendTest::signInAsksConsent()
{
    QString error;
    const QString id = m_profiles->save(basicProfile(u"Development"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    SignIn signIn(m_profiles->profile(id), context());
    signIn.setPassword(typedPassword);
    QVERIFY(finishes(signIn));
    QCOMPARE(signIn.outcome(), SignIn::Outcome::NeedsInput);
    QCOMPARE(signIn.neededInput(), SignIn::Input::KeychainConsent);
    QVERIFY2(signIn.message().startsWith(u"No system keychain is available"), qPrintable(signIn.message()));
    QVERIFY(signIn.message().contains(u"in memory until it quits"));
    // Nothing reached the instance before the user agreed.
    QVERIFY(m_server->requestLog().isEmpty());
}

void ConnectionNoBackendTest::signInInMemoryAfterConsent()
{
    QString error;
    const QString id = m_profiles->save(basicProfile(u"Development"_s), &error);
    m_credentials->setMemoryOnly(true);

    SignIn first(m_profiles->profile(id), context());
    first.setPassword(typedPassword);
    QVERIFY(finishes(first));
    QCOMPARE(first.outcome(), SignIn::Outcome::SignedIn);
    QVERIFY(first.message().isEmpty());
    QCOMPARE(readSecret(id, SecretKind::Password), typedPassword);

    // For the rest of the run the password comes from memory.
    SignIn second(m_profiles->profile(id), context());
    QVERIFY(finishes(second));
    QCOMPARE(second.outcome(), SignIn::Outcome::SignedIn);

    // A new store, as after a restart, contains nothing.
    CredentialStore restarted(u"Snowscope Tests"_s);
    restarted.setMemoryOnly(true);
    bool answered = false;
    CredentialResult afterRestart;
    restarted.read(id, SecretKind::Password, nullptr, [&](const CredentialResult &result) {
        afterRestart = result;
        answered = true;
    });
    QVERIFY(QTest::qWaitFor([&answered] { return answered; }, 15000));
    QCOMPARE(afterRestart.status, CredentialResult::NotFound);
}

void ConnectionNoBackendTest::dialogOffersMemoryOnly()
{
    QString error;
    const QString id = m_profiles->save(basicProfile(u"Development"_s), &error);
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();
    QTest::keyClicks(dialog.form()->passwordEdit(), typedPassword);

    QSignalSpy finished(&dialog, &ConnectionDialog::signInFinished);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.connectProfile();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).value<SignIn::Outcome>(), SignIn::Outcome::NeedsInput);
    QVERIFY(dialog.banner()->isVisible());
    QVERIFY(dialog.banner()->text().startsWith(u"No system keychain is available"));

    // The banner's button is the user's consent; the connection then opens.
    QPushButton *keepInMemory = nullptr;
    for (QPushButton *button : dialog.banner()->findChildren<QPushButton *>()) {
        if (button->text().contains(u"Keep in Memory"))
            keepInMemory = button;
    }
    QVERIFY(keepInMemory);
    QVERIFY(keepInMemory->isVisible());
    QTest::mouseClick(keepInMemory, Qt::LeftButton);
    QVERIFY(m_credentials->isMemoryOnly());
    QVERIFY(accepted.wait(20000));
    std::unique_ptr<Connection> connection = dialog.takeConnection();
    QVERIFY(connection);
    QCOMPARE(connection->identity().userName, u"admin"_s);
}

void ConnectionNoBackendTest::saveOffersMemoryOnly()
{
    ConnectionProfile service = basicProfile(u"Service"_s);
    service.authMethod = AuthMethod::OAuthClientCredentials;
    service.userName.clear();
    service.clientId = u"snowscope"_s;

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    dialog.addProfile();
    QTest::keyClicks(dialog.form()->nameEdit(), service.name);
    QTest::keyClicks(dialog.form()->instanceEdit(), service.instance);
    QComboBox *combo = dialog.form()->authMethodCombo();
    combo->setCurrentIndex(combo->findData(int(service.authMethod)));
    Q_EMIT combo->activated(combo->currentIndex());
    QTest::keyClicks(dialog.form()->clientIdEdit(), service.clientId);
    QTest::keyClicks(dialog.form()->clientSecretEdit(), typedClientSecret);

    QSignalSpy saved(&dialog, &ConnectionDialog::secretsSaved);
    QVERIFY(dialog.saveProfile());
    QVERIFY(saved.wait(15000));
    QCOMPARE(saved.first().at(0).toBool(), false);
    QVERIFY(dialog.banner()->text().contains(u"no system keychain could store its secrets"));
    QVERIFY(!dialog.banner()->text().contains(typedClientSecret));
    // The typed secret stays in the field until it is kept somewhere.
    QCOMPARE(dialog.form()->clientSecretEdit()->text(), typedClientSecret);

    Q_EMIT dialog.banner()->actionTriggered();
    QVERIFY(saved.wait(15000));
    QCOMPARE(saved.last().at(0).toBool(), true);
    QVERIFY(dialog.form()->clientSecretEdit()->text().isEmpty());
    const QString id = m_profiles->profileByName(u"Service"_s).id;
    QCOMPARE(readSecret(id, SecretKind::ClientSecret), typedClientSecret);
}

void ConnectionNoBackendTest::nothingWrittenToDisk()
{
    // Every file under the temporary HOME: settings, caches, a keychain fallback file.
    int files = 0;
    QDirIterator iterator(homeFolder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (iterator.hasNext()) {
        const QString path = iterator.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(typedClientSecret.toUtf8()), qPrintable(path));
        QVERIFY2(!content.contains("password="), qPrintable(path));
        ++files;
    }
    // The settings files of the tests above exist, so the search did look.
    QVERIFY(files > 0);
}

int main(int argc, char *argv[])
{
    // Before anything opens D-Bus: a session bus address that leads nowhere, and a
    // private HOME so that any file written can be found and checked.
    static QTemporaryDir home;
    if (!home.isValid())
        return 1;
    homeFolder = home.path();
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=" + home.path().toLocal8Bit() + "/no-such-bus"));
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", QByteArray(home.path().toLocal8Bit() + "/config"));
    qputenv("XDG_DATA_HOME", QByteArray(home.path().toLocal8Bit() + "/data"));
    qputenv("XDG_CACHE_HOME", QByteArray(home.path().toLocal8Bit() + "/cache"));

    QApplication application(argc, argv);
    application.setApplicationName(u"Snowscope Tests"_s);
    ConnectionNoBackendTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connection_nobackend.moc"
