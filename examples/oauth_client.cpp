// Chapters 13.2 and 21: the OAuthClient.
//
// Gets a token with the password grant, keeps every token the client announces
// through tokenUpdated() (pysnow's token_updater), and fetches the first incident with
// it. Before each request, the client refreshes an access token that is about to
// expire.
//
//   oauth_client --url http://127.0.0.1:8080
//   SNOW_PASSWORD=secret SNOW_CLIENT_SECRET=secret oauth_client --instance dev12345 --user admin --client-id ID

#include "common/examplecommandline.h"

#include <snow/oauthclient.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QVariantMap>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(
        u"Gets an OAuth token with the password grant, then fetches the first incident with it."_s,
        examples::CommandLine::Authentication::OAuth);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::OAuthClient client(commandLine.instanceOptions(), commandLine.clientId(), commandLine.clientSecret());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // The token store. A map in memory keeps nothing across runs, so every run
    // requests a new token. A real program keeps the token in the system keychain.
    QVariantMap store;

    // The token updater: called for the first token and for every refresh. It never
    // prints the token itself.
    QObject::connect(&client, &snow::OAuthClient::tokenUpdated, [&store](const snow::OAuthToken &token) {
        examples::printLine(u"OAuth token updated; it expires at %1."_s.arg(token.expiresAt.toString(Qt::ISODate)));
        store = token.toMap();
    });

    if (store.isEmpty()) {
        // No token stored yet: get a new one for the user.
        std::unique_ptr<snow::Response> tokenResponse(client.generateToken(commandLine.user(), commandLine.password()));
        tokenResponse->waitForFinished();
        if (!tokenResponse->isSuccess())
            return examples::reportError(tokenResponse->error());
    }

    // generateToken() has already set the token on the client. setToken() is how a
    // token read back from storage is handed to a new client.
    if (!client.setToken(store))
        return examples::reportError(client.tokenError());

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    response->waitForFinished();

    const snow::Result<snow::Record> first = response->first();
    if (!first)
        return examples::reportError(first.error());

    examples::printIncident(*first);
    return 0;
}
