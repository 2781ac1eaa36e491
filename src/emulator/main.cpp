// snow-emulator: runs the ServiceNow instance emulator until it is interrupted.

#include "snowemu/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void forwardSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT and SIGTERM, so the server stops cleanly.
void installSignalHandlers(QCoreApplication &application)
{
    if (::pipe(signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &application);
    QObject::connect(notifier, &QSocketNotifier::activated, &application, &QCoreApplication::quit);
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
}

bool readNumber(const QCommandLineParser &parser, const QString &name, qint64 minimum, qint64 maximum, qint64 *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 number = parser.value(name).toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        std::fprintf(stderr, "Invalid value \"%s\" for --%s: expected a whole number from %lld to %lld.\n",
                     qPrintable(parser.value(name)), qPrintable(name), static_cast<long long>(minimum),
                     static_cast<long long>(maximum));
        return false;
    }
    *value = number;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(u"snow-emulator"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A ServiceNow-compatible instance on 127.0.0.1 with seeded data, for the Snowscope demo, tests and benchmarks.\n"
        "Accounts: admin/admin (every role) and reader/reader (read only). OAuth client: snowscope/snowscope."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"port"_s, u"TCP port on 127.0.0.1; 0 picks a free port (default 0)."_s, u"N"_s, u"0"_s},
        {u"incidents"_s, u"Number of seeded incidents, 0 to 1000000 (default 500)."_s, u"N"_s, u"500"_s},
        {u"database"_s, u"SQLite file that keeps writes across restarts; attachments go to FILE.attachments/ (default: in memory)."_s, u"FILE"_s},
        {u"latency"_s, u"Delay before each response, in milliseconds (default 0)."_s, u"MS"_s},
        {u"bandwidth"_s, u"Cap on response body bytes per second; 0 = unlimited (default 0)."_s, u"BYTES_PER_SECOND"_s},
        {u"rate-limit-after"_s, u"Answer 429 to every request after the first N (default: no limit)."_s, u"N"_s},
        {u"retry-after"_s, u"Retry-After value sent with 429, in seconds (default 1)."_s, u"SECONDS"_s},
        {u"error-burst"_s, u"Answer the next N requests with --error-status (default 0)."_s, u"N"_s},
        {u"error-status"_s, u"HTTP status of --error-burst responses (default 503)."_s, u"CODE"_s},
        {u"truncate-after"_s, u"Send this many body bytes, then close the connection cleanly."_s, u"BYTES"_s},
        {u"reset-after"_s, u"Send this many body bytes, then reset the TCP connection."_s, u"BYTES"_s},
        {u"hibernate"_s, u"Answer every API call with the HTML \"instance hibernating\" page and status 200."_s},
        {u"corrupt-attachments"_s, u"Flip the first byte of attachment content as it is stored or served, so that clients meet a hash mismatch."_s},
        {u"stall"_s, u"Accept requests but never answer them."_s},
        {u"token-lifetime"_s, u"Lifetime of OAuth access tokens, in seconds (default 1800)."_s, u"SECONDS"_s},
        {u"max-attachment-size"_s, u"Largest accepted attachment, in bytes (default 1073741824)."_s, u"BYTES"_s},
        {u"record-cache-mb"_s, u"Memory for serialized Table API records, so repeated reads are served from memory, in MiB; 0 disables the cache (default 256)."_s, u"N"_s},
    });
    parser.process(application);

    snowemu::Options options;
    qint64 number = 0;
    const auto read = [&](const QString &name, qint64 minimum, qint64 maximum, auto apply) {
        number = -1;
        if (!readNumber(parser, name, minimum, maximum, &number))
            return false;
        if (parser.isSet(name))
            apply(number);
        return true;
    };

    const bool valid = read(u"port"_s, 0, 65535, [&](qint64 v) { options.port = quint16(v); })
        && read(u"incidents"_s, 0, 1000000, [&](qint64 v) { options.incidents = int(v); })
        && read(u"latency"_s, 0, 600000, [&](qint64 v) { options.faults.latencyMs = int(v); })
        && read(u"bandwidth"_s, 0, std::numeric_limits<qint64>::max(), [&](qint64 v) { options.faults.bandwidthBytesPerSecond = v; })
        && read(u"rate-limit-after"_s, 0, std::numeric_limits<int>::max(), [&](qint64 v) { options.faults.rateLimitAfterRequests = int(v); })
        && read(u"retry-after"_s, 0, 86400, [&](qint64 v) { options.faults.retryAfterSeconds = int(v); })
        && read(u"error-burst"_s, 0, std::numeric_limits<int>::max(), [&](qint64 v) { options.faults.serverErrorBurst = int(v); })
        && read(u"error-status"_s, 400, 599, [&](qint64 v) { options.faults.serverErrorStatus = int(v); })
        && read(u"truncate-after"_s, 0, std::numeric_limits<qint64>::max(), [&](qint64 v) { options.faults.truncateBodyAfterBytes = v; })
        && read(u"reset-after"_s, 0, std::numeric_limits<qint64>::max(), [&](qint64 v) { options.faults.resetBodyAfterBytes = v; })
        && read(u"token-lifetime"_s, 1, std::numeric_limits<int>::max(), [&](qint64 v) { options.accessTokenLifetimeSeconds = int(v); })
        && read(u"max-attachment-size"_s, 1, std::numeric_limits<qint64>::max(), [&](qint64 v) { options.maxAttachmentBytes = v; })
        && read(u"record-cache-mb"_s, 0, 1024 * 1024, [&](qint64 v) { options.recordCacheMegabytes = int(v); });
    if (!valid)
        return 2;

    options.databasePath = parser.value(u"database"_s);
    options.faults.hibernating = parser.isSet(u"hibernate"_s);
    options.faults.corruptAttachments = parser.isSet(u"corrupt-attachments"_s);
    options.faults.stall = parser.isSet(u"stall"_s);

    installSignalHandlers(application);

    snowemu::Server server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "snow-emulator did not start: %s\n", qPrintable(error));
        return 1;
    }

    // Scripts wait for this exact first line to learn the port.
    std::printf("Listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);

    return application.exec();
}
