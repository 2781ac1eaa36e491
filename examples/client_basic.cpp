// Chapter 13.1.1: a Client with user name and password.
//
// Makes a Client and fetches one incident to check that the credentials work.
//
//   client_basic --url http://127.0.0.1:8080
//   SNOW_PASSWORD=secret client_basic --instance dev12345 --user admin

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Connects with user name and password and fetches one incident."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    // Like pysnow, the Client checks its options at once: an invalid instance name or
    // plain http to a remote host is reported here, before anything is sent.
    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // The caller owns every Response. waitForFinished() runs an event loop until the
    // request ends, and the Client's inactivity timeout (60 seconds) bounds the wait.
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    response->waitForFinished();

    const snow::Result<snow::Record> first = response->first();
    if (!first)
        return examples::reportError(first.error());

    examples::printLine(u"Signed in to %1 as %2. First incident:"_s.arg(client.baseUrl().toString(), client.user()));
    examples::printIncident(*first);
    return 0;
}
