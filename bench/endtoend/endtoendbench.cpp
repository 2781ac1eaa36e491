// End to end: SnowCore fetches one large Table API page from the emulator over loopback
// HTTP and reads every record, next to curl fetching the same URL into /dev/null (the
// transfer floor). Also reports the longest stall of the event loop that owns the
// Response, and the peak memory above the baseline when records are not kept.
//
//   endtoendbench [--incidents 29000] [--repeat 3] [--emulator PATH]
//
// The emulator runs as a child process, so its work does not count against this one.

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The pysnow 0.6.9 figure for the same body over loopback, measured on this machine
// kind when the project started (see docs/benchmarks.md); pysnow is not installed here.
constexpr double PysnowMegabytesPerSecond = 39.0;

qint64 procStatus(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

void resetPeakMemory()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

struct Fetch
{
    double seconds = 0;
    qint64 bytes = 0;
    qint64 records = 0;
    qint64 touched = 0;
    qint64 longestStallMs = 0;
    qint64 peakAboveBaseline = 0;
    QString error;
};

Fetch fetchWithSnowCore(const QUrl &base, qint64 incidents, bool compression)
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(base.port());
    options.useSsl = false;
    options.user = u"admin"_s;
    options.password = u"admin"_s;
    snow::Client client(options);
    client.setCompressionEnabled(compression);

    snow::GetOptions get;
    get.limit = incidents;
    get.pageSize = incidents;
    get.keepRecords = false;

    Fetch fetch;
    resetPeakMemory();
    const qint64 baseline = procStatus("VmRSS:");

    // A 1 ms timer measures how long the event loop of this thread is kept busy.
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        fetch.longestStallMs = std::max(fetch.longestStallMs, sinceTick.elapsed());
        sinceTick.restart();
    });

    QElapsedTimer timer;
    timer.start();
    sinceTick.start();
    ticker.start();
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), get));
    QObject::connect(response.get(), &snow::Response::recordsReceived, [&](const QList<snow::Record> &records) {
        fetch.records += records.size();
        for (const snow::Record &record : records) {
            for (qsizetype i = 0; i < record.fieldSlotCount(); ++i) {
                const snow::FieldView field = record.fieldAt(i);
                fetch.touched += field.value.size() + field.displayValue.size() + field.link.size();
            }
        }
    });
    response->waitForFinished();
    fetch.seconds = double(timer.nsecsElapsed()) / 1e9;
    ticker.stop();

    fetch.bytes = response->bytesReceived();
    fetch.peakAboveBaseline = procStatus("VmHWM:") - baseline;
    if (!response->isSuccess())
        fetch.error = response->error().toString();
    return fetch;
}

Fetch fetchWithCurl(const QUrl &url)
{
    QProcess curl;
    curl.start(u"curl"_s, {u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-u"_s, u"admin:admin"_s, u"-w"_s, u"%{size_download} %{time_total}"_s,
                            url.toString()});
    Fetch fetch;
    if (!curl.waitForFinished(600000) || curl.exitCode() != 0) {
        fetch.error = u"curl failed: "_s + QString::fromLocal8Bit(curl.readAllStandardError());
        return fetch;
    }
    const QList<QByteArray> fields = curl.readAllStandardOutput().split(' ');
    fetch.bytes = fields.value(0).toLongLong();
    fetch.seconds = fields.value(1).toDouble();
    return fetch;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"SnowCore end to end against the emulator, with curl as the transfer floor."_s);
    parser.addHelpOption();
    const QCommandLineOption incidentsOption(u"incidents"_s, u"Incidents in the page (default 29000, about 100 MB)."_s,
                                             u"count"_s, u"29000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Fetches per contender; the fastest counts (default 3)."_s,
                                          u"count"_s, u"3"_s);
    const QCommandLineOption emulatorOption(u"emulator"_s, u"Path of snow-emulator."_s, u"path"_s,
                                            QStringLiteral(SNOW_EMULATOR_PATH));
    parser.addOptions({incidentsOption, repeatOption, emulatorOption});
    parser.process(application);

    const qint64 incidents = parser.value(incidentsOption).toLongLong();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    QProcess emulator;
    emulator.start(parser.value(emulatorOption), {u"--port"_s, u"0"_s, u"--incidents"_s, QString::number(incidents)});
    if (!emulator.waitForReadyRead(30000)) {
        std::fprintf(stderr, "endtoendbench: the emulator did not start\n");
        return 1;
    }
    const QByteArray line = emulator.readLine().trimmed();
    const QUrl base(QString::fromLatin1(line.mid(line.indexOf("http"))));
    QUrl url = base;
    url.setPath(u"/api/now/table/incident"_s);
    url.setQuery(u"sysparm_limit=%1&sysparm_offset=0&sysparm_query=ORDERBYsys_id"_s.arg(incidents));

    // Warm the emulator's record cache once, so both contenders meet the same server.
    fetchWithCurl(url);

    Fetch bestCurl;
    Fetch bestSnow;
    Fetch bestSnowGzip;
    for (int i = 0; i < repeat; ++i) {
        const Fetch curl = fetchWithCurl(url);
        if (bestCurl.seconds == 0 || curl.seconds < bestCurl.seconds)
            bestCurl = curl;
        const Fetch snow = fetchWithSnowCore(base, incidents, false);
        if (bestSnow.seconds == 0 || snow.seconds < bestSnow.seconds)
            bestSnow = snow;
        const Fetch gzip = fetchWithSnowCore(base, incidents, true);
        if (bestSnowGzip.seconds == 0 || gzip.seconds < bestSnowGzip.seconds)
            bestSnowGzip = gzip;
    }
    emulator.terminate();
    emulator.waitForFinished(5000);

    for (const Fetch *fetch : {&bestCurl, &bestSnow, &bestSnowGzip}) {
        if (!fetch->error.isEmpty()) {
            std::fprintf(stderr, "endtoendbench: %s\n", qPrintable(fetch->error));
            return 1;
        }
    }

    const auto rate = [](const Fetch &fetch) { return fetch.bytes / 1e6 / fetch.seconds; };
    std::printf("page: %lld incidents, %.1f MB, fastest of %d fetches\n\n", incidents, bestSnow.bytes / 1e6, repeat);
    std::printf("%-34s %8s %10s %12s %12s\n", "contender", "MB/s", "records", "stall (ms)", "peak (MB)");
    std::printf("%-34s %8.0f %10s %12s %12s\n", "curl -o /dev/null (identity)", rate(bestCurl), "-", "-", "-");
    std::printf("%-34s %8.0f %10lld %12lld %12.1f\n", "SnowCore, identity", rate(bestSnow), bestSnow.records,
                bestSnow.longestStallMs, bestSnow.peakAboveBaseline / 1e6);
    std::printf("%-34s %8.0f %10lld %12lld %12.1f\n", "SnowCore, gzip", rate(bestSnowGzip), bestSnowGzip.records,
                bestSnowGzip.longestStallMs, bestSnowGzip.peakAboveBaseline / 1e6);
    std::printf("\nSnowCore / curl:                 %.2f\n", rate(bestSnow) / rate(bestCurl));
    std::printf("SnowCore / pysnow (39 MB/s):     %.1fx (target: at least 10x)\n", rate(bestSnow) / PysnowMegabytesPerSecond);
    std::printf("longest event-loop stall:        %lld ms (target: at most 16 ms)\n", bestSnow.longestStallMs);
    return 0;
}
