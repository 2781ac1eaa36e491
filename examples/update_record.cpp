// Chapter 19: updating a record.
//
// Sets short_description and state of the incident with a given number, and prints
// the record as the instance returned it. Like pysnow, update() changes exactly one
// record: it fails with NoResults or MultipleResults when the query matches none or
// several.
//
//   update_record --url http://127.0.0.1:8080 --number INC0010001

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Updates short_description and state of the incident with a given number."_s);
    commandLine.parser().addOption({u"number"_s, u"Number of the incident to update (required)."_s, u"NUMBER"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    // No default number: this example writes to the instance.
    const QString number = commandLine.value(u"number"_s);
    if (number.isEmpty())
        return examples::reportInvalidArguments(u"--number is missing; pass the number of the incident to update"_s);

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // State 2 is "In Progress" on the incident table.
    const QJsonObject update{
        {u"short_description"_s, u"New short description"_s},
        {u"state"_s, u"2"_s},
    };

    snow::Resource incidents = client.resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> response(incidents.update({{u"number"_s, number}}, update));
    response->waitForFinished();

    const snow::Result<snow::Record> updated = response->one();
    if (!updated)
        return examples::reportError(updated.error());

    examples::printLine(u"%1  state %2  %3"_s.arg(updated->value(u"number"), updated->value(u"state"),
                                                  updated->value(u"short_description")));
    return 0;
}
