// Sorting by a column header and finding records. Every change is a new encoded
// query that the emulator evaluates, so nothing is sorted or filtered in the UI.

#include "app/session.h"
#include "browse/findbar.h"
#include "models/recordtablemodel.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QUrlQuery>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {

constexpr int Incidents = 700;
constexpr int NumberColumn = 0;
constexpr int DescriptionColumn = 1;
constexpr int PriorityColumn = 3;

} // namespace

class BrowseFindTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void headerClickSortsOnServer();
    void secondClickReverses();
    void sortActionsUseCurrentColumn();
    void pastedSortShowsIndicator();
    void containsSearchFilters();
    void keywordSearchUsesTextIndex();
    void newSearchReplacesOld();
    void emptySearchRemovesCondition();
    void encodedQueryAppliesOnEnter();
    void escapeRestoresQuery();
    void setEncodedQueryKeepsApi();

private:
    void clickHeader(int section);
    QString lastQuery() const;
    bool waitForRows();

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TableBrowser> m_browser;
};

void BrowseFindTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_find"_s);

    snowemu::Options options;
    options.incidents = Incidents;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseFindTest::init()
{
    snow::ClientOptions options = uitest::clientOptions(*m_server);
    m_client = std::make_unique<snow::Client>(options);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s);
    m_browser = std::make_unique<TableBrowser>(m_session.get());
    m_browser->resize(1000, 600);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));

    m_browser->open(u"incident"_s);
    QVERIFY(waitForRows());
}

void BrowseFindTest::cleanup()
{
    m_browser.reset();
    m_session.reset();
    m_client.reset();
}

bool BrowseFindTest::waitForRows()
{
    QSignalSpy shown(m_browser.get(), &TableBrowser::firstRowsShown);
    return shown.wait(10000) && QTest::qWaitFor([this] { return !m_browser->model()->isLoading(); }, 10000);
}

void BrowseFindTest::clickHeader(int section)
{
    QHeaderView *header = m_browser->view()->horizontalHeader();
    const QPoint point(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, point);
}

// The sysparm_query of the last Table API request for incident.
QString BrowseFindTest::lastQuery() const
{
    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    for (auto request = log.crbegin(); request != log.crend(); ++request) {
        if (request->path == u"/api/now/table/incident")
            return QUrlQuery(request->query).queryItemValue(u"sysparm_query"_s, QUrl::FullyDecoded);
    }
    return QString();
}

void BrowseFindTest::headerClickSortsOnServer()
{
    QSignalSpy changed(m_browser.get(), &TableBrowser::queryChanged);
    clickHeader(PriorityColumn);
    QVERIFY(waitForRows());

    QCOMPARE(m_browser->encodedQuery(), u"ORDERBYpriority"_s);
    QCOMPARE(lastQuery(), u"ORDERBYpriority"_s);
    QCOMPARE(changed.size(), 1);
    QHeaderView *header = m_browser->view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), PriorityColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

    // The first page contains the smallest priorities of the whole table.
    const RecordTableModel *model = m_browser->model();
    QCOMPARE(model->index(0, PriorityColumn).data(RecordTableModel::RawValueRole).toString(), u"1"_s);
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row - 1, PriorityColumn).data(RecordTableModel::RawValueRole).toInt()
                <= model->index(row, PriorityColumn).data(RecordTableModel::RawValueRole).toInt());
    }
}

void BrowseFindTest::secondClickReverses()
{
    clickHeader(PriorityColumn);
    QVERIFY(waitForRows());
    clickHeader(PriorityColumn);
    QVERIFY(waitForRows());

    QCOMPARE(lastQuery(), u"ORDERBYDESCpriority"_s);
    QCOMPARE(m_browser->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(m_browser->model()->index(0, PriorityColumn).data(RecordTableModel::RawValueRole).toString(), u"5"_s);

    // Another column starts ascending.
    clickHeader(NumberColumn);
    QVERIFY(waitForRows());
    QCOMPARE(lastQuery(), u"ORDERBYnumber"_s);
}

void BrowseFindTest::sortActionsUseCurrentColumn()
{
    m_browser->view()->setCurrentIndex(m_browser->model()->index(0, NumberColumn));
    m_browser->action(u"sortDescendingAction"_s)->trigger();
    QVERIFY(waitForRows());

    QCOMPARE(m_browser->encodedQuery(), u"ORDERBYDESCnumber"_s);
    QCOMPARE(m_browser->model()->index(0, NumberColumn).data().toString(), u"INC0010700"_s);
    QCOMPARE(m_browser->view()->horizontalHeader()->sortIndicatorSection(), NumberColumn);
}

void BrowseFindTest::pastedSortShowsIndicator()
{
    m_browser->setEncodedQuery(u"active=true^ORDERBYDESCpriority^ORDERBYnumber"_s);
    QVERIFY(waitForRows());
    QHeaderView *header = m_browser->view()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), PriorityColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

    // Sorting by a header replaces every ordering of the pasted query.
    clickHeader(NumberColumn);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->encodedQuery(), u"active=true^ORDERBYnumber"_s);
}

void BrowseFindTest::containsSearchFilters()
{
    FindBar *find = m_browser->findBar();
    QVERIFY(find->setSearchField(u"short_description"_s));
    QTest::keyClicks(find->searchField(), u"disk"_s);
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());

    QCOMPARE(m_browser->encodedQuery(), u"short_descriptionLIKEdisk"_s);
    QCOMPARE(lastQuery(), u"short_descriptionLIKEdisk^ORDERBYnumber"_s);
    const RecordTableModel *model = m_browser->model();
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->totalCount() < Incidents);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, DescriptionColumn).data().toString().contains(u"disk", Qt::CaseInsensitive));
    QCOMPARE(find->queryField()->text(), u"short_descriptionLIKEdisk"_s);
}

void BrowseFindTest::keywordSearchUsesTextIndex()
{
    FindBar *find = m_browser->findBar();
    QVERIFY(find->setSearchField(QString()));
    QCOMPARE(find->modeBox()->currentIndex(), 0);
    find->searchField()->setText(u"password"_s);
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());

    QCOMPARE(m_browser->encodedQuery(), u"123TEXTQUERY321=password"_s);
    QVERIFY(m_browser->model()->totalCount() > 0);
    QVERIFY(m_browser->model()->totalCount() < Incidents);
}

void BrowseFindTest::newSearchReplacesOld()
{
    m_browser->setEncodedQuery(u"active=true^ORDERBYDESCnumber"_s);
    QVERIFY(waitForRows());
    FindBar *find = m_browser->findBar();
    QVERIFY(find->setSearchField(u"short_description"_s));

    find->searchField()->setText(u"disk"_s);
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->encodedQuery(), u"active=true^short_descriptionLIKEdisk^ORDERBYDESCnumber"_s);

    find->searchField()->setText(u"password"_s);
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->encodedQuery(), u"active=true^short_descriptionLIKEpassword^ORDERBYDESCnumber"_s);
}

void BrowseFindTest::emptySearchRemovesCondition()
{
    FindBar *find = m_browser->findBar();
    QVERIFY(find->setSearchField(u"number"_s));
    find->searchField()->setText(u"INC00101"_s);
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->model()->totalCount(), 100);

    find->searchField()->clear();
    QTest::keyClick(find->searchField(), Qt::Key_Return);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->encodedQuery(), QString());
    QCOMPARE(m_browser->model()->totalCount(), Incidents);
}

void BrowseFindTest::encodedQueryAppliesOnEnter()
{
    QLineEdit *query = m_browser->findBar()->queryField();
    m_browser->action(u"editQueryAction"_s)->trigger();
    QTest::keyClicks(query, u"priority=1^ORDERBYDESCnumber"_s);
    QTest::keyClick(query, Qt::Key_Return);
    QVERIFY(waitForRows());

    QCOMPARE(m_browser->encodedQuery(), u"priority=1^ORDERBYDESCnumber"_s);
    QCOMPARE(lastQuery(), u"priority=1^ORDERBYDESCnumber"_s);
    const RecordTableModel *model = m_browser->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, PriorityColumn).data(RecordTableModel::RawValueRole).toString(), u"1"_s);
    QCOMPARE(m_browser->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

void BrowseFindTest::escapeRestoresQuery()
{
    m_browser->setEncodedQuery(u"active=true"_s);
    QVERIFY(waitForRows());
    QLineEdit *query = m_browser->findBar()->queryField();
    query->setFocus();
    query->setText(u"half typed^"_s);
    QTest::keyClick(query, Qt::Key_Escape);
    QCOMPARE(query->text(), u"active=true"_s);
    QCOMPARE(m_browser->encodedQuery(), u"active=true"_s);
}

void BrowseFindTest::setEncodedQueryKeepsApi()
{
    QSignalSpy changed(m_browser.get(), &TableBrowser::queryChanged);
    m_browser->setEncodedQuery(u"state=2"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), u"incident"_s);
    QCOMPARE(changed.first().at(1).toString(), u"state=2"_s);
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->table(), u"incident"_s);
    QCOMPARE(m_browser->encodedQuery(), u"state=2"_s);
    QCOMPARE(m_browser->effectiveQuery(), u"state=2^ORDERBYnumber"_s);
    QCOMPARE(m_browser->findBar()->queryField()->text(), u"state=2"_s);

    m_browser->reload();
    QVERIFY(waitForRows());
    QCOMPARE(m_browser->encodedQuery(), u"state=2"_s);
}

QTEST_MAIN(BrowseFindTest)
#include "tst_browse_find.moc"
