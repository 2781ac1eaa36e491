// Feedback while browsing: errors in the window with the ServiceNow message and the
// request in Details, Retry, rate limits with the time requests resume, the loading
// bar and Cancel.

#include "app/session.h"
#include "browse/loadingbar.h"
#include "metadata/schemacache.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

class BrowseFeedbackTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void errorShowsMessageAndDetails();
    void retryLoadsAfterError();
    void invalidTableShowsServerMessage();
    void rateLimitShowsResumeTime();
    void loadingBarShowsWhileLoading();
    void cancelStopsLoading();
    void escapeInTableCancels();

private:
    std::unique_ptr<snow::Client> makeClient(const QString &password = u"admin"_s) const;
    QPushButton *bannerButton(TableBrowser &browser, const QString &text) const;

    std::unique_ptr<snowemu::Server> m_server;
};

void BrowseFeedbackTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_feedback"_s);

    snowemu::Options options;
    options.incidents = 600;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseFeedbackTest::init()
{
    m_server->setFaults(snowemu::Faults());
}

std::unique_ptr<snow::Client> BrowseFeedbackTest::makeClient(const QString &password) const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server, u"admin"_s, password);
    return std::make_unique<snow::Client>(options);
}

QPushButton *BrowseFeedbackTest::bannerButton(TableBrowser &browser, const QString &text) const
{
    for (QPushButton *button : browser.banner()->findChildren<QPushButton *>()) {
        if (button->text() == text && button->isVisible())
            return button;
    }
    return nullptr;
}

void BrowseFeedbackTest::errorShowsMessageAndDetails()
{
    auto client = makeClient(u"wrong-password"_s);
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();
    QSignalSpy error(&browser, &TableBrowser::errorShown);
    browser.open(u"incident"_s);
    QVERIFY(error.wait(10000));

    MessageBanner *banner = browser.banner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"User Not Authenticated"));
    QVERIFY(banner->details().contains(u"HTTP status: 401"));
    QVERIFY(banner->details().contains(u"/api/now/table/incident"));
    QVERIFY(!banner->details().contains(u"wrong-password"));
    QVERIFY(bannerButton(browser, u"Retry"_s));
    QVERIFY(!browser.loadingBar()->isVisible());
    QCOMPARE(error.first().at(0).value<snow::Error>().httpStatus(), 401);
}

void BrowseFeedbackTest::retryLoadsAfterError()
{
    auto client = makeClient();
    client->setRetryPolicy(snow::RetryPolicy::none());
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();

    // Load the dictionary first, so that the failing request is the records'.
    QSignalSpy schemaLoaded(session.schemas(), &SchemaCache::schemaLoaded);
    session.schemas()->load(u"incident"_s);
    QVERIFY(schemaLoaded.wait(10000));

    snowemu::Faults failing;
    failing.serverErrorBurst = 1;
    failing.serverErrorStatus = 500;
    m_server->setFaults(failing);
    QSignalSpy error(&browser, &TableBrowser::errorShown);
    browser.open(u"incident"_s);
    QVERIFY(error.wait(10000));
    QCOMPARE(browser.model()->rowCount(), 0);
    QVERIFY(browser.banner()->text().contains(u"500"));

    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    QPushButton *retry = bannerButton(browser, u"Retry"_s);
    QVERIFY(retry);
    retry->click();
    QVERIFY(shown.wait(10000));
    QVERIFY(!browser.banner()->isVisible());
    // The first rows show with the first batch, before the rest of the page arrives.
    QTRY_COMPARE(browser.model()->rowCount(), 200);
}

void BrowseFeedbackTest::invalidTableShowsServerMessage()
{
    auto client = makeClient();
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();
    // Saved columns make the browser ask the Table API at once, as for a table the
    // dictionary cannot describe.
    QSettings().setValue(u"profiles/default/browse/columns/u_missing"_s, QStringList{u"sys_id"_s});

    QSignalSpy error(&browser, &TableBrowser::errorShown);
    browser.open(u"u_missing"_s);
    QVERIFY(error.wait(10000));
    QVERIFY(browser.banner()->text().contains(u"u_missing"));
    QCOMPARE(error.first().at(0).value<snow::Error>().httpStatus(), 400);
}

void BrowseFeedbackTest::rateLimitShowsResumeTime()
{
    auto client = makeClient();
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();

    snowemu::Faults limited;
    limited.rateLimitAfterRequests = 0;
    limited.retryAfterSeconds = 1;
    m_server->setFaults(limited);
    QSignalSpy rateLimited(client.get(), &snow::Client::rateLimited);
    browser.open(u"incident"_s);
    QVERIFY(rateLimited.wait(10000));

    MessageBanner *banner = browser.banner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"rate-limiting"));
    const QDateTime until = rateLimited.first().at(0).toDateTime();
    QVERIFY(banner->text().contains(QLocale().toString(until.time(), QLocale::LongFormat)));
    QVERIFY(browser.loadingBar()->isVisible());

    // Once the instance responds again, the rows arrive and the warning is hidden.
    m_server->setFaults(snowemu::Faults());
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    QVERIFY(shown.wait(15000));
    QTRY_VERIFY(!banner->isVisible());
}

void BrowseFeedbackTest::loadingBarShowsWhileLoading()
{
    auto client = makeClient();
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();

    snowemu::Faults slow;
    slow.latencyMs = 500;
    m_server->setFaults(slow);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.open(u"incident"_s);

    QVERIFY(browser.loadingBar()->isVisible());
    QVERIFY(browser.loadingBar()->cancelButton()->isEnabled());
    QVERIFY(browser.countText().contains(u"Loading"));
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(!browser.loadingBar()->isVisible());
    QCOMPARE(browser.countText(), u"200 of 600 loaded"_s);
}

void BrowseFeedbackTest::cancelStopsLoading()
{
    auto client = makeClient();
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();

    snowemu::Faults stalled;
    stalled.stall = true;
    m_server->setFaults(stalled);
    browser.open(u"incident"_s);
    QVERIFY(browser.model()->isLoading());

    QTest::mouseClick(browser.loadingBar()->cancelButton(), Qt::LeftButton);
    QVERIFY(!browser.model()->isLoading());
    QVERIFY(!browser.loadingBar()->isVisible());
    QVERIFY(browser.banner()->isVisible());
    QVERIFY(browser.banner()->text().contains(u"Loading stopped"));

    // F5 in the main window reloads; here reload() does the same.
    m_server->setFaults(snowemu::Faults());
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.reload();
    QVERIFY(shown.wait(10000));
}

void BrowseFeedbackTest::escapeInTableCancels()
{
    auto client = makeClient();
    Session session(client.get(), u"Test"_s);
    TableBrowser browser(&session);
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));

    snowemu::Faults stalled;
    stalled.stall = true;
    m_server->setFaults(stalled);
    browser.open(u"incident"_s);
    browser.view()->setFocus();
    QVERIFY(browser.model()->isLoading());

    QTest::keyClick(browser.view(), Qt::Key_Escape);
    QVERIFY(!browser.model()->isLoading());
}

QTEST_MAIN(BrowseFeedbackTest)
#include "tst_browse_feedback.moc"
