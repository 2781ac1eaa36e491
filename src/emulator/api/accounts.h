#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTimeZone>

#include <atomic>

namespace snowemu {

struct Account {
    QString userName;
    QString password;
    QString sysId;
    QString displayName;
    QTimeZone timeZone;
    bool canWrite = false;             // false: every write gets 403
    bool seesRestrictedRecords = false; // false: the security group's incidents are hidden
};

struct IssuedToken {
    QString accessToken;
    QString refreshToken;              // empty for the client credentials grant
    QString scope;
    int expiresInSeconds = 0;
};

/*!
    The built-in accounts (admin/admin with every role, reader/reader read-only),
    Basic authentication, and the OAuth tokens issued by /oauth_token.do.
    Token lifetimes may be changed from any thread; everything else runs on the
    server's thread.
*/
class Authenticator
{
public:
    static constexpr QStringView kClientId = u"snowscope";
    static constexpr QStringView kClientSecret = u"snowscope";

    Authenticator(int accessLifetimeSeconds, int refreshLifetimeSeconds);

    void setLifetimes(int accessSeconds, int refreshSeconds);

    //! The account of an "Authorization" header, or null when it is missing, wrong or expired.
    const Account *authenticate(const QByteArray &authorization, qint64 nowSeconds) const;

    const Account *account(const QString &userName, const QString &password) const;
    const Account *accountByName(const QString &userName) const;

    //! Issues an access token, and a refresh token when `withRefreshToken`.
    IssuedToken issue(const Account &account, bool withRefreshToken, qint64 nowSeconds);

    //! Issues a new access token for a valid refresh token; returns false when it is unknown or expired.
    bool refresh(const QString &refreshToken, qint64 nowSeconds, IssuedToken *token);

    //! Stores an authorization code of the PKCE flow; returns the code.
    QString createAuthorizationCode(const Account &account, const QString &redirectUri, const QString &challenge,
                                    const QString &challengeMethod, qint64 nowSeconds);

    //! Exchanges an authorization code; `error` names the OAuth error when it fails.
    const Account *redeemAuthorizationCode(const QString &code, const QString &redirectUri, const QString &verifier,
                                           qint64 nowSeconds, QString *error, QString *description);

private:
    struct Grant {
        QString userName;
        qint64 expiresAt = 0;
    };
    struct CodeGrant {
        QString userName;
        QString redirectUri;
        QString challenge;
        QString challengeMethod;
        qint64 expiresAt = 0;
    };

    static QString randomToken();

    QHash<QString, Account> m_accounts;
    QHash<QString, Grant> m_accessTokens;
    QHash<QString, Grant> m_refreshTokens;
    QHash<QString, CodeGrant> m_codes;
    std::atomic<int> m_accessLifetime;
    std::atomic<int> m_refreshLifetime;
};

} // namespace snowemu
