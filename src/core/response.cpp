#include "snow/response.h"

#include "client_p.h"
#include "response_p.h"
#include "snow/logging.h"

#include <QtCore/QEventLoop>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

// At most this many body bytes are read per event-loop turn, so a large body never
// blocks the thread that owns the Response for long (about 1 ms at 300 MB/s).
constexpr qint64 ReadSliceBytes = 256 * 1024;
constexpr qint64 ReadChunkBytes = 64 * 1024;

bool isJsonContentType(const QByteArray &contentType)
{
    return contentType.isEmpty() || contentType.contains("json");
}

// Turns the start of an HTML page into a short sentence: its title, and a hint when
// it is the page of a hibernating developer instance.
QString describeHtml(const QByteArray &snippet)
{
    const QString text = QString::fromUtf8(snippet);
    static const QRegularExpression titlePattern(u"<title[^>]*>([^<]*)"_s, QRegularExpression::CaseInsensitiveOption);
    const QString title = titlePattern.match(text).captured(1).simplified();

    QString message = u"The instance sent an HTML page instead of JSON"_s;
    if (!title.isEmpty())
        message += u" (\"%1\")"_s.arg(title.left(120));
    if (text.contains(u"hibernat", Qt::CaseInsensitive))
        message += u". The instance is hibernating: wake it from the ServiceNow developer portal, then try again"_s;
    else
        message += u". Check the instance address, and that the instance is up"_s;
    return message;
}

} // namespace

ResponsePrivate::ResponsePrivate(Response *response, Client *client)
    : q(response)
    , client(client)
{
}

ResponsePrivate::~ResponsePrivate() = default;

Transport *ResponsePrivate::transport() const
{
    return client ? client->d->transport.get() : nullptr;
}

void ResponsePrivate::send(const RequestSpec &request)
{
    spec = request;
    pageUrl = spec.url;
    if (firstUrl.isEmpty())
        firstUrl = spec.url.adjusted(QUrl::RemoveUserInfo);
    if (!client) {
        failLater(Error(Error::InvalidUsage, u"The Client of this request no longer exists"_s));
        return;
    }
    if (!client->isValid()) {
        failLater(client->validationError());
        return;
    }
    exchangeId = transport()->submit(spec, this);
}

void ResponsePrivate::sendPage()
{
    QUrlQuery query = paging.query;
    query.removeAllQueryItems(u"sysparm_offset"_s);
    query.removeAllQueryItems(u"sysparm_limit"_s);
    query.addQueryItem(u"sysparm_limit"_s, QString::number(paging.requested));
    query.addQueryItem(u"sysparm_offset"_s, QString::number(paging.offset));

    RequestSpec page = spec;
    page.url = paging.url;
    page.url.setQuery(query);
    send(page);
}

void ResponsePrivate::failLater(const Error &failure)
{
    QPointer<Response> guard(q);
    QTimer::singleShot(0, q, [this, guard, failure] {
        if (guard)
            finish(failure);
    });
}

// The one completion path: every outcome of a Response passes through here once.
void ResponsePrivate::finish(const Error &outcome)
{
    if (finished)
        return;

    dropReply();
    finished = true;
    error = outcome;
    if (finishHook)
        error = std::exchange(finishHook, nullptr)(error);
    if (error.isError() && error.method().isEmpty() && !spec.method.isEmpty())
        error.setRequest(QString::fromLatin1(spec.method), pageUrl);

    if (error.isError() && error.kind() != Error::Aborted)
        qCWarning(lcNetwork).noquote() << error.toString();
    else
        qCDebug(lcNetwork).noquote() << "Finished" << spec.method << pageUrl.adjusted(QUrl::RemoveUserInfo).toString()
                                     << "records" << delivered << "pages" << pages;

    Q_EMIT q->finished();
}

bool ResponsePrivate::startDownload(QNetworkReply *started)
{
    // X-Attachment-Metadata carries the stored size and SHA-256 of the file.
    const QByteArray metadata = started->rawHeader("X-Attachment-Metadata");
    if (!metadata.isEmpty()) {
        JsonStreamReader parser;
        parser.setDocumentIsRecord(true);
        parser.feed(metadata);
        if (parser.finish() == JsonStreamReader::Complete) {
            const QList<Record> parsed = parser.takeRecords();
            if (!parsed.isEmpty()) {
                bool valid = false;
                const qint64 size = parsed.first().value(u"size_bytes").toLongLong(&valid);
                expectedFileBytes = valid ? size : -1;
                expectedFileHash = parsed.first().valueUtf8(u"hash").toByteArray().toLower();
            }
        }
    }

    saveFile = std::make_unique<QSaveFile>(downloadPath);
    if (!saveFile->open(QIODevice::WriteOnly)) {
        error = Error(Error::FileError, u"Cannot write \"%1\": %2. Choose a folder you can write to"_s.arg(downloadPath,
                                                                                                          saveFile->errorString()));
        saveFile.reset();
        return false;
    }
    fileHash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    fileBytes = 0;
    return true;
}

// Commits the downloaded file only when it is whole; otherwise the target file is
// left as it was.
Error ResponsePrivate::finishDownload()
{
    const QByteArray hash = fileHash->result().toHex();
    if (expectedFileBytes >= 0 && fileBytes != expectedFileBytes) {
        saveFile->cancelWriting();
        saveFile.reset();
        return Error(Error::IncompleteBody, u"The download ended after %1 of %2 bytes; \"%3\" was not written"_s
                                                .arg(fileBytes)
                                                .arg(expectedFileBytes)
                                                .arg(downloadPath));
    }
    if (!expectedFileHash.isEmpty() && hash != expectedFileHash) {
        saveFile->cancelWriting();
        saveFile.reset();
        return Error(Error::HashMismatch, u"The downloaded bytes do not match the attachment's SHA-256 (%1 expected, "
                                          "%2 received); \"%3\" was not written. Download it again"_s
                                              .arg(QString::fromLatin1(expectedFileHash), QString::fromLatin1(hash), downloadPath));
    }
    if (!saveFile->commit()) {
        const QString reason = saveFile->errorString();
        saveFile.reset();
        return Error(Error::FileError, u"Saving \"%1\" failed: %2"_s.arg(downloadPath, reason));
    }
    saveFile.reset();
    return Error();
}

void ResponsePrivate::transferProgress(qint64 done, qint64 total, bool upload)
{
    if (upload || mode == BodyMode::File)
        Q_EMIT q->transferProgress(done, total);
}

void ResponsePrivate::dropReply()
{
    if (exchangeId != 0) {
        if (Transport *owner = transport())
            owner->cancel(exchangeId);
        exchangeId = 0;
    }
    if (reply) {
        reply->disconnect(q);
        reply->abort();
        reply->deleteLater();
    }
    reply = nullptr;
    if (saveFile) {
        saveFile->cancelWriting();
        saveFile.reset();
    }
}

void ResponsePrivate::abort()
{
    if (finished)
        return;
    finish(Error(Error::Aborted, u"The request was aborted"_s).setRecordsIncomplete(delivered > 0));
}

void ResponsePrivate::exchangeFailed(const Error &failure)
{
    exchangeId = 0;
    Error error = failure;
    error.setRecordsIncomplete(delivered > 0);
    finish(error);
}

void ResponsePrivate::replyStarted(QNetworkReply *started)
{
    reply = started;
    replyDone = false;
    pageDelivered = 0;
    sample.clear();
    pageUrl = started->url();
    status = started->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    const QByteArray contentType = started->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    mode = rawAllowed && status < 400 && !isJsonContentType(contentType) ? BodyMode::Raw : BodyMode::Records;
    if (!downloadPath.isEmpty() && status < 300) {
        mode = BodyMode::File;
        if (!startDownload(started)) {
            finish(error);
            return;
        }
    }
    reader = std::make_unique<JsonStreamReader>();
    reader->setDocumentIsRecord(documentIsRecord && status < 400);
    if (readBuffer.isEmpty())
        readBuffer.resize(ReadChunkBytes);

    if (!headersEmitted && !afterLookup) {
        headers = started->rawHeaderPairs();
        bool valid = false;
        const qint64 count = started->rawHeader("X-Total-Count").toLongLong(&valid);
        total = valid ? count : -1;
        headersEmitted = true;
        QPointer<Response> guard(q);
        Q_EMIT q->headersReceived();
        if (!guard)
            return;
    }
}

void ResponsePrivate::replyReadyRead(QNetworkReply *)
{
    scheduleRead();
}

void ResponsePrivate::replyFinished(QNetworkReply *)
{
    replyDone = true;
    scheduleRead();
}

void ResponsePrivate::scheduleRead()
{
    if (readScheduled || finished)
        return;
    readScheduled = true;

    QPointer<Response> guard(q);
    QMetaObject::invokeMethod(
        q,
        [this, guard] {
            if (guard)
                readAvailable();
        },
        Qt::QueuedConnection);
}

void ResponsePrivate::readAvailable()
{
    readScheduled = false;
    if (finished || !reply)
        return;

    const bool readsRecords = mode == BodyMode::Records && status < 400;
    qint64 budget = ReadSliceBytes;
    while (budget > 0 && reply->bytesAvailable() > 0) {
        const qint64 count = reply->read(readBuffer.data(), std::min<qint64>(readBuffer.size(), budget));
        if (count <= 0)
            break;
        budget -= count;
        bodyBytes += count;

        const QByteArrayView chunk(readBuffer.constData(), count);
        if (sample.size() < Error::MaxBodySample)
            sample.append(chunk.first(std::min<qint64>(count, Error::MaxBodySample - sample.size())));

        if (mode == BodyMode::Raw) {
            rawBody.append(chunk);
            continue;
        }
        if (mode == BodyMode::File) {
            fileStarted = true;
            fileHash->addData(chunk);
            fileBytes += count;
            if (saveFile->write(chunk.data(), count) != count) {
                const QString reason = saveFile->errorString();
                finish(Error(Error::FileError, u"Writing \"%1\" failed: %2. Free some disk space or choose another folder"_s
                                                   .arg(downloadPath, reason)));
                return;
            }
            continue;
        }
        if (reader->feed(chunk) == JsonStreamReader::Failed)
            break;
    }

    if (readsRecords && reader->pendingRecordCount() > 0) {
        QPointer<Response> guard(q);
        deliver(reader->takeRecords());
        if (!guard || finished)
            return;
    }

    if (reader->status() == JsonStreamReader::Failed) {
        completePage();
        return;
    }
    if (reply->bytesAvailable() > 0)
        scheduleRead();
    else if (replyDone)
        completePage();
}

void ResponsePrivate::deliver(QList<Record> &&batch)
{
    if (paging.limit > 0 && delivered + batch.size() > paging.limit)
        batch.resize(paging.limit - delivered);
    if (batch.isEmpty())
        return;

    if (afterLookup) {
        lookupRecords.append(batch);
        pageDelivered += batch.size();
        return;
    }

    delivered += batch.size();
    pageDelivered += batch.size();
    if (keepRecords)
        records.append(batch);

    Q_EMIT q->recordsReceived(batch);
    Q_EMIT q->progress(delivered, paging.limit > 0 && total >= 0 ? std::min(total, paging.limit) : total);
}

Error ResponsePrivate::readerError() const
{
    const QString message = reader->errorMessage();
    Error error;
    switch (reader->errorKind()) {
    case JsonStreamReader::NotJson:
        error = Error(Error::NotJson, reader->bodySnippet().trimmed().startsWith('<')
                                          ? describeHtml(reader->bodySnippet())
                                          : message + u"; a ServiceNow API answers with JSON"_s);
        break;
    case JsonStreamReader::Truncated:
        error = Error(Error::IncompleteBody, message);
        break;
    case JsonStreamReader::LimitExceeded:
        error = Error(Error::LimitExceeded, message);
        break;
    default:
        error = Error(Error::MalformedBody, message);
        break;
    }
    error.setByteOffset(reader->errorOffset());
    return error;
}

Error ResponsePrivate::pageError(QNetworkReply *finishedReply)
{
    const QNetworkReply::NetworkError code = finishedReply->error();
    // Codes below 100 are connection-level failures; above, Qt mirrors an HTTP status.
    const bool connectionFailed = code != QNetworkReply::NoError && code < 100;
    const bool operationCanceled = code == QNetworkReply::OperationCanceledError;

    Error failure;
    if (reader->status() == JsonStreamReader::Failed && mode == BodyMode::Records) {
        failure = readerError();
        if (status >= 400) {
            failure = Error(Error::HttpError, failure.message());
        }
    } else if (connectionFailed || operationCanceled) {
        failure = networkError(finishedReply, false);
        if (status > 0) {
            failure = Error(Error::IncompleteBody,
                            u"The connection dropped after %1 bytes of the body: %2"_s.arg(reader->bytesRead())
                                .arg(finishedReply->errorString()));
        }
    } else if (status >= 400) {
        reader->finish();
        QString message = reader->serviceErrorMessage();
        if (message.isEmpty())
            message = QString::fromLatin1(finishedReply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        if (message.isEmpty())
            message = u"The request failed"_s;
        failure = Error(Error::HttpError, message).setDetail(reader->serviceErrorDetail());
        const qint64 retryAfter = parseRetryAfter(finishedReply->rawHeader("Retry-After"));
        if (retryAfter >= 0)
            failure.setRetryAfterSeconds(int(retryAfter));
    } else if (status == 202 && spec.method == "GET") {
        failure = Error(Error::EmptyContent, u"The instance accepted the request (202) but sent no content yet"_s);
    } else if (mode == BodyMode::File) {
        failure = finishDownload();
        if (!failure.isError())
            return failure;
    } else if (status == 204 || mode == BodyMode::Raw) {
        return Error();
    } else if (reader->finish() == JsonStreamReader::Failed) {
        failure = readerError();
    } else if (reader->hasServiceError()) {
        failure = Error(Error::ResponseError, reader->serviceErrorMessage()).setDetail(reader->serviceErrorDetail());
    } else if (!reader->hasResult()) {
        failure = Error(Error::MissingResult, u"The body has neither a \"result\" nor an \"error\" member"_s);
    } else {
        return Error();
    }

    if (status > 0)
        failure.setHttpStatus(status);
    failure.setRequest(QString::fromLatin1(spec.method), finishedReply->url());
    failure.setBodySample(sample);
    failure.setRecordsIncomplete(delivered > 0);
    return failure;
}

void ResponsePrivate::completePage()
{
    QNetworkReply *finishedReply = reply;
    if (!finishedReply)
        return;

    const Error failure = pageError(finishedReply);
    reply = nullptr;
    finishedReply->disconnect(q);
    finishedReply->deleteLater();
    if (Transport *owner = transport())
        owner->release(exchangeId);
    exchangeId = 0;

    if (failure.isError()) {
        finish(failure);
        return;
    }
    ++pages;

    if (afterLookup) {
        const auto next = std::exchange(afterLookup, nullptr);
        const QList<Record> found = std::exchange(lookupRecords, {});
        if (found.isEmpty()) {
            finish(Error(Error::NoResults, u"No record matches the query; nothing was changed"_s));
            return;
        }
        if (found.size() > 1) {
            finish(Error(Error::MultipleResults, u"More than one record matches the query; nothing was changed. "
                                                  "Narrow the query to one record"_s));
            return;
        }
        next(found.first());
        return;
    }

    if (continuePaging())
        return;
    finish(Error());
}

// Starts the next page when more records are wanted and exist. The total from
// X-Total-Count decides, not a short page: a page can come back short because the
// limit is applied before access rules hide records.
bool ResponsePrivate::continuePaging()
{
    if (!paging.enabled)
        return false;

    const qint64 nextOffset = paging.offset + paging.requested;
    const qint64 remaining = paging.limit > 0 ? paging.limit - delivered : std::numeric_limits<qint64>::max();
    if (remaining <= 0)
        return false;

    if (total >= 0) {
        if (nextOffset >= total)
            return false;
    } else if (pageDelivered < paging.requested) {
        return false; // without a count, a short page is the best sign of the end
    }

    paging.offset = nextOffset;
    paging.requested = std::min(paging.pageSize, remaining);
    sendPage();
    return true;
}

Response::Response(Client *client)
    : d(std::make_unique<ResponsePrivate>(this, client))
{
    if (client) {
        connect(client, &QObject::destroyed, this, [this] {
            d->reply = nullptr;
            d->exchangeId = 0;
            d->finish(Error(Error::NetworkError, u"The Client was deleted while the request was running"_s)
                          .setRecordsIncomplete(d->delivered > 0));
        });
    }
}

Response::~Response()
{
    d->dropReply();
}

bool Response::isFinished() const
{
    return d->finished;
}

bool Response::isSuccess() const
{
    return d->finished && !d->error.isError();
}

bool Response::isComplete() const
{
    return isSuccess();
}

Error Response::error() const
{
    return d->error;
}

void Response::abort()
{
    d->abort();
}

bool Response::waitForFinished(int timeoutMs)
{
    if (d->finished)
        return true;

    QEventLoop loop;
    connect(this, &Response::finished, &loop, &QEventLoop::quit);
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return d->finished;
}

QList<Record> Response::records() const
{
    return d->records;
}

qint64 Response::recordCount() const
{
    return d->delivered;
}

qint64 Response::bytesReceived() const
{
    return d->bodyBytes;
}

bool Response::keepsRecords() const
{
    return d->keepRecords;
}

Result<Record> Response::first() const
{
    if (d->error.isError())
        return d->error;
    if (d->records.isEmpty())
        return Error(Error::NoResults, u"The query matched no record"_s);
    return d->records.first();
}

std::optional<Record> Response::firstOrNone() const
{
    if (d->error.isError() || d->records.isEmpty())
        return std::nullopt;
    return d->records.first();
}

Result<Record> Response::one() const
{
    if (d->error.isError())
        return d->error;
    if (d->records.isEmpty())
        return Error(Error::NoResults, u"The query matched no record; exactly one was expected"_s);
    if (d->records.size() > 1)
        return Error(Error::MultipleResults,
                     u"The query matched %1 records; exactly one was expected"_s.arg(d->records.size()));
    return d->records.first();
}

Result<std::optional<Record>> Response::oneOrNone() const
{
    if (d->error.isError())
        return d->error;
    if (d->records.size() > 1)
        return Error(Error::MultipleResults,
                     u"The query matched %1 records; at most one was expected"_s.arg(d->records.size()));
    if (d->records.isEmpty())
        return std::optional<Record>();
    return std::optional<Record>(d->records.first());
}

int Response::httpStatus() const
{
    return d->status;
}

qint64 Response::totalCount() const
{
    return d->total;
}

QList<QPair<QByteArray, QByteArray>> Response::headers() const
{
    return d->headers;
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : std::as_const(d->headers)) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QByteArray Response::body() const
{
    return d->rawBody;
}

QString Response::method() const
{
    return QString::fromLatin1(d->spec.method);
}

QUrl Response::url() const
{
    return d->firstUrl;
}

int Response::pageCount() const
{
    return d->pages;
}

QString Response::savedFilePath() const
{
    return isSuccess() ? d->downloadPath : QString();
}

} // namespace snow
