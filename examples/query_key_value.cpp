// Chapter 16.1: a key-value query.
//
// Key-value pairs become `key=value` conditions joined by `^`. SnowCore escapes a `^`
// in a value, so a value cannot add a condition of its own.
//
//   query_key_value --url http://127.0.0.1:8080 --number INC0010001

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
    examples::CommandLine commandLine(u"Fetches the one incident with a given number."_s);
    commandLine.parser().addOption({u"number"_s, u"Incident number (default: INC0010001)."_s, u"NUMBER"_s,
                                    u"INC0010001"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    snow::Resource incidents = client.resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> response(incidents.get({{u"number"_s, commandLine.value(u"number"_s)}}));
    response->waitForFinished();

    const snow::Result<snow::Record> incident = response->one();
    if (!incident)
        return examples::reportError(incident.error());

    examples::printIncident(*incident);
    return 0;
}
