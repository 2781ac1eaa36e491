#include "session.h"

#include "metadata/schemacache.h"

#include <snow/client.h>

Session::Session(snow::Client *client, const QString &label, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_schemas(new SchemaCache(client, this))
    , m_label(label)
{
}

Session::~Session() = default;

QUrl Session::instanceUrl() const
{
    return m_client->baseUrl();
}
