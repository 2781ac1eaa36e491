#include "examplecommandline.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace examples {

namespace {

const QString urlOption = u"url"_s;
const QString instanceOption = u"instance"_s;
const QString userOption = u"user"_s;
const QString passwordOption = u"password"_s;
const QString clientIdOption = u"client-id"_s;
const QString clientSecretOption = u"client-secret"_s;

// Returns the option's value, else the environment variable's, else the fallback.
QString valueOrEnvironment(const QCommandLineParser &parser, const QString &option, const char *variable,
                           const QString &fallback)
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString fromEnvironment = qEnvironmentVariable(variable);
    return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
}

} // namespace

CommandLine::CommandLine(const QString &description, Authentication authentication)
    : m_authentication(authentication)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOptions({
        {urlOption,
         u"Base URL of the instance, such as http://127.0.0.1:8080 for the emulator or https://example.service-now.com. "
         "Plain http is accepted only for loopback hosts."_s,
         u"URL"_s},
        {instanceOption, u"Instance name: NAME reaches https://NAME.service-now.com."_s, u"NAME"_s},
        {userOption, u"User name (default: admin)."_s, u"USER"_s, u"admin"_s},
        {passwordOption, u"Password (default: the SNOW_PASSWORD environment variable, else admin)."_s, u"PASSWORD"_s},
    });

    if (m_authentication == Authentication::OAuth) {
        m_parser.addOptions({
            {clientIdOption, u"OAuth client id (default: snowscope)."_s, u"ID"_s, u"snowscope"_s},
            {clientSecretOption,
             u"OAuth client secret (default: the SNOW_CLIENT_SECRET environment variable, else snowscope)."_s,
             u"SECRET"_s},
        });
    }
}

bool CommandLine::parse(const QCoreApplication &application)
{
    if (!m_parser.parse(application.arguments())) {
        reportInvalidArguments(m_parser.errorText() + u"; see --help"_s);
        return false;
    }
    if (m_parser.isSet(u"help"_s))
        m_parser.showHelp(0);

    if (!m_parser.positionalArguments().isEmpty()) {
        reportInvalidArguments(u"unexpected argument \"%1\"; see --help"_s.arg(m_parser.positionalArguments().first()));
        return false;
    }
    return readInstance();
}

bool CommandLine::readInstance()
{
    const bool hasUrl = m_parser.isSet(urlOption);
    const bool hasInstance = m_parser.isSet(instanceOption);
    if (hasUrl == hasInstance) {
        reportInvalidArguments(hasUrl ? u"--url and --instance are mutually exclusive; pass only one"_s
                                      : u"no instance given; pass --url http://127.0.0.1:PORT or --instance NAME"_s);
        return false;
    }

    if (hasInstance) {
        // SnowCore checks the name itself when the Client is made.
        m_instanceOptions.instance = m_parser.value(instanceOption);
        return true;
    }

    const QString text = m_parser.value(urlOption);
    const QUrl url(text, QUrl::StrictMode);
    const bool knownScheme = url.scheme() == u"https"_s || url.scheme() == u"http"_s;
    const bool bare = url.path().isEmpty() || url.path() == u"/"_s;
    if (!url.isValid() || !knownScheme || url.host().isEmpty() || !bare || !url.userInfo().isEmpty()
        || url.hasQuery() || url.hasFragment()) {
        reportInvalidArguments(u"invalid --url \"%1\": expected http://127.0.0.1:PORT or https://HOST, "
                               "without user, path or query"_s
                                   .arg(text));
        return false;
    }

    // The Client rejects plain http to a host that is not loopback.
    m_instanceOptions.host = url.authority();
    m_instanceOptions.useSsl = url.scheme() == u"https"_s;
    return true;
}

snow::ClientOptions CommandLine::clientOptions() const
{
    snow::ClientOptions options = m_instanceOptions;
    options.user = user();
    options.password = password();
    return options;
}

QString CommandLine::user() const
{
    return m_parser.value(userOption);
}

QString CommandLine::password() const
{
    return valueOrEnvironment(m_parser, passwordOption, "SNOW_PASSWORD", u"admin"_s);
}

QString CommandLine::clientId() const
{
    return m_authentication == Authentication::OAuth ? m_parser.value(clientIdOption) : QString();
}

QString CommandLine::clientSecret() const
{
    if (m_authentication != Authentication::OAuth)
        return QString();
    return valueOrEnvironment(m_parser, clientSecretOption, "SNOW_CLIENT_SECRET", u"snowscope"_s);
}

void printLine(const QString &line)
{
    std::fputs(qUtf8Printable(line), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printIncident(const snow::Record &record)
{
    printLine(u"%1  %2  %3"_s.arg(record.value(u"number"), record.sysId(), record.value(u"short_description")));
}

int reportError(const snow::Error &error)
{
    std::fprintf(stderr, "%s: %s\n", qUtf8Printable(QCoreApplication::applicationName()),
                 qUtf8Printable(error.toString()));
    return ExitRequestFailed;
}

int reportInvalidArguments(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qUtf8Printable(QCoreApplication::applicationName()), qUtf8Printable(message));
    return ExitInvalidArguments;
}

} // namespace examples
