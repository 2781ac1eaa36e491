// Chapter 14: resources.
//
// A Resource is one API path with its own copy of the request parameters. This one is
// the incident table with display values on, so fields read as their labels.
//
//   resources --url http://127.0.0.1:8080

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
    examples::CommandLine commandLine(u"Fetches three incidents through a resource that asks for display values."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // pysnow's chunk_size has no counterpart: SnowCore reads the body as it arrives,
    // whatever the chunk sizes of the connection.
    snow::Resource incidents = client.resource(u"/table/incident"_s);
    incidents.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::True);

    const QStringList fields = {u"number"_s, u"state"_s, u"caller_id"_s};
    std::unique_ptr<snow::Response> response(incidents.get(snow::Query(), 3, std::nullopt, fields));
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    examples::printLine(u"Resource %1:"_s.arg(incidents.url().toString()));
    for (const snow::Record &record : response->records()) {
        examples::printLine(
            u"%1  %2  %3"_s.arg(record.displayValue(u"number"), record.displayValue(u"state"),
                               record.displayValue(u"caller_id")));
    }
    return 0;
}
