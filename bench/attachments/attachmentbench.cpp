// Attachments: SnowCore uploads one large file to a record of the emulator and
// downloads it again, both streamed, and checks that the memory of this process stays
// flat. curl then moves the same file both ways, as the floor the emulator allows.
// The file is generated in a temporary folder and deleted afterwards; the emulator
// runs as a child process, so its memory (it keeps a request body while it parses
// it) does not count against this one.
//
//   attachmentbench [--size-mb 1024] [--memory-budget-mb 64] [--emulator PATH] [--no-curl]
//
// Exit status 0 when both transfers are byte-exact and the peak resident memory
// stays within the budget above the baseline taken before the transfers.

#include <snow/attachments.h>
#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>

#include <chrono>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// Returns a field of /proc/self/status (VmRSS, VmHWM) in bytes, or -1.
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

// Writing 5 to clear_refs resets VmHWM to the current VmRSS (Linux 4.0 and later).
bool resetPeakMemory()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

// Writes @p bytes of pseudo-random data in 1 MiB blocks and returns its SHA-256, or
// an empty array when the disk is full.
QByteArray generateFile(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QByteArray();

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QRandomGenerator random(20250101);
    QByteArray block(MiB, Qt::Uninitialized);
    for (qint64 written = 0; written < bytes;) {
        const qint64 size = std::min<qint64>(MiB, bytes - written);
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        if (file.write(block.constData(), size) != size)
            return QByteArray();
        hash.addData(QByteArrayView(block.constData(), size));
        written += size;
    }
    return hash.result();
}

QByteArray hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

// Samples VmRSS every 50 ms while a transfer runs, as a check on VmHWM.
class MemorySampler
{
public:
    MemorySampler()
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { m_peak = std::max(m_peak, procStatus("VmRSS:")); });
    }

    void start()
    {
        m_peak = procStatus("VmRSS:");
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return std::max(m_peak, procStatus("VmRSS:"));
    }

private:
    QTimer m_timer;
    qint64 m_peak = 0;
};

struct Transfer
{
    double seconds = 0;
    qint64 peakRss = 0;
    qint64 peakHwm = 0;
    snow::Error error;
    std::optional<snow::Record> record;
};

Transfer run(snow::Response *response)
{
    std::unique_ptr<snow::Response> owned(response);
    MemorySampler sampler;
    Transfer transfer;

    resetPeakMemory();
    sampler.start();
    QElapsedTimer timer;
    timer.start();
    owned->waitForFinished();
    transfer.seconds = double(timer.nsecsElapsed()) / 1e9;
    transfer.peakRss = sampler.stop();
    transfer.peakHwm = procStatus("VmHWM:");

    transfer.error = owned->error();
    transfer.record = owned->firstOrNone();
    return transfer;
}

// Runs curl with @p arguments plus `-w %{time_total}`; returns the seconds, or -1.
double runCurl(QStringList arguments)
{
    arguments << u"-s"_s << u"-f"_s << u"-u"_s << u"admin:admin"_s << u"-w"_s << u"%{time_total}"_s;
    QProcess curl;
    curl.start(u"curl"_s, arguments);
    if (!curl.waitForFinished(3600 * 1000) || curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0) {
        std::fprintf(stderr, "attachmentbench: curl failed: %s\n", qPrintable(QString::fromLocal8Bit(curl.readAllStandardError())));
        return -1;
    }
    return curl.readAllStandardOutput().trimmed().toDouble();
}

struct CurlFloor
{
    double uploadSeconds = -1;
    double downloadSeconds = -1;
    QString attachment; ///< the attachment curl uploaded, to delete afterwards
};

// Uploads with `-T` (streamed from disk, no `Expect: 100-continue` wait) and downloads
// to a file, like the SnowCore transfers.
CurlFloor measureCurl(const QUrl &base, const QString &record, const QString &source, const QString &folder)
{
    CurlFloor floor;
    const QString answer = folder + u"/curl-upload.json"_s;
    QUrl upload = base;
    upload.setPath(u"/api/now/attachment/file"_s);
    upload.setQuery(u"table_name=incident&table_sys_id=%1&file_name=curl.bin"_s.arg(record));
    floor.uploadSeconds = runCurl({u"-o"_s, answer, u"-X"_s, u"POST"_s, u"-H"_s, u"Content-Type: application/octet-stream"_s,
                                   u"-H"_s, u"Expect:"_s, u"-T"_s, source, upload.toString()});

    QFile file(answer);
    if (floor.uploadSeconds < 0 || !file.open(QIODevice::ReadOnly))
        return floor;
    floor.attachment = QJsonDocument::fromJson(file.readAll()).object().value(u"result"_s).toObject().value(u"sys_id"_s).toString();

    QUrl download = base;
    download.setPath(u"/api/now/attachment/%1/file"_s.arg(floor.attachment));
    floor.downloadSeconds = runCurl({u"-o"_s, folder + u"/curl-download.bin"_s, download.toString()});
    QFile::remove(folder + u"/curl-download.bin"_s);
    return floor;
}

QString firstIncident(snow::Client &client)
{
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), 1));
    response->waitForFinished(30000);
    return response->records().value(0).sysId();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A large attachment up and down through SnowCore against snow-emulator, with the "
                                     "memory of this process measured."_s);
    parser.addHelpOption();
    const QCommandLineOption sizeOption(u"size-mb"_s, u"File size in MiB (default 1024)."_s, u"MiB"_s, u"1024"_s);
    const QCommandLineOption budgetOption(u"memory-budget-mb"_s,
                                          u"Largest allowed growth of resident memory over the baseline, in MiB (default 64)."_s,
                                          u"MiB"_s, u"64"_s);
    const QCommandLineOption emulatorOption(u"emulator"_s, u"Path of snow-emulator."_s, u"path"_s,
                                            QStringLiteral(SNOW_EMULATOR_PATH));
    const QCommandLineOption noCurlOption(u"no-curl"_s, u"Skip the curl transfers."_s);
    parser.addOptions({sizeOption, budgetOption, emulatorOption, noCurlOption});
    parser.process(application);

    const qint64 size = parser.value(sizeOption).toLongLong() * MiB;
    const qint64 budget = parser.value(budgetOption).toLongLong() * MiB;
    if (size <= 0 || budget <= 0) {
        std::fprintf(stderr, "attachmentbench: --size-mb and --memory-budget-mb must be positive whole numbers\n");
        return 2;
    }

    QTemporaryDir folder;
    if (!folder.isValid()) {
        std::fprintf(stderr, "attachmentbench: cannot create a temporary folder: %s\n", qPrintable(folder.errorString()));
        return 1;
    }
    const QString source = folder.filePath(u"upload.bin"_s);
    const QString target = folder.filePath(u"download.bin"_s);

    std::printf("generating %lld MiB in %s\n", size / MiB, qPrintable(folder.path()));
    std::fflush(stdout);
    const QByteArray sourceHash = generateFile(source, size);
    if (sourceHash.isEmpty()) {
        std::fprintf(stderr, "attachmentbench: writing %s failed; free %lld MiB of disk space\n", qPrintable(source), 2 * size / MiB);
        return 1;
    }

    // The emulator keeps attachment content in files next to its database, not in memory.
    QProcess emulator;
    emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    emulator.start(parser.value(emulatorOption), {u"--port"_s, u"0"_s, u"--incidents"_s, u"10"_s, u"--database"_s,
                                                  folder.filePath(u"emulator.sqlite"_s), u"--max-attachment-size"_s,
                                                  QString::number(size + MiB)});
    if (!emulator.waitForReadyRead(30000)) {
        std::fprintf(stderr, "attachmentbench: %s did not start\n", qPrintable(parser.value(emulatorOption)));
        return 1;
    }
    const QByteArray line = emulator.readLine().trimmed();
    const QUrl base(QString::fromLatin1(line.mid(line.indexOf("http"))));

    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(base.port());
    options.useSsl = false;
    options.user = u"admin"_s;
    options.password = u"admin"_s;
    snow::Client client(options);
    // The emulator hashes and stores a large body before it responds.
    client.setTimeout(std::chrono::minutes(10));

    const QString record = firstIncident(client);
    if (record.isEmpty()) {
        std::fprintf(stderr, "attachmentbench: the emulator returned no incident\n");
        return 1;
    }

    const qint64 baseline = procStatus("VmRSS:");
    const Transfer upload = run(client.attachments().upload(u"incident"_s, record, source));
    if (upload.error.isError() || !upload.record) {
        std::fprintf(stderr, "attachmentbench: upload failed: %s\n", qPrintable(upload.error.toString()));
        return 1;
    }
    const QString attachment = upload.record->sysId();

    const Transfer download = run(client.attachments().download(attachment, target));
    if (download.error.isError()) {
        std::fprintf(stderr, "attachmentbench: download failed: %s\n", qPrintable(download.error.toString()));
        return 1;
    }
    const bool exact = hashFile(target) == sourceHash;
    QFile::remove(target);

    std::unique_ptr<snow::Response> removal(client.attachments().remove(attachment));
    removal->waitForFinished(60000);

    CurlFloor curl;
    if (!parser.isSet(noCurlOption)) {
        curl = measureCurl(base, record, source, folder.path());
        if (!curl.attachment.isEmpty()) {
            std::unique_ptr<snow::Response> curlRemoval(client.attachments().remove(curl.attachment));
            curlRemoval->waitForFinished(60000);
        }
    }
    emulator.terminate();
    emulator.waitForFinished(10000);

    const auto megabytes = [](qint64 bytes) { return double(bytes) / MiB; };
    const qint64 uploadGrowth = std::max(upload.peakRss, upload.peakHwm) - baseline;
    const qint64 downloadGrowth = std::max(download.peakRss, download.peakHwm) - baseline;
    const bool withinBudget = uploadGrowth <= budget && downloadGrowth <= budget;

    std::printf("file: %lld MiB, SHA-256 %s\n", size / MiB, sourceHash.toHex().constData());
    std::printf("baseline resident memory: %.1f MiB\n\n", megabytes(baseline));
    std::printf("%-10s %10s %10s %16s %16s\n", "transfer", "seconds", "MiB/s", "peak RSS (MiB)", "growth (MiB)");
    std::printf("%-10s %10.1f %10.0f %16.1f %16.1f\n", "upload", upload.seconds, megabytes(size) / upload.seconds,
                megabytes(std::max(upload.peakRss, upload.peakHwm)), megabytes(uploadGrowth));
    std::printf("%-10s %10.1f %10.0f %16.1f %16.1f\n", "download", download.seconds, megabytes(size) / download.seconds,
                megabytes(std::max(download.peakRss, download.peakHwm)), megabytes(downloadGrowth));
    if (curl.uploadSeconds > 0)
        std::printf("%-10s %10.1f %10.0f %16s %16s\n", "curl up", curl.uploadSeconds, megabytes(size) / curl.uploadSeconds, "-", "-");
    if (curl.downloadSeconds > 0)
        std::printf("%-10s %10.1f %10.0f %16s %16s\n", "curl down", curl.downloadSeconds, megabytes(size) / curl.downloadSeconds, "-",
                    "-");
    std::printf("\ndownload byte-exact:  %s\n", exact ? "yes" : "NO");
    std::printf("memory budget:        %.0f MiB above baseline: %s\n", megabytes(budget), withinBudget ? "kept" : "EXCEEDED");
    return exact && withinBudget ? 0 : 1;
}
