// Chapter 13.1.2: a Client with a custom session object.
//
// pysnow takes a requests.Session, and SnowCore takes a QNetworkAccessManager, which
// the caller sets up with authentication, proxies or TLS settings. Here it adds Basic
// authentication to every request, so the Client itself gets no user or password.
//
//   client_custom_network --url http://127.0.0.1:8080 --user admin --password admin

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A network access manager that signs every request it sends with Basic
// authentication. Give it only to the Client of the instance the password is for.
class BasicAuthNetworkAccessManager : public QNetworkAccessManager
{
public:
    BasicAuthNetworkAccessManager(const QString &user, const QString &password)
        : m_authorization(QByteArray("Basic ") + (user + u':' + password).toUtf8().toBase64())
    {
    }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        QNetworkRequest signedRequest(request);
        signedRequest.setRawHeader("Authorization", m_authorization);

        // pysnow's manual turns certificate verification off at this point. Keep it on:
        // to trust a private certificate authority, add its certificate to
        // signedRequest.sslConfiguration() instead.
        return QNetworkAccessManager::createRequest(operation, signedRequest, outgoingData);
    }

private:
    QByteArray m_authorization;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(
        u"Connects through a caller-supplied QNetworkAccessManager that adds Basic authentication, "
        "and fetches one incident."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    // The Client does not take ownership of the network access manager, which must
    // outlive it: declare it first so that it is destroyed last.
    BasicAuthNetworkAccessManager network(commandLine.user(), commandLine.password());

    snow::ClientOptions options = commandLine.instanceOptions();
    options.networkAccessManager = &network;
    snow::Client client(options);
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    response->waitForFinished();

    const snow::Result<snow::Record> first = response->first();
    if (!first)
        return examples::reportError(first.error());

    examples::printLine(u"Signed in through the custom network access manager. First incident:"_s);
    examples::printIncident(*first);
    return 0;
}
