#include "connectionprofile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QHostAddress>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionProfile", text);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The host part of a URL with its port, as ClientOptions::host takes it. IPv6
// addresses get their brackets back, which QUrl::host() drops.
QString hostWithPort(const QUrl &url)
{
    QString host = url.host();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (url.port() != -1)
        host += u':' + QString::number(url.port());
    return host;
}

} // namespace

QList<AuthMethod> allAuthMethods()
{
    return {AuthMethod::Basic, AuthMethod::OAuthPassword, AuthMethod::OAuthBrowser, AuthMethod::OAuthClientCredentials};
}

QString authMethodKey(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Basic:
        return u"basic"_s;
    case AuthMethod::OAuthPassword:
        return u"oauth-password"_s;
    case AuthMethod::OAuthBrowser:
        return u"oauth-browser"_s;
    case AuthMethod::OAuthClientCredentials:
        return u"oauth-client-credentials"_s;
    }
    return QString();
}

bool authMethodFromKey(const QString &key, AuthMethod *method)
{
    for (AuthMethod candidate : allAuthMethods()) {
        if (authMethodKey(candidate) == key) {
            *method = candidate;
            return true;
        }
    }
    return false;
}

QString authMethodLabel(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Basic:
        return tr("User name and password (Basic)");
    case AuthMethod::OAuthPassword:
        return tr("OAuth: user name and password");
    case AuthMethod::OAuthBrowser:
        return tr("OAuth: sign in with the web browser");
    case AuthMethod::OAuthClientCredentials:
        return tr("OAuth: client credentials (service account)");
    }
    return QString();
}

bool usesOAuth(AuthMethod method)
{
    return method != AuthMethod::Basic;
}

bool needsUserName(AuthMethod method)
{
    return method == AuthMethod::Basic || method == AuthMethod::OAuthPassword;
}

QList<SecretKind> storedSecretKinds(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Basic:
        return {SecretKind::Password};
    case AuthMethod::OAuthPassword:
    case AuthMethod::OAuthBrowser:
        return {SecretKind::ClientSecret, SecretKind::AccessToken, SecretKind::RefreshToken};
    case AuthMethod::OAuthClientCredentials:
        return {SecretKind::ClientSecret, SecretKind::AccessToken};
    }
    return {};
}

QString secretKindKey(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return u"password"_s;
    case SecretKind::AccessToken:
        return u"access-token"_s;
    case SecretKind::RefreshToken:
        return u"refresh-token"_s;
    case SecretKind::ClientSecret:
        return u"client-secret"_s;
    }
    return QString();
}

QString ConnectionProfile::demoId()
{
    return u"demo"_s;
}

ConnectionProfile ConnectionProfile::demo()
{
    ConnectionProfile profile;
    profile.id = demoId();
    profile.name = tr("Demo instance");
    profile.authMethod = AuthMethod::Basic;
    profile.userName = u"admin"_s;
    return profile;
}

QUrl InstanceAddress::baseUrl() const
{
    if (!instanceName.isEmpty())
        return QUrl(u"https://"_s + instanceName.toLower() + u".service-now.com"_s);
    return QUrl((useSsl ? u"https://"_s : u"http://"_s) + host);
}

bool parseInstanceAddress(const QString &text, InstanceAddress *address, QString *errorMessage)
{
    const QString trimmed = text.trimmed();
    *address = InstanceAddress();

    if (trimmed.isEmpty()) {
        *errorMessage = tr("Enter the instance: its name, such as dev12345, or its URL, such as "
                           "https://dev12345.service-now.com.");
        return false;
    }

    // An instance name is one DNS label: dev12345 means dev12345.service-now.com.
    static const QRegularExpression instanceName(u"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"_s);
    if (instanceName.match(trimmed).hasMatch()) {
        address->instanceName = trimmed.toLower();
        return true;
    }

    // A host without a scheme is reached over HTTPS.
    const QString withScheme = trimmed.contains(u"://"_s) ? trimmed : u"https://"_s + trimmed;
    const QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        *errorMessage = tr("\"%1\" is not an instance name or an instance URL. Enter a name such as dev12345 "
                           "or a URL such as https://dev12345.service-now.com.")
                            .arg(trimmed);
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        *errorMessage = tr("Remove the user name from the URL \"%1\"; enter it in the User name field instead.")
                            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
        return false;
    }
    if ((!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment()) {
        *errorMessage = tr("Enter the instance URL without a path, such as https://%1.").arg(hostWithPort(url));
        return false;
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        *errorMessage = tr("Plain http:// is allowed only for this computer (localhost, 127.0.0.1 or ::1), so that "
                           "no password crosses a network unencrypted. Use https://%1.")
                            .arg(hostWithPort(url));
        return false;
    }

    address->host = hostWithPort(url);
    address->useSsl = scheme == u"https";
    return true;
}

QString validateProfile(const ConnectionProfile &profile)
{
    if (profile.name.trimmed().isEmpty())
        return tr("Enter a name for the connection, such as \"Development\".");
    if (profile.isDemo())
        return QString();

    InstanceAddress address;
    QString error;
    if (!parseInstanceAddress(profile.instance, &address, &error))
        return error;

    if (needsUserName(profile.authMethod) && profile.userName.trimmed().isEmpty())
        return tr("Enter the user name to sign in with.");
    if (usesOAuth(profile.authMethod) && profile.clientId.trimmed().isEmpty()) {
        return tr("Enter the client ID of the instance's OAuth application (in ServiceNow: System OAuth > "
                  "Application Registry).");
    }
    return QString();
}

snow::ClientOptions clientOptions(const ConnectionProfile &profile)
{
    InstanceAddress address;
    QString error;
    parseInstanceAddress(profile.instance, &address, &error);

    snow::ClientOptions options;
    options.instance = address.instanceName;
    options.host = address.host;
    options.useSsl = address.useSsl;
    if (needsUserName(profile.authMethod))
        options.user = profile.userName.trimmed();
    return options;
}

QString instanceLabel(const ConnectionProfile &profile)
{
    if (profile.isDemo())
        return tr("the built-in demo instance");

    InstanceAddress address;
    QString error;
    if (!parseInstanceAddress(profile.instance, &address, &error))
        return profile.instance.trimmed();
    return hostWithPort(address.baseUrl());
}
