#include "oauthapi.h"

#include "errors.h"
#include "http/formdecoding.h"
#include "json/jsonwriter.h"
#include "logging.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

QString formValue(const QList<QPair<QString, QString>> &items, QStringView name)
{
    for (const auto &[key, value] : items) {
        if (key == name)
            return value;
    }
    return {};
}

HttpResponse tokenResponse(const IssuedToken &token)
{
    // The field order of a real instance's sample response; expires_in is a number.
    QByteArray body = "{\"scope\":";
    json::appendString(body, token.scope);
    body += ",\"token_type\":\"Bearer\",\"expires_in\":" + QByteArray::number(token.expiresInSeconds);
    if (!token.refreshToken.isEmpty()) {
        body += ",\"refresh_token\":";
        json::appendString(body, token.refreshToken);
    }
    body += ",\"access_token\":";
    json::appendString(body, token.accessToken);
    body += '}';
    return HttpResponse::json(200, body);
}

bool clientMatches(const QString &clientId, const QString &clientSecret, bool secretRequired)
{
    if (clientId != Authenticator::kClientId)
        return false;
    if (clientSecret.isEmpty())
        return !secretRequired;
    return clientSecret == Authenticator::kClientSecret;
}

} // namespace

HttpResponse handleOAuthToken(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds)
{
    if (request.method != "POST")
        return oauthErrorResponse(405, u"invalid_request"_s, u"Use POST for /oauth_token.do."_s);

    const QByteArray contentType = request.header("Content-Type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded")) {
        return oauthErrorResponse(400, u"invalid_request"_s,
                                  u"Send the parameters as application/x-www-form-urlencoded, not %1."_s
                                      .arg(contentType.isEmpty() ? u"an empty Content-Type"_s : QString::fromLatin1(contentType)));
    }

    const QList<QPair<QString, QString>> form = decodeFormItems(request.body);
    const QString grantType = formValue(form, u"grant_type");
    const QString clientId = formValue(form, u"client_id");
    const QString clientSecret = formValue(form, u"client_secret");

    // The PKCE exchange may come from a public client without a secret.
    const bool secretRequired = grantType != u"authorization_code";
    if (!clientMatches(clientId, clientSecret, secretRequired)) {
        qCInfo(lcEmulatorAuth) << "Rejected OAuth client" << clientId;
        return oauthErrorResponse(401, u"invalid_client"_s,
                                  u"Unknown client_id or wrong client_secret; the emulator's client is snowscope/snowscope."_s);
    }

    if (grantType == u"password") {
        const Account *account = authenticator.account(formValue(form, u"username"), formValue(form, u"password"));
        if (!account) {
            qCInfo(lcEmulatorAuth) << "Rejected the password grant for user" << formValue(form, u"username");
            return oauthErrorResponse(401, u"invalid_grant"_s, u"The username or password is wrong."_s);
        }
        return tokenResponse(authenticator.issue(*account, true, nowSeconds));
    }

    if (grantType == u"refresh_token") {
        IssuedToken token;
        if (!authenticator.refresh(formValue(form, u"refresh_token"), nowSeconds, &token)) {
            return oauthErrorResponse(401, u"invalid_grant"_s,
                                      u"The refresh token is unknown or expired; request a new token with the password grant."_s);
        }
        return tokenResponse(token);
    }

    if (grantType == u"client_credentials") {
        // The client acts as the admin account, as an OAuth application user would.
        return tokenResponse(authenticator.issue(*authenticator.accountByName(u"admin"_s), false, nowSeconds));
    }

    if (grantType == u"authorization_code") {
        QString error;
        QString description;
        const Account *account = authenticator.redeemAuthorizationCode(formValue(form, u"code"), formValue(form, u"redirect_uri"),
                                                                       formValue(form, u"code_verifier"), nowSeconds, &error, &description);
        if (!account)
            return oauthErrorResponse(400, error, description);
        return tokenResponse(authenticator.issue(*account, true, nowSeconds));
    }

    return oauthErrorResponse(400, u"unsupported_grant_type"_s,
                              u"grant_type \"%1\" is not supported; use password, refresh_token, client_credentials "
                              "or authorization_code."_s.arg(grantType));
}

HttpResponse handleOAuthAuthorize(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds)
{
    if (request.method != "GET")
        return oauthErrorResponse(405, u"invalid_request"_s, u"Use GET for /oauth_auth.do."_s);

    const QString responseType = request.queryValue(u"response_type");
    const QString clientId = request.queryValue(u"client_id");
    const QString redirectUri = request.queryValue(u"redirect_uri");
    const QString state = request.queryValue(u"state");
    const QString challenge = request.queryValue(u"code_challenge");
    const QString method = request.hasQueryItem(u"code_challenge_method") ? request.queryValue(u"code_challenge_method") : u"plain"_s;

    if (responseType != u"code")
        return oauthErrorResponse(400, u"unsupported_response_type"_s, u"Only response_type=code is supported."_s);
    if (clientId != Authenticator::kClientId)
        return oauthErrorResponse(400, u"invalid_client"_s, u"Unknown client_id; the emulator's client is snowscope."_s);
    const QUrl redirect(redirectUri);
    if (!redirect.isValid() || redirect.scheme().isEmpty())
        return oauthErrorResponse(400, u"invalid_request"_s, u"redirect_uri is missing or not an absolute URL."_s);
    if (!challenge.isEmpty() && method != u"S256" && method != u"plain")
        return oauthErrorResponse(400, u"invalid_request"_s, u"code_challenge_method must be S256 or plain."_s);

    // The emulator approves at once, on behalf of the admin account.
    const Account *admin = authenticator.accountByName(u"admin"_s);
    const QString code = authenticator.createAuthorizationCode(*admin, redirectUri, challenge, challenge.isEmpty() ? QString() : method,
                                                               nowSeconds);

    QByteArray location = redirectUri.toUtf8();
    location += redirectUri.contains(u'?') ? '&' : '?';
    location += "code=" + QUrl::toPercentEncoding(code);
    if (!state.isEmpty())
        location += "&state=" + QUrl::toPercentEncoding(state);

    HttpResponse response;
    response.status = 302;
    response.setHeader("Location", location);
    response.setHeader("Content-Type", "text/html;charset=UTF-8");
    return response;
}

} // namespace snowemu
