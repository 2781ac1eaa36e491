#pragma once

#include <snow/client.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

/// Sign-in method of a profile.
enum class AuthMethod {
    Basic,                   ///< user name and password on every request (HTTP Basic)
    OAuthPassword,           ///< OAuth password grant: the password is sent once for a token
    OAuthBrowser,            ///< OAuth authorization code with PKCE, signed in through the system browser
    OAuthClientCredentials,  ///< OAuth client-credentials grant, for service accounts
};

/// The secrets a profile may keep in the keychain, one entry each.
enum class SecretKind {
    Password,
    AccessToken,
    RefreshToken,
    ClientSecret,
};

/// Returns every AuthMethod, in the order the connection dialog lists them.
QList<AuthMethod> allAuthMethods();
/// Returns the name stored in the settings file, such as "oauth-password".
QString authMethodKey(AuthMethod method);
/// Parses authMethodKey(); returns false for an unknown key.
bool authMethodFromKey(const QString &key, AuthMethod *method);
/// Returns the label shown to the user, such as "OAuth: browser sign-in".
QString authMethodLabel(AuthMethod method);

bool usesOAuth(AuthMethod method);
/// True for the methods that need a user name: Basic and the OAuth password grant.
bool needsUserName(AuthMethod method);
/// Returns the secrets @p method reads from the keychain at sign-in.
QList<SecretKind> storedSecretKinds(AuthMethod method);
/// Returns the key suffix of @p kind, such as "password" or "access-token".
QString secretKindKey(SecretKind kind);

/// One saved connection: which instance, how to sign in, and as whom.
///
/// A profile contains no secret. Passwords, tokens and client secrets live in the
/// keychain (CredentialStore), keyed by the profile id.
struct ConnectionProfile
{
    /// Stable id, used for the keychain keys and per-profile settings. Empty until saved;
    /// "demo" for the built-in demo instance.
    QString id;
    QString name;
    /// The instance as the user typed it: a name ("dev12345"), a host
    /// ("servicenow.example.com") or a URL ("https://dev12345.service-now.com",
    /// "http://127.0.0.1:8080").
    QString instance;
    AuthMethod authMethod = AuthMethod::Basic;
    QString userName;
    /// The client id of the instance's OAuth application; OAuth methods only.
    QString clientId;

    bool isDemo() const { return id == demoId(); }

    /// Returns the id of the demo profile, "demo".
    static QString demoId();
    /// Returns the demo profile. Its instance is filled in when the demo instance starts.
    static ConnectionProfile demo();

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

/// Location of a profile's instance, derived from ConnectionProfile::instance.
struct InstanceAddress
{
    /// Instance name, for ClientOptions::instance; empty when host is set.
    QString instanceName;
    /// Host with an optional port, for ClientOptions::host.
    QString host;
    bool useSsl = true;
    /// Returns the base URL, such as https://dev12345.service-now.com.
    QUrl baseUrl() const;
};

/// Parses @p text as an instance name, a host or an http(s) URL. Returns false with
/// @p errorMessage set (what is wrong and what to enter) when it matches none of these,
/// or when it is plain http to a host other than this computer.
bool parseInstanceAddress(const QString &text, InstanceAddress *address, QString *errorMessage);

/// Checks every field of @p profile for the sign-in method it uses. Returns an empty
/// string when the profile is complete, else one sentence naming the field to fix.
/// ProfileStore checks name clashes, because it has the other profiles.
QString validateProfile(const ConnectionProfile &profile);

/// Returns the options of a Client for @p profile, without user or password.
/// @p profile must have passed validateProfile().
snow::ClientOptions clientOptions(const ConnectionProfile &profile);

/// Returns the text that names the instance of @p profile for the user, such as
/// "dev12345.service-now.com".
QString instanceLabel(const ConnectionProfile &profile);
