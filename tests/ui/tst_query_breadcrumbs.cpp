// Tests of QueryBreadcrumbs against the emulator's schemas, and of the query builder
// and breadcrumbs inside the main window.

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/querybreadcrumbs.h"
#include "query/querypanel.h"
#include "query/querytools.h"
#include "query/savedquerystore.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

class QueryBreadcrumbsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void crumbsDescribeQuery_data();
    void crumbsDescribeQuery();
    void crumbDropsLaterConditions_data();
    void crumbDropsLaterConditions();
    void clickRunsShorterQuery();
    void referenceCrumbShowsName();
    void windowRunsBuiltQuery();
    void windowBreadcrumbClick();
    void filterShortcutTogglesBuilder();
    void longTrailKeepsWindowWidth();
    void windowScreenshotRenders();

private:
    QString userSysId(const QString &name);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
};

void QueryBreadcrumbsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SnowscopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_query_breadcrumbs"_s);

    snowemu::Options options;
    options.incidents = 200;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions clientOptions;
    clientOptions.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    clientOptions.useSsl = false;
    clientOptions.user = u"admin"_s;
    clientOptions.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(clientOptions);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test-profile"_s);

    SchemaCache *schemas = m_session->schemas();
    for (const QString &table : {u"incident"_s, u"sys_user"_s}) {
        QSignalSpy loaded(schemas, &SchemaCache::schemaLoaded);
        schemas->load(table);
        QVERIFY(loaded.wait(10000));
    }
}

void QueryBreadcrumbsTest::init()
{
    QSettings().remove(u"queries"_s);
}

QString QueryBreadcrumbsTest::userSysId(const QString &name)
{
    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"sys_id"_s};
    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/sys_user"_s).get(QString(u"name="_s + name), options));
    if (!response->waitForFinished(10000))
        return QString();
    const std::optional<snow::Record> record = response->firstOrNone();
    return record ? record->sysId() : QString();
}

void QueryBreadcrumbsTest::crumbsDescribeQuery_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QStringList>("crumbs");

    QTest::newRow("empty") << QString() << QStringList{u"All"_s};
    QTest::newRow("and and or") << u"active=true^priority=1^ORpriority=2^ORDERBYnumber"_s
                                << QStringList{u"All"_s, u"Active = true"_s, u"Priority = 1 - Critical or Priority = 2 - High"_s};
    QTest::newRow("new query") << u"active=true^NQstate=2"_s
                               << QStringList{u"All"_s, u"Active = true"_s, u"new query: State = In Progress"_s};
    QTest::newRow("operators") << u"short_descriptionLIKEdisk^assigned_toISEMPTY^stateIN1,2"_s
                               << QStringList{u"All"_s, u"Short description contains disk"_s, u"Assigned to is empty"_s,
                                              u"State is one of New, In Progress"_s};
    QTest::newRow("dates") << u"opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"
                              "^sys_created_on>=javascript:gs.daysAgoStart(7)^opened_atRELATIVEGT@hour@ago@3"_s
                           << QStringList{u"All"_s, u"Opened on Today"_s, u"Created at or after Last 7 days"_s,
                                          u"Opened relative after 3 hours ago"_s};
    QTest::newRow("dot-walk") << u"caller_id.name=Abel Tuter"_s << QStringList{u"All"_s, u"Caller.Name = Abel Tuter"_s};
    QTest::newRow("verbatim") << u"active=true^123TEXTQUERY321=disk"_s
                              << QStringList{u"All"_s, u"Active = true"_s, u"123TEXTQUERY321=disk"_s};
    QTest::newRow("only ordering") << u"ORDERBYDESCnumber"_s << QStringList{u"All"_s};
    QTest::newRow("dynamic me") << u"assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe"_s
                                << QStringList{u"All"_s, u"Assigned to is (dynamic) Me"_s};
}

void QueryBreadcrumbsTest::crumbsDescribeQuery()
{
    QFETCH(QString, encoded);
    QFETCH(QStringList, crumbs);

    QueryBreadcrumbs breadcrumbs(m_session.get());
    breadcrumbs.setTable(u"incident"_s);
    breadcrumbs.setEncodedQuery(encoded);
    QCOMPARE(breadcrumbs.crumbTexts(), crumbs);
    QCOMPARE(breadcrumbs.crumbButtons().size(), crumbs.size());
}

void QueryBreadcrumbsTest::crumbDropsLaterConditions_data()
{
    QTest::addColumn<int>("crumb");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all") << 0 << u"ORDERBYnumber"_s;
    QTest::newRow("first") << 1 << u"active=true^ORDERBYnumber"_s;
    QTest::newRow("or group") << 2 << u"active=true^priority=1^ORpriority=2^ORDERBYnumber"_s;
    QTest::newRow("last") << 3 << u"active=true^priority=1^ORpriority=2^ORDERBYnumber^stateNOT IN6,7"_s;
}

void QueryBreadcrumbsTest::crumbDropsLaterConditions()
{
    QFETCH(int, crumb);
    QFETCH(QString, expected);

    QueryBreadcrumbs breadcrumbs(m_session.get());
    breadcrumbs.setTable(u"incident"_s);
    breadcrumbs.setEncodedQuery(u"active=true^priority=1^ORpriority=2^ORDERBYnumber^stateNOT IN6,7"_s);
    QSignalSpy submitted(&breadcrumbs, &QueryBreadcrumbs::querySubmitted);
    breadcrumbs.activateCrumb(crumb);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.first().at(0).toString(), expected);
}

void QueryBreadcrumbsTest::clickRunsShorterQuery()
{
    QueryBreadcrumbs breadcrumbs(m_session.get());
    breadcrumbs.setTable(u"incident"_s);
    breadcrumbs.setEncodedQuery(u"active=true^priority=1"_s);
    breadcrumbs.show();
    QSignalSpy submitted(&breadcrumbs, &QueryBreadcrumbs::querySubmitted);

    QTest::mouseClick(breadcrumbs.crumbButtons().at(1), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.first().at(0).toString(), u"active=true"_s);

    // A crumb is a button: the space bar activates the focused one.
    breadcrumbs.crumbButtons().at(0)->setFocus();
    QTest::keyClick(breadcrumbs.crumbButtons().at(0), Qt::Key_Space);
    QCOMPARE(submitted.count(), 2);
    QCOMPARE(submitted.last().at(0).toString(), QString());
}

void QueryBreadcrumbsTest::referenceCrumbShowsName()
{
    const QString sysId = userSysId(u"Abel Tuter"_s);
    QVERIFY(!sysId.isEmpty());

    QueryBreadcrumbs breadcrumbs(m_session.get());
    breadcrumbs.setTable(u"incident"_s);
    breadcrumbs.setEncodedQuery(u"caller_id="_s + sysId);
    QTRY_COMPARE_WITH_TIMEOUT(breadcrumbs.crumbTexts().value(1), u"Caller = Abel Tuter"_s, 10000);
}

void QueryBreadcrumbsTest::windowRunsBuiltQuery()
{
    MainWindow window(m_session.get());
    QSignalSpy shown(window.browser(), &TableBrowser::firstRowsShown);
    window.show();
    QVERIFY(shown.wait(10000));

    auto *tools = window.findChild<QueryTools *>();
    QVERIFY(tools);
    QueryPanel *panel = tools->panel();
    QCOMPARE(panel->table(), u"incident"_s);
    QVERIFY(tools->dock()->isVisible());

    panel->pasteEncodedQuery(u"state=2"_s);
    QSignalSpy changed(window.browser(), &TableBrowser::queryChanged);
    panel->submit();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(window.browser()->encodedQuery(), u"state=2"_s);
    QCOMPARE(tools->breadcrumbs()->crumbTexts(), (QStringList{u"All"_s, u"State = In Progress"_s}));
    QCOMPARE(panel->store()->recentQueries(u"incident"_s).value(0), u"state=2"_s);

    // The browser's own query changes reach the builder.
    window.browser()->setEncodedQuery(u"priority=1^ORDERBYnumber"_s);
    QCOMPARE(panel->encodedQuery(), u"priority=1^ORDERBYnumber"_s);
    QCOMPARE(panel->rows().size(), 2);
}

void QueryBreadcrumbsTest::windowBreadcrumbClick()
{
    MainWindow window(m_session.get());
    window.show();
    auto *tools = window.findChild<QueryTools *>();
    QVERIFY(tools);

    window.browser()->setEncodedQuery(u"active=true^priority=1"_s);
    QCOMPARE(tools->breadcrumbs()->crumbTexts().size(), 3);
    QTest::mouseClick(tools->breadcrumbs()->crumbButtons().at(1), Qt::LeftButton);
    QCOMPARE(window.browser()->encodedQuery(), u"active=true"_s);
    QCOMPARE(tools->panel()->encodedQuery(), u"active=true"_s);
}

void QueryBreadcrumbsTest::filterShortcutTogglesBuilder()
{
    MainWindow window(m_session.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *tools = window.findChild<QueryTools *>();
    QVERIFY(tools);
    QVERIFY(tools->dock()->isVisible());

    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QVERIFY(!tools->dock()->isVisible());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QVERIFY(tools->dock()->isVisible());
    QTRY_VERIFY(tools->panel()->isAncestorOf(QApplication::focusWidget()));
}

void QueryBreadcrumbsTest::longTrailKeepsWindowWidth()
{
    MainWindow window(m_session.get());
    window.resize(1100, 700);
    window.show();
    auto *tools = window.findChild<QueryTools *>();
    QVERIFY(tools);
    QueryBreadcrumbs *breadcrumbs = tools->breadcrumbs();

    QStringList terms;
    for (int index = 0; index < 12; ++index)
        terms.append(u"short_descriptionLIKEa rather long word number %1 to search for"_s.arg(index));
    window.browser()->setEncodedQuery(terms.join(u'^'));
    QCOMPARE(breadcrumbs->crumbTexts().size(), 13);
    QCoreApplication::processEvents();

    QCOMPARE(window.width(), 1100);
    QVERIFY(breadcrumbs->minimumSizeHint().width() < 300);
    QVERIFY(breadcrumbs->sizeHint().width() > window.width());

    // Every crumb is on screen, elided, with its whole text in the tooltip.
    const QList<QToolButton *> buttons = breadcrumbs->crumbButtons();
    for (QToolButton *button : buttons) {
        QVERIFY(button->isVisible());
        QVERIFY2(button->geometry().right() <= breadcrumbs->width(), qPrintable(button->text()));
    }
    QVERIFY(buttons.last()->text().endsWith(u'…'));
    QVERIFY(buttons.last()->toolTip().contains(u"number 11 to search for"_s));
    QCOMPARE(buttons.first()->text(), u"All"_s);

    // Room to spare brings the texts back.
    window.browser()->setEncodedQuery(u"active=true^priority=1"_s);
    QCoreApplication::processEvents();
    QCOMPARE(breadcrumbs->crumbButtons().last()->text(), breadcrumbs->crumbTexts().last());
}

void QueryBreadcrumbsTest::windowScreenshotRenders()
{
    // Mixed field types: boolean, choice list, dot-walk, OR, date-time, duration, a part
    // kept as text (the emulator skips DATEPART) and an ordering.
    const QString query = u"active=true^priorityIN1,2,3^caller_id.nameSTARTSWITHA^ORassignment_groupISNOTEMPTY"
                          "^opened_at>=javascript:gs.dateGenerate('2023-06-01','00:00:00')^business_duration>1970-01-01 01:00:00"
                          "^opened_atDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')^ORDERBYDESCnumber"_s;

    MainWindow window(m_session.get());
    window.resize(1100, 700);
    window.show();
    QSignalSpy shown(window.browser(), &TableBrowser::firstRowsShown);
    window.browser()->setEncodedQuery(query);
    QVERIFY(shown.wait(10000));
    auto *tools = window.findChild<QueryTools *>();
    QVERIFY(tools);
    QCOMPARE(tools->panel()->rows().size(), 8);
    QCOMPARE(tools->panel()->encodedQuery(), query);
    tools->dock()->setMinimumHeight(370);
    QTest::qWait(300);

    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());

    // SNOWSCOPE_SCREENSHOT_DIR=docs/screenshots saves the picture for the documentation.
    const QString folder = qEnvironmentVariable("SNOWSCOPE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(image.save(folder + u"/query-builder.png"_s));
}

QTEST_MAIN(QueryBreadcrumbsTest)
#include "tst_query_breadcrumbs.moc"
