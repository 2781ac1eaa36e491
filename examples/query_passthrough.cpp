// Chapter 16.3: a pass-through query.
//
// The encoded query of query_builder, written by hand: numbers starting with a
// prefix, created between 1970-01-01 and 20 days ago, most recently updated first.
// The QueryBuilder is safer, because an encoded string is sent exactly as written.
//
//   query_passthrough --url http://127.0.0.1:8080 --number-prefix INC001001

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
        u"Fetches incidents with a hand-written encoded query: number prefix, created between 1970-01-01 and "
        "20 days ago, newest update first."_s);
    commandLine.parser().addOption({u"number-prefix"_s, u"Start of the incident numbers (default: INC001)."_s,
                                    u"PREFIX"_s, u"INC001"_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // The bounds are in this machine's local time, as in pysnow's example. The
    // instance reads gs.dateGenerate() in the time zone of the signed-in user.
    const QString dateFormat = u"yyyy-MM-dd HH:mm:ss"_s;
    const QString start = QDateTime(QDate(1970, 1, 1), QTime(0, 0)).toString(dateFormat);
    const QString end = QDateTime::currentDateTime().addDays(-20).toString(dateFormat);

    // Text from a user must have each `^` doubled, or it could add conditions.
    const QString prefix = snow::QueryBuilder::escapeValue(commandLine.value(u"number-prefix"_s));
    const QString query = u"numberSTARTSWITH%1"
                          "^sys_created_onBETWEENjavascript:gs.dateGenerate(\"%2\")@javascript:gs.dateGenerate(\"%3\")"
                          "^ORDERBYDESCsys_updated_on"_s.arg(prefix, start, end);
    examples::printLine(u"Encoded query: %1"_s.arg(query));

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(query));
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    for (const snow::Record &record : response->all())
        examples::printIncident(record);
    examples::printLine(u"Incidents matched: %1."_s.arg(response->recordCount()));
    return 0;
}
