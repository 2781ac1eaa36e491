#pragma once

#include "connection/signin.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <memory>
#include <vector>

class Connection;
class ConnectionDialog;
class CredentialStore;
class DemoInstance;
class MainWindow;
class ProfileStore;
class QProgressDialog;
class Session;

/// Opens connections and keeps the main window on the open one: the start-up flow
/// and the profile switcher.
///
/// At most one connection is open. Opening another one signs in first. Only when the
/// sign-in succeeds does a new main window with a new Session replace the old window,
/// at the same place and size. The old window is closed through QWidget::close(), so that
/// it can ask about unsaved edits; when the user keeps it, the new connection is
/// dropped and nothing changes. Whenever a sign-in needs something from the user, the
/// connection dialog opens with the profile selected and the reason shown.
///
/// The demo instance starts on first use and runs until the controller is destroyed.
/// Lives in the GUI thread.
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    /// Behaviour of openProfile() when the sign-in needs input or fails.
    enum class Fallback {
        ConnectionDialog, ///< show the connection dialog with the reason
        ExitWithError,    ///< report the error; without a window, quitRequested(1) follows
    };

    /// Asks for a password with @p label as the prompt; returns false when the user cancels.
    using PasswordPrompt = std::function<bool(const QString &label, QString *password)>;

    /// The stores must outlive the controller.
    ConnectionController(ProfileStore *profiles, CredentialStore *credentials, QObject *parent = nullptr);
    ~ConnectionController() override;

    /// Incidents of the demo instance, given to DemoInstance::start(); 5000 by default.
    void setDemoIncidents(int count);
    /// Replaces how the demo instance starts, for tests.
    void setDemoStarter(std::function<QUrl(QString *errorMessage)> starter);
    /// Replaces how the browser opens for a browser sign-in, for tests.
    void setBrowserOpener(BrowserSignIn::BrowserOpener opener);
    /// Turns message boxes and progress dialogs off, for unattended runs (--screenshot).
    void setInteractive(bool interactive);
    void setUserAgentProduct(const QByteArray &product);

    SignInContext signInContext();

    /// Shows the connection dialog with @p profileId selected, or the profile opened
    /// last (the demo the first time). Returns the dialog, which deletes itself on close.
    ConnectionDialog *showConnectionDialog(const QString &profileId = QString());
    /// Opens @p profileId without asking when nothing is needed from the user.
    void openProfile(const QString &profileId, Fallback fallback = Fallback::ConnectionDialog);
    /// Opens an unsaved Basic profile, asking for the password with @p askPassword, and
    /// again after each rejection: the --instance and --host start-up.
    void openUnsaved(const ConnectionProfile &profile, PasswordPrompt askPassword);

    MainWindow *window() const;
    Session *session() const;
    Connection *connection() const;
    /// The open connection dialog, or nullptr.
    ConnectionDialog *dialog() const;
    /// The sign-in of openProfile() or openUnsaved() in progress, or nullptr.
    SignIn *pendingSignIn() const { return m_pendingSignIn; }

Q_SIGNALS:
    /// A main window for a newly opened connection is showing; the previous one, if
    /// any, is closed and deleted later.
    void windowChanged(MainWindow *window);
    /// Start-up ended without a window: the user closed the dialog (0) or the sign-in
    /// failed with Fallback::ExitWithError (1). The program should exit.
    void quitRequested(int exitCode);

private:
    struct ActiveConnection;

    QUrl startDemo(QString *errorMessage);
    void startSignIn(SignIn *signIn, const QString &progressText);
    void handleOpenFinished(SignIn *signIn, Fallback fallback);
    void promptAndSignIn(const ConnectionProfile &profile, const PasswordPrompt &askPassword, const QString &reason);
    void reportAndMaybeQuit(const QString &message, const QString &details);
    void activate(std::unique_ptr<Connection> connection, const QString &warning);
    void closeProgress();

    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    std::unique_ptr<DemoInstance> m_demo;
    int m_demoIncidents = 5000;
    std::function<QUrl(QString *errorMessage)> m_demoStarter;
    BrowserSignIn::BrowserOpener m_browserOpener;
    QByteArray m_userAgentProduct;
    bool m_interactive = true;

    std::unique_ptr<ActiveConnection> m_active;
    // Replaced connections, deleted from the event loop because the switch may start
    // in a slot of their own window.
    std::vector<std::unique_ptr<ActiveConnection>> m_retired;
    QPointer<ConnectionDialog> m_dialog;
    QPointer<SignIn> m_pendingSignIn;
    QPointer<QProgressDialog> m_progress;
};
