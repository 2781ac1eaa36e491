#include "browsersignin.h"

#include "logging.h"

#include <snow/oauthclient.h>
#include <snow/response.h>

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>
#include <QtGui/QDesktopServices>
#include <QtNetworkAuth/QOAuth2AuthorizationCodeFlow>
#include <QtNetworkAuth/QOAuthHttpServerReplyHandler>

using namespace Qt::StringLiterals;

namespace {

// Returns @p byteCount random bytes from the system's secure source, base64url-encoded
// without padding: 32 bytes give the 43 characters that RFC 7636 requires of a code verifier.
QString randomUrlSafeText(int byteCount)
{
    QByteArray bytes(byteCount, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The S256 code challenge of RFC 7636: base64url(SHA-256(verifier)) without padding.
QString codeChallengeOf(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Builds the authorization URL and announces it, but leaves the redirect to
// BrowserSignIn: Qt 6.4's own handling would exchange the code itself, without the
// PKCE verifier and without reporting a refused exchange.
class LoopbackAuthorizationFlow : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;

protected:
    void resourceOwnerAuthorization(const QUrl &url, const QMultiMap<QString, QVariant> &parameters) override
    {
        Q_UNUSED(url) // grant() passes authorizationUrl(), which buildAuthenticateUrl() uses
        Q_EMIT authorizeWithBrowser(buildAuthenticateUrl(parameters));
    }
};

} // namespace

BrowserSignIn::BrowserSignIn(snow::OAuthClient *client, BrowserOpener openBrowser, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_openBrowser(std::move(openBrowser))
{
    if (!m_openBrowser) {
        m_openBrowser = [](const QUrl &url) {
            if (!QDesktopServices::openUrl(url))
                qCWarning(lcProfiles) << "No web browser could be opened for the sign-in";
        };
    }
}

BrowserSignIn::~BrowserSignIn() = default;

void BrowserSignIn::start()
{
    if (m_running || !m_client)
        return;
    m_running = true;
    m_error = snow::Error();

    m_replyHandler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_replyHandler->isListening()) {
        finish(snow::Error(snow::Error::NetworkError,
                           tr("Snowscope could not listen on 127.0.0.1 for the browser's answer. Check that a "
                              "firewall allows local connections, then try again.")));
        return;
    }
    m_replyHandler->setCallbackPath(u"/callback"_s);
    m_replyHandler->setCallbackText(tr("Snowscope received the sign-in. You can close this tab and return to Snowscope."));
    m_redirectUri = QUrl(m_replyHandler->callback());

    m_state = randomUrlSafeText(16);
    m_codeVerifier = randomUrlSafeText(32);

    QUrl authorizationUrl = m_client->baseUrl();
    authorizationUrl.setPath(u"/oauth_auth.do"_s);

    auto *flow = new LoopbackAuthorizationFlow(m_client->clientId(), authorizationUrl, m_client->tokenUrl(),
                                               m_client->networkAccessManager(), this);
    m_flow = flow;
    flow->setReplyHandler(m_replyHandler);
    flow->setState(m_state);
    const QString challenge = codeChallengeOf(m_codeVerifier);
    flow->setModifyParametersFunction([challenge](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
        if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
            return;
        parameters->insert(u"code_challenge"_s, challenge);
        parameters->insert(u"code_challenge_method"_s, u"S256"_s);
        // Qt 6.4 always sends scope; an empty one would ask for no access at all.
        if (parameters->value(u"scope"_s).toString().isEmpty())
            parameters->remove(u"scope"_s);
    });

    connect(flow, &QAbstractOAuth2::authorizationCallbackReceived, this, &BrowserSignIn::handleCallback);
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        qCInfo(lcProfiles).noquote() << "Opening the browser for the sign-in at" << url.adjusted(QUrl::RemoveQuery).toString()
                                     << "with the redirect to" << m_redirectUri.toString();
        m_openBrowser(url);
        Q_EMIT browserOpened(url);
    });
    flow->grant();
}

void BrowserSignIn::cancel()
{
    if (!m_running)
        return;
    finish(snow::Error(snow::Error::Aborted, tr("The browser sign-in was cancelled.")));
}

void BrowserSignIn::handleCallback(const QVariantMap &values)
{
    if (!m_running || m_exchange)
        return;

    const QString error = values.value(u"error"_s).toString();
    if (!error.isEmpty()) {
        const QString description = values.value(u"error_description"_s).toString();
        snow::Error failure(snow::Error::TokenCreateError,
                            tr("The instance did not authorize the sign-in: %1").arg(description.isEmpty() ? error : description));
        failure.setOAuthError(error).setDetail(description);
        finish(failure);
        return;
    }

    // The state ties the redirect to this sign-in, so that another page cannot inject a code.
    if (values.value(u"state"_s).toString() != m_state) {
        finish(snow::Error(snow::Error::TokenCreateError,
                           tr("The browser returned a sign-in that Snowscope did not start (the state does not "
                              "match). Sign in again.")));
        return;
    }

    const QString code = values.value(u"code"_s).toString();
    if (code.isEmpty()) {
        finish(snow::Error(snow::Error::TokenCreateError,
                           tr("The browser returned from the instance without an authorization code. Sign in again.")));
        return;
    }
    exchangeCode(code);
}

void BrowserSignIn::exchangeCode(const QString &code)
{
    if (!m_client) {
        finish(snow::Error(snow::Error::Aborted, tr("The connection was closed during the browser sign-in.")));
        return;
    }

    qCInfo(lcProfiles) << "The browser returned an authorization code; exchanging it for a token";
    m_exchange.reset(m_client->exchangeAuthorizationCode(code, m_redirectUri, m_codeVerifier));
    connect(m_exchange.get(), &snow::Response::finished, this, [this] { finish(m_exchange->error()); });
}

void BrowserSignIn::finish(const snow::Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = error;
    m_codeVerifier.fill(u'\0');
    m_codeVerifier.clear();

    if (m_exchange)
        m_exchange.release()->deleteLater();
    // The reply handler is still writing the browser's page when the callback arrives;
    // stop listening from the event loop, after that page is sent.
    if (m_replyHandler) {
        QOAuthHttpServerReplyHandler *handler = m_replyHandler;
        m_replyHandler = nullptr;
        QTimer::singleShot(0, handler, [handler] {
            handler->close();
            handler->deleteLater();
        });
    }
    if (m_flow) {
        m_flow->deleteLater();
        m_flow = nullptr;
    }

    if (error.isError())
        qCWarning(lcProfiles).noquote() << "Browser sign-in failed:" << error.toString();
    else
        qCInfo(lcProfiles) << "Browser sign-in succeeded";
    Q_EMIT finished();
}
