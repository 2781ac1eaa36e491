#pragma once

#include <snow/error.h>
#include <snow/record.h>
#include <snow/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPair>
#include <QtCore/QUrl>

#include <memory>
#include <optional>

namespace snow {

class ResponsePrivate;
class Client;

/// One asynchronous call to an instance, possibly spanning several pages and retries.
///
/// Signals, in this order:
/// 1. headersReceived() once, when the status and headers of the first page are known
///    (not emitted when the request fails before any response).
/// 2. recordsReceived() zero or more times, with records in server order, as soon as
///    each batch is read from the body; pages follow one another seamlessly.
/// 3. finished() exactly once, whatever happens: success, error, abort() or
///    destruction of the Client. After it, error() tells the outcome.
///
/// Errors are data, never a silent empty result: an HTTP error carries the status and
/// the ServiceNow `error.message` and `error.detail`; a 2xx body with an `error` member
/// is a ResponseError even after records arrived; a body cut off, malformed, or not
/// JSON at all (an HTML "instance hibernating" page) is an error, and when records
/// were delivered before it, error().recordsIncomplete() is true and isComplete() is
/// false: never present them as the full result.
///
/// Ownership: the caller owns a Response and may delete it at any time (deleting it
/// aborts the request and emits nothing). It lives in its Client's thread.
class SNOWCORE_EXPORT Response : public QObject
{
    Q_OBJECT

public:
    ~Response() override;

    bool isFinished() const;
    /// True when finished without error.
    bool isSuccess() const;
    /// True when finished without error and every requested record was delivered.
    bool isComplete() const;
    Error error() const;

    /// Stops the request. finished() follows with an Aborted error, unless the
    /// Response had already finished.
    void abort();

    /// Runs a local event loop until finished() or @p timeoutMs passes (-1: no
    /// limit); returns isFinished(). Meant for scripts, tests and worker threads: do not
    /// call it from a slot of this Response, and avoid it in GUI code, where a local
    /// event loop can re-enter unrelated handlers.
    bool waitForFinished(int timeoutMs = -1);

    /// The records received so far, in order, when records are kept (the default).
    QList<Record> records() const;
    /// pysnow's all(): records(), once finished.
    QList<Record> all() const { return records(); }
    /// Records delivered so far, kept or not.
    qint64 recordCount() const;
    /// Body bytes received so far over all pages, after decompression.
    qint64 bytesReceived() const;
    bool keepsRecords() const;

    /// pysnow's first(): the first record, or NoResults; the Response's own error when it failed.
    Result<Record> first() const;
    /// pysnow's first_or_none(): the first record or std::nullopt (also on failure).
    std::optional<Record> firstOrNone() const;
    /// pysnow's one(): exactly one record, else NoResults or MultipleResults.
    Result<Record> one() const;
    /// pysnow's one_or_none(): no record gives std::nullopt, more than one MultipleResults.
    Result<std::optional<Record>> oneOrNone() const;

    /// The HTTP status of the last response read, or 0.
    int httpStatus() const;
    /// The total from X-Total-Count of the first page, or -1 when absent.
    qint64 totalCount() const;
    /// Response headers of the first page (names as received).
    QList<QPair<QByteArray, QByteArray>> headers() const;
    /// Returns the value of header @p name (case-insensitive), or an empty array.
    QByteArray header(const QByteArray &name) const;
    /// The body of a response that is not JSON (Resource::request() on a file endpoint).
    QByteArray body() const;

    QString method() const;
    /// The URL of the first request, without user information.
    QUrl url() const;
    /// Pages fetched so far.
    int pageCount() const;
    /// For downloads: the file the body was saved to, once finished without error.
    QString savedFilePath() const;

Q_SIGNALS:
    void headersReceived();
    void recordsReceived(const QList<snow::Record> &records);
    /// Records delivered so far and the total expected (-1 when unknown).
    void progress(qint64 received, qint64 total);
    /// Bytes of a file uploaded or downloaded so far, and the total (-1 when unknown).
    void transferProgress(qint64 bytes, qint64 total);
    void finished();

private:
    friend class ResponseAccess;
    explicit Response(Client *client);
    std::unique_ptr<ResponsePrivate> d;
};

} // namespace snow
