#pragma once

#include <snow/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

namespace snow {
class Client;
class Response;
}

/// The signed-in user, as the instance reports it.
struct Identity
{
    QString userName;    ///< user_name, such as "admin"
    QString displayName; ///< such as "System Administrator"
    QString sysId;

    /// Returns "System Administrator (admin)", or the one name that is known.
    QString text() const;
};

/// Requests the user that a Client is signed in as, which proves that the sign-in works.
///
/// It sends GET /api/now/ui/user/current_user, which works with every sign-in
/// method. When an instance does not serve that API (HTTP 400 or 404) and the user
/// name is known, it reads the user's sys_user record instead.
///
/// finished() is emitted once; error() is then empty on success. The Client must
/// outlive the check. Lives in the Client's thread.
class IdentityCheck : public QObject
{
    Q_OBJECT

public:
    /// @p userName is the name the Client signs in with, or empty for OAuth grants
    /// that do not name a user.
    IdentityCheck(snow::Client *client, const QString &userName, QObject *parent = nullptr);
    ~IdentityCheck() override;

    void start();
    /// Stops the request; finished() is not emitted.
    void abort();

    Identity identity() const { return m_identity; }
    snow::Error error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void readCurrentUser();
    void readUserRecord();
    void finish(const snow::Error &error);

    snow::Client *m_client;
    QString m_userName;
    std::unique_ptr<snow::Response> m_response;
    Identity m_identity;
    snow::Error m_error;
};
