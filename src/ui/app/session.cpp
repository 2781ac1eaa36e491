#include "session.h"

#include "metadata/schemacache.h"

#include <snow/client.h>

Session::Session(snow::Client *client, const QString &label, QObject *parent)
    : Session(client, label, QStringLiteral("default"), parent)
{
}

Session::Session(snow::Client *client, const QString &label, const QString &profileId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_schemas(new SchemaCache(client, this))
    , m_label(label)
    , m_profileId(profileId)
{
}

Session::~Session() = default;

QUrl Session::instanceUrl() const
{
    return m_client->baseUrl();
}
