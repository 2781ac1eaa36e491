// Group by: counts per value from the Aggregate API, checked against the Table API's
// X-Total-Count, the bar chart, and narrowing the table from a bar or the list.

#include "app/session.h"
#include "browse/groupbypanel.h"
#include "browse/groupcounter.h"
#include "models/groupcountmodel.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCharts/QBarSet>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

class BrowseGroupByTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void parseGroupReadsStats_data();
    void parseGroupReadsStats();
    void countsMatchTableTotals_data();
    void countsMatchTableTotals();
    void countsAreSortedLargestFirst();
    void countFailureIsReported();
    void modelListsGroups();
    void panelDrawsLargestOnTop();
    void barClickFiltersTable();
    void emptyValueFiltersIsEmpty();
    void listEnterFiltersTable();
    void queryChangeRecounts();

private:
    snow::ClientOptions clientOptions() const;
    qint64 countOf(snow::Client *client, const QString &query) const;
    void openWithPanel(TableBrowser &browser, const QString &query = QString());

    std::unique_ptr<snowemu::Server> m_server;
};

void BrowseGroupByTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_groupby"_s);

    snowemu::Options options;
    options.incidents = 2000;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseGroupByTest::init()
{
    m_server->setFaults(snowemu::Faults());
}

snow::ClientOptions BrowseGroupByTest::clientOptions() const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server);
    return options;
}

qint64 BrowseGroupByTest::countOf(snow::Client *client, const QString &query) const
{
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(query, 1));
    response->waitForFinished(10000);
    return response->totalCount();
}

void BrowseGroupByTest::openWithPanel(TableBrowser &browser, const QString &query)
{
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.resize(1200, 700);
    browser.show();
    browser.open(u"incident"_s, query);
    QVERIFY(shown.wait(10000));
    QSignalSpy counted(browser.groupByPanel(), &GroupByPanel::countsShown);
    browser.action(u"groupByAction"_s)->trigger();
    QVERIFY(browser.groupByPanel()->isVisible());
    QVERIFY(counted.wait(10000));
}

void BrowseGroupByTest::parseGroupReadsStats_data()
{
    QTest::addColumn<QString>("stats");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("displayValue");
    QTest::addColumn<qint64>("count");

    QTest::newRow("display value") << u"{\"count\":\"12\"}"_s
                                   << u"[{\"value\":\"2\",\"field\":\"state\",\"display_value\":\"In Progress\"}]"_s << true
                                   << u"2"_s << u"In Progress"_s << qint64(12);
    QTest::newRow("value only") << u"{\"count\":\"7\"}"_s << u"[{\"value\":\"abc\",\"field\":\"assignment_group\"}]"_s << true
                                << u"abc"_s << u"abc"_s << qint64(7);
    QTest::newRow("numeric count") << u"{\"count\":30}"_s << u"[{\"value\":\"\",\"field\":\"assigned_to\",\"display_value\":\"\"}]"_s
                                   << true << QString() << QString() << qint64(30);
    QTest::newRow("no count") << u"{\"avg\":{\"priority\":\"2.5\"}}"_s << u"[{\"value\":\"1\",\"field\":\"state\"}]"_s << false
                              << QString() << QString() << qint64(0);
    QTest::newRow("no groups") << u"{\"count\":\"30\"}"_s << u"[]"_s << false << QString() << QString() << qint64(0);
    QTest::newRow("not json") << u"oops"_s << u"oops"_s << false << QString() << QString() << qint64(0);
}

void BrowseGroupByTest::parseGroupReadsStats()
{
    QFETCH(QString, stats);
    QFETCH(QString, fields);
    QFETCH(bool, valid);
    QFETCH(QString, value);
    QFETCH(QString, displayValue);
    QFETCH(qint64, count);

    const snow::Record record = snow::Record::fromValues({{u"stats"_s, stats}, {u"groupby_fields"_s, fields}});
    const std::optional<GroupCount> group = GroupCounter::parseGroup(record);
    QCOMPARE(group.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(group->value, value);
    QCOMPARE(group->displayValue, displayValue);
    QCOMPARE(group->count, count);
}

void BrowseGroupByTest::countsMatchTableTotals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("query");

    QTest::newRow("state") << u"state"_s << QString();
    QTest::newRow("priority of active") << u"priority"_s << u"active=true"_s;
    QTest::newRow("category ordered") << u"category"_s << u"priority=1^ORDERBYDESCnumber"_s;
    QTest::newRow("assignment group") << u"assignment_group"_s << u"state=2"_s;
}

void BrowseGroupByTest::countsMatchTableTotals()
{
    QFETCH(QString, field);
    QFETCH(QString, query);

    snow::Client client(clientOptions());
    GroupCounter counter(&client);
    QSignalSpy finished(&counter, &GroupCounter::finished);
    counter.count(u"incident"_s, query, field);
    QVERIFY(counter.isRunning());
    QVERIFY(finished.wait(10000));
    const QList<GroupCount> groups = finished.first().at(0).value<QList<GroupCount>>();
    QVERIFY(groups.size() >= 2);

    // Each group's count is what the Table API reports for that value.
    const QString filter = query.section(u"^ORDERBY"_s, 0, 0);
    qint64 sum = 0;
    for (const GroupCount &group : groups) {
        const QString condition = group.value.isEmpty() ? QString(field + u"ISEMPTY"_s) : QString(field + u'=' + group.value);
        const QString both = filter.isEmpty() ? condition : filter + u'^' + condition;
        QCOMPARE(group.count, countOf(&client, both));
        sum += group.count;
    }
    QCOMPARE(sum, countOf(&client, filter));
}

void BrowseGroupByTest::countsAreSortedLargestFirst()
{
    snow::Client client(clientOptions());
    GroupCounter counter(&client);
    QSignalSpy finished(&counter, &GroupCounter::finished);
    counter.count(u"incident"_s, QString(), u"category"_s);
    QVERIFY(finished.wait(10000));
    const QList<GroupCount> groups = finished.first().at(0).value<QList<GroupCount>>();
    for (qsizetype i = 1; i < groups.size(); ++i)
        QVERIFY(groups.at(i - 1).count >= groups.at(i).count);
}

void BrowseGroupByTest::countFailureIsReported()
{
    snow::Client client(clientOptions());
    client.setRetryPolicy(snow::RetryPolicy::none());
    snowemu::Faults failing;
    failing.serverErrorBurst = 1;
    failing.serverErrorStatus = 500;
    m_server->setFaults(failing);

    GroupCounter counter(&client);
    QSignalSpy failed(&counter, &GroupCounter::failed);
    counter.count(u"incident"_s, QString(), u"state"_s);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).value<snow::Error>().httpStatus(), 500);
    QVERIFY(!counter.isRunning());
}

void BrowseGroupByTest::modelListsGroups()
{
    GroupCountModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({{u"2"_s, u"In Progress"_s, 1200}, {QString(), QString(), 3}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"In Progress"_s);
    QCOMPARE(model.index(0, 1).data().toString(), QLocale().toString(1200));
    QCOMPARE(model.index(0, 0).data(GroupCountModel::ValueRole).toString(), u"2"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"(empty)"_s);
    QCOMPARE(model.index(1, 1).data(GroupCountModel::CountRole).toLongLong(), 3);
    model.setGroups({});
    QCOMPARE(model.rowCount(), 0);
}

void BrowseGroupByTest::panelDrawsLargestOnTop()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    openWithPanel(browser);

    GroupByPanel *panel = browser.groupByPanel();
    QCOMPARE(panel->field(), u"state"_s);
    const QList<GroupCount> groups = panel->model()->groups();
    QVERIFY(!groups.isEmpty());
    QBarSet *bars = panel->barSet();
    QVERIFY(bars);
    QCOMPARE(bars->count(), std::min<int>(int(groups.size()), GroupByPanel::MaxBars));
    // The last bar is drawn on top and is the largest group.
    QCOMPARE(qint64(bars->at(bars->count() - 1)), groups.first().count);
    QCOMPARE(qint64(bars->at(0)), groups.at(bars->count() - 1).count);
    QVERIFY(panel->statusText().contains(QLocale().toString(2000)));
}

void BrowseGroupByTest::barClickFiltersTable()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    openWithPanel(browser, u"active=true"_s);

    GroupByPanel *panel = browser.groupByPanel();
    const GroupCount largest = panel->model()->groups().first();
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    Q_EMIT panel->barSet()->clicked(panel->barSet()->count() - 1);
    QVERIFY(shown.wait(10000));

    QCOMPARE(browser.encodedQuery(), u"active=true^state="_s + largest.value);
    QTRY_COMPARE(browser.model()->totalCount(), largest.count);
    const int stateColumn = 2;
    QCOMPARE(browser.columns().at(stateColumn).field, u"state"_s);
    for (int row = 0; row < browser.model()->rowCount(); ++row)
        QCOMPARE(browser.model()->index(row, stateColumn).data(Qt::UserRole + 1).toString(), largest.value);
}

void BrowseGroupByTest::emptyValueFiltersIsEmpty()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    openWithPanel(browser);

    GroupByPanel *panel = browser.groupByPanel();
    QSignalSpy counted(panel, &GroupByPanel::countsShown);
    QVERIFY(panel->setField(u"assigned_to"_s));
    QVERIFY(counted.wait(10000));
    const QList<GroupCount> groups = panel->model()->groups();
    const auto empty = std::find_if(groups.cbegin(), groups.cend(), [](const GroupCount &group) { return group.value.isEmpty(); });
    QVERIFY(empty != groups.cend());

    QSignalSpy filter(panel, &GroupByPanel::filterRequested);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    const int row = int(empty - groups.cbegin());
    panel->findChild<QTableView *>(u"groupByList"_s)->setCurrentIndex(panel->model()->index(row, 0));
    QTest::keyClick(panel->findChild<QTableView *>(u"groupByList"_s), Qt::Key_Return);
    QCOMPARE(filter.size(), 1);
    QVERIFY(shown.wait(10000));
    QCOMPARE(browser.encodedQuery(), u"assigned_toISEMPTY"_s);
    QTRY_COMPARE(browser.model()->totalCount(), empty->count);
}

void BrowseGroupByTest::listEnterFiltersTable()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    openWithPanel(browser);

    GroupByPanel *panel = browser.groupByPanel();
    auto *list = panel->findChild<QTableView *>(u"groupByList"_s);
    QVERIFY(list);
    list->setFocus();
    list->setCurrentIndex(panel->model()->index(1, 0));
    const QString value = panel->model()->index(1, 0).data(GroupCountModel::ValueRole).toString();
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QCOMPARE(browser.encodedQuery(), u"state="_s + value);
}

void BrowseGroupByTest::queryChangeRecounts()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    openWithPanel(browser);

    GroupByPanel *panel = browser.groupByPanel();
    QSignalSpy counted(panel, &GroupByPanel::countsShown);
    browser.setEncodedQuery(u"priority=1"_s);
    QVERIFY(counted.wait(10000));

    qint64 sum = 0;
    for (const GroupCount &group : panel->model()->groups())
        sum += group.count;
    QCOMPARE(sum, countOf(&client, u"priority=1"_s));

    // A hidden panel does not count; it counts again when shown.
    browser.setGroupByVisible(false);
    counted.clear();
    browser.setEncodedQuery(u"priority=2"_s);
    QTest::qWait(300);
    QCOMPARE(counted.size(), 0);
    browser.setGroupByVisible(true);
    QVERIFY(counted.wait(10000));
}

QTEST_MAIN(BrowseGroupByTest)
#include "tst_browse_groupby.moc"
