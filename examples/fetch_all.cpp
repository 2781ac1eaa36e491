// Chapter 17.1: multiple records.
//
// Prints the sys_id of every incident in state 1 (New) as the records arrive. This is
// the asynchronous style: connect to the Response's signals and run the event loop,
// as a GUI or a service does.
//
//   fetch_all --url http://127.0.0.1:8080

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Prints the sys_id of every incident in state 1 (New) as records arrive."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // Records go straight to the slot, and keepRecords = false keeps none of them in
    // the Response, so memory stays flat however many match. A limit of 0 means every
    // match, fetched page after page.
    snow::GetOptions options;
    options.limit = 0;
    options.keepRecords = false;

    // The application owns the Response, so it lives until the event loop ends.
    snow::Response *response = client.resource(u"/table/incident"_s).get({{u"state"_s, 1}}, options);
    response->setParent(&application);

    QObject::connect(response, &snow::Response::recordsReceived, [](const QList<snow::Record> &records) {
        for (const snow::Record &record : records)
            examples::printLine(record.sysId());
    });

    // finished() is emitted exactly once, after the last record or on failure. A
    // failure after some records arrived means the list printed so far is partial.
    QObject::connect(response, &snow::Response::finished, [response]() {
        if (!response->isComplete()) {
            QCoreApplication::exit(examples::reportError(response->error()));
            return;
        }
        examples::printLine(u"Incidents in state 1: %1."_s.arg(response->recordCount()));
        QCoreApplication::exit(0);
    });

    return application.exec();
}
