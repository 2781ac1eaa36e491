// Working with rows: copying cells, columns and sys_ids, opening a record in the web
// browser, and the records behind a selection.

#include "app/session.h"
#include "browse/recordcopy.h"
#include "browse/recordurl.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QUrlQuery>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {

constexpr int NumberColumn = 0;
constexpr int DescriptionColumn = 1;
constexpr int AssignedColumn = 4;

} // namespace

/// Receives the URLs QDesktopServices::openUrl() would hand to a web browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class BrowseRowsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void quoteCellForSpreadsheets_data();
    void quoteCellForSpreadsheets();
    void copyCellsAsTabSeparated();
    void copyRawValues();
    void copyColumnValues();
    void copySysIdsOfRows();
    void copyWithoutSelectionUsesCurrent();
    void selectedRecordsInRowOrder();
    void recordWebUrlEncodesTarget();
    void openRecordInWebBrowser();
    void openWithoutRowShowsNotice();
    void enterActivatesRecord();

private:
    void select(int top, int left, int bottom, int right);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TableBrowser> m_browser;
};

void BrowseRowsTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_rows"_s);

    snowemu::Options options;
    options.incidents = 300;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseRowsTest::init()
{
    snow::ClientOptions options = uitest::clientOptions(*m_server);
    m_client = std::make_unique<snow::Client>(options);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s);
    m_browser = std::make_unique<TableBrowser>(m_session.get());
    m_browser->resize(1000, 600);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowActive(m_browser.get()));

    QSignalSpy shown(m_browser.get(), &TableBrowser::firstRowsShown);
    m_browser->open(u"incident"_s);
    QVERIFY(shown.wait(10000));
    m_browser->view()->setFocus();
    QGuiApplication::clipboard()->clear();
}

void BrowseRowsTest::cleanup()
{
    m_browser.reset();
    m_session.reset();
    m_client.reset();
}

void BrowseRowsTest::select(int top, int left, int bottom, int right)
{
    QAbstractItemModel *model = m_browser->model();
    const QItemSelection selection(model->index(top, left), model->index(bottom, right));
    m_browser->view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_browser->view()->selectionModel()->setCurrentIndex(model->index(top, left), QItemSelectionModel::NoUpdate);
}

void BrowseRowsTest::quoteCellForSpreadsheets_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"Printer jam"_s << u"Printer jam"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("tab") << u"a\tb"_s << u"\"a\tb\""_s;
    QTest::newRow("line break") << u"line 1\nline 2"_s << u"\"line 1\nline 2\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("comma stays plain") << u"a, b"_s << u"a, b"_s;
}

void BrowseRowsTest::quoteCellForSpreadsheets()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QCOMPARE(recordcopy::quoteCell(value), expected);
}

void BrowseRowsTest::copyCellsAsTabSeparated()
{
    select(0, NumberColumn, 1, DescriptionColumn);
    QTest::keyClick(m_browser->view(), Qt::Key_C, Qt::ControlModifier);

    const RecordTableModel *model = m_browser->model();
    const QString expected = u"INC0010001\t%1\nINC0010002\t%2"_s.arg(model->index(0, DescriptionColumn).data().toString(),
                                                                      model->index(1, DescriptionColumn).data().toString());
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void BrowseRowsTest::copyRawValues()
{
    int row = 0;
    while (m_browser->model()->index(row, AssignedColumn).data(RecordTableModel::RawValueRole).toString().isEmpty())
        ++row;
    select(row, AssignedColumn, row, AssignedColumn);

    QTest::keyClick(m_browser->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             m_browser->model()->index(row, AssignedColumn).data(RecordTableModel::RawValueRole).toString());
    QCOMPARE(QGuiApplication::clipboard()->text().size(), 32);

    QTest::keyClick(m_browser->view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_browser->model()->index(row, AssignedColumn).data().toString());
}

void BrowseRowsTest::copyColumnValues()
{
    select(3, NumberColumn, 5, NumberColumn);
    m_browser->action(u"copyColumnAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"INC0010004\nINC0010005\nINC0010006"_s);
}

void BrowseRowsTest::copySysIdsOfRows()
{
    select(10, DescriptionColumn, 12, DescriptionColumn);
    QTest::keyClick(m_browser->view(), Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);

    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n');
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(lines.at(i), m_browser->model()->record(10 + i).sysId());
}

void BrowseRowsTest::copyWithoutSelectionUsesCurrent()
{
    m_browser->view()->selectionModel()->clearSelection();
    m_browser->view()->selectionModel()->setCurrentIndex(m_browser->model()->index(7, NumberColumn), QItemSelectionModel::NoUpdate);
    m_browser->copySelection(recordcopy::Values::Display);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"INC0010008"_s);
}

void BrowseRowsTest::selectedRecordsInRowOrder()
{
    QItemSelection selection;
    selection.select(m_browser->model()->index(20, 2), m_browser->model()->index(21, 2));
    selection.select(m_browser->model()->index(4, 0), m_browser->model()->index(4, 0));
    m_browser->view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);

    const QList<snow::Record> records = m_browser->selectedRecords();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).value(u"number"), u"INC0010005"_s);
    QCOMPARE(records.at(1).value(u"number"), u"INC0010021"_s);
    QCOMPARE(records.at(2).value(u"number"), u"INC0010022"_s);
}

void BrowseRowsTest::recordWebUrlEncodesTarget()
{
    const QUrl url = recordWebUrl(QUrl(u"https://dev12345.service-now.com"_s), u"incident"_s, u"0123456789abcdef0123456789abcdef"_s);
    QCOMPARE(url.toString(QUrl::FullyEncoded),
             u"https://dev12345.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D0123456789abcdef0123456789abcdef"_s);
    QCOMPARE(QUrlQuery(url).queryItemValue(u"uri"_s, QUrl::FullyDecoded), u"incident.do?sys_id=0123456789abcdef0123456789abcdef"_s);
}

void BrowseRowsTest::openRecordInWebBrowser()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"http"_s, &catcher, "open");
    const auto unset = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"http"_s); });

    select(2, NumberColumn, 2, NumberColumn);
    QTest::keyClick(m_browser->view(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);

    QCOMPARE(catcher.urls.size(), 1);
    const QUrl url = catcher.urls.first();
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QCOMPARE(url.port(), int(m_server->port()));
    QCOMPARE(url.path(), u"/nav_to.do"_s);
    QCOMPARE(QUrlQuery(url).queryItemValue(u"uri"_s, QUrl::FullyDecoded),
             u"incident.do?sys_id="_s + m_browser->model()->record(2).sysId());
}

void BrowseRowsTest::openWithoutRowShowsNotice()
{
    m_browser->view()->setCurrentIndex(QModelIndex());
    QVERIFY(!m_browser->openCurrentRecordInBrowser());
    QVERIFY(m_browser->banner()->isVisible());
    QVERIFY(m_browser->banner()->text().contains(u"Select a loaded row"));
}

void BrowseRowsTest::enterActivatesRecord()
{
    QSignalSpy activated(m_browser.get(), &TableBrowser::recordActivated);
    select(5, NumberColumn, 5, NumberColumn);
    QTest::keyClick(m_browser->view(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toString(), u"incident"_s);
    QCOMPARE(activated.first().at(1).toString(), m_browser->model()->record(5).sysId());
}

QTEST_MAIN(BrowseRowsTest)
#include "tst_browse_rows.moc"
