// A result larger than the page cap in the table browser: the scroll bar spans every
// row at once, the rows on screen load as the view moves, and memory stays bounded.

#include "app/session.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QClipboard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {

constexpr int Incidents = 30000;

QString numberOfRow(int row)
{
    return u"INC%1"_s.arg(10001 + row, 7, 10, QChar(u'0'));
}

} // namespace

class BrowseLargeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void scrollBarSpansResult();
    void endKeyLoadsLastRows();
    void draggingLoadsWhereItStops();
    void scrollingKeepsPagesCapped();
    void copySkipsUnloadedRows();
    void sortingStartsAtTop();

private:
    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TableBrowser> m_browser;
};

void BrowseLargeTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_large"_s);

    snowemu::Options options;
    options.incidents = Incidents;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseLargeTest::init()
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
    QVERIFY(shown.wait(20000));
}

void BrowseLargeTest::cleanup()
{
    m_browser.reset();
    m_session.reset();
    m_client.reset();
}

void BrowseLargeTest::scrollBarSpansResult()
{
    const RecordTableModel *model = m_browser->model();
    QCOMPARE(model->mode(), RecordTableModel::Mode::OnDemand);
    QCOMPARE(model->rowCount(), Incidents);
    QCOMPARE(model->index(0, 0).data().toString(), numberOfRow(0));
    QTRY_COMPARE(m_browser->countText(), u"200 of %1 loaded"_s.arg(QLocale().toString(Incidents)));
    QVERIFY(m_browser->view()->verticalScrollBar()->maximum() > Incidents - 100);
}

void BrowseLargeTest::endKeyLoadsLastRows()
{
    QTableView *view = m_browser->view();
    view->setFocus();
    view->setCurrentIndex(m_browser->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);

    const int last = Incidents - 1;
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->model()->isRowLoaded(last), 20000);
    QCOMPARE(m_browser->model()->index(last, 0).data().toString(), numberOfRow(last));
    QCOMPARE(view->currentIndex().row(), last);
}

void BrowseLargeTest::draggingLoadsWhereItStops()
{
    m_server->clearRequestLog();
    QScrollBar *scrollBar = m_browser->view()->verticalScrollBar();
    // Many quick moves, as a dragged thumb makes them: only the final place loads.
    for (int step = 1; step <= 50; ++step) {
        scrollBar->setValue(scrollBar->maximum() * step / 100);
        QCoreApplication::processEvents();
    }
    const int top = m_browser->view()->rowAt(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_browser->model()->isRowLoaded(top), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser->model()->isLoading(), 20000);
    QCOMPARE(m_browser->model()->index(top, 0).data().toString(), numberOfRow(top));

    int pageRequests = 0;
    for (const snowemu::RequestRecord &request : m_server->requestLog())
        pageRequests += request.path == u"/api/now/table/incident" ? 1 : 0;
    QVERIFY2(pageRequests <= 6, qPrintable(QString::number(pageRequests)));
}

void BrowseLargeTest::scrollingKeepsPagesCapped()
{
    QScrollBar *scrollBar = m_browser->view()->verticalScrollBar();
    const RecordTableModel *model = m_browser->model();
    for (int step = 0; step <= 60; ++step) {
        scrollBar->setValue(int(qint64(scrollBar->maximum()) * step / 60));
        const int top = m_browser->view()->rowAt(0);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(top), 20000);
        QVERIFY(model->loadedPageCount() <= model->maxLoadedPages());
    }
    QVERIFY(model->loadedCount() <= qint64(model->maxLoadedPages()) * 200);
    QVERIFY(!model->isRowLoaded(Incidents / 2 - 5000));
}

void BrowseLargeTest::copySkipsUnloadedRows()
{
    QGuiApplication::clipboard()->clear();
    m_browser->view()->setFocus();
    m_browser->view()->selectAll();
    m_browser->copySysIds();

    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n');
    QCOMPARE(qint64(lines.size()), m_browser->model()->loadedCount());
    QVERIFY(m_browser->banner()->isVisible());
    QVERIFY(m_browser->banner()->text().contains(u"not loaded"));
    QCOMPARE(qint64(m_browser->selectedRecords().size()), m_browser->model()->loadedCount());
}

void BrowseLargeTest::sortingStartsAtTop()
{
    QScrollBar *scrollBar = m_browser->view()->verticalScrollBar();
    scrollBar->setValue(scrollBar->maximum() / 2);
    QSignalSpy shown(m_browser.get(), &TableBrowser::firstRowsShown);
    m_browser->sortByField(u"number"_s, true);
    QVERIFY(shown.wait(20000));

    QCOMPARE(scrollBar->value(), 0);
    QCOMPARE(m_browser->model()->index(0, 0).data().toString(), numberOfRow(Incidents - 1));
}

QTEST_MAIN(BrowseLargeTest)
#include "tst_browse_large.moc"
