#include "connection.h"

#include "connection/credentialstore.h"
#include "connection/profilestore.h"
#include "logging.h"

#include <snow/oauthclient.h>
#include <snow/response.h>

#include <QtCore/QTimer>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// How long before expiry a client-credentials token is renewed, as OAuthClient's
// default refresh margin for tokens with a refresh token.
constexpr qint64 renewalMarginSeconds = 60;

} // namespace

Connection::Connection(const ConnectionProfile &profile, std::unique_ptr<snow::Client> client, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_client(std::move(client))
{
    if (profile.authMethod == AuthMethod::OAuthClientCredentials && oauthClient()) {
        m_renewalTimer = new QTimer(this);
        m_renewalTimer->setSingleShot(true);
        connect(m_renewalTimer, &QTimer::timeout, this, &Connection::renewServiceToken);
        connect(oauthClient(), &snow::OAuthClient::tokenUpdated, this, &Connection::scheduleRenewal);
    }
}

Connection::~Connection() = default;

snow::OAuthClient *Connection::oauthClient() const
{
    return qobject_cast<snow::OAuthClient *>(m_client.get());
}

QString Connection::label() const
{
    return m_profile.name;
}

void Connection::keepTokens(CredentialStore *credentials, ProfileStore *profiles)
{
    snow::OAuthClient *client = oauthClient();
    if (!client || !credentials || m_profile.id.isEmpty())
        return;

    const bool connected = !m_credentials.isNull();
    m_credentials = credentials;
    m_profiles = profiles;
    if (!connected)
        connect(client, &snow::OAuthClient::tokenUpdated, this, &Connection::storeToken);
}

void Connection::storeCurrentToken()
{
    if (snow::OAuthClient *client = oauthClient())
        storeToken(client->token());
}

void Connection::storeToken(const snow::OAuthToken &token)
{
    if (!m_credentials || token.isEmpty())
        return;

    // Two writes per token; report once, after both, with the first failure.
    struct Progress
    {
        int remaining = 2;
        bool stored = true;
        QString errorText;
    };
    auto progress = std::make_shared<Progress>();
    auto done = [this, progress](const CredentialResult &result) {
        if (!result.isOk() && progress->stored) {
            progress->stored = false;
            progress->errorText = result.errorText;
        }
        if (--progress->remaining == 0)
            Q_EMIT tokensStored(progress->stored, progress->errorText);
    };

    m_credentials->write(m_profile.id, SecretKind::AccessToken, token.accessToken, this, done);
    // The client-credentials grant has no refresh token: drop an old one rather than
    // leave a stale entry behind.
    if (token.refreshToken.isEmpty())
        m_credentials->remove(m_profile.id, SecretKind::RefreshToken, this, done);
    else
        m_credentials->write(m_profile.id, SecretKind::RefreshToken, token.refreshToken, this, done);

    if (m_profiles)
        m_profiles->setTokenExpiry(m_profile.id, token.expiresAt);
    qCInfo(lcProfiles) << "Stored the new token of profile" << m_profile.id << "in the keychain";
}

void Connection::scheduleRenewal(const snow::OAuthToken &token)
{
    if (!token.expiresAt.isValid()) {
        m_renewalTimer->stop();
        return;
    }

    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(token.expiresAt);
    // A token shorter-lived than the margin is renewed halfway through its life.
    const qint64 delay = lifetime > 2 * renewalMarginSeconds ? lifetime - renewalMarginSeconds : lifetime / 2;
    m_renewalTimer->start(std::chrono::seconds(std::max<qint64>(delay, 1)));
    qCDebug(lcProfiles) << "Renewing the client-credentials token in" << std::max<qint64>(delay, 1) << "seconds";
}

void Connection::renewServiceToken()
{
    snow::OAuthClient *client = oauthClient();
    if (!client || m_renewal)
        return;

    qCInfo(lcProfiles).noquote() << "Renewing the client-credentials token of profile" << m_profile.id;
    m_renewal.reset(client->generateServiceToken());
    connect(m_renewal.get(), &snow::Response::finished, this, [this] {
        const snow::Error error = m_renewal->error();
        m_renewal.release()->deleteLater();
        if (!error.isError())
            return; // tokenUpdated() has scheduled the next renewal
        qCWarning(lcProfiles).noquote() << "Renewing the client-credentials token failed; retrying in"
                                        << renewalMarginSeconds << "seconds:" << error.toString();
        m_renewalTimer->start(std::chrono::seconds(renewalMarginSeconds));
        Q_EMIT renewalFailed(error);
    });
}
