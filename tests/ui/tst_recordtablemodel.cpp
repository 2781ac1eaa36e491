// Tests of RecordTableModel fed by a snow::Pager against the emulator.

#include "models/recordtablemodel.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snow/pager.h>
#include <snowemu/server.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class RecordTableModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesBecomeRows();
    void fetchMoreIsGuarded();
    void rolesSeparateRawAndDisplay();
    void errorStopsFetching();

private:
    std::unique_ptr<snow::Client> makeClient(const QString &password = u"admin"_s) const;
    std::unique_ptr<snowemu::Server> m_server;
};

void RecordTableModelTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 130;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

std::unique_ptr<snow::Client> RecordTableModelTest::makeClient(const QString &password) const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server, u"admin"_s, password);
    return std::make_unique<snow::Client>(options);
}

void RecordTableModelTest::pagesBecomeRows()
{
    auto client = makeClient();
    snow::Pager::Options options;
    options.pageSize = 50;
    snow::Pager pager(client->resource(u"/table/incident"_s), u"ORDERBYnumber"_s, options);

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{u"number"_s, u"Number"_s}, {u"state"_s, u"State"_s}});
    QSignalSpy finished(&pager, &snow::Pager::pageFinished);
    model.setPager(&pager);
    QCOMPARE(model.rowCount(), 0);
    // The tester itself may already have called fetchMore(); either way one page loads.
    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.totalCount(), 130);

    while (model.canFetchMore(QModelIndex())) {
        model.fetchMore(QModelIndex());
        QVERIFY(finished.wait(10000));
    }
    QCOMPARE(model.rowCount(), 130);
    QVERIFY(pager.atEnd());
    QCOMPARE(model.index(0, 0).data().toString(), u"INC0010001"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"State"_s);
}

void RecordTableModelTest::fetchMoreIsGuarded()
{
    auto client = makeClient();
    snow::Pager::Options options;
    options.pageSize = 40;
    snow::Pager pager(client->resource(u"/table/incident"_s), QString(), options);

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{u"number"_s, u"Number"_s}});
    model.setPager(&pager);

    m_server->clearRequestLog();
    model.fetchMore(QModelIndex());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    pager.fetchNext();

    QSignalSpy finished(&pager, &snow::Pager::pageFinished);
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(m_server->requestLog().size(), 1);
    QCOMPARE(model.rowCount(), 40);
}

void RecordTableModelTest::rolesSeparateRawAndDisplay()
{
    auto client = makeClient();
    snow::Pager::Options options;
    options.pageSize = 5;
    options.displayValue = snow::ParamsBuilder::DisplayValue::All;
    snow::Pager pager(client->resource(u"/table/incident"_s), QString(), options);

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{u"state"_s, u"State"_s}, {u"caller_id"_s, u"Caller"_s}});
    model.setPager(&pager);
    QSignalSpy finished(&pager, &snow::Pager::pageFinished);
    model.fetchMore(QModelIndex());
    QVERIFY(finished.wait(10000));

    const QModelIndex state = model.index(0, 0);
    const QString stateRaw = state.data(RecordTableModel::RawValueRole).toString();
    const QString stateLabel = state.data(Qt::DisplayRole).toString();
    QVERIFY(!stateRaw.isEmpty());
    QVERIFY(stateLabel != stateRaw);

    const QModelIndex caller = model.index(0, 1);
    QCOMPARE(caller.data(RecordTableModel::RawValueRole).toString().size(), 32);
    QVERIFY(!caller.data(Qt::DisplayRole).toString().isEmpty());
    QVERIFY(caller.data(RecordTableModel::LinkRole).toString().contains(u"/sys_user/"));
}

void RecordTableModelTest::errorStopsFetching()
{
    auto client = makeClient(u"wrong"_s);
    snow::Pager pager(client->resource(u"/table/incident"_s), QString(), snow::Pager::Options());

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{u"number"_s, u"Number"_s}});
    model.setPager(&pager);

    QSignalSpy failed(&pager, &snow::Pager::failed);
    model.fetchMore(QModelIndex());
    QVERIFY(failed.wait(10000));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(failed.first().at(1).value<snow::Error>().httpStatus(), 401);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

QTEST_GUILESS_MAIN(RecordTableModelTest)
#include "tst_recordtablemodel.moc"
