#include "connectioncontroller.h"

#include "app/demoinstance.h"
#include "app/session.h"
#include "connection/connection.h"
#include "connection/connectiondialog.h"
#include "connection/connectionmenu.h"
#include "connection/credentialstore.h"
#include "connection/profilestore.h"
#include "logging.h"
#include "widgets/mainwindow.h"

#include <QtCore/QTimer>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressDialog>
#include <QtWidgets/QStatusBar>

#include <cstdio>

using namespace Qt::StringLiterals;

// One open connection with its Session and window. The members are destroyed in
// reverse order: the window first, then the Session, then the Connection and its Client.
struct ConnectionController::ActiveConnection
{
    std::unique_ptr<Connection> connection;
    std::unique_ptr<Session> session;
    std::unique_ptr<MainWindow> window;
    ConnectionMenu *menu = nullptr;
};

ConnectionController::ConnectionController(ProfileStore *profiles, CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_credentials(credentials)
{
}

ConnectionController::~ConnectionController()
{
    closeProgress();
    delete m_pendingSignIn;
    delete m_dialog;
    m_active.reset();
    m_retired.clear();
}

void ConnectionController::setDemoIncidents(int count)
{
    m_demoIncidents = count;
}

void ConnectionController::setDemoStarter(std::function<QUrl(QString *errorMessage)> starter)
{
    m_demoStarter = std::move(starter);
}

void ConnectionController::setBrowserOpener(BrowserSignIn::BrowserOpener opener)
{
    m_browserOpener = std::move(opener);
}

void ConnectionController::setInteractive(bool interactive)
{
    m_interactive = interactive;
}

void ConnectionController::setUserAgentProduct(const QByteArray &product)
{
    m_userAgentProduct = product;
}

SignInContext ConnectionController::signInContext()
{
    SignInContext context;
    context.credentials = m_credentials;
    context.profiles = m_profiles;
    context.openBrowser = m_browserOpener;
    context.userAgentProduct = m_userAgentProduct;
    context.startDemo = [self = QPointer<ConnectionController>(this)](QString *errorMessage) {
        return self ? self->startDemo(errorMessage) : QUrl();
    };
    return context;
}

QUrl ConnectionController::startDemo(QString *errorMessage)
{
    if (m_demoStarter)
        return m_demoStarter(errorMessage);

    if (!m_demo) {
        auto demo = std::make_unique<DemoInstance>();
        if (!demo->start(m_demoIncidents, errorMessage))
            return QUrl();
        m_demo = std::move(demo);
    }
    return m_demo->baseUrl();
}

MainWindow *ConnectionController::window() const
{
    return m_active ? m_active->window.get() : nullptr;
}

Session *ConnectionController::session() const
{
    return m_active ? m_active->session.get() : nullptr;
}

Connection *ConnectionController::connection() const
{
    return m_active ? m_active->connection.get() : nullptr;
}

ConnectionDialog *ConnectionController::dialog() const
{
    return m_dialog;
}

ConnectionDialog *ConnectionController::showConnectionDialog(const QString &profileId)
{
    if (m_dialog) {
        if (!profileId.isEmpty() && !m_dialog->isSigningIn())
            m_dialog->selectProfile(profileId);
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }

    auto *dialog = new ConnectionDialog(m_profiles, signInContext(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectProfile(profileId.isEmpty() ? m_profiles->lastUsedId() : profileId);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (std::unique_ptr<Connection> connection = dialog->takeConnection())
            activate(std::move(connection), dialog->connectWarning());
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_active)
            Q_EMIT quitRequested(0);
    });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void ConnectionController::openProfile(const QString &profileId, Fallback fallback)
{
    const ConnectionProfile profile = m_profiles->profile(profileId);
    if (profile.id.isEmpty()) {
        reportAndMaybeQuit(tr("There is no connection with the id \"%1\". Choose one in the connection dialog.").arg(profileId),
                           QString());
        return;
    }

    auto *signIn = new SignIn(profile, signInContext(), this);
    // The browser opens only from the dialog, where the user sees the wait and can stop it.
    signIn->setInteractive(false);
    connect(signIn, &SignIn::finished, this, [this, signIn, fallback] { handleOpenFinished(signIn, fallback); });
    startSignIn(signIn, tr("Connecting to %1…").arg(profile.name));
}

void ConnectionController::startSignIn(SignIn *signIn, const QString &progressText)
{
    if (m_pendingSignIn)
        m_pendingSignIn->cancel();
    m_pendingSignIn = signIn;

    if (m_interactive) {
        closeProgress();
        // Shown only when the sign-in takes longer than the minimum duration.
        auto *progress = new QProgressDialog(progressText, tr("Cancel"), 0, 0, window());
        progress->setWindowTitle(tr("Snowscope"));
        progress->setMinimumDuration(800);
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        connect(progress, &QProgressDialog::canceled, signIn, &SignIn::cancel);
        connect(signIn, &SignIn::progressChanged, progress, &QProgressDialog::setLabelText);
        progress->setValue(0);
        m_progress = progress;
    }
    if (MainWindow *current = window())
        current->statusBar()->showMessage(progressText);
    signIn->start();
}

void ConnectionController::closeProgress()
{
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
}

void ConnectionController::handleOpenFinished(SignIn *signIn, Fallback fallback)
{
    signIn->deleteLater();
    if (m_pendingSignIn == signIn) {
        m_pendingSignIn = nullptr;
        closeProgress();
    }
    if (MainWindow *current = window())
        current->statusBar()->clearMessage();

    switch (signIn->outcome()) {
    case SignIn::Outcome::SignedIn:
        activate(signIn->takeConnection(), signIn->message());
        return;
    case SignIn::Outcome::Cancelled:
        // Without a window, let the user choose another connection.
        if (!m_active && fallback == Fallback::ConnectionDialog)
            showConnectionDialog(signIn->profile().id);
        else if (!m_active)
            Q_EMIT quitRequested(0);
        return;
    case SignIn::Outcome::NeedsInput:
    case SignIn::Outcome::Failed:
        break;
    case SignIn::Outcome::Running:
        return;
    }

    if (fallback == Fallback::ExitWithError) {
        reportAndMaybeQuit(signIn->message(), signIn->details());
        return;
    }
    ConnectionDialog *dialog = showConnectionDialog(signIn->profile().id);
    if (!dialog->isSigningIn())
        dialog->showSignInResult(*signIn);
}

void ConnectionController::openUnsaved(const ConnectionProfile &profile, PasswordPrompt askPassword)
{
    promptAndSignIn(profile, askPassword, QString());
}

void ConnectionController::promptAndSignIn(const ConnectionProfile &profile, const PasswordPrompt &askPassword,
                                           const QString &reason)
{
    const QString prompt = tr("Password of %1 on %2:").arg(profile.userName, instanceLabel(profile));
    QString password;
    if (!askPassword(reason.isEmpty() ? prompt : reason + u"\n\n"_s + prompt, &password)) {
        if (!m_active)
            Q_EMIT quitRequested(0);
        return;
    }

    auto *signIn = new SignIn(profile, signInContext(), this);
    signIn->setPassword(password);
    password.fill(u'\0');
    signIn->setStoresSecrets(false);
    connect(signIn, &SignIn::finished, this, [this, signIn, profile, askPassword] {
        signIn->deleteLater();
        if (m_pendingSignIn == signIn) {
            m_pendingSignIn = nullptr;
            closeProgress();
        }
        switch (signIn->outcome()) {
        case SignIn::Outcome::SignedIn:
            activate(signIn->takeConnection(), signIn->message());
            return;
        case SignIn::Outcome::NeedsInput:
            promptAndSignIn(profile, askPassword, signIn->message());
            return;
        case SignIn::Outcome::Cancelled:
            if (!m_active)
                Q_EMIT quitRequested(0);
            return;
        case SignIn::Outcome::Failed:
            reportAndMaybeQuit(signIn->message(), signIn->details());
            return;
        case SignIn::Outcome::Running:
            return;
        }
    });
    startSignIn(signIn, tr("Connecting to %1…").arg(instanceLabel(profile)));
}

void ConnectionController::reportAndMaybeQuit(const QString &message, const QString &details)
{
    std::fprintf(stderr, "snowscope: %s\n", qPrintable(message));
    if (m_interactive) {
        QMessageBox box(QMessageBox::Critical, tr("Snowscope"), message, QMessageBox::Close, window());
        box.setDetailedText(details);
        box.exec();
    }
    if (!m_active)
        Q_EMIT quitRequested(1);
}

void ConnectionController::activate(std::unique_ptr<Connection> connection, const QString &warning)
{
    if (!connection)
        return;

    auto next = std::make_unique<ActiveConnection>();
    const ConnectionProfile profile = connection->profile();
    // An unsaved profile (--instance, --host) keeps its settings under the instance name.
    const QString sessionId = profile.id.isEmpty() ? instanceLabel(profile) : profile.id;
    next->connection = std::move(connection);
    next->session = std::make_unique<Session>(next->connection->client(), next->connection->label(), sessionId);
    next->window = std::make_unique<MainWindow>(next->session.get());

    next->menu = new ConnectionMenu(m_profiles, next->window.get());
    next->menu->setCurrentProfileId(profile.id);
    connect(next->menu, &ConnectionMenu::profileRequested, this, [this](const QString &id) { openProfile(id); });
    connect(next->menu, &ConnectionMenu::manageRequested, this, [this] {
        Connection *open = this->connection();
        showConnectionDialog(open ? open->profile().id : QString());
    });
    next->window->addConnectionMenu(next->menu);

    if (m_active) {
        MainWindow *previous = m_active->window.get();
        next->window->setGeometry(previous->geometry());
        if (previous->isMaximized())
            next->window->setWindowState(Qt::WindowMaximized);
    }
    next->window->show();

    if (m_active) {
        // The old window may ask about unsaved edits; if the user keeps it, undo the switch.
        if (!m_active->window->close()) {
            qCInfo(lcProfiles) << "The switch to profile" << profile.id << "was cancelled in the old window";
            next->window->hide();
            return;
        }
        m_retired.push_back(std::move(m_active));
        QTimer::singleShot(0, this, [this] { m_retired.clear(); });
    }
    m_active = std::move(next);

    Connection *opened = m_active->connection.get();
    MainWindow *shown = m_active->window.get();
    connect(opened, &Connection::renewalFailed, shown, [shown](const snow::Error &error) {
        shown->statusBar()->showMessage(tr("The access token could not be renewed: %1").arg(error.message()));
    });
    // A permanent widget, because a status message would hide the record count while
    // the first rows load.
    auto *identityLabel = new QLabel(tr("Signed in as %1").arg(opened->identity().text()), shown);
    identityLabel->setObjectName(u"identityLabel"_s);
    identityLabel->setContentsMargins(12, 0, 0, 0);
    identityLabel->setToolTip(tr("Signed in to %1 as %2").arg(instanceLabel(opened->profile()), opened->identity().text()));
    shown->statusBar()->addPermanentWidget(identityLabel);
    if (!warning.isEmpty())
        shown->statusBar()->showMessage(warning, 10000);

    if (!profile.id.isEmpty())
        m_profiles->setLastUsedId(profile.id);
    qCInfo(lcApp).noquote() << "Opened" << instanceLabel(opened->profile()) << "as" << opened->identity().userName;
    Q_EMIT windowChanged(shown);
}
