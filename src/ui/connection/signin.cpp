#include "signin.h"

#include "app/demoinstance.h"
#include "app/errortext.h"
#include "connection/connection.h"
#include "connection/credentialstore.h"
#include "connection/identitycheck.h"
#include "connection/profilestore.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/oauthclient.h>
#include <snow/response.h>

#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace {

// True when the instance refused the credentials, as opposed to not being reached.
bool isRejection(const snow::Error &error)
{
    switch (error.kind()) {
    case snow::Error::HttpError:
        return error.httpStatus() == 401;
    case snow::Error::TokenCreateError:
    case snow::Error::MissingToken:
        return true;
    default:
        return false;
    }
}

// The OAuth error description when there is one, else the error's message.
QString reasonOf(const snow::Error &error)
{
    return error.detail().isEmpty() ? error.message() : error.detail();
}

void wipe(QString &secret)
{
    secret.fill(u'\0');
    secret.clear();
}

} // namespace

SignIn::SignIn(const ConnectionProfile &profile, const SignInContext &context, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_context(context)
{
}

SignIn::~SignIn()
{
    // The identity check and browser sign-in hold Responses of the Client; end them
    // while the Client still exists.
    delete m_identityCheck;
    delete m_browserSignIn;
    m_tokenRequest.reset();
    for (QString &secret : m_storedSecrets)
        wipe(secret);
    wipe(m_typedPassword);
    wipe(m_typedClientSecret);
}

void SignIn::setPassword(const QString &password)
{
    m_typedPassword = password;
}

void SignIn::setClientSecret(const QString &secret)
{
    m_typedClientSecret = secret;
}

void SignIn::setInteractive(bool interactive)
{
    m_interactive = interactive;
}

void SignIn::setStoresSecrets(bool storesSecrets)
{
    m_storesSecrets = storesSecrets;
}

QString SignIn::details() const
{
    return m_error.isError() ? technicalDetails(m_error) : QString();
}

std::unique_ptr<Connection> SignIn::takeConnection()
{
    if (m_outcome != Outcome::SignedIn)
        return nullptr;
    return std::move(m_connection);
}

void SignIn::start()
{
    if (m_started)
        return;
    m_started = true;
    qCInfo(lcProfiles).noquote() << "Signing in with profile" << (m_profile.id.isEmpty() ? u"(unsaved)"_s : m_profile.id)
                                 << "to" << instanceLabel(m_profile) << "with sign-in method" << authMethodKey(m_profile.authMethod);

    if (m_profile.isDemo()) {
        startDemo();
        return;
    }

    const QString invalid = validateProfile(m_profile);
    if (!invalid.isEmpty()) {
        fail(snow::Error(snow::Error::InvalidUsage, invalid), invalid);
        return;
    }
    if (!m_context.credentials) {
        fail(snow::Error(snow::Error::InvalidUsage, u"SignIn: the context has no credential store"_s));
        return;
    }
    readSecrets();
}

void SignIn::cancel()
{
    if (m_outcome != Outcome::Running)
        return;
    m_error = snow::Error(snow::Error::Aborted, tr("The sign-in was cancelled."));
    m_message = m_error.message();
    finish(Outcome::Cancelled);
}

void SignIn::startDemo()
{
    Q_EMIT progressChanged(tr("Starting the demo instance…"));

    QString startError = tr("this build cannot start it");
    const QUrl baseUrl = m_context.startDemo ? m_context.startDemo(&startError) : QUrl();
    if (baseUrl.isEmpty()) {
        const QString text = tr("The demo instance did not start: %1").arg(startError);
        fail(snow::Error(snow::Error::FileError, text), text);
        return;
    }
    m_profile.instance = baseUrl.toString();

    // The demo account is published in the emulator's documentation; it is no secret.
    snow::ClientOptions options = clientOptions(m_profile);
    options.user = DemoInstance::user();
    options.password = DemoInstance::password();
    auto client = std::make_unique<snow::Client>(options);
    client->setUserAgentProduct(m_context.userAgentProduct);
    m_connection = std::make_unique<Connection>(m_profile, std::move(client));
    verify();
}

void SignIn::readSecrets()
{
    // An unsaved profile has no keychain entries yet.
    if (m_profile.id.isEmpty()) {
        continueAfterSecrets();
        return;
    }

    Q_EMIT progressChanged(tr("Reading the saved secrets from the keychain…"));
    const QList<SecretKind> kinds = storedSecretKinds(m_profile.authMethod);
    m_pendingReads = int(kinds.size());
    for (SecretKind kind : kinds) {
        m_context.credentials->read(m_profile.id, kind, this, [this, kind](const CredentialResult &result) {
            if (m_outcome != Outcome::Running)
                return;

            switch (result.status) {
            case CredentialResult::Ok:
                m_storedSecrets.insert(kind, result.secret);
                break;
            case CredentialResult::NotFound:
                break;
            case CredentialResult::Denied:
                m_keychainDenied = true;
                [[fallthrough]];
            case CredentialResult::Unavailable:
            case CredentialResult::Failed:
                if (m_keychainError.isEmpty())
                    m_keychainError = result.errorText.isEmpty() ? tr("no reason given") : result.errorText;
                break;
            }

            if (--m_pendingReads == 0)
                continueAfterSecrets();
        });
    }
}

void SignIn::continueAfterSecrets()
{
    if (!m_keychainError.isEmpty() && !m_context.credentials->isMemoryOnly()) {
        const QString text = m_keychainDenied
            ? tr("The system keychain refused access: %1. Snowscope can keep the secrets of this connection in memory "
                 "until it quits; you will have to enter them again next time.")
            : tr("No system keychain is available: %1. Snowscope can keep the secrets of this connection in memory "
                 "until it quits; you will have to enter them again next time.");
        needInput(Input::KeychainConsent, text.arg(m_keychainError));
        return;
    }

    if (m_profile.authMethod == AuthMethod::Basic)
        signInBasic();
    else
        signInOAuth();
}

QString SignIn::storedSecret(SecretKind kind) const
{
    return m_storedSecrets.value(kind);
}

void SignIn::signInBasic()
{
    const QString password = m_typedPassword.isEmpty() ? storedSecret(SecretKind::Password) : m_typedPassword;
    if (password.isEmpty()) {
        needInput(Input::Password, tr("Enter the password of %1 on %2.").arg(m_profile.userName, instanceLabel(m_profile)));
        return;
    }

    snow::ClientOptions options = clientOptions(m_profile);
    options.password = password;
    auto client = std::make_unique<snow::Client>(options);
    wipe(options.password);
    if (!client->isValid()) {
        fail(client->validationError());
        return;
    }
    client->setUserAgentProduct(m_context.userAgentProduct);
    m_connection = std::make_unique<Connection>(m_profile, std::move(client));
    verify();
}

void SignIn::signInOAuth()
{
    const QString clientSecret = m_typedClientSecret.isEmpty() ? storedSecret(SecretKind::ClientSecret) : m_typedClientSecret;
    if (clientSecret.isEmpty()) {
        needInput(Input::ClientSecret, tr("Enter the client secret of the OAuth application \"%1\" on %2.")
                                           .arg(m_profile.clientId, instanceLabel(m_profile)));
        return;
    }

    auto client = std::make_unique<snow::OAuthClient>(clientOptions(m_profile), m_profile.clientId.trimmed(), clientSecret);
    if (!client->isValid()) {
        fail(client->validationError());
        return;
    }
    client->setUserAgentProduct(m_context.userAgentProduct);
    snow::OAuthClient *oauth = client.get();
    m_connection = std::make_unique<Connection>(m_profile, std::move(client));

    // A password typed for the password grant requests a fresh token with it.
    const bool freshTokenRequested = m_profile.authMethod == AuthMethod::OAuthPassword && !m_typedPassword.isEmpty();
    const QString storedAccessToken = storedSecret(SecretKind::AccessToken);
    if (!storedAccessToken.isEmpty() && !freshTokenRequested) {
        snow::OAuthToken token;
        token.accessToken = storedAccessToken;
        token.refreshToken = storedSecret(SecretKind::RefreshToken);
        if (m_context.profiles)
            token.expiresAt = m_context.profiles->tokenExpiry(m_profile.id);
        if (oauth->setToken(token)) {
            m_usingStoredToken = true;
            m_tokenBeforeSignIn = storedAccessToken;
            verify();
            return;
        }
    }
    requestToken();
}

void SignIn::requestToken()
{
    snow::OAuthClient *client = m_connection->oauthClient();

    switch (m_profile.authMethod) {
    case AuthMethod::OAuthPassword:
        if (m_typedPassword.isEmpty()) {
            const QString text = m_tokenBeforeSignIn.isEmpty()
                ? tr("Enter the password of %1 on %2.")
                : tr("The saved sign-in of %1 on %2 has expired. Enter the password to sign in again.");
            needInput(Input::Password, text.arg(m_profile.userName, instanceLabel(m_profile)));
            return;
        }
        Q_EMIT progressChanged(tr("Requesting a token…"));
        m_tokenRequest.reset(client->generateToken(m_profile.userName.trimmed(), m_typedPassword));
        break;
    case AuthMethod::OAuthClientCredentials:
        Q_EMIT progressChanged(tr("Requesting a token…"));
        m_tokenRequest.reset(client->generateServiceToken());
        break;
    case AuthMethod::OAuthBrowser:
        if (!m_interactive) {
            needInput(Input::BrowserSignIn, tr("Sign in with the web browser to open \"%1\".").arg(m_profile.name));
            return;
        }
        Q_EMIT progressChanged(tr("Waiting for the sign-in in the web browser…"));
        m_browserSignIn = new BrowserSignIn(client, m_context.openBrowser, this);
        connect(m_browserSignIn, &BrowserSignIn::browserOpened, this, &SignIn::browserOpened);
        connect(
            m_browserSignIn, &BrowserSignIn::finished, this,
            [this] {
                if (!m_browserSignIn)
                    return;
                const snow::Error error = m_browserSignIn->error();
                m_browserSignIn->deleteLater();
                m_browserSignIn = nullptr;
                handleTokenResult(error);
            },
            Qt::QueuedConnection);
        m_browserSignIn->start();
        return;
    case AuthMethod::Basic:
        return;
    }

    connect(
        m_tokenRequest.get(), &snow::Response::finished, this,
        [this] {
            if (!m_tokenRequest)
                return;
            const snow::Error error = m_tokenRequest->error();
            m_tokenRequest.release()->deleteLater();
            handleTokenResult(error);
        },
        Qt::QueuedConnection);
}

void SignIn::handleTokenResult(const snow::Error &error)
{
    if (m_outcome != Outcome::Running)
        return;
    if (!error.isError()) {
        verify();
        return;
    }

    const QString code = error.oauthError();
    const bool clientRejected = code == u"invalid_client"
        || (code.isEmpty() && error.httpStatus() == 401 && m_profile.authMethod == AuthMethod::OAuthClientCredentials);
    if (clientRejected) {
        needInput(Input::ClientSecret,
                  tr("The instance rejected the client ID \"%1\" or its client secret: %2 Check both against the "
                     "instance's OAuth application.")
                      .arg(m_profile.clientId, reasonOf(error)),
                  error);
        return;
    }
    if (m_profile.authMethod == AuthMethod::OAuthPassword && (code == u"invalid_grant" || error.httpStatus() == 401)) {
        needInput(Input::Password,
                  tr("The instance rejected the user name or password: %1 Check both and enter the password again.")
                      .arg(reasonOf(error)),
                  error);
        return;
    }
    fail(error);
}

void SignIn::verify()
{
    Q_EMIT progressChanged(tr("Checking the sign-in…"));
    const QString userName = needsUserName(m_profile.authMethod) ? m_profile.userName.trimmed() : QString();
    m_identityCheck = new IdentityCheck(m_connection->client(), userName, this);
    // Every step after a Response is queued: a failed request can finish inside the
    // OAuthClient's refresh code, which must return before the Client is changed or deleted.
    connect(m_identityCheck, &IdentityCheck::finished, this, &SignIn::handleVerification, Qt::QueuedConnection);
    m_identityCheck->start();
}

void SignIn::handleVerification()
{
    if (!m_identityCheck)
        return;
    const snow::Error error = m_identityCheck->error();
    const Identity identity = m_identityCheck->identity();
    m_identityCheck->deleteLater();
    m_identityCheck = nullptr;
    if (m_outcome != Outcome::Running)
        return;

    if (!error.isError()) {
        m_connection->setIdentity(identity);
        qCInfo(lcProfiles).noquote() << "Signed in to" << instanceLabel(m_profile) << "as" << identity.userName;
        storeSecrets();
        return;
    }

    if (!isRejection(error) || m_profile.isDemo()) {
        fail(error);
        return;
    }

    if (m_profile.authMethod == AuthMethod::Basic) {
        const QString text = m_typedPassword.isEmpty()
            ? tr("The instance rejected the saved password of %1: %2. Enter the password again.")
            : tr("The instance rejected the user name %1 or its password: %2. Check both and try again.");
        needInput(Input::Password, text.arg(m_profile.userName, error.message()), error);
        return;
    }

    if (m_usingStoredToken) {
        // The saved token expired or was revoked, and a refresh did not help.
        qCInfo(lcProfiles).noquote() << "The instance rejected the saved token of profile" << m_profile.id
                                     << "; requesting a new one:" << error.toString();
        m_usingStoredToken = false;
        m_connection->oauthClient()->setToken(snow::OAuthToken());
        requestToken();
        return;
    }
    fail(error);
}

void SignIn::storeSecrets()
{
    if (!m_storesSecrets || m_profile.id.isEmpty() || m_profile.isDemo()) {
        finish(Outcome::SignedIn);
        return;
    }

    auto done = [this](const CredentialResult &result) {
        if (!result.isOk() && m_message.isEmpty()) {
            m_message = tr("Signed in, but a secret could not be saved in the keychain: %1. You may have to enter "
                           "it again next time.")
                            .arg(result.errorText);
        }
        if (--m_pendingWrites == 0)
            finish(Outcome::SignedIn);
    };

    // Count the writes first: a callback may run before the last write is queued.
    const bool writePassword = m_profile.authMethod == AuthMethod::Basic && !m_typedPassword.isEmpty()
        && m_typedPassword != storedSecret(SecretKind::Password);
    const bool writeClientSecret = usesOAuth(m_profile.authMethod) && !m_typedClientSecret.isEmpty()
        && m_typedClientSecret != storedSecret(SecretKind::ClientSecret);
    snow::OAuthClient *oauth = m_connection->oauthClient();
    const bool writeToken = oauth && oauth->token().accessToken != m_tokenBeforeSignIn;
    m_pendingWrites = int(writePassword) + int(writeClientSecret) + int(writeToken);

    if (oauth)
        m_connection->keepTokens(m_context.credentials, m_context.profiles);
    if (m_pendingWrites == 0) {
        finish(Outcome::SignedIn);
        return;
    }

    Q_EMIT progressChanged(tr("Saving the sign-in in the keychain…"));
    if (writePassword)
        m_context.credentials->write(m_profile.id, SecretKind::Password, m_typedPassword, this, done);
    if (writeClientSecret)
        m_context.credentials->write(m_profile.id, SecretKind::ClientSecret, m_typedClientSecret, this, done);
    if (writeToken) {
        connect(
            m_connection.get(), &Connection::tokensStored, this,
            [done](bool stored, const QString &errorText) {
                CredentialResult result;
                result.status = stored ? CredentialResult::Ok : CredentialResult::Failed;
                result.errorText = errorText;
                done(result);
            },
            Qt::SingleShotConnection);
        m_connection->storeCurrentToken();
    }
}

void SignIn::needInput(Input input, const QString &message, const snow::Error &error)
{
    m_neededInput = input;
    m_message = message;
    m_error = error;
    finish(Outcome::NeedsInput);
}

void SignIn::fail(const snow::Error &error, const QString &message)
{
    m_error = error;
    m_message = message.isEmpty() ? userMessage(error) : message;
    qCWarning(lcProfiles).noquote() << "Sign-in failed:" << error.toString();
    finish(Outcome::Failed);
}

void SignIn::finish(Outcome outcome)
{
    if (m_outcome != Outcome::Running)
        return;
    m_outcome = outcome;

    if (m_identityCheck) {
        m_identityCheck->abort();
        m_identityCheck->deleteLater();
        m_identityCheck = nullptr;
    }
    if (m_browserSignIn) {
        m_browserSignIn->disconnect(this);
        m_browserSignIn->cancel();
        delete m_browserSignIn;
        m_browserSignIn = nullptr;
    }
    m_tokenRequest.reset();
    // The Client may be in the middle of delivering a signal to this sign-in; delete
    // it from the event loop.
    if (outcome != Outcome::SignedIn && m_connection)
        m_connection.release()->deleteLater();

    for (QString &secret : m_storedSecrets)
        wipe(secret);
    m_storedSecrets.clear();
    wipe(m_typedPassword);
    wipe(m_typedClientSecret);

    if (outcome == Outcome::NeedsInput)
        qCInfo(lcProfiles).noquote() << "Sign-in needs input:" << m_message;

    // Emit from the event loop, so that finished() never arrives inside start().
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}
