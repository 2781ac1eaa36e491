#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimeZone>

class Session;

/// The time zone the instance shows date-times in for the signed-in user: the
/// user's `time_zone` in `sys_user`, else the instance default
/// `glide.sys.default.tz`, else this machine's time zone.
///
/// One object per Session (forSession()), loaded once. ready() is emitted once, after
/// which timeZone() is final. A failed look-up is logged and falls back like an empty
/// value, so ready() always follows.
class UserTimeZone : public QObject
{
    Q_OBJECT

public:
    /// Returns the object of @p session, creating it and starting the look-up at the
    /// first call. The session owns it.
    static UserTimeZone *forSession(Session *session);

    bool isReady() const { return m_ready; }
    /// The time zone; the machine's time zone until isReady().
    QTimeZone timeZone() const { return m_timeZone; }

Q_SIGNALS:
    void ready();

private:
    explicit UserTimeZone(Session *session);

    void start();
    void readInstanceDefault();
    /// Uses @p ianaId when it names a known zone; returns false otherwise.
    bool take(const QString &ianaId, const char *source);
    void finish();

    Session *m_session;
    QTimeZone m_timeZone = QTimeZone::systemTimeZone();
    bool m_ready = false;
};
