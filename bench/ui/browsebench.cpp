// Browsing in the Snowscope window, measured against the emulator in a process of its
// own:
//
// 1. Scrolling: a result of 1,000,000 incidents is opened, the scroll bar is dragged
//    from top to bottom for two seconds, then Ctrl+Home, Ctrl+End and Page Up are
//    pressed. It reports the maximum time the GUI thread spent in one event, the
//    maximum gap of a 1 ms timer, and the process's peak and resident memory.
// 2. First rows: a query of 100,000 incidents is typed into the query field and Enter
//    is pressed; the time until the first rows are painted, once with the emulator's
//    result cache cold for that query and once warm.
//
//   xvfb-run -a browsebench [--first-rows-incidents 100000] [--scroll-incidents 1000000]
//                           [--emulator PATH]

#include "uiprobes.h"

#include "app/session.h"
#include "browse/findbar.h"
#include "models/recordtablemodel.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include <snow/client.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QEventLoop>
#include <QtCore/QStandardPaths>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(QCoreApplication::instance());
}

double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// Runs the event loop until @p done returns true; false after @p timeoutMs.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    if (!done())
        loop.exec();
    return done();
}

// Runs the event loop for @p ms.
void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct FirstRows
{
    double rowsMs = -1;  // Enter to the first records in the model
    double paintMs = -1; // Enter to the end of the first paint that shows them
};

// Types @p query into the query field, presses Enter, and times the first rows.
FirstRows measureFirstRows(MainWindow &window, const QString &query)
{
    TableBrowser *browser = window.browser();
    QWidget *viewport = browser->view()->viewport();
    QElapsedTimer clock;
    FirstRows result;

    bool rowsIn = false;
    const QMetaObject::Connection loaded = QObject::connect(browser->model(), &RecordTableModel::rowsLoaded, [&](int first) {
        if (first == 0 && !rowsIn) {
            rowsIn = true;
            result.rowsMs = milliseconds(clock.nsecsElapsed());
        }
    });
    timedApp()->afterEvent = [&](QObject *receiver, QEvent::Type type) {
        if (rowsIn && result.paintMs < 0 && receiver == viewport && type == QEvent::Paint)
            result.paintMs = milliseconds(clock.nsecsElapsed());
    };

    QLineEdit *field = browser->findBar()->queryField();
    field->setText(query);
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier);
    clock.start();
    QCoreApplication::sendEvent(field, &press);
    QCoreApplication::sendEvent(field, &release);

    waitFor([&] { return result.paintMs >= 0; }, 120000);
    timedApp()->afterEvent = nullptr;
    QObject::disconnect(loaded);
    return result;
}

struct Stalls
{
    double longestEventMs = 0;
    double longestEventCpuMs = 0;
    double maxCpuMs = 0;
    QByteArray longestEventReceiver;
    int longestEventType = 0;
    qint64 eventsOverFrame = 0;
    qint64 events = 0;
    double longestTickGapMs = 0;
};

Stalls collectStalls(const TickGapProbe &probe)
{
    Stalls stalls;
    stalls.longestEventMs = milliseconds(timedApp()->longestEventNs());
    stalls.longestEventCpuMs = milliseconds(timedApp()->longestEventCpuNs());
    stalls.maxCpuMs = milliseconds(timedApp()->mostCpuInEventNs());
    stalls.longestEventReceiver = timedApp()->longestEventReceiver();
    stalls.longestEventType = timedApp()->longestEventType();
    stalls.eventsOverFrame = timedApp()->eventsOver16Ms();
    stalls.events = timedApp()->eventCount();
    stalls.longestTickGapMs = milliseconds(probe.longestStallNs());
    return stalls;
}

void printStalls(const char *phase, const Stalls &stalls)
{
    std::printf("%-32s %8.1f %8.1f %8.1f %8.1f %7lld %8lld   %s (event %d)\n", phase, stalls.longestEventMs,
                stalls.longestEventCpuMs, stalls.maxCpuMs, stalls.longestTickGapMs, stalls.eventsOverFrame, stalls.events,
                stalls.longestEventReceiver.constData(), stalls.longestEventType);
}

bool lastRowsShown(TableBrowser *browser)
{
    QTableView *view = browser->view();
    const int bottom = view->rowAt(view->viewport()->height() - 1);
    const int row = bottom >= 0 ? bottom : browser->model()->rowCount() - 1;
    return browser->model()->isRowLoaded(row) && browser->model()->isRowLoaded(view->rowAt(0));
}

std::unique_ptr<snow::Client> makeClient(const QUrl &base)
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(base.port());
    options.useSsl = false;
    options.user = u"admin"_s;
    options.password = u"admin"_s;
    return std::make_unique<snow::Client>(options);
}

int runFirstRows(const QString &emulatorPath, int incidents)
{
    QProcess emulator;
    QString error;
    const QUrl base = startEmulator(emulator, emulatorPath, {u"--port"_s, u"0"_s, u"--incidents"_s, QString::number(incidents)}, &error);
    if (base.isEmpty()) {
        std::fprintf(stderr, "browsebench: %s\n", qPrintable(error));
        return 1;
    }

    auto client = makeClient(base);
    Session session(client.get(), u"Benchmark"_s, u"browsebench"_s);
    MainWindow window(&session);
    window.show();
    if (!waitFor([&] { return window.browser()->model()->isRowLoaded(0); }, 120000)) {
        std::fprintf(stderr, "browsebench: the first table did not load\n");
        return 1;
    }
    idle(500);

    // Each query matches every incident; the first run of a query meets the emulator's
    // result cache cold, the second warm.
    const QStringList queries = {u"ORDERBYDESCnumber"_s, u"ORDERBYpriority"_s, u"ORDERBYDESCsys_updated_on"_s,
                                 u"numberSTARTSWITHINC^ORDERBYnumber"_s, u"ORDERBYshort_description"_s};
    std::printf("First rows of a %d-row query after Enter (ms)\n", incidents);
    std::printf("%-58s %9s %9s %9s %9s\n", "query", "cold rows", "painted", "warm rows", "painted");
    QList<double> warmPaints;
    QList<double> coldPaints;
    for (const QString &query : queries) {
        const FirstRows cold = measureFirstRows(window, query);
        idle(300);
        const FirstRows warm = measureFirstRows(window, query);
        idle(300);
        if (window.browser()->model()->totalCount() != incidents)
            std::fprintf(stderr, "browsebench: %s matched %lld rows, not %d\n", qPrintable(query),
                         window.browser()->model()->totalCount(), incidents);
        std::printf("%-58s %9.1f %9.1f %9.1f %9.1f\n", qPrintable(query), cold.rowsMs, cold.paintMs, warm.rowsMs, warm.paintMs);
        coldPaints.append(cold.paintMs);
        warmPaints.append(warm.paintMs);
    }
    std::sort(coldPaints.begin(), coldPaints.end());
    std::sort(warmPaints.begin(), warmPaints.end());
    std::printf("median to painted rows: cold %.1f ms, warm %.1f ms (target: 100 ms)\n\n", coldPaints.at(coldPaints.size() / 2),
                warmPaints.at(warmPaints.size() / 2));

    emulator.terminate();
    emulator.waitForFinished(5000);
    return 0;
}

int runScroll(const QString &emulatorPath, int incidents)
{
    QProcess emulator;
    QString error;
    const QUrl base = startEmulator(emulator, emulatorPath, {u"--port"_s, u"0"_s, u"--incidents"_s, QString::number(incidents)}, &error);
    if (base.isEmpty()) {
        std::fprintf(stderr, "browsebench: %s\n", qPrintable(error));
        return 1;
    }

    auto client = makeClient(base);
    Session session(client.get(), u"Benchmark"_s, u"browsebench"_s);
    const qint64 rssBefore = procStatusBytes("VmRSS:");
    MainWindow window(&session);
    window.show();
    TableBrowser *browser = window.browser();
    QTableView *view = browser->view();
    QScrollBar *scrollBar = view->verticalScrollBar();
    TickGapProbe probe;

    std::printf("Scrolling a result of %d rows\n", incidents);
    std::printf("%-32s %8s %8s %8s %8s %7s %8s   %s\n", "phase", "event", "its CPU", "max CPU", "tick gap", ">16 ms",
                "events", "longest event went to");

    // Opening: the rows of the whole result are inserted when the total arrives.
    timedApp()->startMeasuring();
    probe.start();
    QElapsedTimer clock;
    clock.start();
    if (!waitFor([&] { return browser->model()->isRowLoaded(0); }, 300000)) {
        std::fprintf(stderr, "browsebench: the first rows of %d incidents did not load\n", incidents);
        return 1;
    }
    const double openMs = double(clock.elapsed());
    idle(300);
    printStalls("open (first rows)", collectStalls(probe));
    if (browser->model()->rowCount() != incidents) {
        std::fprintf(stderr, "browsebench: the view has %d rows, not %d\n", browser->model()->rowCount(), incidents);
        return 1;
    }

    // Dragging the thumb to the bottom in two seconds, a step per frame.
    timedApp()->startMeasuring();
    probe.start();
    constexpr int Steps = 125;
    scrollBar->setSliderDown(true);
    for (int step = 1; step <= Steps; ++step) {
        scrollBar->setSliderPosition(int(qint64(scrollBar->maximum()) * step / Steps));
        idle(16);
    }
    scrollBar->setSliderDown(false);
    clock.restart();
    const bool endShown = waitFor([&] { return lastRowsShown(browser); }, 60000);
    const double endMs = double(clock.elapsed());
    idle(300);
    printStalls("drag to the end", collectStalls(probe));

    // Jumps with the keyboard, then paging up.
    timedApp()->startMeasuring();
    probe.start();
    view->setFocus();
    const auto press = [view](int key, Qt::KeyboardModifiers modifiers) {
        QKeyEvent event(QEvent::KeyPress, key, modifiers);
        QCoreApplication::sendEvent(view, &event);
    };
    press(Qt::Key_Home, Qt::ControlModifier);
    waitFor([&] { return lastRowsShown(browser); }, 60000);
    press(Qt::Key_End, Qt::ControlModifier);
    waitFor([&] { return lastRowsShown(browser); }, 60000);
    for (int page = 0; page < 40; ++page) {
        press(Qt::Key_PageUp, Qt::NoModifier);
        idle(30);
    }
    waitFor([&] { return lastRowsShown(browser); }, 60000);
    idle(300);
    printStalls("Ctrl+Home, Ctrl+End, 40 Page Up", collectStalls(probe));
    probe.stop();
    timedApp()->stopMeasuring();

    const RecordTableModel *model = browser->model();
    std::printf("\nfirst rows after opening:      %.0f ms (emulator sorting %d rows included)\n", openMs, incidents);
    std::printf("last rows shown after the drag: %s in %.0f ms\n", endShown ? "yes" : "NO", endMs);
    std::printf("pages in memory:               %d of at most %d (%lld records)\n", model->loadedPageCount(),
                model->maxLoadedPages(), model->loadedCount());
    std::printf("resident memory before window: %.1f MB\n", rssBefore / 1e6);
    std::printf("resident memory now (VmRSS):   %.1f MB\n", procStatusBytes("VmRSS:") / 1e6);
    std::printf("peak resident memory (VmHWM):  %.1f MB (target: under 300 MB)\n", procStatusBytes("VmHWM:") / 1e6);

    emulator.terminate();
    emulator.waitForFinished(5000);
    return endShown ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    TimedApplication application(argc, argv);
    QCoreApplication::setOrganizationName(u"SnowscopeBenchmarks"_s);
    QCoreApplication::setApplicationName(u"browsebench"_s);
    // Keep the saved columns and recent tables of a real Snowscope out of the figures.
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures browsing in the Snowscope window against snow-emulator."_s);
    parser.addHelpOption();
    const QCommandLineOption firstRowsOption(u"first-rows-incidents"_s, u"Incidents for the first-rows measure (default 100000)."_s,
                                             u"count"_s, u"100000"_s);
    const QCommandLineOption scrollOption(u"scroll-incidents"_s, u"Incidents for the scrolling measure (default 1000000)."_s,
                                          u"count"_s, u"1000000"_s);
    const QCommandLineOption emulatorOption(u"emulator"_s, u"Path of snow-emulator."_s, u"path"_s, QStringLiteral(SNOW_EMULATOR_PATH));
    parser.addOptions({firstRowsOption, scrollOption, emulatorOption});
    parser.process(application);

    const QString emulator = parser.value(emulatorOption);
    const int firstRowsIncidents = parser.value(firstRowsOption).toInt();
    const int scrollIncidents = parser.value(scrollOption).toInt();

    // Scrolling runs first, so that the peak memory it reports is its own.
    if (scrollIncidents > 0) {
        if (const int failed = runScroll(emulator, scrollIncidents))
            return failed;
    }
    if (firstRowsIncidents > 0)
        return runFirstRows(emulator, firstRowsIncidents);
    return 0;
}
