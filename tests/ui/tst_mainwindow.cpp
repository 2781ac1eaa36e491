// The main window offscreen against the emulator: rows appear, the count line is
// right, errors are shown in the window.

#include "app/session.h"
#include "widgets/mainwindow.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"
#include "models/recordtablemodel.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsIncidentRows();
    void scrollingLoadsMore();
    void errorIsShownInWindow();

private:
    snow::ClientOptions clientOptions(const QString &password = u"admin"_s) const;
    std::unique_ptr<snowemu::Server> m_server;
};

void MainWindowTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 700;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

snow::ClientOptions MainWindowTest::clientOptions(const QString &password) const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server, u"admin"_s, password);
    return options;
}

void MainWindowTest::showsIncidentRows()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    MainWindow window(&session);
    QSignalSpy shown(window.browser(), &TableBrowser::firstRowsShown);
    window.show();
    QVERIFY(shown.wait(10000));

    QTableView *view = window.findChild<QTableView *>(u"recordTable"_s);
    QVERIFY(view);
    // The view adds the "Attachments" count column after the browser's six.
    QCOMPARE(window.browser()->model()->columnCount(), 6);
    QCOMPARE(view->model()->columnCount(), 7);
    QVERIFY(view->model()->rowCount() >= 200);
    QVERIFY(view->model()->index(0, 0).data().toString().startsWith(u"INC"));
    QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), u"Number"_s);

    auto *countLabel = window.findChild<QLabel *>(u"countLabel"_s);
    QVERIFY(countLabel);
    QTRY_VERIFY(countLabel->text().contains(u"of 700 loaded"));
}

void MainWindowTest::scrollingLoadsMore()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    MainWindow window(&session);
    QSignalSpy shown(window.browser(), &TableBrowser::firstRowsShown);
    window.show();
    QVERIFY(shown.wait(10000));

    QTableView *view = window.browser()->view();
    QTRY_COMPARE_WITH_TIMEOUT(window.browser()->countText(), u"200 of 700 loaded"_s, 10000);
    const int before = view->model()->rowCount();
    QCoreApplication::processEvents();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > before, 10000);
}

void MainWindowTest::errorIsShownInWindow()
{
    snow::Client client(clientOptions(u"wrong"_s));
    Session session(&client, u"Test"_s);
    MainWindow window(&session);
    QSignalSpy error(window.browser(), &TableBrowser::errorShown);
    window.show();
    QVERIFY(error.wait(10000));

    MessageBanner *banner = window.browser()->banner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"User Not Authenticated"));
    QVERIFY(banner->details().contains(u"401"));
    QVERIFY(!banner->details().contains(u"wrong"));
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
