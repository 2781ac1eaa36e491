#include "snow/oauthclient.h"

#include "client_p.h"
#include "response_p.h"
#include "snow/logging.h"

#include <QtCore/QPointer>
#include <QtCore/QTimeZone>
#include <QtNetwork/QNetworkRequest>

using namespace Qt::StringLiterals;

namespace snow {

bool OAuthToken::isExpired(qint64 marginSeconds) const
{
    if (!expiresAt.isValid())
        return false;
    return QDateTime::currentDateTimeUtc().addSecs(marginSeconds) >= expiresAt;
}

QVariantMap OAuthToken::toMap() const
{
    return {
        {u"token_type"_s, tokenType},
        {u"refresh_token"_s, refreshToken},
        {u"access_token"_s, accessToken},
        {u"scope"_s, scope},
        {u"expires_in"_s, expiresIn},
        {u"expires_at"_s, expiresAt.isValid() ? expiresAt.toSecsSinceEpoch() : 0},
    };
}

Result<OAuthToken> OAuthToken::fromMap(const QVariantMap &map)
{
    for (const QString &key : {u"token_type"_s, u"refresh_token"_s, u"access_token"_s, u"scope"_s, u"expires_in"_s,
                               u"expires_at"_s}) {
        if (!map.contains(key))
            return Error(Error::InvalidUsage, u"OAuthClient::setToken(): the token lacks the \"%1\" key"_s.arg(key));
    }

    OAuthToken token;
    token.tokenType = map.value(u"token_type"_s).toString();
    token.refreshToken = map.value(u"refresh_token"_s).toString();
    token.accessToken = map.value(u"access_token"_s).toString();
    token.scope = map.value(u"scope"_s).toString();
    token.expiresIn = map.value(u"expires_in"_s).toLongLong();
    const qint64 expiresAt = map.value(u"expires_at"_s).toLongLong();
    if (expiresAt > 0)
        token.expiresAt = QDateTime::fromSecsSinceEpoch(expiresAt, QTimeZone::utc());
    return token;
}

// The token state and refresh machinery of an OAuthClient. As the Client's AuthGate it
// holds requests while a refresh runs, so concurrent requests cause one refresh.
class OAuthClientPrivate : public AuthGate
{
public:
    State state() override;
    Error failure() const override { return gateFailure; }
    quint64 generation() const override { return tokenGeneration; }
    bool unauthorized(quint64 generation) override;

    Response *requestToken(const QList<std::pair<QString, QString>> &fields, bool isRefresh);
    void startRefresh();
    void adopt(const OAuthToken &newToken);
    static QByteArray formBody(const QList<std::pair<QString, QString>> &fields);

    OAuthClient *q = nullptr;
    QString clientId;
    QString clientSecret; // never logged
    OAuthToken token;
    quint64 tokenGeneration = 0;
    qint64 refreshMargin = 60;
    QPointer<Response> refresh;
    Error gateFailure;
    Error tokenError;
};

AuthGate::State OAuthClientPrivate::state()
{
    if (refresh)
        return State::Waiting;
    if (token.isEmpty()) {
        gateFailure = Error(Error::MissingToken,
                            u"The OAuth client has no token; get one with generateToken() or set one with setToken()"_s);
        return State::Failed;
    }
    if (gateFailure.kind() == Error::TokenCreateError) {
        // Report the failed refresh to the requests that waited for it, once.
        return State::Failed;
    }
    if (token.isExpired(refreshMargin) && !token.refreshToken.isEmpty()) {
        startRefresh();
        return State::Waiting;
    }
    return State::Ready;
}

bool OAuthClientPrivate::unauthorized(quint64 generation)
{
    if (generation != tokenGeneration)
        return true; // a newer token arrived meanwhile
    if (token.refreshToken.isEmpty())
        return false;
    if (!refresh)
        startRefresh();
    return true;
}

QByteArray OAuthClientPrivate::formBody(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

Response *OAuthClientPrivate::requestToken(const QList<std::pair<QString, QString>> &fields, bool isRefresh)
{
    Response *response = ResponseAccess::create(q);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->documentIsRecord = true;

    QPointer<OAuthClient> client(q);
    d->finishHook = [this, client, response, isRefresh](const Error &outcome) -> Error {
        if (!client)
            return outcome;

        Error result = outcome;
        if (outcome.isError()) {
            const QString description = outcome.detail();
            const QString code = outcome.kind() == Error::HttpError ? outcome.message() : QString();
            result = Error(Error::TokenCreateError,
                           (isRefresh ? u"The access token could not be refreshed: %1"_s : u"The instance did not issue a token: %1"_s)
                               .arg(description.isEmpty() ? outcome.message() : description));
            result.setOAuthError(code).setDetail(description).setHttpStatus(outcome.httpStatus());
            result.setRequest(outcome.method(), outcome.url());
            qCWarning(lcOAuth).noquote() << result.toString();
        } else {
            const std::optional<Record> body = response->firstOrNone();
            OAuthToken issued;
            if (body) {
                issued.accessToken = body->value(u"access_token");
                issued.refreshToken = body->value(u"refresh_token");
                issued.tokenType = body->value(u"token_type");
                issued.scope = body->value(u"scope");
                issued.expiresIn = body->value(u"expires_in").toLongLong();
            }
            if (issued.accessToken.isEmpty()) {
                result = Error(Error::TokenCreateError, u"The token endpoint answered without an access token"_s);
            } else {
                if (issued.tokenType.isEmpty())
                    issued.tokenType = u"Bearer"_s;
                if (issued.refreshToken.isEmpty() && isRefresh)
                    issued.refreshToken = token.refreshToken;
                if (issued.expiresIn > 0)
                    issued.expiresAt = QDateTime::currentDateTimeUtc().addSecs(issued.expiresIn);
                adopt(issued);
            }
        }

        if (isRefresh) {
            gateFailure = result.isError() ? result : Error();
            refresh = nullptr;
            ClientAccess::d(q)->transport->dispatch();
            // The waiting requests have now failed with gateFailure; later ones try anew.
            gateFailure = Error();
        }
        return result;
    };

    RequestSpec spec;
    spec.method = "POST";
    spec.url = q->tokenUrl();
    spec.body = formBody(fields);
    spec.bypassAuthGate = true;
    d->send(spec);
    return response;
}

void OAuthClientPrivate::startRefresh()
{
    qCInfo(lcOAuth) << "Refreshing the access token";
    Response *response = requestToken({{u"grant_type"_s, u"refresh_token"_s},
                                       {u"client_id"_s, clientId},
                                       {u"client_secret"_s, clientSecret},
                                       {u"refresh_token"_s, token.refreshToken}},
                                      true);
    response->setParent(q);
    QObject::connect(response, &Response::finished, response, &QObject::deleteLater);
    refresh = response;
}

void OAuthClientPrivate::adopt(const OAuthToken &newToken)
{
    token = newToken;
    ++tokenGeneration;
    qCInfo(lcOAuth) << "New access token, valid until" << newToken.expiresAt.toString(Qt::ISODate);
    Q_EMIT q->tokenUpdated(newToken);
}

OAuthClient::OAuthClient(const ClientOptions &options, const QString &clientId, const QString &clientSecret,
                         QObject *parent)
    : Client(
        [&options] {
            // pysnow ignores user and password for OAuth; so does SnowCore.
            ClientOptions withoutPassword = options;
            withoutPassword.user.clear();
            withoutPassword.password.clear();
            return withoutPassword;
        }(),
        false, parent)
    , o(std::make_unique<OAuthClientPrivate>())
{
    o->q = this;
    o->clientId = clientId;
    o->clientSecret = clientSecret;

    if (isValid() && clientId.isEmpty())
        setValidationError(Error(Error::InvalidUsage, u"OAuthClient: client id is empty; pass the id of the instance's OAuth application"_s));
    else if (isValid() && clientSecret.isEmpty())
        setValidationError(Error(Error::InvalidUsage, u"OAuthClient: client secret is empty; pass the secret of the instance's OAuth application"_s));
    else if (isValid() && options.networkAccessManager)
        setValidationError(Error(Error::InvalidUsage, u"OAuthClient: a network access manager cannot be combined with OAuth"_s));

    ClientAccess::d(this)->transport->setAuthGate(o.get());
}

OAuthClient::~OAuthClient()
{
    ClientAccess::d(this)->transport->setAuthGate(nullptr);
}

QString OAuthClient::clientId() const
{
    return o->clientId;
}

QUrl OAuthClient::tokenUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/oauth_token.do"_s);
    return url;
}

Response *OAuthClient::generateToken(const QString &user, const QString &password)
{
    return o->requestToken({{u"grant_type"_s, u"password"_s},
                            {u"client_id"_s, o->clientId},
                            {u"client_secret"_s, o->clientSecret},
                            {u"username"_s, user},
                            {u"password"_s, password}},
                           false);
}

Response *OAuthClient::generateServiceToken()
{
    return o->requestToken({{u"grant_type"_s, u"client_credentials"_s},
                            {u"client_id"_s, o->clientId},
                            {u"client_secret"_s, o->clientSecret}},
                           false);
}

Response *OAuthClient::exchangeAuthorizationCode(const QString &code, const QUrl &redirectUri, const QString &codeVerifier)
{
    QList<std::pair<QString, QString>> fields = {{u"grant_type"_s, u"authorization_code"_s},
                                                 {u"client_id"_s, o->clientId},
                                                 {u"client_secret"_s, o->clientSecret},
                                                 {u"code"_s, code},
                                                 {u"redirect_uri"_s, redirectUri.toString(QUrl::FullyEncoded)}};
    if (!codeVerifier.isEmpty())
        fields.append({u"code_verifier"_s, codeVerifier});
    return o->requestToken(fields, false);
}

OAuthToken OAuthClient::token() const
{
    return o->token;
}

bool OAuthClient::setToken(const OAuthToken &token)
{
    if (token.isEmpty() && token.refreshToken.isEmpty()) {
        o->token = OAuthToken();
        ++o->tokenGeneration;
        o->tokenError = Error();
        return true;
    }
    if (token.accessToken.isEmpty() || token.tokenType.isEmpty()) {
        o->tokenError = Error(Error::InvalidUsage,
                              u"OAuthClient::setToken(): the token needs an access token and a token type"_s);
        return false;
    }
    o->token = token;
    ++o->tokenGeneration;
    o->tokenError = Error();
    ClientAccess::d(this)->transport->dispatch();
    return true;
}

bool OAuthClient::setToken(const QVariantMap &token)
{
    if (token.isEmpty())
        return setToken(OAuthToken());

    const Result<OAuthToken> parsed = OAuthToken::fromMap(token);
    if (!parsed) {
        o->tokenError = parsed.error();
        return false;
    }
    return setToken(*parsed);
}

Error OAuthClient::tokenError() const
{
    return o->tokenError;
}

void OAuthClient::setRefreshMargin(qint64 seconds)
{
    o->refreshMargin = std::max<qint64>(0, seconds);
}

void OAuthClient::authorize(QNetworkRequest &request) const
{
    if (!o->token.isEmpty())
        request.setRawHeader("Authorization", o->token.tokenType.toUtf8() + ' ' + o->token.accessToken.toUtf8());
}

} // namespace snow
