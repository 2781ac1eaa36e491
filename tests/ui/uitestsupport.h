#pragma once

// Helpers shared by the UI tests.

#include <snow/client.h>
#include <snowemu/server.h>

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

} // namespace uitest
