#pragma once

#include <snow/error.h>
#include <snow/paramsbuilder.h>
#include <snow/query.h>
#include <snow/record.h>
#include <snow/resource.h>

#include <QtCore/QObject>

#include <memory>

namespace snow {

class PagerPrivate;

/// Fetches one query page by page on demand, for item models and other lazy views.
///
/// The Pager owns the paging state: which pages are loaded or in flight, the total
/// from X-Total-Count, the last error. A model built on it never touches the network;
/// it calls fetchNext() or fetchPage() and turns recordsReceived() into row
/// insertions or updates.
///
/// A request for a page that is already in flight is ignored, so a view that asks
/// twice (as QAbstractItemModel::fetchMore() callers do) causes one request.
///
/// Offset paging needs a stable order: when the query has no ORDERBY, the Pager
/// appends `ORDERBYsys_id`.
///
/// Signals: totalCountChanged() when the first answer arrives; recordsReceived() as
/// records of a page arrive, possibly in several batches (offset is the position of the
/// first record of the batch); pageFinished() or failed() once per page. A Pager lives
/// in the thread of its Resource's Client.
class SNOWCORE_EXPORT Pager : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Records per request.
        qint64 pageSize = 100;
        QStringList fields;
        ParamsBuilder::DisplayValue displayValue = ParamsBuilder::DisplayValue::All;
        bool excludeReferenceLink = false;
    };

    Pager(const Resource &resource, const Query &query, const Options &options, QObject *parent = nullptr);
    ~Pager() override;

    /// The encoded query sent, with the ORDERBY the Pager may have added.
    QString encodedQuery() const;
    qint64 pageSize() const;

    /// The total from X-Total-Count, or -1 before the first answer.
    qint64 totalCount() const;
    /// Records received so far by the sequential fetches (fetchNext()). It can stay
    /// below the offsets fetched when access rules hide records.
    qint64 sequentialCount() const;
    /// True when fetchNext() has read the last page.
    bool atEnd() const;
    bool isLoading() const;
    bool isPageLoading(qint64 offset) const;
    /// The error of the last failed page, if any.
    Error lastError() const;

    /// Fetches the page after the records read so far. Ignored while that page is in
    /// flight or at the end.
    void fetchNext();
    /// Fetches the page starting at @p offset (a multiple of pageSize()). Ignored while
    /// that page is in flight.
    void fetchPage(qint64 offset);
    /// Aborts every request in flight; no signal follows for them.
    void cancel();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void recordsReceived(qint64 offset, const QList<snow::Record> &records);
    void pageFinished(qint64 offset);
    void failed(qint64 offset, const snow::Error &error);
    void loadingChanged(bool loading);

private:
    std::unique_ptr<PagerPrivate> d;
};

} // namespace snow
