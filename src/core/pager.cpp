#include "snow/pager.h"

#include "snow/response.h"

#include <QtCore/QPointer>

#include <map>

using namespace Qt::StringLiterals;

namespace snow {

class PagerPrivate
{
public:
    Resource resource;
    Pager::Options options;
    Query query;
    QString encoded;
    Error queryError;
    qint64 total = -1;
    qint64 sequential = 0;
    qint64 nextOffset = 0;
    bool atEnd = false;
    Error lastError;
    std::map<qint64, QPointer<Response>> inFlight; // by page offset
};

Pager::Pager(const Resource &resource, const Query &query, const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<PagerPrivate>())
{
    d->resource = resource;
    d->options = options;
    d->options.pageSize = std::max<qint64>(1, options.pageSize);

    const Result<QString> encoded = query.encoded();
    if (!encoded) {
        d->queryError = encoded.error();
    } else if (encoded->contains(u"ORDERBY")) {
        d->encoded = *encoded;
    } else {
        d->encoded = encoded->isEmpty() ? u"ORDERBYsys_id"_s : *encoded + u"^ORDERBYsys_id"_s;
    }
    d->query = Query(d->encoded);
}

Pager::~Pager()
{
    cancel();
}

QString Pager::encodedQuery() const
{
    return d->encoded;
}

qint64 Pager::pageSize() const
{
    return d->options.pageSize;
}

qint64 Pager::totalCount() const
{
    return d->total;
}

qint64 Pager::sequentialCount() const
{
    return d->sequential;
}

bool Pager::atEnd() const
{
    return d->atEnd;
}

bool Pager::isLoading() const
{
    return !d->inFlight.empty();
}

bool Pager::isPageLoading(qint64 offset) const
{
    return d->inFlight.contains(offset);
}

Error Pager::lastError() const
{
    return d->lastError;
}

void Pager::fetchNext()
{
    if (d->atEnd)
        return;
    fetchPage(d->nextOffset);
}

void Pager::fetchPage(qint64 offset)
{
    if (d->inFlight.contains(offset) || offset < 0)
        return;

    if (d->queryError.isError()) {
        d->lastError = d->queryError;
        Q_EMIT failed(offset, d->queryError);
        return;
    }

    GetOptions options;
    options.limit = d->options.pageSize;
    options.pageSize = d->options.pageSize;
    options.offset = offset;
    options.fields = d->options.fields;
    options.displayValue = d->options.displayValue;
    options.excludeReferenceLink = d->options.excludeReferenceLink;
    options.keepRecords = false;

    Response *response = d->resource.get(d->query, options);
    response->setParent(this);
    const bool wasLoading = isLoading();
    d->inFlight[offset] = response;

    const bool sequential = offset == d->nextOffset;
    auto received = std::make_shared<qint64>(0);

    connect(response, &Response::headersReceived, this, [this, response] {
        const qint64 total = response->totalCount();
        if (total >= 0 && total != d->total) {
            d->total = total;
            Q_EMIT totalCountChanged(total);
        }
    });
    connect(response, &Response::recordsReceived, this, [this, offset, received](const QList<Record> &records) {
        const qint64 at = offset + *received;
        *received += records.size();
        Q_EMIT recordsReceived(at, records);
    });
    connect(response, &Response::finished, this, [this, response, offset, received, sequential] {
        d->inFlight.erase(offset);
        response->deleteLater();

        if (response->error().isError()) {
            d->lastError = response->error();
            Q_EMIT failed(offset, response->error());
        } else {
            d->lastError = Error();
            if (sequential && offset == d->nextOffset) {
                // Step by the page size, not by the records received: access rules can
                // hide records of a page, which then comes back short mid-result.
                d->sequential += *received;
                d->nextOffset = offset + d->options.pageSize;
                const bool shortPage = *received < d->options.pageSize;
                d->atEnd = d->total >= 0 ? d->nextOffset >= d->total : shortPage;
            }
            Q_EMIT pageFinished(offset);
        }
        if (!isLoading())
            Q_EMIT loadingChanged(false);
    });

    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void Pager::cancel()
{
    const auto inFlight = std::exchange(d->inFlight, {});
    for (const auto &[offset, response] : inFlight) {
        if (response) {
            response->disconnect(this);
            delete response.data();
        }
    }
}

} // namespace snow
