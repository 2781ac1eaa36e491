#include "uiprobes.h"

#include <QtCore/QFile>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 FrameNs = 16 * 1000 * 1000;

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

} // namespace

TimedApplication::TimedApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{
    m_clock.start();
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (!m_measuring || m_depth > 0) {
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        if (afterEvent)
            afterEvent(receiver, type);
        return handled;
    }

    // Read the class name first: delivery may delete the receiver.
    const char *className = receiver->metaObject()->className();
    const qint64 start = m_clock.nsecsElapsed();
    const qint64 cpuStart = threadCpuNs();
    ++m_depth;
    const bool handled = QApplication::notify(receiver, event);
    --m_depth;
    const qint64 spent = m_clock.nsecsElapsed() - start;
    const qint64 cpu = threadCpuNs() - cpuStart;

    ++m_events;
    if (spent > FrameNs)
        ++m_over16Ms;
    m_mostCpuNs = std::max(m_mostCpuNs, cpu);
    if (spent > m_longestNs) {
        m_longestNs = spent;
        m_longestCpuNs = cpu;
        m_longestType = type;
        m_longestReceiver = className;
    }
    if (afterEvent)
        afterEvent(receiver, type);
    return handled;
}

void TimedApplication::startMeasuring()
{
    m_longestNs = 0;
    m_longestCpuNs = 0;
    m_mostCpuNs = 0;
    m_longestType = 0;
    m_longestReceiver.clear();
    m_over16Ms = 0;
    m_events = 0;
    m_measuring = true;
}

void TimedApplication::stopMeasuring()
{
    m_measuring = false;
}

TickGapProbe::TickGapProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_longestGapNs = std::max(m_longestGapNs, now - m_last);
        m_last = now;
    });
}

void TickGapProbe::start()
{
    m_longestGapNs = 0;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void TickGapProbe::stop()
{
    m_timer.stop();
}

qint64 procStatusBytes(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

QUrl startEmulator(QProcess &process, const QString &program, const QStringList &arguments, QString *error)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = u"%1 did not start: %2"_s.arg(program, process.errorString());
        return QUrl();
    }
    // The first line on standard output is "Listening on http://127.0.0.1:PORT".
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(120000)) {
            *error = u"%1 printed no \"Listening on\" line within two minutes"_s.arg(program);
            return QUrl();
        }
    }
    const QByteArray line = process.readLine().trimmed();
    const qsizetype at = line.indexOf("http://");
    if (at < 0) {
        *error = u"unexpected first line from %1: %2"_s.arg(program, QString::fromUtf8(line));
        return QUrl();
    }
    return QUrl(QString::fromLatin1(line.mid(at)));
}
