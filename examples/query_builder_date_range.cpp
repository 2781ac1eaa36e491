// Chapter 22: the QueryBuilder with date-times.
//
// Fetches the incidents whose number starts with a prefix and that were created in
// the last 60 days (or --days), and prints their numbers.
//
//   query_builder_date_range --url http://127.0.0.1:8080 --days 36500

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
    examples::CommandLine commandLine(u"Fetches incidents by number prefix that were created in the last days."_s);
    commandLine.parser().addOptions({
        {u"number-prefix"_s, u"Start of the incident numbers (default: INC001)."_s, u"PREFIX"_s, u"INC001"_s},
        {u"days"_s, u"Number of days back from now that the creation date may lie (default: 60)."_s, u"DAYS"_s,
         u"60"_s},
    });
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    bool validDays = false;
    const int days = commandLine.value(u"days"_s).toInt(&validDays);
    if (!validDays || days < 0)
        return examples::reportInvalidArguments(
            u"invalid --days \"%1\": expected a whole number of 0 or more"_s.arg(commandLine.value(u"days"_s)));

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // NOTE: between() writes both bounds in UTC, but an instance reads
    // gs.dateGenerate() in the user's time zone, so each bound can be off by the
    // user's UTC offset. At a scale of days this rarely matters.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime daysAgo = now.addDays(-days);

    snow::QueryBuilder query;
    query.field(u"number"_s).startsWith(commandLine.value(u"number-prefix"_s))
        .AND().field(u"sys_created_on"_s).between(daysAgo, now);
    if (!query.isValid())
        return examples::reportError(query.error());

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(query));
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    for (const snow::Record &record : response->all())
        examples::printLine(record.value(u"number"));
    examples::printLine(u"Incidents created in the last %1 days: %2."_s.arg(QString::number(days),
                                                                       QString::number(response->recordCount())));
    return 0;
}
