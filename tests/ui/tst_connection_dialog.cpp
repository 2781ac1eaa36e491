// The connection dialog, the Connection menu and the ConnectionController offscreen
// against the emulator: adding, saving, testing, connecting and deleting profiles,
// errors shown inline without secrets, and switching the main window to another
// profile.

#include "app/session.h"
#include "connection/connection.h"
#include "connection/connectioncontroller.h"
#include "connection/connectiondialog.h"
#include "connection/connectionmenu.h"
#include "connection/credentialstore.h"
#include "connection/profileform.h"
#include "connection/profilelistmodel.h"
#include "connection/profilestore.h"
#include "widgets/mainwindow.h"

#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString wrongPassword = u"Wr0ng-Dialog-Passw0rd-4417"_s;

BrowserSignIn::BrowserOpener fetchingBrowser(QNetworkAccessManager *manager)
{
    return [manager](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = manager->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    };
}

// Every text a user can read in @p widget and its children.
QStringList visibleTexts(QWidget *widget)
{
    QStringList texts;
    for (QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (QLineEdit *edit : widget->findChildren<QLineEdit *>()) {
        if (edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        texts << edit->placeholderText();
    }
    for (QPushButton *button : widget->findChildren<QPushButton *>())
        texts << button->text() << button->toolTip();
    return texts;
}

} // namespace

class ConnectionDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void demoSelectedFirstTime();
    void lastUsedSelected();
    void formShowsMethodFields_data();
    void formShowsMethodFields();
    void addAndSaveProfile();
    void saveInvalidProfileShowsError();
    void testConnectionShowsIdentity();
    void testWrongPasswordShowsBanner();
    void testNeedsPasswordFocusesField();
    void connectAcceptsDialog();
    void connectBrowserSignIn();
    void stopCancelsSignIn();
    void removeProfileRemovesSecrets();
    void identityChangeDropsTokens();
    void dialogModelIsValid();
    void dialogTextsHoldNoSecret();
    void dialogPictureShowsIdentity();

    void menuListsProfiles();
    void menuRequestsProfile();
    void controllerOpensDemo();
    void controllerSwitchesProfile();
    void controllerShowsDialogWhenInputNeeded();

private:
    ConnectionProfile basicProfile(const QString &name) const;
    QString saveProfile(const ConnectionProfile &profile);
    void writeSecret(const QString &profileId, SecretKind kind, const QString &secret);
    QString readSecret(const QString &profileId, SecretKind kind);
    SignInContext context();
    void fillForm(ConnectionDialog &dialog, const ConnectionProfile &profile, const QString &password);
    bool waitForSignIn(ConnectionDialog &dialog, SignIn::Outcome expected);

    std::unique_ptr<snowemu::Server> m_server;
    QTemporaryDir m_folder;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    QNetworkAccessManager m_browser;
};

void ConnectionDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    snowemu::Options options;
    options.incidents = 50;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    QVERIFY(m_folder.isValid());
}

void ConnectionDialogTest::init()
{
    m_profiles = std::make_unique<ProfileStore>(m_folder.filePath(u"%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
    m_credentials = std::make_unique<CredentialStore>(u"Snowscope Tests"_s);
    m_credentials->setMemoryOnly(true);
}

void ConnectionDialogTest::cleanup()
{
    // Windows and dialogs left by a failed test must not leak into the next one.
    QApplication::closeAllWindows();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

ConnectionProfile ConnectionDialogTest::basicProfile(const QString &name) const
{
    ConnectionProfile profile;
    profile.name = name;
    profile.instance = m_server->baseUrl().toString();
    profile.userName = u"admin"_s;
    return profile;
}

QString ConnectionDialogTest::saveProfile(const ConnectionProfile &profile)
{
    QString error;
    const QString id = m_profiles->save(profile, &error);
    if (id.isEmpty())
        qWarning() << "Could not save the test profile:" << error;
    return id;
}

void ConnectionDialogTest::writeSecret(const QString &profileId, SecretKind kind, const QString &secret)
{
    bool answered = false;
    m_credentials->write(profileId, kind, secret, nullptr, [&answered](const CredentialResult &) { answered = true; });
    QVERIFY(QTest::qWaitFor([&answered] { return answered; }, 10000));
}

QString ConnectionDialogTest::readSecret(const QString &profileId, SecretKind kind)
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

SignInContext ConnectionDialogTest::context()
{
    SignInContext context;
    context.credentials = m_credentials.get();
    context.profiles = m_profiles.get();
    context.openBrowser = fetchingBrowser(&m_browser);
    context.startDemo = [this](QString *) { return m_server->baseUrl(); };
    return context;
}

void ConnectionDialogTest::fillForm(ConnectionDialog &dialog, const ConnectionProfile &profile, const QString &password)
{
    ProfileForm *form = dialog.form();
    form->nameEdit()->clear();
    QTest::keyClicks(form->nameEdit(), profile.name);
    form->instanceEdit()->clear();
    QTest::keyClicks(form->instanceEdit(), profile.instance);
    form->authMethodCombo()->setCurrentIndex(form->authMethodCombo()->findData(int(profile.authMethod)));
    Q_EMIT form->authMethodCombo()->activated(form->authMethodCombo()->currentIndex());
    form->userEdit()->clear();
    QTest::keyClicks(form->userEdit(), profile.userName);
    form->clientIdEdit()->clear();
    QTest::keyClicks(form->clientIdEdit(), profile.clientId);
    form->passwordEdit()->clear();
    QTest::keyClicks(form->passwordEdit(), password);
}

bool ConnectionDialogTest::waitForSignIn(ConnectionDialog &dialog, SignIn::Outcome expected)
{
    QSignalSpy finished(&dialog, &ConnectionDialog::signInFinished);
    if (!finished.wait(20000)) {
        qWarning() << "The dialog's sign-in did not finish";
        return false;
    }
    const auto outcome = finished.first().at(0).value<SignIn::Outcome>();
    if (outcome != expected)
        qWarning() << "Sign-in outcome" << int(outcome) << "; banner:" << dialog.banner()->text();
    return outcome == expected;
}

void ConnectionDialogTest::demoSelectedFirstTime()
{
    saveProfile(basicProfile(u"Development"_s));
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();

    QCOMPARE(dialog.currentProfileId(), ConnectionProfile::demoId());
    QCOMPARE(dialog.profileList()->currentIndex().row(), 0);
    QCOMPARE(dialog.form()->nameEdit()->text(), u"Demo instance"_s);
    QVERIFY(!dialog.form()->nameEdit()->isEnabled());
    QVERIFY(!dialog.form()->nameEdit()->isClearButtonEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"deleteButton"_s)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"saveButton"_s)->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"connectButton"_s)->isEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"connectButton"_s)->isDefault());
}

void ConnectionDialogTest::lastUsedSelected()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    m_profiles->setLastUsedId(id);
    ConnectionDialog dialog(m_profiles.get(), context());

    QCOMPARE(dialog.currentProfileId(), id);
    QCOMPARE(dialog.form()->nameEdit()->text(), u"Development"_s);
    QCOMPARE(dialog.form()->instanceEdit()->text(), m_server->baseUrl().toString());
    QVERIFY(dialog.form()->nameEdit()->isEnabled());
    QVERIFY(dialog.form()->nameEdit()->isClearButtonEnabled());
    QVERIFY(dialog.findChild<QPushButton *>(u"deleteButton"_s)->isEnabled());
    QVERIFY(dialog.form()->passwordEdit()->placeholderText().contains(u"saved"));
}

void ConnectionDialogTest::formShowsMethodFields_data()
{
    QTest::addColumn<AuthMethod>("method");
    QTest::addColumn<bool>("user");
    QTest::addColumn<bool>("password");
    QTest::addColumn<bool>("clientId");
    QTest::addColumn<bool>("clientSecret");

    QTest::newRow("Basic") << AuthMethod::Basic << true << true << false << false;
    QTest::newRow("password grant") << AuthMethod::OAuthPassword << true << true << true << true;
    QTest::newRow("browser") << AuthMethod::OAuthBrowser << false << false << true << true;
    QTest::newRow("client credentials") << AuthMethod::OAuthClientCredentials << false << false << true << true;
}

void ConnectionDialogTest::formShowsMethodFields()
{
    QFETCH(AuthMethod, method);
    QFETCH(bool, user);
    QFETCH(bool, password);
    QFETCH(bool, clientId);
    QFETCH(bool, clientSecret);

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    dialog.addProfile();
    QComboBox *combo = dialog.form()->authMethodCombo();
    combo->setCurrentIndex(combo->findData(int(method)));
    Q_EMIT combo->activated(combo->currentIndex());

    QCOMPARE(dialog.form()->userEdit()->isVisible(), user);
    QCOMPARE(dialog.form()->passwordEdit()->isVisible(), password);
    QCOMPARE(dialog.form()->clientIdEdit()->isVisible(), clientId);
    QCOMPARE(dialog.form()->clientSecretEdit()->isVisible(), clientSecret);
    QCOMPARE(dialog.form()->passwordEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.form()->clientSecretEdit()->echoMode(), QLineEdit::Password);
}

void ConnectionDialogTest::addAndSaveProfile()
{
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    dialog.addProfile();
    QVERIFY(dialog.currentProfileId().isEmpty());
    QVERIFY(dialog.form()->nameEdit()->text().isEmpty());

    fillForm(dialog, basicProfile(u"Development"_s), u"admin"_s);
    QSignalSpy secretsSaved(&dialog, &ConnectionDialog::secretsSaved);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    const ConnectionProfile saved = m_profiles->profileByName(u"Development"_s);
    QVERIFY(!saved.id.isEmpty());
    QCOMPARE(saved.instance, m_server->baseUrl().toString());
    QCOMPARE(saved.userName, u"admin"_s);
    QCOMPARE(dialog.currentProfileId(), saved.id);
    QCOMPARE(dialog.profileList()->currentIndex().data().toString(), u"Development"_s);

    QVERIFY(secretsSaved.count() == 1 || secretsSaved.wait(10000));
    QCOMPARE(secretsSaved.first().at(0).toBool(), true);
    QCOMPARE(readSecret(saved.id, SecretKind::Password), u"admin"_s);
    QVERIFY(dialog.form()->passwordEdit()->text().isEmpty());
    QVERIFY(dialog.statusLabel()->text().contains(u"Saved \"Development\""));
}

void ConnectionDialogTest::saveInvalidProfileShowsError()
{
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.addProfile();
    ConnectionProfile noName = basicProfile(QString());
    fillForm(dialog, noName, QString());

    QVERIFY(!dialog.saveProfile());
    QVERIFY(dialog.banner()->isVisible());
    QVERIFY(dialog.banner()->text().contains(u"Enter a name"));
    QCOMPARE(QApplication::focusWidget(), dialog.form()->nameEdit());
    QCOMPARE(m_profiles->profiles().size(), 1);
}

void ConnectionDialogTest::testConnectionShowsIdentity()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();
    QTest::keyClicks(dialog.form()->passwordEdit(), u"admin"_s);

    QSignalSpy finished(&dialog, &ConnectionDialog::signInFinished);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"testButton"_s), Qt::LeftButton);
    QVERIFY(dialog.isSigningIn());
    QVERIFY(dialog.findChild<QPushButton *>(u"stopButton"_s)->isVisible());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).value<SignIn::Outcome>(), SignIn::Outcome::SignedIn);

    const QString expected = u"Signed in as System Administrator (admin) on 127.0.0.1:%1."_s.arg(m_server->port());
    QCOMPARE(dialog.statusLabel()->text(), expected);
    QVERIFY(!dialog.isSigningIn());
    QVERIFY(!dialog.findChild<QPushButton *>(u"stopButton"_s)->isVisible());
    // A test stores nothing and leaves the dialog open.
    QCOMPARE(readSecret(id, SecretKind::Password), QString());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.form()->passwordEdit()->text(), u"admin"_s);
}

void ConnectionDialogTest::testWrongPasswordShowsBanner()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(dialog.form()->passwordEdit(), wrongPassword);

    dialog.testConnection();
    QVERIFY(waitForSignIn(dialog, SignIn::Outcome::NeedsInput));
    QVERIFY(dialog.banner()->isVisible());
    QVERIFY(dialog.banner()->text().contains(u"rejected"));
    QVERIFY(dialog.banner()->text().contains(u"User Not Authenticated"));
    QVERIFY(dialog.banner()->details().contains(u"401"));
    QVERIFY(!dialog.banner()->text().contains(wrongPassword));
    QVERIFY(!dialog.banner()->details().contains(wrongPassword));
    QCOMPARE(QApplication::focusWidget(), dialog.form()->passwordEdit());
}

void ConnectionDialogTest::testNeedsPasswordFocusesField()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.testConnection();
    QVERIFY(waitForSignIn(dialog, SignIn::Outcome::NeedsInput));
    QVERIFY(dialog.banner()->text().contains(u"Enter the password of admin"));
    QCOMPARE(QApplication::focusWidget(), dialog.form()->passwordEdit());
}

void ConnectionDialogTest::connectAcceptsDialog()
{
    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    dialog.addProfile();
    fillForm(dialog, basicProfile(u"Development"_s), u"admin"_s);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
    QVERIFY(accepted.wait(20000));

    std::unique_ptr<Connection> connection = dialog.takeConnection();
    QVERIFY(connection);
    QCOMPARE(connection->identity().userName, u"admin"_s);
    const QString id = m_profiles->profileByName(u"Development"_s).id;
    QCOMPARE(connection->profile().id, id);
    QCOMPARE(m_profiles->lastUsedId(), id);
    QCOMPARE(readSecret(id, SecretKind::Password), u"admin"_s);
    QVERIFY(dialog.connectWarning().isEmpty());
}

void ConnectionDialogTest::connectBrowserSignIn()
{
    ConnectionProfile browser = basicProfile(u"Browser"_s);
    browser.authMethod = AuthMethod::OAuthBrowser;
    browser.userName.clear();
    browser.clientId = u"snowscope"_s;

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.show();
    dialog.addProfile();
    fillForm(dialog, browser, QString());
    QTest::keyClicks(dialog.form()->clientSecretEdit(), u"snowscope"_s);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.connectProfile();
    QVERIFY(accepted.wait(20000));
    std::unique_ptr<Connection> connection = dialog.takeConnection();
    QVERIFY(connection);
    QCOMPARE(connection->identity().userName, u"admin"_s);
    QCOMPARE(readSecret(connection->profile().id, SecretKind::ClientSecret), u"snowscope"_s);
    QVERIFY(!readSecret(connection->profile().id, SecretKind::RefreshToken).isEmpty());
}

void ConnectionDialogTest::stopCancelsSignIn()
{
    ConnectionProfile browser = basicProfile(u"Browser"_s);
    browser.authMethod = AuthMethod::OAuthBrowser;
    browser.userName.clear();
    browser.clientId = u"snowscope"_s;
    const QString id = saveProfile(browser);

    // A browser that never comes back: the dialog waits until the user stops it.
    SignInContext waiting = context();
    bool opened = false;
    waiting.openBrowser = [&opened](const QUrl &) { opened = true; };
    ConnectionDialog dialog(m_profiles.get(), waiting);
    dialog.selectProfile(id);
    dialog.show();
    QTest::keyClicks(dialog.form()->clientSecretEdit(), u"snowscope"_s);

    QSignalSpy finished(&dialog, &ConnectionDialog::signInFinished);
    dialog.testConnection();
    QVERIFY(QTest::qWaitFor([&opened] { return opened; }, 10000));
    QTRY_VERIFY(dialog.statusLabel()->text().contains(u"browser"));
    QVERIFY(dialog.findChild<QPushButton *>(u"stopButton"_s)->isVisible());
    QVERIFY(!dialog.form()->isEnabled());

    QTest::mouseClick(dialog.findChild<QPushButton *>(u"stopButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).value<SignIn::Outcome>(), SignIn::Outcome::Cancelled);
    QCOMPARE(dialog.statusLabel()->text(), u"Sign-in cancelled."_s);
    QVERIFY(dialog.form()->isEnabled());
}

void ConnectionDialogTest::removeProfileRemovesSecrets()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    writeSecret(id, SecretKind::Password, u"admin"_s);
    writeSecret(id, SecretKind::AccessToken, u"token"_s);

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.removeProfile(id);

    QVERIFY(!m_profiles->contains(id));
    QCOMPARE(dialog.currentProfileId(), ConnectionProfile::demoId());
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(readSecret(id, SecretKind::Password), QString());
    QCOMPARE(readSecret(id, SecretKind::AccessToken), QString());
}

void ConnectionDialogTest::identityChangeDropsTokens()
{
    ConnectionProfile oauth = basicProfile(u"OAuth"_s);
    oauth.authMethod = AuthMethod::OAuthPassword;
    oauth.clientId = u"snowscope"_s;
    const QString id = saveProfile(oauth);
    writeSecret(id, SecretKind::ClientSecret, u"snowscope"_s);
    writeSecret(id, SecretKind::AccessToken, u"access"_s);
    writeSecret(id, SecretKind::RefreshToken, u"refresh"_s);

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();

    // A new name keeps the tokens; another user drops them, and keeps the client secret.
    dialog.form()->nameEdit()->clear();
    QTest::keyClicks(dialog.form()->nameEdit(), u"OAuth renamed"_s);
    QVERIFY(dialog.saveProfile());
    QCOMPARE(readSecret(id, SecretKind::AccessToken), u"access"_s);

    dialog.form()->userEdit()->clear();
    QTest::keyClicks(dialog.form()->userEdit(), u"reader"_s);
    QVERIFY(dialog.saveProfile());
    QCOMPARE(readSecret(id, SecretKind::AccessToken), QString());
    QCOMPARE(readSecret(id, SecretKind::RefreshToken), QString());
    QCOMPARE(readSecret(id, SecretKind::ClientSecret), u"snowscope"_s);
}

void ConnectionDialogTest::dialogModelIsValid()
{
    saveProfile(basicProfile(u"Development"_s));
    ConnectionDialog dialog(m_profiles.get(), context());
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog.model()->rowCount(), 2);
    saveProfile(basicProfile(u"Production"_s));
    QCOMPARE(dialog.model()->rowCount(), 3);
}

void ConnectionDialogTest::dialogTextsHoldNoSecret()
{
    ConnectionProfile oauth = basicProfile(u"OAuth"_s);
    oauth.authMethod = AuthMethod::OAuthPassword;
    oauth.clientId = u"snowscope"_s;
    const QString id = saveProfile(oauth);
    const QString wrongSecret = u"Wr0ng-Dialog-Cl1ent-8812"_s;

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.selectProfile(id);
    dialog.show();
    QStringList texts;

    QTest::keyClicks(dialog.form()->passwordEdit(), wrongPassword);
    QTest::keyClicks(dialog.form()->clientSecretEdit(), wrongSecret);
    dialog.testConnection();
    QVERIFY(waitForSignIn(dialog, SignIn::Outcome::NeedsInput));
    texts << visibleTexts(&dialog) << dialog.banner()->text() << dialog.banner()->details();

    dialog.form()->clientSecretEdit()->clear();
    QTest::keyClicks(dialog.form()->clientSecretEdit(), u"snowscope"_s);
    dialog.testConnection();
    QVERIFY(waitForSignIn(dialog, SignIn::Outcome::NeedsInput));
    texts << visibleTexts(&dialog) << dialog.banner()->text() << dialog.banner()->details();

    for (const QString &text : std::as_const(texts)) {
        QVERIFY2(!text.contains(wrongPassword), qPrintable(text));
        QVERIFY2(!text.contains(wrongSecret), qPrintable(text));
    }
}

void ConnectionDialogTest::dialogPictureShowsIdentity()
{
    // A profile of each kind, so that the picture shows a realistic list.
    ConnectionProfile production;
    production.name = u"Production"_s;
    production.instance = u"acme.service-now.com"_s;
    production.authMethod = AuthMethod::OAuthBrowser;
    production.clientId = u"3f6c0a5e2b8d4c71a9e0f1d2c3b4a596"_s;
    QVERIFY(!saveProfile(production).isEmpty());
    ConnectionProfile integration;
    integration.name = u"Integration account"_s;
    integration.instance = u"acmetest"_s;
    integration.authMethod = AuthMethod::OAuthClientCredentials;
    integration.clientId = u"integration"_s;
    QVERIFY(!saveProfile(integration).isEmpty());
    const QString id = saveProfile(basicProfile(u"Development"_s));

    ConnectionDialog dialog(m_profiles.get(), context());
    dialog.resize(900, 520);
    dialog.selectProfile(id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.form()->passwordEdit(), u"admin"_s);
    dialog.testConnection();
    QVERIFY(waitForSignIn(dialog, SignIn::Outcome::SignedIn));
    QVERIFY(dialog.statusLabel()->text().startsWith(u"Signed in as System Administrator (admin)"));
    QCOMPARE(dialog.profileList()->currentIndex().data().toString(), u"Development"_s);
    // The whole status text is on screen, not cut to the height of the button row.
    QLabel *status = dialog.statusLabel();
    QVERIFY(status->height() >= status->heightForWidth(status->width()));

    const QImage picture = dialog.grab().toImage();
    QCOMPARE(picture.size(), dialog.size() * picture.devicePixelRatio());

    // SNOWSCOPE_SCREENSHOT_DIR=docs/screenshots saves the picture for the documentation.
    const QString folder = qEnvironmentVariable("SNOWSCOPE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(picture.save(QDir(folder).filePath(u"connection-dialog.png"_s), "PNG"));
}

void ConnectionDialogTest::menuListsProfiles()
{
    const QString id = saveProfile(basicProfile(u"R&D"_s));
    ConnectionMenu menu(m_profiles.get());
    menu.setCurrentProfileId(id);

    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 4); // demo, R&D, separator, Manage Connections…
    QCOMPARE(actions.at(0)->data().toString(), ConnectionProfile::demoId());
    QVERIFY(!actions.at(0)->isChecked());
    QCOMPARE(actions.at(1)->text(), u"R&&D"_s);
    QVERIFY(actions.at(1)->isChecked());
    QVERIFY(actions.at(2)->isSeparator());
    QVERIFY(!actions.at(3)->shortcut().isEmpty());

    // The rebuilt menu, sorted by name, keeps the check on the open profile.
    saveProfile(basicProfile(u"Production"_s));
    QCOMPARE(menu.actions().size(), 5);
    QCOMPARE(menu.actions().at(1)->text(), u"Production"_s);
    QVERIFY(!menu.actions().at(1)->isChecked());
    QVERIFY(menu.actions().at(2)->isChecked());
}

void ConnectionDialogTest::menuRequestsProfile()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    ConnectionMenu menu(m_profiles.get());
    menu.setCurrentProfileId(ConnectionProfile::demoId());
    QSignalSpy requested(&menu, &ConnectionMenu::profileRequested);
    QSignalSpy manage(&menu, &ConnectionMenu::manageRequested);

    menu.actions().at(1)->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), id);
    // The check stays on the open profile until the switch succeeds.
    QVERIFY(menu.actions().at(0)->isChecked());

    menu.actions().at(0)->trigger();
    QCOMPARE(requested.count(), 1);
    menu.actions().last()->trigger();
    QCOMPARE(manage.count(), 1);
}

void ConnectionDialogTest::controllerOpensDemo()
{
    ConnectionController controller(m_profiles.get(), m_credentials.get());
    controller.setInteractive(false);
    controller.setDemoStarter([this](QString *) { return m_server->baseUrl(); });
    QSignalSpy windowChanged(&controller, &ConnectionController::windowChanged);

    controller.openProfile(ConnectionProfile::demoId(), ConnectionController::Fallback::ExitWithError);
    QVERIFY(windowChanged.wait(20000));
    MainWindow *window = controller.window();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QCOMPARE(window->session()->profileId(), ConnectionProfile::demoId());
    QCOMPARE(window->windowTitle(), u"Snowscope — Demo instance"_s);
    auto *menu = window->findChild<ConnectionMenu *>(u"connectionMenu"_s);
    QVERIFY(menu);
    QCOMPARE(window->menuBar()->actions().at(1)->menu(), menu);
    QCOMPARE(menu->currentProfileId(), ConnectionProfile::demoId());

    // The identity stays in the status bar without hiding the record count.
    auto *identity = window->findChild<QLabel *>(u"identityLabel"_s);
    QVERIFY(identity);
    QCOMPARE(identity->text(), u"Signed in as System Administrator (admin)"_s);
    QVERIFY(window->statusBar()->currentMessage().isEmpty());
}

void ConnectionDialogTest::controllerSwitchesProfile()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    writeSecret(id, SecretKind::Password, u"admin"_s);

    ConnectionController controller(m_profiles.get(), m_credentials.get());
    controller.setInteractive(false);
    controller.setDemoStarter([this](QString *) { return m_server->baseUrl(); });
    QSignalSpy windowChanged(&controller, &ConnectionController::windowChanged);
    controller.openProfile(ConnectionProfile::demoId());
    QVERIFY(windowChanged.wait(20000));
    QPointer<MainWindow> first = controller.window();
    first->resize(900, 600);

    // The switcher requests the other profile; the window is replaced once signed in.
    first->findChild<ConnectionMenu *>(u"connectionMenu"_s)->actions().at(1)->trigger();
    QVERIFY(windowChanged.wait(20000));
    MainWindow *second = controller.window();
    QVERIFY(second != first);
    QCOMPARE(second->session()->profileId(), id);
    QCOMPARE(second->session()->label(), u"Development"_s);
    QCOMPARE(second->size(), QSize(900, 600));
    QCOMPARE(controller.connection()->profile().id, id);
    QCOMPARE(m_profiles->lastUsedId(), id);
    QTRY_VERIFY(first.isNull());
}

void ConnectionDialogTest::controllerShowsDialogWhenInputNeeded()
{
    const QString id = saveProfile(basicProfile(u"Development"_s));
    ConnectionController controller(m_profiles.get(), m_credentials.get());
    controller.setInteractive(false);

    controller.openProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(controller.dialog(), 20000);
    ConnectionDialog *dialog = controller.dialog();
    QCOMPARE(dialog->currentProfileId(), id);
    QVERIFY(dialog->banner()->isVisible());
    QVERIFY(dialog->banner()->text().contains(u"Enter the password of admin"));
    QVERIFY(!controller.window());

    // Closing the dialog without a window ends the program.
    QSignalSpy quit(&controller, &ConnectionController::quitRequested);
    dialog->reject();
    QCOMPARE(quit.count(), 1);
    QCOMPARE(quit.first().at(0).toInt(), 0);
}

QTEST_MAIN(ConnectionDialogTest)
#include "tst_connection_dialog.moc"
