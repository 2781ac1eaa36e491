// Measures snow::JsonStreamReader against the obvious Qt approach (QJsonDocument) and
// against two C++ JSON parsers (simdjson On-Demand, RapidJSON SAX), on one Table API
// body, in one run. Every string value is touched by every contender.
//
//   readerbench --body FILE [--repeat N] [--chunk BYTES]   throughput table
//   readerbench --body FILE --memory [--chunk BYTES]       peak memory, body streamed from disk
//
// Bodies: /usr/bin/python3 ../shared/bench/make_table_response.py --records 20000 --out body.json,
// or a page saved from snow-emulator (see docs/benchmarks.md).

#include <snow/jsonstreamreader.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#if SNOW_BENCH_SIMDJSON
#include <simdjson.h>
#endif
#if SNOW_BENCH_RAPIDJSON
#include <rapidjson/reader.h>
#include <rapidjson/stream.h>
#endif

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// Keeps a computed value alive so the optimizer cannot drop the work behind it.
volatile qint64 sink = 0;

qint64 readProcStatus(const char *key)
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

// Seconds of the fastest of @p repeat runs.
double fastest(int repeat, const std::function<qint64()> &run)
{
    double best = 1e30;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        sink = sink + run();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

qint64 touchQJsonValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().size();
    if (value.isObject()) {
        qint64 size = 0;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            size += touchQJsonValue(it.value());
        return size;
    }
    return 0;
}

qint64 runQJsonDocument(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    qint64 size = 0;
    const QJsonArray records = document.object().value(u"result"_s).toArray();
    for (const QJsonValue &record : records)
        size += touchQJsonValue(record);
    return size;
}

template <typename Touch>
qint64 runReader(const QByteArray &body, qsizetype chunk, Touch touch)
{
    snow::JsonStreamReader reader;
    qint64 size = 0;
    for (qsizetype at = 0; at < body.size(); at += chunk) {
        reader.feed(QByteArrayView(body).sliced(at, std::min(chunk, body.size() - at)));
        for (const snow::Record &record : reader.takeRecords())
            size += touch(record);
    }
    if (reader.finish() != snow::JsonStreamReader::Complete)
        std::fprintf(stderr, "reader failed: %s\n", qPrintable(reader.errorMessage()));
    return size;
}

qint64 touchAsQString(const snow::Record &record)
{
    qint64 size = 0;
    for (qsizetype i = 0; i < record.fieldSlotCount(); ++i) {
        const snow::FieldView field = record.fieldAt(i);
        size += QString::fromUtf8(field.value).size();
        if (field.hasDisplayValue)
            size += QString::fromUtf8(field.displayValue).size();
        if (field.hasLink)
            size += QString::fromUtf8(field.link).size();
    }
    return size;
}

qint64 touchAsUtf8(const snow::Record &record)
{
    qint64 size = 0;
    for (qsizetype i = 0; i < record.fieldSlotCount(); ++i) {
        const snow::FieldView field = record.fieldAt(i);
        size += field.value.size() + field.displayValue.size() + field.link.size();
    }
    return size;
}

#if SNOW_BENCH_SIMDJSON
qint64 runSimdjson(simdjson::ondemand::parser &parser, const simdjson::padded_string &body)
{
    qint64 size = 0;
    simdjson::ondemand::document document = parser.iterate(body);
    for (simdjson::ondemand::object record : document["result"].get_array()) {
        for (simdjson::ondemand::field field : record) {
            simdjson::ondemand::value value = field.value();
            if (value.type() == simdjson::ondemand::json_type::string) {
                size += std::string_view(value.get_string()).size();
            } else if (value.type() == simdjson::ondemand::json_type::object) {
                for (simdjson::ondemand::field part : value.get_object()) {
                    simdjson::ondemand::value inner = part.value();
                    if (inner.type() == simdjson::ondemand::json_type::string)
                        size += std::string_view(inner.get_string()).size();
                }
            }
        }
    }
    return size;
}
#endif

#if SNOW_BENCH_RAPIDJSON
struct RapidHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidHandler>
{
    qint64 size = 0;
    bool String(const char *, rapidjson::SizeType length, bool)
    {
        size += length;
        return true;
    }
};

qint64 runRapidJson(const QByteArray &body)
{
    RapidHandler handler;
    rapidjson::Reader reader;
    rapidjson::StringStream stream(body.constData());
    reader.Parse(stream, handler);
    return handler.size;
}
#endif

int measureMemory(const QString &path, qsizetype chunk)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "readerbench: cannot read %s\n", qPrintable(path));
        return 1;
    }

    // Reset the peak to the current size, so the peak measured is the reading's.
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    const qint64 baseline = readProcStatus("VmRSS:");

    snow::JsonStreamReader reader;
    QByteArray buffer(chunk, Qt::Uninitialized);
    qint64 records = 0;
    bool firstRecordInFirstChunk = false;
    bool firstChunk = true;
    while (true) {
        const qint64 count = file.read(buffer.data(), chunk);
        if (count <= 0)
            break;
        reader.feed(QByteArrayView(buffer.constData(), count));
        const QList<snow::Record> batch = reader.takeRecords();
        if (firstChunk)
            firstRecordInFirstChunk = !batch.isEmpty();
        firstChunk = false;
        records += batch.size();
        sink = sink + touchAsUtf8(batch.isEmpty() ? snow::Record() : batch.first());
    }
    reader.finish();
    const qint64 peak = readProcStatus("VmHWM:");

    std::printf("body                      %s (%.1f MB), chunks of %lld bytes\n", qPrintable(path), file.size() / 1e6,
                qint64(chunk));
    std::printf("records                   %lld, reader status %d\n", records, int(reader.status()));
    std::printf("first record after chunk  1: %s\n", firstRecordInFirstChunk ? "yes" : "no");
    std::printf("baseline RSS              %.1f MB\n", baseline / 1e6);
    std::printf("peak RSS while reading    %.1f MB\n", peak / 1e6);
    std::printf("peak above baseline       %.1f MB (target: at most 16 MB)\n", (peak - baseline) / 1e6);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Throughput and memory of SnowCore's JSON reader against baselines."_s);
    parser.addHelpOption();
    const QCommandLineOption bodyOption(u"body"_s, u"Table API body to read (a JSON file)."_s, u"file"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per contender; the fastest counts (default 5)."_s,
                                          u"count"_s, u"5"_s);
    const QCommandLineOption chunkOption(u"chunk"_s, u"Bytes per feed() call (default 65536)."_s, u"bytes"_s, u"65536"_s);
    const QCommandLineOption memoryOption(u"memory"_s, u"Measure peak memory while streaming the body from disk."_s);
    parser.addOptions({bodyOption, repeatOption, chunkOption, memoryOption});
    parser.process(application);

    const QString path = parser.value(bodyOption);
    const qsizetype chunk = std::max(1, parser.value(chunkOption).toInt());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    if (path.isEmpty()) {
        std::fprintf(stderr, "readerbench: --body FILE is required\n");
        return 2;
    }
    if (parser.isSet(memoryOption))
        return measureMemory(path, chunk);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "readerbench: cannot read %s\n", qPrintable(path));
        return 1;
    }
    const QByteArray body = file.readAll();
    const double megabytes = body.size() / 1e6;

    struct Row
    {
        const char *name;
        double seconds;
    };
    QList<Row> rows;
    rows.append({"QJsonDocument + toString()", fastest(repeat, [&] { return runQJsonDocument(body); })});
    rows.append({"JsonStreamReader, QString", fastest(repeat, [&] { return runReader(body, chunk, touchAsQString); })});
    rows.append({"JsonStreamReader, UTF-8", fastest(repeat, [&] { return runReader(body, chunk, touchAsUtf8); })});
#if SNOW_BENCH_RAPIDJSON
    rows.append({"RapidJSON SAX", fastest(repeat, [&] { return runRapidJson(body); })});
#endif
#if SNOW_BENCH_SIMDJSON
    {
        simdjson::ondemand::parser simdParser;
        const simdjson::padded_string padded(body.constData(), size_t(body.size()));
        rows.append({"simdjson On-Demand", fastest(repeat, [&] { return runSimdjson(simdParser, padded); })});
    }
#endif

    std::printf("body: %s, %.1f MB, chunks of %lld bytes, fastest of %d runs\n\n", qPrintable(path), megabytes,
                qint64(chunk), repeat);
    std::printf("%-30s %10s %10s\n", "contender", "MB/s", "vs Qt DOM");
    const double baseline = megabytes / rows.first().seconds;
    for (const Row &row : std::as_const(rows)) {
        const double rate = megabytes / row.seconds;
        std::printf("%-30s %10.0f %9.2fx\n", row.name, rate, rate / baseline);
    }
#if SNOW_BENCH_SIMDJSON
    const double simdRate = megabytes / rows.last().seconds;
    std::printf("\nreader UTF-8 / simdjson:        %.2f (target: at least 0.25)\n", (megabytes / rows.at(2).seconds) / simdRate);
#endif
    std::printf("reader QString / QJsonDocument: %.2f (target: at least 3)\n", (megabytes / rows.at(1).seconds) / baseline);
    return 0;
}
