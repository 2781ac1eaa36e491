#pragma once

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <memory>

namespace snowemu {
class ServerThread;
}

/// The built-in demo instance: the instance emulator running in a thread of this
/// process, with its data in a file under the user's data directory so that demo
/// edits survive a restart.
class DemoInstance
{
public:
    DemoInstance();
    ~DemoInstance();

    /// Starts the emulator; returns false with @p errorMessage set when it could not.
    bool start(int incidents, QString *errorMessage);
    QUrl baseUrl() const { return m_baseUrl; }
    QString databasePath() const { return m_databasePath; }

    /// The demo's built-in account. It exists only in the emulator and is published
    /// in its documentation, so it is not a secret.
    static QString user();
    static QString password();

private:
    std::unique_ptr<snowemu::ServerThread> m_server;
    QUrl m_baseUrl;
    QString m_databasePath;
};
