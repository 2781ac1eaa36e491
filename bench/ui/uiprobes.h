#pragma once

// Measuring tools of the browsing benchmark: the longest time the GUI thread spends
// in one event, the longest gap of a 1 ms timer, process memory, and the emulator as
// a child process.

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QProcess>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtWidgets/QApplication>

#include <functional>

/// A QApplication that times the delivery of every event at the outermost level, so
/// the longest time the GUI thread was busy with one event is known.
class TimedApplication : public QApplication
{
public:
    TimedApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

    /// Clears the figures and starts counting.
    void startMeasuring();
    void stopMeasuring();

    qint64 longestEventNs() const { return m_longestNs; }
    /// The CPU time of the GUI thread during the longest event: below the wall time
    /// when other processes compete for the cores.
    qint64 longestEventCpuNs() const { return m_longestCpuNs; }
    /// The longest CPU time of the GUI thread in one event, whichever event it was.
    qint64 mostCpuInEventNs() const { return m_mostCpuNs; }
    int longestEventType() const { return m_longestType; }
    /// The class of the object that received the longest event.
    QByteArray longestEventReceiver() const { return m_longestReceiver; }
    /// Events that took longer than 16 ms since startMeasuring().
    qint64 eventsOver16Ms() const { return m_over16Ms; }
    qint64 eventCount() const { return m_events; }

    /// Called after each event is delivered, at any nesting depth (paint events are
    /// sent inside the window's update request).
    std::function<void(QObject *receiver, QEvent::Type type)> afterEvent;

private:
    QElapsedTimer m_clock;
    int m_depth = 0;
    bool m_measuring = false;
    qint64 m_longestNs = 0;
    qint64 m_longestCpuNs = 0;
    qint64 m_mostCpuNs = 0;
    int m_longestType = 0;
    QByteArray m_longestReceiver;
    qint64 m_over16Ms = 0;
    qint64 m_events = 0;
};

/// Fires a precise 1 ms timer and keeps the longest gap between two ticks: the
/// longest time the event loop did not come back, whatever kept it busy.
class TickGapProbe : public QObject
{
public:
    explicit TickGapProbe(QObject *parent = nullptr);

    void start();
    void stop();
    /// The maximum gap between ticks, in nanoseconds, minus the 1 ms period.
    qint64 longestStallNs() const { return m_longestGapNs > 1000000 ? m_longestGapNs - 1000000 : 0; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGapNs = 0;
};

/// Returns a value of /proc/self/status, such as "VmHWM:", in bytes; -1 when unknown.
qint64 procStatusBytes(const char *key);

/// Starts snow-emulator with @p arguments and returns its base URL, or an empty URL
/// with @p error set.
QUrl startEmulator(QProcess &process, const QString &program, const QStringList &arguments, QString *error);
