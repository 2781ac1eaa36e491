// Chapter 20: deleting a record.
//
// Deletes the incident with a given number. Like pysnow, remove() deletes exactly one
// record: it fails with NoResults or MultipleResults when the query matches none or
// several.
//
//   delete_record --url http://127.0.0.1:8080 --number INC0010051

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
    examples::CommandLine commandLine(u"Deletes the incident with a given number."_s);
    commandLine.parser().addOption({u"number"_s, u"Number of the incident to delete (required)."_s, u"NUMBER"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    // No default number: this example deletes data on the instance.
    const QString number = commandLine.value(u"number"_s);
    if (number.isEmpty())
        return examples::reportInvalidArguments(u"--number is missing; pass the number of the incident to delete"_s);

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // pysnow's delete() is remove() here, because delete is a C++ keyword.
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).remove({{u"number"_s, number}}));
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    examples::printLine(u"Deleted %1 (HTTP %2)."_s.arg(number, QString::number(response->httpStatus())));
    return 0;
}
