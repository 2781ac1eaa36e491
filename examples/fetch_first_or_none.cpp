// Chapter 17.3: the first record, or none.
//
// Prints the first incident in a state (3, On Hold, by default), or a line saying
// that none matched.
//
//   fetch_first_or_none --url http://127.0.0.1:8080 --state 3

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Prints the first incident in a state, or says that none matched."_s);
    commandLine.parser().addOption({u"state"_s, u"Value of the incident state (default: 3, On Hold)."_s,
                                    u"STATE"_s, u"3"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    const QString state = commandLine.value(u"state"_s);
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get({{u"state"_s, state}}, 1));
    response->waitForFinished();

    // firstOrNone() returns no record on failure too, so check for an error first:
    // otherwise an unreachable instance would read as "no match".
    if (!response->isSuccess())
        return examples::reportError(response->error());

    const std::optional<snow::Record> first = response->firstOrNone();
    if (!first) {
        examples::printLine(u"No incident is in state %1."_s.arg(state));
        return 0;
    }
    examples::printIncident(*first);
    return 0;
}
