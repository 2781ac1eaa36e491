#pragma once

#include <snow/client.h>

#include <QtCore/QDateTime>
#include <QtCore/QMetaType>
#include <QtCore/QVariantMap>

namespace snow {

class OAuthClientPrivate;

/// An OAuth 2 token as the ServiceNow token endpoint issues it.
struct SNOWCORE_EXPORT OAuthToken
{
    QString accessToken;
    QString refreshToken; ///< empty for the client-credentials grant
    QString tokenType = QStringLiteral("Bearer");
    QString scope;
    qint64 expiresIn = 0;  ///< seconds, as issued
    QDateTime expiresAt;   ///< UTC

    bool isEmpty() const { return accessToken.isEmpty(); }
    /// True when the access token has expired or expires within @p marginSeconds.
    bool isExpired(qint64 marginSeconds = 0) const;

    /// Returns pysnow's token dictionary: token_type, refresh_token, access_token,
    /// scope, expires_in and expires_at (seconds since the epoch).
    QVariantMap toMap() const;
    /// Reads pysnow's token dictionary. All six keys must be present, as pysnow
    /// requires; otherwise InvalidUsage naming the missing key.
    static Result<OAuthToken> fromMap(const QVariantMap &map);

    friend bool operator==(const OAuthToken &, const OAuthToken &) = default;
};

/// A Client that authenticates with OAuth 2 bearer tokens: pysnow's OAuthClient.
///
/// The client id and secret are required (InvalidUsage otherwise); user and password
/// in the options are ignored, as in pysnow. Get a first token with generateToken()
/// (password grant), generateServiceToken() (client-credentials grant), or
/// exchangeAuthorizationCode() after a browser sign-in, or restore a stored one with
/// setToken(). Until a token is set, every request fails with MissingToken.
///
/// The access token is refreshed with the refresh-token grant shortly before it
/// expires, and once when a request gets 401; the request is then sent again. Requests
/// that meet an expired token together wait for one refresh. Each new token is
/// announced with tokenUpdated() — store it (in a keychain), as pysnow's token updater
/// does.
///
/// Token requests are form-encoded POSTs to `/oauth_token.do`. A refused request
/// fails with TokenCreateError carrying the OAuth `error` (Error::oauthError()), the
/// `error_description` (Error::detail()) and the HTTP status.
class SNOWCORE_EXPORT OAuthClient : public Client
{
    Q_OBJECT

public:
    OAuthClient(const ClientOptions &options, const QString &clientId, const QString &clientSecret,
                QObject *parent = nullptr);
    ~OAuthClient() override;

    QString clientId() const;
    /// Returns "<base URL>/oauth_token.do".
    QUrl tokenUrl() const;

    /// Requests a token for @p user with the password grant. When the Response
    /// finishes without error, token() holds the new token and tokenUpdated() was emitted.
    Response *generateToken(const QString &user, const QString &password);
    /// Requests a token for the OAuth client itself (client-credentials grant).
    Response *generateServiceToken();
    /// Exchanges an authorization code from a browser sign-in for a token. Give the
    /// redirect URI used for the sign-in and, with PKCE, the code verifier.
    Response *exchangeAuthorizationCode(const QString &code, const QUrl &redirectUri, const QString &codeVerifier);

    OAuthToken token() const;
    /// Sets the token; an empty token clears it. Fails (returns false, error()) when
    /// the access token or token type is missing.
    bool setToken(const OAuthToken &token);
    /// Sets the token from pysnow's dictionary; an empty map clears it.
    bool setToken(const QVariantMap &token);
    /// The validation error of the last setToken().
    Error tokenError() const;

    /// Seconds before expiry at which the token is refreshed ahead of a request; 60 by default.
    void setRefreshMargin(qint64 seconds);

Q_SIGNALS:
    /// A new token was issued or refreshed. Store it to use it after a restart.
    void tokenUpdated(const snow::OAuthToken &token);

protected:
    void authorize(QNetworkRequest &request) const override;

private:
    friend class OAuthClientPrivate;
    std::unique_ptr<OAuthClientPrivate> o;
};

} // namespace snow

Q_DECLARE_METATYPE(snow::OAuthToken)
