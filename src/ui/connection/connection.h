#pragma once

#include "connection/connectionprofile.h"
#include "connection/identitycheck.h"

#include <snow/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

class CredentialStore;
class ProfileStore;
class QTimer;

namespace snow {
class Client;
class OAuthClient;
struct OAuthToken;
class Response;
}

/// An open connection to one instance: the signed-in Client, the profile it was
/// opened from and the signed-in user. SignIn creates it; a Session uses its Client.
///
/// It owns the Client. For OAuth profiles it also keeps the token alive:
/// - after keepTokens(), every new or refreshed token (OAuthClient::tokenUpdated) is
///   written to the keychain, access and refresh token in their own entries, and the
///   token's expiry to the profile store;
/// - with the client-credentials grant, which issues no refresh token, it requests a
///   new token 60 seconds before the current one expires.
///
/// Lives in the GUI thread.
class Connection : public QObject
{
    Q_OBJECT

public:
    Connection(const ConnectionProfile &profile, std::unique_ptr<snow::Client> client, QObject *parent = nullptr);
    ~Connection() override;

    snow::Client *client() const { return m_client.get(); }
    /// The Client as an OAuthClient, or nullptr for Basic and the demo.
    snow::OAuthClient *oauthClient() const;
    const ConnectionProfile &profile() const { return m_profile; }

    Identity identity() const { return m_identity; }
    void setIdentity(const Identity &identity) { m_identity = identity; }
    /// Returns the profile name, for window titles and the status bar.
    QString label() const;

    /// Writes each new token of the OAuthClient to @p credentials and its expiry to
    /// @p profiles (may be null) from now on. Does nothing for Basic profiles.
    void keepTokens(CredentialStore *credentials, ProfileStore *profiles);
    /// Writes the current token now; tokensStored() follows.
    void storeCurrentToken();

Q_SIGNALS:
    /// A token write finished; @p stored is false when the keychain failed, with
    /// @p errorText from the keychain.
    void tokensStored(bool stored, const QString &errorText);
    /// A client-credentials token could not be renewed. Requests keep working until
    /// the current token expires; the next renewal is tried 60 seconds later.
    void renewalFailed(const snow::Error &error);

private:
    void storeToken(const snow::OAuthToken &token);
    void scheduleRenewal(const snow::OAuthToken &token);
    void renewServiceToken();

    ConnectionProfile m_profile;
    std::unique_ptr<snow::Client> m_client;
    Identity m_identity;
    QPointer<CredentialStore> m_credentials;
    QPointer<ProfileStore> m_profiles;
    QTimer *m_renewalTimer = nullptr;
    std::unique_ptr<snow::Response> m_renewal;
};
