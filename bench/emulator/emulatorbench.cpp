// The serve rate of the instance emulator: a Table API page of 10,000 and one of
// 29,000 incidents, cold (record cache empty) and warm, identity and gzip. A plain
// QTcpSocket client reads the pages and discards the bytes, so the rates are the
// floor that any client of the emulator meets. Also reports the emulator's resident
// memory after start and its peak (VmHWM) in each case. The peak may grow by the
// record cache budget, but not with the size of the body.
//
//   emulatorbench [--incidents 30000] [--repeat 5] [--record-cache-mb 256]
//                 [--display-value false] [--emulator PATH]
//
// Each case starts a fresh emulator as a child process, so "cold" is the first read
// after start, and the peak memory belongs to that case alone.

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStartTimeoutMs = 60000;
constexpr int kReadTimeoutMs = 120000;

struct Fetch {
    double seconds = 0;
    double emulatorCpuSeconds = 0;  // user and system time the emulator spent on the read
    qint64 bodyBytes = 0;           // as sent: compressed for gzip, chunk framing included
    QString error;
};

Fetch fetchPage(quint16 port, const QByteArray &target, bool gzip);

// One snow-emulator child process, stopped when this object goes.
class EmulatorProcess
{
public:
    ~EmulatorProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    // Starts the program and reads the port from its first output line.
    bool start(const QString &program, const QStringList &arguments, QString *error)
    {
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(kStartTimeoutMs)) {
            *error = u"Cannot start %1: %2"_s.arg(program, m_process.errorString());
            return false;
        }
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(kStartTimeoutMs)) {
                *error = u"%1 did not report its port: %2"_s.arg(program, QString::fromLocal8Bit(m_process.readAllStandardError()));
                return false;
            }
        }

        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        const QRegularExpressionMatch match = QRegularExpression(u"^Listening on http://127\\.0\\.0\\.1:(\\d+)$"_s).match(line);
        if (!match.hasMatch()) {
            *error = u"Unexpected first line from %1: %2"_s.arg(program, line);
            return false;
        }
        m_port = quint16(match.captured(1).toUInt());
        return true;
    }

    quint16 port() const { return m_port; }

    // A size field of /proc/PID/status ("VmRSS:", "VmHWM:") in bytes, or -1.
    qint64 statusBytes(const char *key) const
    {
        QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLongLong() * 1024;
        }
        return -1;
    }

    // User plus system CPU time of the process so far, in seconds, or -1. Steadier
    // than wall time on a machine that runs other work.
    double cpuSeconds() const
    {
        QFile stat(u"/proc/%1/stat"_s.arg(m_process.processId()));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        // The fields after the command name, which is in parentheses and may hold spaces.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return -1;
        // utime and stime, fields 14 and 15 of the whole line, in clock ticks.
        const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
        return ticks / double(::sysconf(_SC_CLK_TCK));
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// Reads the page once and adds the emulator's CPU time for it.
Fetch measuredFetch(const EmulatorProcess &emulator, const QByteArray &target, bool gzip)
{
    const double cpuBefore = emulator.cpuSeconds();
    Fetch fetch = fetchPage(emulator.port(), target, gzip);
    fetch.emulatorCpuSeconds = emulator.cpuSeconds() - cpuBefore;
    return fetch;
}

// Sends one GET with "Connection: close" and reads until the server closes, keeping
// only the response head. Returns the time from sending the request to the last byte.
Fetch fetchPage(quint16 port, const QByteArray &target, bool gzip)
{
    Fetch fetch;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(kReadTimeoutMs)) {
        fetch.error = u"Cannot connect to 127.0.0.1:%1: %2"_s.arg(port).arg(socket.errorString());
        return fetch;
    }

    const QByteArray request = "GET " + target + " HTTP/1.1\r\n"
        "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n"
        "Authorization: Basic " + QByteArray("admin:admin").toBase64() + "\r\n"
        "Accept: application/json\r\n"
        + (gzip ? QByteArray("Accept-Encoding: gzip\r\n") : QByteArray()) + "Connection: close\r\n\r\n";

    QElapsedTimer timer;
    timer.start();
    socket.write(request);

    QByteArray head;
    qsizetype headSize = -1;
    qint64 received = 0;
    static char buffer[1 << 20];
    while (true) {
        if (socket.bytesAvailable() == 0) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            if (!socket.waitForReadyRead(kReadTimeoutMs) && socket.state() == QAbstractSocket::ConnectedState) {
                fetch.error = u"Timed out after %1 bytes of %2"_s.arg(received).arg(QString::fromUtf8(target));
                return fetch;
            }
            continue;
        }

        const qint64 count = socket.read(buffer, sizeof(buffer));
        if (count <= 0)
            break;
        received += count;
        if (headSize < 0) {
            head.append(buffer, qsizetype(count));
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end >= 0)
                headSize = end + 4;
        }
    }
    fetch.seconds = double(timer.nsecsElapsed()) / 1e9;

    if (!head.startsWith("HTTP/1.1 200")) {
        fetch.error = u"%1 answered: %2"_s.arg(QString::fromUtf8(target), QString::fromUtf8(head.left(head.indexOf('\r'))));
        return fetch;
    }
    if (gzip && !head.toLower().contains("\r\ncontent-encoding: gzip\r\n")) {
        fetch.error = u"%1 was not sent with gzip"_s.arg(QString::fromUtf8(target));
        return fetch;
    }
    fetch.bodyBytes = received - headSize;
    return fetch;
}

struct CaseResult {
    int page = 0;
    bool gzip = false;
    int cacheMegabytes = 0;
    Fetch first;                   // the first read after start: cold
    Fetch fastestRepeat;           // the fastest of the later reads: warm when there is a cache
    double repeatCpuSeconds = 0;   // the emulator's CPU time for all later reads
    int repeats = 0;
    qint64 jsonBytes = 0;          // the identity body of the same page
    qint64 startRss = 0;
    qint64 peakRss = 0;
    QString error;
};

struct Settings {
    QString emulator;
    int incidents = 30000;
    int repeat = 5;
    QString displayValue;
};

// Starts an emulator, reads the page once and `repeat` more times, and reads the
// peak memory before it stops.
CaseResult runCase(const Settings &settings, int page, bool gzip, int cacheMegabytes)
{
    CaseResult result;
    result.page = page;
    result.gzip = gzip;
    result.cacheMegabytes = cacheMegabytes;

    EmulatorProcess emulator;
    const QStringList arguments = {u"--port"_s, u"0"_s, u"--incidents"_s, QString::number(settings.incidents),
                                   u"--record-cache-mb"_s, QString::number(cacheMegabytes)};
    if (!emulator.start(settings.emulator, arguments, &result.error))
        return result;
    result.startRss = emulator.statusBytes("VmRSS:");

    QByteArray target = "/api/now/table/incident?sysparm_limit=" + QByteArray::number(page);
    if (!settings.displayValue.isEmpty())
        target += "&sysparm_display_value=" + settings.displayValue.toUtf8();

    result.first = measuredFetch(emulator, target, gzip);
    if (!result.first.error.isEmpty()) {
        result.error = result.first.error;
        return result;
    }
    for (int i = 0; i < settings.repeat; ++i) {
        const Fetch fetch = measuredFetch(emulator, target, gzip);
        if (!fetch.error.isEmpty()) {
            result.error = fetch.error;
            return result;
        }
        if (result.repeats == 0 || fetch.seconds < result.fastestRepeat.seconds)
            result.fastestRepeat = fetch;
        result.repeatCpuSeconds += fetch.emulatorCpuSeconds;
        ++result.repeats;
    }
    result.peakRss = emulator.statusBytes("VmHWM:");

    // The JSON size, for the rate of compressed reads. It is read after the peak is taken.
    const Fetch identity = gzip ? fetchPage(emulator.port(), target, false) : result.first;
    result.jsonBytes = identity.bodyBytes;
    if (!identity.error.isEmpty())
        result.error = identity.error;
    return result;
}

// One table row. The CPU rate of repeated reads is the average over all of them,
// because one fast read may take less than a clock tick of the emulator.
void printRow(const CaseResult &result, bool repeated)
{
    const Fetch &fetch = repeated ? result.fastestRepeat : result.first;
    const double cpuSeconds = repeated ? result.repeatCpuSeconds / result.repeats : fetch.emulatorCpuSeconds;
    const char *kind = repeated ? "repeat" : "first";
    if (result.cacheMegabytes > 0)
        kind = repeated ? "warm" : "cold";
    const QString cache = result.cacheMegabytes > 0 ? u"%1 MiB"_s.arg(result.cacheMegabytes) : u"off"_s;
    const QString cpuRate = cpuSeconds > 0 ? QString::number(result.jsonBytes / 1e6 / cpuSeconds, 'f', 0) : u"-"_s;

    std::printf("%-7d %-9s %-8s %-7s %8.1f %10.0f %10.3f %10s %10.0f %10.0f\n", result.page, result.gzip ? "gzip" : "identity",
                qPrintable(cache), kind, fetch.bodyBytes / 1e6, result.jsonBytes / 1e6 / fetch.seconds, cpuSeconds,
                qPrintable(cpuRate), result.startRss / 1e6, result.peakRss / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Serve rate and peak memory of snow-emulator, read by a client that discards the bytes."_s);
    parser.addHelpOption();
    const QCommandLineOption incidentsOption(u"incidents"_s, u"Seeded incidents (default 30000; at least 29000 for the large page)."_s,
                                             u"count"_s, u"30000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Reads after the cold one; the fastest counts (default 5)."_s,
                                          u"count"_s, u"5"_s);
    const QCommandLineOption cacheOption(u"record-cache-mb"_s, u"Record cache of the emulator, in MiB (default 256)."_s,
                                         u"N"_s, u"256"_s);
    const QCommandLineOption displayOption(u"display-value"_s, u"sysparm_display_value of the page: false, true or all (default false)."_s,
                                           u"value"_s, u"false"_s);
    const QCommandLineOption emulatorOption(u"emulator"_s, u"Path of snow-emulator."_s, u"path"_s, QStringLiteral(SNOW_EMULATOR_PATH));
    parser.addOptions({incidentsOption, repeatOption, cacheOption, displayOption, emulatorOption});
    parser.process(application);

    Settings settings;
    settings.emulator = parser.value(emulatorOption);
    settings.incidents = parser.value(incidentsOption).toInt();
    settings.repeat = std::max(1, parser.value(repeatOption).toInt());
    settings.displayValue = parser.value(displayOption);
    const int cacheMegabytes = parser.value(cacheOption).toInt();
    if (settings.incidents < 1 || cacheMegabytes < 0) {
        std::fprintf(stderr, "emulatorbench: --incidents must be at least 1 and --record-cache-mb at least 0\n");
        return 2;
    }

    QList<CaseResult> results;
    for (const int wanted : {10000, 29000}) {
        const int page = std::min(wanted, settings.incidents);
        for (const bool gzip : {false, true})
            results.append(runCase(settings, page, gzip, cacheMegabytes));
        // Without a cache, memory must stay at the level of an idle emulator.
        if (cacheMegabytes > 0)
            results.append(runCase(settings, page, false, 0));
    }

    for (const CaseResult &result : std::as_const(results)) {
        if (!result.error.isEmpty()) {
            std::fprintf(stderr, "emulatorbench: page of %d: %s\n", result.page, qPrintable(result.error));
            return 1;
        }
    }

    std::printf("emulator: %d incidents, record cache %d MiB, sysparm_display_value=%s, %d repeated reads per case\n\n",
                settings.incidents, cacheMegabytes, qPrintable(settings.displayValue), settings.repeat);
    std::printf("%-7s %-9s %-8s %-7s %8s %10s %10s %10s %10s %10s\n", "page", "encoding", "cache", "read", "body MB",
                "JSON MB/s", "CPU s", "MB/CPU-s", "start MB", "peak MB");
    for (const CaseResult &result : std::as_const(results)) {
        printRow(result, false);
        printRow(result, true);
    }
    std::printf("\nread: cold and first are the first read after start; warm and repeat the fastest later one.\n"
                "JSON MB/s: the identity body size of the page divided by the read time, also for gzip.\n"
                "CPU s: the emulator's user and system time per read (10 ms clock ticks; the mean for repeated reads).\n"
                "start MB, peak MB: the emulator's resident memory after start and its peak (VmHWM) over the case.\n");
    return 0;
}
