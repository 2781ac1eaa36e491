#pragma once

#include <snow/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>

#include <functional>
#include <memory>

class QOAuthHttpServerReplyHandler;

namespace snow {
class OAuthClient;
class Response;
}

/// An OAuth sign-in through the system browser: the authorization-code grant with
/// PKCE (RFC 7636, method S256) and a loopback redirect (RFC 8252).
///
/// start() listens on 127.0.0.1 at a free port, opens the instance's
/// `/oauth_auth.do` page in the browser and waits. The instance redirects the browser
/// to `http://127.0.0.1:<port>/callback` with a code, which is exchanged for a token
/// with OAuthClient::exchangeAuthorizationCode() and the code verifier. The token then
/// sits in the OAuthClient (tokenUpdated() is emitted there).
///
/// Qt NetworkAuth (QOAuth2AuthorizationCodeFlow, QOAuthHttpServerReplyHandler) builds
/// the authorization URL and receives the redirect. Qt 6.4 has no PKCE, so the
/// challenge is added to the authorization request here, and the code exchange runs
/// through the OAuthClient, which reports a refused exchange as an error where Qt 6.4
/// only logs a warning.
///
/// finished() is emitted once, after success, failure or cancel(); error() is then
/// empty on success. The OAuthClient must outlive this object.
class BrowserSignIn : public QObject
{
    Q_OBJECT

public:
    /// Opens a URL in the user's browser.
    using BrowserOpener = std::function<void(const QUrl &url)>;

    /// @p openBrowser defaults to QDesktopServices::openUrl(); tests pass a function
    /// that fetches the URL and follows the redirect.
    BrowserSignIn(snow::OAuthClient *client, BrowserOpener openBrowser, QObject *parent = nullptr);
    ~BrowserSignIn() override;

    void start();
    /// Stops waiting for the browser; finished() follows with an Aborted error.
    void cancel();

    bool isRunning() const { return m_running; }
    snow::Error error() const { return m_error; }
    /// The authorization URL opened in the browser; empty before start().
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    /// The loopback redirect URI; empty before start().
    QUrl redirectUri() const { return m_redirectUri; }

Q_SIGNALS:
    /// The browser was asked to open @p url; the user now signs in there.
    void browserOpened(const QUrl &url);
    void finished();

private:
    void handleCallback(const QVariantMap &values);
    void exchangeCode(const QString &code);
    void finish(const snow::Error &error);

    QPointer<snow::OAuthClient> m_client;
    BrowserOpener m_openBrowser;
    QOAuthHttpServerReplyHandler *m_replyHandler = nullptr;
    QObject *m_flow = nullptr;
    std::unique_ptr<snow::Response> m_exchange;
    QString m_state;
    QString m_codeVerifier;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    snow::Error m_error;
    bool m_running = false;
};
