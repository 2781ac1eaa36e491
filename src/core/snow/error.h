#pragma once

#include <snow/global.h>

#include <QtCore/QByteArray>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace snow {

class ErrorData;

/// The outcome of a failed call: what kind of failure, and everything known about it.
///
/// An Error is a value type. A default-constructed Error is "no error" (`isError()`
/// is false). Every asynchronous call in SnowCore reports failure through an Error,
/// never through an exception and never as a silent empty result.
///
/// The kinds mirror pysnow's exceptions where pysnow has one (InvalidUsage,
/// ResponseError, MissingResult, NoResults, MultipleResults, EmptyContent,
/// MissingToken, TokenCreateError and the five query errors) and add the failures a
/// network client meets that pysnow leaves to `requests` (HTTP status, network,
/// timeout, TLS, malformed body).
///
/// Secrets never appear in an Error: the URL has its user information removed, and
/// the body sample comes from the response, which never echoes credentials.
class SNOWCORE_EXPORT Error
{
    Q_GADGET

public:
    enum Kind {
        NoError,

        // Usage errors, detected before anything is sent.
        InvalidUsage,             ///< An argument failed validation; message names it.
        QueryTypeError,           ///< A query condition got a value of the wrong type.
        QueryMissingField,        ///< A condition or operator came without a field.
        QueryEmpty,               ///< The query builder holds no condition.
        QueryExpressionError,     ///< A field without a condition, or an operator without a condition before it.
        QueryMultipleExpressions, ///< Two conditions on one field without AND/OR/NQ between them.
        MissingToken,             ///< An OAuth client was used before it had a token.

        // Transport errors.
        NetworkError,             ///< Connection refused, reset, host not found, ...
        TimeoutError,             ///< No data arrived within the client's request timeout.
        SslError,                 ///< TLS handshake or certificate verification failed.
        Aborted,                  ///< The caller aborted the request.

        // The server answered, but not with what was asked for.
        HttpError,                ///< A 4xx or 5xx status; httpStatus(), message() and detail() tell more.
        ResponseError,            ///< A 2xx body carried an `error` member.
        MissingResult,            ///< The body had neither `result` nor `error`.
        EmptyContent,             ///< A GET answered 202 with no content.
        NotJson,                  ///< The body is not JSON (an HTML page, XML, ...).
        MalformedBody,            ///< The body is broken JSON or invalid UTF-8 at byteOffset().
        IncompleteBody,           ///< The body ended early or the connection dropped mid-body.
        LimitExceeded,            ///< The body exceeded a reader limit (depth, string or record size).

        // Results that do not fit the question (pysnow's one() and first() rules).
        NoResults,                ///< A single record was expected, none matched.
        MultipleResults,          ///< A single record was expected, more than one matched.

        // OAuth.
        TokenCreateError,         ///< The token endpoint refused to issue a token.

        // Files and attachments.
        FileError,                ///< A local file could not be read or written.
        HashMismatch,             ///< Uploaded or downloaded bytes differ from what the server reports.
    };
    Q_ENUM(Kind)

    Error();
    /// Creates an error of @p kind with a human-readable @p message.
    Error(Kind kind, const QString &message);
    Error(const Error &other);
    Error(Error &&other) noexcept;
    Error &operator=(const Error &other);
    Error &operator=(Error &&other) noexcept;
    ~Error();

    bool isError() const { return kind() != NoError; }
    explicit operator bool() const { return isError(); }

    Kind kind() const;
    /// Returns the kind's name, such as "HttpError".
    QString kindName() const;

    /// The main message: the ServiceNow `error.message` for server errors, or a sentence
    /// written by SnowCore saying what failed and what to do.
    QString message() const;
    /// The ServiceNow `error.detail`, or further detail; may be empty.
    QString detail() const;

    /// The HTTP status, or 0 when no response arrived.
    int httpStatus() const;
    /// The request method ("GET", "POST", ...), empty for usage errors.
    QString method() const;
    /// The request URL with user information removed.
    QUrl url() const;
    /// At most 1 KB from the start of the response body, for error dialogs and logs.
    QByteArray bodySample() const;
    /// Byte offset in the body where a malformed body failed, or -1.
    qint64 byteOffset() const;
    /// True when some records were already delivered before the failure, so what
    /// the caller received is a partial result and must not be shown as complete.
    bool recordsIncomplete() const;
    /// Seconds the server asked to wait (Retry-After), or -1.
    int retryAfterSeconds() const;
    /// OAuth `error` code (such as "invalid_grant") for TokenCreateError.
    QString oauthError() const;

    Error &setMessage(const QString &message);
    Error &setDetail(const QString &detail);
    Error &setHttpStatus(int status);
    Error &setRequest(const QString &method, const QUrl &url);
    Error &setBodySample(const QByteArray &body);
    Error &setByteOffset(qint64 offset);
    Error &setRecordsIncomplete(bool incomplete);
    Error &setRetryAfterSeconds(int seconds);
    Error &setOAuthError(const QString &code);

    /// Returns one line for logs and status bars, such as
    /// "HTTP 403 on PATCH https://x.service-now.com/api/now/table/incident/...: Operation Failed (Data Policy Exception: ...)".
    QString toString() const;

    /// Maximum size of bodySample(), in bytes.
    static constexpr qsizetype MaxBodySample = 1024;

private:
    QSharedDataPointer<ErrorData> d;
};

} // namespace snow

Q_DECLARE_METATYPE(snow::Error)
