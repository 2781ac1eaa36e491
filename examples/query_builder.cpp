// Chapter 16.2: a query made with the QueryBuilder.
//
// Fetches the incidents whose number starts with a prefix and that were created
// between 1970-01-01 and 20 days ago, most recently updated first.
//
//   query_builder --url http://127.0.0.1:8080 --number-prefix INC001001

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(
        u"Fetches incidents by number prefix, created between 1970-01-01 and 20 days ago, newest update first."_s);
    commandLine.parser().addOption({u"number-prefix"_s, u"Start of the incident numbers (default: INC001)."_s,
                                    u"PREFIX"_s, u"INC001"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    const QDateTime start(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime end = QDateTime::currentDateTimeUtc().addDays(-20);

    snow::QueryBuilder query;
    query.field(u"number"_s).startsWith(commandLine.value(u"number-prefix"_s))
        .AND().field(u"sys_created_on"_s).between(start, end)
        .AND().field(u"sys_updated_on"_s).orderDescending();

    // A misuse of the builder, such as a string passed to between(), throws nothing.
    // The builder records it and becomes invalid.
    if (!query.isValid())
        return examples::reportError(query.error());
    examples::printLine(u"Encoded query: %1"_s.arg(query.toString()));

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(query));
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    for (const snow::Record &record : response->all())
        examples::printIncident(record);
    examples::printLine(u"Incidents matched: %1."_s.arg(response->recordCount()));
    return 0;
}
