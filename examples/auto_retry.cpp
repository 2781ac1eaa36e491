// Chapter 25: a session with auto-retry.
//
// Sets pysnow's retry recipe on the Client and fetches one incident, printing each
// retry. The recipe retries up to 3 times after 0, 0.6 and 1.2 seconds, on 401, 408,
// 429, 431, 500, 502, 503, 504 and 511, and on connection failures. After a 429 or 503
// with Retry-After, the Client waits the time that header sets instead (at most 300 s).
//
//   auto_retry --url http://127.0.0.1:8080

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snow/retrypolicy.h>

#include <QtCore/QCoreApplication>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Fetches one incident with pysnow's retry recipe, printing each retry."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // Retrying 401 is pysnow's choice: a wrong password then costs three more
    // requests before the error arrives. Remove 401 from statuses to fail at once.
    client.setRetryPolicy(snow::RetryPolicy::pysnowRecipe());

    QObject::connect(&client, &snow::Client::retrying,
                     [](const QString &method, const QUrl &url, int retryNumber, qint64 delayMs, const snow::Error &reason) {
                         examples::printLine(u"Retry %1 of %2 %3 in %4 ms, after: %5"_s.arg(QString::number(retryNumber), method,
                                                                                         url.toString(),
                                                                                         QString::number(delayMs),
                                                                                         reason.toString()));
                     });

    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    response->waitForFinished();

    // After the last retry, the error of the last attempt is the Response's error.
    const snow::Result<snow::Record> first = response->first();
    if (!first)
        return examples::reportError(first.error());

    examples::printIncident(*first);
    return 0;
}
