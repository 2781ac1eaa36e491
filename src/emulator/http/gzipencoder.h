#pragma once

#include <QByteArray>

#include <memory>

namespace snowemu {

/*!
    Incremental gzip (RFC 1952) compression with zlib, so a streamed body can be
    compressed piece by piece without holding it whole.
*/
class GzipEncoder
{
public:
    GzipEncoder();
    ~GzipEncoder();

    GzipEncoder(const GzipEncoder &) = delete;
    GzipEncoder &operator=(const GzipEncoder &) = delete;

    //! Compresses `input` and returns the output that is ready; it may be empty.
    QByteArray compress(QByteArrayView input);

    //! Flushes the remaining output and the gzip trailer; call once at the end.
    QByteArray finish();

    //! Returns `data` compressed in one call.
    static QByteArray compressAll(QByteArrayView data);

private:
    QByteArray run(QByteArrayView input, int flushMode);

    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace snowemu
