#pragma once

#include <snow/record.h>

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>

namespace snow {

/// Limits that protect the reader from hostile or broken bodies. Each one, when
/// exceeded, stops the reader with JsonStreamReader::LimitExceeded.
struct ReaderLimits
{
    /// Maximum nesting of objects and arrays, counting the document object as 1.
    int maxDepth = 64;
    /// Maximum length of one string after unescaping, in bytes.
    qint64 maxStringBytes = 64 * 1024 * 1024;
    /// Maximum size of one record (the unescaped text of all its fields), in bytes.
    qint64 maxRecordBytes = 256 * 1024 * 1024;
};

/// An incremental reader for ServiceNow JSON response bodies.
///
/// Feed it the body in chunks of any size, split anywhere (inside a string, an escape
/// or a UTF-8 sequence), as the bytes arrive. It validates the whole document (JSON
/// grammar and UTF-8) and turns every object of the top-level `result` member into a
/// Record as soon as that object closes; a `result` that is a single object gives one
/// record. A top-level `error` member (before or after `result`) is captured as
/// serviceErrorMessage() and serviceErrorDetail(). Other top-level members are
/// validated and skipped.
///
/// The reader keeps no more of the body than the record being read, so memory stays
/// flat whatever the body size. It is not a QObject and is not thread-safe: use one
/// reader per body, from one thread at a time.
///
/// \code
/// JsonStreamReader reader;
/// while (reply has data)
///     if (reader.feed(chunk) == JsonStreamReader::Failed) break;
///     for (const Record &record : reader.takeRecords()) ...
/// reader.finish();
/// \endcode
class SNOWCORE_EXPORT JsonStreamReader
{
public:
    enum Status {
        Reading,  ///< More input is expected.
        Complete, ///< The document closed and finish() found nothing wrong.
        Failed,   ///< See errorKind(), errorMessage() and errorOffset().
    };

    enum ErrorKind {
        NoError,
        NotJson,       ///< The body does not start like a JSON object (HTML, XML, text).
        InvalidJson,   ///< The JSON grammar is broken at errorOffset().
        InvalidUtf8,   ///< A string holds bytes that are not valid UTF-8.
        LimitExceeded, ///< A ReaderLimits value was exceeded.
        Truncated,     ///< finish() was called before the document closed.
        UnexpectedShape, ///< Valid JSON, but `result` holds something other than objects.
    };

    explicit JsonStreamReader(const ReaderLimits &limits = {});
    ~JsonStreamReader();
    JsonStreamReader(const JsonStreamReader &) = delete;
    JsonStreamReader &operator=(const JsonStreamReader &) = delete;

    /// Makes the top-level object itself the one record, for endpoints that answer
    /// without a `result` member (the OAuth token endpoint, some scripted APIs). Call
    /// before the first feed().
    void setDocumentIsRecord(bool enabled);

    /// Reads the next bytes of the body. Records completed by them are queued for
    /// takeRecords(). Returns Failed once any error is found; later calls do nothing.
    Status feed(QByteArrayView chunk);

    /// Declares the end of the body. Fails with Truncated when the document is not
    /// closed, including for an empty body.
    Status finish();

    /// Returns and clears the records completed since the last call.
    QList<Record> takeRecords();
    qsizetype pendingRecordCount() const;

    Status status() const;
    ErrorKind errorKind() const;
    /// A sentence saying what is wrong and where, such as
    /// "Invalid JSON at byte 1042: expected ',' or '}' after an object member, found 'x'".
    QString errorMessage() const;
    /// Byte offset of the error in the body, or -1.
    qint64 errorOffset() const;
    /// For NotJson: the start of the body (at most 256 bytes), to show the user what came instead.
    QByteArray bodySnippet() const;

    /// True when the body had a `result` member that is an array or an object.
    bool hasResult() const;
    /// True when `result` was a single object rather than an array.
    bool isSingleResult() const;
    /// True when the body had a top-level `error` member.
    bool hasServiceError() const;
    QString serviceErrorMessage() const;
    QString serviceErrorDetail() const;

    /// Bytes fed so far.
    qint64 bytesRead() const;
    /// Records completed so far, including those already taken.
    qint64 recordCount() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace snow
