// libFuzzer target for snow::JsonStreamReader.
//
// The first two bytes of an input choose how the rest is split into chunks and how
// tight the reader's limits are; the rest is the body. The reader must never crash,
// and a split read must give the same outcome as reading the body in one piece: the
// same status and records, and the same error kind and offset. The one exception is
// a limit error, which is checked when bytes are stored and so can come before or
// after another error further on, depending on where chunks end; then both reads
// must still fail.

#include <snow/jsonstreamreader.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

struct Outcome
{
    snow::JsonStreamReader::Status status;
    snow::JsonStreamReader::ErrorKind errorKind;
    qint64 errorOffset;
    QList<snow::Record> records;
    QString serviceMessage;
};

Outcome read(const char *data, size_t size, size_t chunk, const snow::ReaderLimits &limits)
{
    snow::JsonStreamReader reader(limits);
    Outcome outcome;
    for (size_t at = 0; at < size; at += chunk) {
        reader.feed(QByteArrayView(data + at, qsizetype(std::min(chunk, size - at))));
        outcome.records += reader.takeRecords();
    }
    reader.finish();
    outcome.records += reader.takeRecords();
    outcome.status = reader.status();
    outcome.errorKind = reader.errorKind();
    outcome.errorOffset = reader.errorOffset();
    outcome.serviceMessage = reader.serviceErrorMessage();

    // Reading every field back must not crash either.
    for (const snow::Record &record : std::as_const(outcome.records)) {
        for (qsizetype i = 0; i < record.fieldSlotCount(); ++i)
            (void)record.fieldAt(i);
        (void)record.toJson();
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;

    const size_t chunk = size_t(data[0] % 64) + 1;
    snow::ReaderLimits limits;
    if (data[1] & 1) {
        limits.maxDepth = 1 + (data[1] >> 4);
        limits.maxStringBytes = 16 << (data[1] & 6);
        limits.maxRecordBytes = 64 << (data[1] & 6);
    }

    const char *body = reinterpret_cast<const char *>(data + 2);
    const size_t bodySize = size - 2;
    const Outcome whole = read(body, bodySize, bodySize == 0 ? 1 : bodySize, limits);
    const Outcome split = read(body, bodySize, chunk, limits);

    if (whole.status != split.status)
        std::abort();
    if (whole.status == snow::JsonStreamReader::Complete
        && (whole.records != split.records || whole.serviceMessage != split.serviceMessage))
        std::abort();

    const bool limitHit = whole.errorKind == snow::JsonStreamReader::LimitExceeded
        || split.errorKind == snow::JsonStreamReader::LimitExceeded;
    if (!limitHit && whole.errorKind != split.errorKind)
        std::abort();
    if (!limitHit && whole.errorKind != snow::JsonStreamReader::NotJson && whole.errorOffset != split.errorOffset)
        std::abort();
    return 0;
}
