// Chapter 17.2: the first record.
//
// Prints the first incident in state 3 (On Hold). first() fails with NoResults when
// nothing matches.
//
//   fetch_first --url http://127.0.0.1:8080

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
    examples::CommandLine commandLine(u"Prints the first incident in state 3 (On Hold)."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // pysnow reads every match and returns the first. A limit of 1 fetches only that one.
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get({{u"state"_s, 3}}, 1));
    response->waitForFinished();

    const snow::Result<snow::Record> first = response->first();
    if (!first)
        return examples::reportError(first.error());

    examples::printIncident(*first);
    return 0;
}
