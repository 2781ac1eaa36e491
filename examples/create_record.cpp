// Chapter 18: creating a record.
//
// Creates an incident and prints its number and sys_id as the instance assigned them.
//
//   create_record --url http://127.0.0.1:8080

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
    examples::CommandLine commandLine(u"Creates an incident and prints its number and sys_id."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    const QJsonObject newRecord{
        {u"short_description"_s, u"SnowCore created incident"_s},
        {u"description"_s, u"Created by the create_record example."_s},
    };

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).create(newRecord));
    response->waitForFinished();

    // The Response contains the new record as the instance returned it, with every
    // field the instance filled in (number, sys_id, defaults).
    const snow::Result<snow::Record> created = response->one();
    if (!created)
        return examples::reportError(created.error());

    examples::printLine(u"number: %1"_s.arg(created->value(u"number")));
    examples::printLine(u"sys_id: %1"_s.arg(created->sysId()));
    return 0;
}
