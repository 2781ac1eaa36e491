#pragma once

// Helpers shared by the UI tests.

#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QString>

namespace uitest {

/// Returns the options of a client that signs in to @p server, an emulator the test
/// started on 127.0.0.1, over plain HTTP.
inline snow::ClientOptions clientOptions(const snowemu::Server &server, const QString &user = QStringLiteral("admin"),
                                         const QString &password = QStringLiteral("admin"))
{
    snow::ClientOptions options;
    options.host = QStringLiteral("127.0.0.1:%1").arg(server.port());
    options.useSsl = false;
    options.user = user;
    options.password = password;
    return options;
}

/// Points QSettings and the data folders at test locations named after
/// @p applicationName, and empties the settings, so that tests never touch the user's.
inline void isolateSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SnowscopeTests"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
}

} // namespace uitest
