// Chapter 24: threaded queries.
//
// Runs two queries at the same time and prints sys_id and state of every match.
// pysnow needs a thread per query because its requests block. SnowCore's requests
// are asynchronous: one thread sends them all, and the Client keeps up to
// maxConnections() of them in flight at once, so no thread is needed.
//
// With --worker-thread the same queries run in one worker QThread instead, with a
// Client of its own, for programs that keep network work off their main thread.
//
//   threaded_queries --url http://127.0.0.1:8080
//   threaded_queries --url http://127.0.0.1:8080 --worker-thread

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct TableQuery
{
    QString apiPath;
    snow::Query query;
};

const QList<TableQuery> tableQueries = {
    {u"/table/incident"_s, {{u"state"_s, 1}}},
    {u"/table/incident"_s, {{u"state"_s, 3}}},
};

void printRecords(const snow::Response &response)
{
    for (const snow::Record &record : response.records())
        examples::printLine(u"%1  %2"_s.arg(record.sysId(), record.value(u"state")));
}

// Sends every query at once from the main thread and returns the exit code.
int runInMainThread(QCoreApplication &application, const snow::ClientOptions &options)
{
    snow::Client client(options);
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // The counterpart of pysnow's max_workers=4.
    client.setMaxConnections(4);

    qsizetype pending = tableQueries.size();
    int exitCode = 0;
    for (const TableQuery &tableQuery : tableQueries) {
        snow::Response *response = client.resource(tableQuery.apiPath).get(tableQuery.query);
        response->setParent(&client);

        // Responses finish in any order, and the last one to finish ends the event loop.
        QObject::connect(response, &snow::Response::finished, [response, &pending, &exitCode]() {
            if (response->isSuccess())
                printRecords(*response);
            else
                exitCode = examples::reportError(response->error());

            --pending;
            if (pending == 0)
                QCoreApplication::exit(exitCode);
        });
    }
    return application.exec();
}

// Runs the queries in a worker thread and returns the exit code.
int runInWorkerThread(const snow::ClientOptions &options)
{
    int exitCode = 0;

    // A Client and its Responses belong to the thread that made them, so the worker
    // makes its own Client. waitForFinished() runs an event loop in the worker.
    std::unique_ptr<QThread> worker(QThread::create([&options, &exitCode]() {
        snow::Client client(options);
        if (!client.isValid()) {
            exitCode = examples::reportInvalidArguments(client.validationError().message());
            return;
        }

        // Send every query first, so that they are in flight together, then wait.
        std::vector<std::unique_ptr<snow::Response>> responses;
        for (const TableQuery &tableQuery : tableQueries)
            responses.emplace_back(client.resource(tableQuery.apiPath).get(tableQuery.query));

        for (const std::unique_ptr<snow::Response> &response : responses) {
            response->waitForFinished();
            if (response->isSuccess())
                printRecords(*response);
            else
                exitCode = examples::reportError(response->error());
        }
    }));

    worker->start();
    worker->wait();
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Runs two incident queries at the same time and prints sys_id and state."_s);
    commandLine.parser().addOption({u"worker-thread"_s, u"Run the queries in one worker thread."_s});
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    if (commandLine.isSet(u"worker-thread"_s))
        return runInWorkerThread(commandLine.clientOptions());
    return runInMainThread(application, commandLine.clientOptions());
}
