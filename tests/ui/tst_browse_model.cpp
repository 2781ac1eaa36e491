// RecordTableModel against the emulator: appending small results, loading large ones
// on demand with a bounded number of pages, and every failure path.

#include "models/recordtablemodel.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snow/pager.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Incidents = 2500;
constexpr qint64 PageSize = 50;
constexpr int MaxPages = 4;

// The seeded incidents are numbered from INC0010001 in row order.
QString numberOfRow(int row)
{
    return u"INC%1"_s.arg(10001 + row, 7, 10, QChar(u'0'));
}

} // namespace

class BrowseModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void smallResultAppends();
    void fetchMoreIsGuarded();
    void largeResultSpansTotal();
    void unloadedRowsShowPlaceholder();
    void requestRowsLoadsPages_data();
    void requestRowsLoadsPages();
    void duplicateRequestsAreIgnored();
    void loadedPagesStayCapped();
    void droppedRowsLoadAgain();
    void longJumpAbortsStaleRequests();
    void failedPageShowsNotLoaded();
    void retryLoadsFailedPage();
    void cancelStopsLoading();
    void rawValuesToggleDisplay();
    void replaceRecordUpdatesRow();
    void shrinkingTotalRemovesRows();
    void columnLabelsChangeInPlace();

private:
    std::unique_ptr<snow::Client> makeClient() const;
    std::unique_ptr<snow::Pager> makePager(snow::Client *client, const QString &query = u"ORDERBYnumber"_s) const;
    static void attach(RecordTableModel &model, snow::Pager *pager);
    int requestCount() const;

    std::unique_ptr<snowemu::Server> m_server;
};

void BrowseModelTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = Incidents;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseModelTest::init()
{
    m_server->setFaults(snowemu::Faults());
    m_server->clearRequestLog();
}

std::unique_ptr<snow::Client> BrowseModelTest::makeClient() const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server);
    auto client = std::make_unique<snow::Client>(options);
    client->setRetryPolicy(snow::RetryPolicy::none());
    return client;
}

std::unique_ptr<snow::Pager> BrowseModelTest::makePager(snow::Client *client, const QString &query) const
{
    snow::Pager::Options options;
    options.pageSize = PageSize;
    options.fields = {u"number"_s, u"state"_s, u"caller_id"_s, u"sys_id"_s};
    return std::make_unique<snow::Pager>(client->resource(u"/table/incident"_s), query, options);
}

void BrowseModelTest::attach(RecordTableModel &model, snow::Pager *pager)
{
    model.setMaxLoadedPages(MaxPages);
    model.setColumns({{u"number"_s, u"Number"_s}, {u"state"_s, u"State"_s}, {u"caller_id"_s, u"Caller"_s}});
    model.setPager(pager);
}

int BrowseModelTest::requestCount() const
{
    int count = 0;
    for (const snowemu::RequestRecord &request : m_server->requestLog()) {
        if (request.path == u"/api/now/table/incident")
            ++count;
    }
    return count;
}

void BrowseModelTest::smallResultAppends()
{
    auto client = makeClient();
    // INC0010100 to INC0010199: 100 records, below the cap of 4 pages of 50.
    auto pager = makePager(client.get(), u"numberSTARTSWITHINC00101^ORDERBYnumber"_s);
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());

    QSignalSpy finished(pager.get(), &snow::Pager::pageFinished);
    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.mode(), RecordTableModel::Mode::Appending);
    QCOMPARE(model.totalCount(), 100);
    QCOMPARE(model.rowCount(), 50);

    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.index(99, 0).data().toString(), u"INC0010199"_s);
    QCOMPARE(model.loadedCount(), 100);
}

void BrowseModelTest::fetchMoreIsGuarded()
{
    auto client = makeClient();
    auto pager = makePager(client.get(), u"numberSTARTSWITHINC00101^ORDERBYnumber"_s);
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    m_server->clearRequestLog();

    QSignalSpy finished(pager.get(), &snow::Pager::pageFinished);
    model.fetchMore(QModelIndex());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(requestCount(), 1);
}

void BrowseModelTest::largeResultSpansTotal()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());

    QSignalSpy modeChanged(&model, &RecordTableModel::modeChanged);
    QSignalSpy loaded(&model, &RecordTableModel::rowsLoaded);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(QModelIndex());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(modeChanged.size(), 1);
    // One reset makes every row appear; the first page then fills rows in place.
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.mode(), RecordTableModel::Mode::OnDemand);
    QCOMPARE(model.rowCount(), Incidents);
    QCOMPARE(model.index(0, 0).data().toString(), numberOfRow(0));
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void BrowseModelTest::unloadedRowsShowPlaceholder()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());

    QSignalSpy finished(pager.get(), &snow::Pager::pageFinished);
    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));

    const QModelIndex far = model.index(2000, 0);
    QVERIFY(!model.isRowLoaded(2000));
    QCOMPARE(far.data(RecordTableModel::LoadedRole).toBool(), false);
    QCOMPARE(far.data().toString(), u"…"_s);
    QVERIFY(!model.index(2000, 1).data().isValid());
    QVERIFY(model.record(2000).isEmpty());
    QCOMPARE(model.index(49, 0).data(RecordTableModel::LoadedRole).toBool(), true);
}

void BrowseModelTest::requestRowsLoadsPages_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");

    QTest::newRow("one page") << 1000 << 1010;
    QTest::newRow("across pages") << 1040 << 1060;
    QTest::newRow("last rows") << Incidents - 20 << Incidents - 1;
    QTest::newRow("past the end") << Incidents - 5 << Incidents + 100;
}

void BrowseModelTest::requestRowsLoadsPages()
{
    QFETCH(int, first);
    QFETCH(int, last);

    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    QSignalSpy loadingChanged(&model, &RecordTableModel::loadingChanged);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    model.requestRows(first, last);
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);

    const int end = std::min(last, Incidents - 1);
    for (int row = first; row <= end; ++row)
        QCOMPARE(model.index(row, 0).data().toString(), numberOfRow(row));
    QVERIFY(!loadingChanged.isEmpty());
}

void BrowseModelTest::duplicateRequestsAreIgnored()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);
    m_server->clearRequestLog();

    model.requestRows(500, 520);
    model.requestRows(500, 520);
    model.requestRows(510, 511);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    model.requestRows(500, 520);
    QTest::qWait(100);
    QCOMPARE(requestCount(), 1);
}

void BrowseModelTest::loadedPagesStayCapped()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    // Walk the whole result one page at a time, as a scrolling view would.
    for (int row = 0; row < Incidents; row += int(PageSize)) {
        model.requestRows(row, row + 10);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QVERIFY(model.loadedPageCount() <= MaxPages);
        QVERIFY(model.loadedCount() <= MaxPages * PageSize);
    }
    QCOMPARE(model.loadedPageCount(), MaxPages);
    // Page 0 stays because the model tester keeps reading row 0, as a view showing it would.
    QVERIFY(!model.isRowLoaded(1000));
    QVERIFY(model.isRowLoaded(Incidents - 1));
}

void BrowseModelTest::droppedRowsLoadAgain()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    model.requestRows(500, 501);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(500), 10000);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (const int row : {1000, 1500, 2000, 2400}) {
        model.requestRows(row, row);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    }
    QVERIFY(!model.isRowLoaded(500));
    QCOMPARE(model.index(500, 0).data(RecordTableModel::LoadedRole).toBool(), false);
    // Dropping a page signals views that its rows changed back to placeholders.
    const bool droppedRowsSignalled = std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &arguments) {
        return arguments.at(0).toModelIndex().row() == 500;
    });
    QVERIFY(droppedRowsSignalled);

    model.requestRows(500, 505);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(500), 10000);
    QCOMPARE(model.index(500, 0).data().toString(), numberOfRow(500));
}

void BrowseModelTest::longJumpAbortsStaleRequests()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    snowemu::Faults slow;
    slow.latencyMs = 400;
    m_server->setFaults(slow);
    model.requestRows(500, 520);
    QVERIFY(pager->isPageLoading(500));

    model.requestRows(2000, 2010);
    QVERIFY(!pager->isPageLoading(500));
    QVERIFY(pager->isPageLoading(2000));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    QVERIFY(model.isRowLoaded(2000));
    QVERIFY(!model.isRowLoaded(500));
}

void BrowseModelTest::failedPageShowsNotLoaded()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    snowemu::Faults failing;
    failing.serverErrorBurst = 5;
    failing.serverErrorStatus = 503;
    m_server->setFaults(failing);
    QSignalSpy failed(pager.get(), &snow::Pager::failed);
    model.requestRows(1000, 1001);
    QVERIFY(failed.wait(10000));

    QCOMPARE(model.index(1000, 0).data().toString(), u"Not loaded"_s);
    QCOMPARE(failed.first().at(1).value<snow::Error>().httpStatus(), 503);

    // A failed page is not requested again by scrolling, only by retry().
    m_server->clearRequestLog();
    model.requestRows(1000, 1001);
    QTest::qWait(100);
    QCOMPARE(requestCount(), 0);
}

void BrowseModelTest::retryLoadsFailedPage()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    snowemu::Faults failing;
    failing.serverErrorBurst = 1;
    failing.serverErrorStatus = 500;
    m_server->setFaults(failing);
    QSignalSpy failed(pager.get(), &snow::Pager::failed);
    model.requestRows(1000, 1001);
    QVERIFY(failed.wait(10000));

    model.retry();
    QCOMPARE(model.index(1000, 0).data().toString(), u"Loading…"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(1000), 10000);
    QCOMPARE(model.index(1000, 0).data().toString(), numberOfRow(1000));
}

void BrowseModelTest::cancelStopsLoading()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);

    snowemu::Faults stalled;
    stalled.stall = true;
    m_server->setFaults(stalled);
    model.requestRows(1000, 1200);
    QVERIFY(model.isLoading());

    QSignalSpy loadingChanged(&model, &RecordTableModel::loadingChanged);
    model.cancelLoading();
    QVERIFY(!model.isLoading());
    QCOMPARE(loadingChanged.size(), 1);
    QCOMPARE(loadingChanged.first().at(0).toBool(), false);
    QCOMPARE(model.index(1000, 0).data().toString(), u"…"_s);

    // After a cancel the same rows can be asked for again.
    m_server->setFaults(snowemu::Faults());
    model.requestRows(1000, 1001);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(1000), 10000);
}

void BrowseModelTest::rawValuesToggleDisplay()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), 10000);

    const QModelIndex caller = model.index(0, 2);
    const QString display = caller.data().toString();
    const QString raw = caller.data(RecordTableModel::RawValueRole).toString();
    QCOMPARE(raw.size(), 32);
    QVERIFY(display != raw);
    QCOMPARE(caller.data(RecordTableModel::DisplayValueRole).toString(), display);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRawValuesShown(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(caller.data().toString(), raw);
    QCOMPARE(caller.data(RecordTableModel::DisplayValueRole).toString(), display);
    QVERIFY(caller.data(Qt::ToolTipRole).toString().contains(raw));

    model.setRawValuesShown(false);
    QCOMPARE(caller.data().toString(), display);
}

void BrowseModelTest::replaceRecordUpdatesRow()
{
    auto client = makeClient();
    auto pager = makePager(client.get());
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == Incidents, 10000);
    model.requestRows(1200, 1201);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(1200), 10000);

    const QString sysId = model.record(1200).sysId();
    QCOMPARE(model.rowOf(sysId), 1200);
    const snow::Record updated = snow::Record::fromValues({{u"sys_id"_s, sysId}, {u"number"_s, u"INC9999999"_s}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.replaceRecord(updated));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1200, 0).data().toString(), u"INC9999999"_s);
    QVERIFY(!model.replaceRecord(snow::Record::fromValues({{u"sys_id"_s, u"0123456789abcdef0123456789abcdef"_s}})));
}

void BrowseModelTest::shrinkingTotalRemovesRows()
{
    auto client = makeClient();
    const QString query = u"numberSTARTSWITHINC0011^ORDERBYnumber"_s; // INC0011000 to INC0011999
    auto pager = makePager(client.get(), query);
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    attach(model, pager.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == 1000, 10000);

    // Delete three matching records; the next page brings the smaller total.
    snow::Resource incidents = client->resource(u"/table/incident"_s);
    for (const QString &number : {u"INC0011001"_s, u"INC0011002"_s, u"INC0011003"_s}) {
        std::unique_ptr<snow::Response> removal(incidents.remove({{u"number"_s, number}}));
        QVERIFY(removal->waitForFinished(10000));
        QVERIFY(removal->isSuccess());
    }

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.requestRows(500, 510);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 997);
    QCOMPARE(model.totalCount(), 997);
}

void BrowseModelTest::columnLabelsChangeInPlace()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{u"number"_s, u"number"_s}, {u"state"_s, u"state"_s}});

    QSignalSpy headerChanged(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setColumnLabels({{u"state"_s, u"State"_s}, {u"unknown"_s, u"Unknown"_s}});
    QCOMPARE(headerChanged.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"State"_s);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"number"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), u"state"_s);
}

QTEST_GUILESS_MAIN(BrowseModelTest)
#include "tst_browse_model.moc"
