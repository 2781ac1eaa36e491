#pragma once

#include <snow/client.h>
#include <snow/error.h>
#include <snow/record.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QString>

class QCoreApplication;

namespace examples {

/// Exit code of an example whose request failed.
constexpr int ExitRequestFailed = 1;
/// Exit code of an example started with invalid arguments.
constexpr int ExitInvalidArguments = 2;

/// The command line every example shares: which instance to reach and who signs in.
///
/// The instance is `--url http://127.0.0.1:PORT` (or any https:// URL) or
/// `--instance NAME` for NAME.service-now.com. `--user` and `--password` default to
/// admin and admin, the emulator's account. An example made with OAuth set also takes
/// `--client-id` and `--client-secret`, which default to snowscope and snowscope, the
/// emulator's OAuth client. The password and the client secret may come from the
/// SNOW_PASSWORD and SNOW_CLIENT_SECRET environment variables instead, which keeps
/// them out of the process list on a shared machine.
class CommandLine
{
public:
    enum class Authentication {
        Password,
        OAuth,
    };

    explicit CommandLine(const QString &description, Authentication authentication = Authentication::Password);

    /// The parser, for an example to add its own options before parse().
    QCommandLineParser &parser() { return m_parser; }

    /// Parses the application's arguments. Prints help and exits on --help; prints
    /// the reason and returns false on an invalid argument.
    bool parse(const QCoreApplication &application);

    /// Returns where the instance is (instance or host, and useSsl), without credentials.
    snow::ClientOptions instanceOptions() const { return m_instanceOptions; }
    /// Returns instanceOptions() with user and password filled in.
    snow::ClientOptions clientOptions() const;

    QString user() const;
    QString password() const;
    QString clientId() const;
    QString clientSecret() const;

    /// Returns the value of an option the example added.
    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }

private:
    bool readInstance();

    QCommandLineParser m_parser;
    Authentication m_authentication;
    snow::ClientOptions m_instanceOptions;
};

/// Writes @p line and a newline to standard output.
void printLine(const QString &line);

/// Writes number, sys_id and short description of an incident on one line.
void printIncident(const snow::Record &record);

/// Writes @p error to standard error and returns ExitRequestFailed.
int reportError(const snow::Error &error);

/// Writes @p message to standard error and returns ExitInvalidArguments.
int reportInvalidArguments(const QString &message);

} // namespace examples
