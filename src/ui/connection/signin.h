#pragma once

#include "connection/browsersignin.h"
#include "connection/connectionprofile.h"

#include <snow/error.h>

#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <memory>

class BrowserSignIn;
class Connection;
class CredentialStore;
class IdentityCheck;
class ProfileStore;

namespace snow {
class Client;
class OAuthClient;
class Response;
}

/// Services that a sign-in takes from the application.
struct SignInContext
{
    /// Store that secrets are read from and written to. Required.
    CredentialStore *credentials = nullptr;
    /// Keeps the expiry of stored tokens; may be null.
    ProfileStore *profiles = nullptr;
    /// Starts the built-in demo instance on first use and returns its base URL, or an
    /// empty URL with the error message set. Needed only for the demo profile.
    std::function<QUrl(QString *errorMessage)> startDemo;
    /// Opens the authorization page of a browser sign-in; QDesktopServices::openUrl()
    /// when empty.
    BrowserSignIn::BrowserOpener openBrowser;
    /// The product part of the User-Agent, such as "Snowscope/0.1.0".
    QByteArray userAgentProduct;
};

/// Opens a connection for one profile: reads its secrets from the keychain, signs in
/// with the profile's method, checks who is signed in, and stores what is new.
///
/// Steps:
/// 1. Read the profile's secrets (CredentialStore). A secret set with setPassword()
///    or setClientSecret() takes the place of the stored one.
/// 2. Basic: build the Client with the password. OAuth: restore the stored token, or
///    get a new one with the profile's grant (password, browser with PKCE, client
///    credentials). A stored token that the instance rejects is replaced by a new one.
/// 3. Ask the instance who is signed in (IdentityCheck).
/// 4. When storesSecrets() is true, write the secrets typed for this sign-in and the
///    new token to the keychain, and keep later tokens there (Connection::keepTokens()).
///
/// The sign-in never prompts the user itself. When it needs something from the
/// user, it ends with the outcome NeedsInput: neededInput() returns what is needed and
/// message() the reason. The caller asks the user, then starts a new SignIn with the
/// reply. So the same
/// code serves the connection dialog, the profile switcher and start-up.
///
/// finished() is emitted exactly once, also after cancel(). Lives in the GUI thread.
/// The password and secrets given to it are not logged, and no message contains them.
class SignIn : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Running,
        SignedIn,    ///< takeConnection() returns the connection
        NeedsInput,  ///< see neededInput() and message()
        Failed,      ///< see error() and message()
        Cancelled,
    };
    Q_ENUM(Outcome)

    enum class Input {
        None,
        Password,         ///< the password is missing or was rejected
        ClientSecret,     ///< the OAuth client secret is missing, or the client id or secret was rejected
        KeychainConsent,  ///< no keychain works: the user may allow keeping secrets in memory for this run
        BrowserSignIn,    ///< setInteractive(false) was set and the sign-in needs the browser
    };
    Q_ENUM(Input)

    SignIn(const ConnectionProfile &profile, const SignInContext &context, QObject *parent = nullptr);
    ~SignIn() override;

    /// Uses @p password in place of the stored one. For Basic it is stored after a
    /// successful sign-in; for the OAuth password grant it is only sent to get a token.
    void setPassword(const QString &password);
    /// Uses @p secret as the OAuth client secret and stores it after a successful sign-in.
    void setClientSecret(const QString &secret);
    /// Whether the sign-in may open the web browser; true by default. When false, a
    /// browser sign-in ends with NeedsInput and Input::BrowserSignIn.
    void setInteractive(bool interactive);
    /// Whether secrets and tokens are written to the keychain after success; true by
    /// default. Profiles without an id never store anything.
    void setStoresSecrets(bool storesSecrets);

    void start();
    /// Stops every step; finished() follows with Outcome::Cancelled.
    void cancel();

    const ConnectionProfile &profile() const { return m_profile; }
    Outcome outcome() const { return m_outcome; }
    Input neededInput() const { return m_neededInput; }
    /// The error that ended the sign-in (Failed), or that led to NeedsInput; may be empty.
    snow::Error error() const { return m_error; }
    /// One or two sentences for the user: why input is needed, what failed, or a
    /// warning after success (a secret that could not be stored). Never contains a secret.
    QString message() const { return m_message; }
    /// Technical text for a "Details" view; empty when there is no error.
    QString details() const;
    /// Hands over the connection after Outcome::SignedIn; nullptr otherwise or when
    /// already taken.
    std::unique_ptr<Connection> takeConnection();

Q_SIGNALS:
    /// A new step began, such as "Checking the sign-in…".
    void progressChanged(const QString &text);
    /// The browser was opened for a browser sign-in; the user signs in there.
    void browserOpened(const QUrl &url);
    void finished();

private:
    void startDemo();
    void readSecrets();
    void continueAfterSecrets();
    void signInBasic();
    void signInOAuth();
    void requestToken();
    void handleTokenResult(const snow::Error &error);
    void verify();
    void handleVerification();
    void storeSecrets();
    QString storedSecret(SecretKind kind) const;

    void needInput(Input input, const QString &message, const snow::Error &error = snow::Error());
    void fail(const snow::Error &error, const QString &message = QString());
    void finish(Outcome outcome);

    ConnectionProfile m_profile;
    SignInContext m_context;
    bool m_interactive = true;
    bool m_storesSecrets = true;

    QString m_typedPassword;
    QString m_typedClientSecret;
    QMap<SecretKind, QString> m_storedSecrets;
    QString m_keychainError;
    bool m_keychainDenied = false;
    int m_pendingReads = 0;
    int m_pendingWrites = 0;

    std::unique_ptr<Connection> m_connection;
    bool m_usingStoredToken = false;
    QString m_tokenBeforeSignIn;
    std::unique_ptr<snow::Response> m_tokenRequest;
    BrowserSignIn *m_browserSignIn = nullptr;
    IdentityCheck *m_identityCheck = nullptr;

    Outcome m_outcome = Outcome::Running;
    Input m_neededInput = Input::None;
    snow::Error m_error;
    QString m_message;
    bool m_started = false;
};
