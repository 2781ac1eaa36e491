// Chapter 17.5: one record, or none.
//
// Prints the incident with a given number, or a line saying that there is none.
// oneOrNone() still fails with MultipleResults when more than one record matches.
//
//   fetch_one_or_none --url http://127.0.0.1:8080 --number INC0010001

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
    examples::CommandLine commandLine(u"Prints the incident with a given number, or says that there is none."_s);
    commandLine.parser().addOption({u"number"_s, u"Incident number (default: INC0010001)."_s, u"NUMBER"_s,
                                    u"INC0010001"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    const QString number = commandLine.value(u"number"_s);
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get({{u"number"_s, number}}));
    response->waitForFinished();

    // A failed request is an error here too, never "none".
    const snow::Result<std::optional<snow::Record>> incident = response->oneOrNone();
    if (!incident)
        return examples::reportError(incident.error());

    if (!incident->has_value()) {
        examples::printLine(u"No incident has the number %1."_s.arg(number));
        return 0;
    }
    examples::printIncident(incident->value());
    return 0;
}
