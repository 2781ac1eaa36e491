#pragma once

#include "snow/client.h"

#include "transport_p.h"

#include <QtCore/QPointer>

#include <QtNetwork/QNetworkAccessManager>

namespace snow {

class ClientPrivate
{
public:
    explicit ClientPrivate(Client *client)
        : q(client)
    {
    }

    void validate(const ClientOptions &options, bool passwordRequired);
    /// Applies the headers every request carries, then the Client's authorization.
    void prepare(QNetworkRequest &request, const RequestSpec &spec) const;

    Client *q;
    ClientOptions options;
    Error validationError;
    QUrl baseUrl;
    ParamsBuilder parameters;
    RetryPolicy retryPolicy;
    std::chrono::milliseconds timeout{60000};
    int maxConnections = 6;
    bool compression = true;
    QByteArray userAgentProduct;
    QByteArray basicAuthorization; // never logged
    QNetworkAccessManager *network = nullptr;
    std::unique_ptr<QNetworkAccessManager> ownedNetwork;
    std::unique_ptr<Transport> transport;
};

/// Lets OAuthClient reach the internals of its base Client.
class ClientAccess
{
public:
    static ClientPrivate *d(Client *client) { return client->d.get(); }
};

} // namespace snow
