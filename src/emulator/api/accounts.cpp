#include "accounts.h"

#include "data/seedworld.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace snowemu {

Authenticator::Authenticator(int accessLifetimeSeconds, int refreshLifetimeSeconds)
    : m_accessLifetime(accessLifetimeSeconds)
    , m_refreshLifetime(refreshLifetimeSeconds)
{
    Account admin;
    admin.userName = u"admin"_s;
    admin.password = u"admin"_s;
    admin.sysId = seed::userSysId(seed::kAdminUserRow);
    admin.displayName = seed::userDisplayName(seed::kAdminUserRow);
    admin.timeZone = QTimeZone(seed::userTimeZone(seed::kAdminUserRow).toLatin1());
    admin.canWrite = true;
    admin.seesRestrictedRecords = true;
    m_accounts.insert(admin.userName, admin);

    Account reader;
    reader.userName = u"reader"_s;
    reader.password = u"reader"_s;
    reader.sysId = seed::userSysId(seed::kReaderUserRow);
    reader.displayName = seed::userDisplayName(seed::kReaderUserRow);
    reader.timeZone = QTimeZone(seed::userTimeZone(seed::kReaderUserRow).toLatin1());
    m_accounts.insert(reader.userName, reader);
}

void Authenticator::setLifetimes(int accessSeconds, int refreshSeconds)
{
    m_accessLifetime = accessSeconds;
    m_refreshLifetime = refreshSeconds;
}

const Account *Authenticator::account(const QString &userName, const QString &password) const
{
    const auto it = m_accounts.constFind(userName);
    if (it == m_accounts.cend() || it->password != password)
        return nullptr;
    return &it.value();
}

const Account *Authenticator::accountByName(const QString &userName) const
{
    const auto it = m_accounts.constFind(userName);
    return it == m_accounts.cend() ? nullptr : &it.value();
}

const Account *Authenticator::authenticate(const QByteArray &authorization, qint64 nowSeconds) const
{
    const QByteArray trimmed = authorization.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space < 0)
        return nullptr;
    const QByteArray scheme = trimmed.left(space).toLower();
    const QByteArray credentials = trimmed.mid(space + 1).trimmed();

    if (scheme == "basic") {
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(credentials));
        const qsizetype colon = decoded.indexOf(u':');
        const Account *result = colon < 0 ? nullptr : account(decoded.left(colon), decoded.mid(colon + 1));
        if (!result)
            qCInfo(lcEmulatorAuth) << "Rejected Basic credentials for user" << decoded.left(qMax<qsizetype>(colon, 0));
        return result;
    }

    if (scheme == "bearer") {
        const auto it = m_accessTokens.constFind(QString::fromLatin1(credentials));
        if (it == m_accessTokens.cend()) {
            qCInfo(lcEmulatorAuth) << "Rejected an unknown bearer token";
            return nullptr;
        }
        if (it->expiresAt <= nowSeconds) {
            qCInfo(lcEmulatorAuth) << "Rejected an expired bearer token of user" << it->userName;
            return nullptr;
        }
        return accountByName(it->userName);
    }
    return nullptr;
}

QString Authenticator::randomToken()
{
    // 64 random bytes in the URL-safe base64 alphabet, like the tokens of a real instance.
    QByteArray bytes(64, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

IssuedToken Authenticator::issue(const Account &account, bool withRefreshToken, qint64 nowSeconds)
{
    IssuedToken token;
    token.accessToken = randomToken();
    token.scope = u"useraccount"_s;
    // A real instance reports one second less than the lifetime, as in its sample response (1799).
    token.expiresInSeconds = qMax(0, m_accessLifetime.load() - 1);
    m_accessTokens.insert(token.accessToken, {account.userName, nowSeconds + m_accessLifetime.load()});

    if (withRefreshToken) {
        token.refreshToken = randomToken();
        m_refreshTokens.insert(token.refreshToken, {account.userName, nowSeconds + m_refreshLifetime.load()});
    }
    return token;
}

bool Authenticator::refresh(const QString &refreshToken, qint64 nowSeconds, IssuedToken *token)
{
    const auto it = m_refreshTokens.constFind(refreshToken);
    if (it == m_refreshTokens.cend() || it->expiresAt <= nowSeconds)
        return false;
    const Account *owner = accountByName(it->userName);
    if (!owner)
        return false;

    *token = issue(*owner, false, nowSeconds);
    // A refresh returns the current refresh token again, as a real instance does.
    token->refreshToken = refreshToken;
    return true;
}

QString Authenticator::createAuthorizationCode(const Account &account, const QString &redirectUri, const QString &challenge,
                                               const QString &challengeMethod, qint64 nowSeconds)
{
    const QString code = randomToken().left(32);
    m_codes.insert(code, {account.userName, redirectUri, challenge, challengeMethod, nowSeconds + 120});
    return code;
}

const Account *Authenticator::redeemAuthorizationCode(const QString &code, const QString &redirectUri, const QString &verifier,
                                                      qint64 nowSeconds, QString *error, QString *description)
{
    // A code is good for one exchange, even a failed one.
    const CodeGrant grant = m_codes.take(code);
    if (grant.userName.isEmpty() || grant.expiresAt <= nowSeconds) {
        *error = u"invalid_grant"_s;
        *description = u"The authorization code is unknown, used or expired; request a new one from /oauth_auth.do."_s;
        return nullptr;
    }
    if (!grant.redirectUri.isEmpty() && redirectUri != grant.redirectUri) {
        *error = u"invalid_grant"_s;
        *description = u"redirect_uri does not match the one of the authorization request."_s;
        return nullptr;
    }
    if (!grant.challenge.isEmpty()) {
        QString computed = verifier;
        if (grant.challengeMethod == u"S256") {
            const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
            computed = QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        }
        if (verifier.isEmpty() || computed != grant.challenge) {
            *error = u"invalid_grant"_s;
            *description = u"code_verifier does not match the code_challenge of the authorization request."_s;
            return nullptr;
        }
    }
    return accountByName(grant.userName);
}

} // namespace snowemu
