#pragma once

#include <QtCore/QObject>
#include <QtCore/QUrl>

class SchemaCache;

namespace snow {
class Client;
}

/// Everything Snowscope knows about one connected instance: its Client and its
/// metadata cache. Windows, browsers and forms of that instance share one Session.
/// Lives in the GUI thread; it does not own the Client.
class Session : public QObject
{
    Q_OBJECT

public:
    /// @p client must outlive the session. @p label names the instance for the user.
    Session(snow::Client *client, const QString &label, QObject *parent = nullptr);
    /// As above, with the id of the connection profile the session was opened from
    /// ("demo" for the demo instance). Settings per profile are stored under it.
    Session(snow::Client *client, const QString &label, const QString &profileId, QObject *parent = nullptr);
    ~Session() override;

    snow::Client *client() const { return m_client; }
    SchemaCache *schemas() const { return m_schemas; }
    QString label() const { return m_label; }
    QString profileId() const { return m_profileId; }
    /// The instance's base URL, such as https://dev12345.service-now.com.
    QUrl instanceUrl() const;

private:
    snow::Client *m_client;
    SchemaCache *m_schemas;
    QString m_label;
    QString m_profileId;
};
