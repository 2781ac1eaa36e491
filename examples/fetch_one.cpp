// Chapter 17.4: exactly one record.
//
// Prints the incident with a given number as JSON. one() fails with NoResults when
// nothing matches and with MultipleResults when more than one record does.
//
//   fetch_one --url http://127.0.0.1:8080 --number INC0010001

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
    examples::CommandLine commandLine(u"Prints the one incident with a given number as JSON."_s);
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

    examples::printLine(QString::fromUtf8(incident->toJson()));
    return 0;
}
