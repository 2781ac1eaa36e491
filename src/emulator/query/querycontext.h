#pragma once

#include <QString>
#include <QTimeZone>

namespace snowemu {

//! What a query needs to know about the session that runs it.
struct QueryContext {
    QString userSysId;       // for the "Me" dynamic filter
    QTimeZone timeZone;      // javascript: date functions work in the user's time zone
    qint64 nowSeconds = 0;   // seconds since the epoch, UTC
};

/*!
    Resolves a date value of an encoded query to "yyyy-MM-dd HH:mm:ss" in UTC.
    Accepts plain "yyyy-MM-dd[ HH:mm:ss]" (taken as UTC) and the GlideSystem
    functions `javascript:gs.dateGenerate('2015-10-07','00:00:00')`,
    `javascript:gs.dateGenerate("2016-02-01 00:00:00")`, `gs.daysAgo(n)`,
    `gs.daysAgoStart(n)`, `gs.daysAgoEnd(n)`, `gs.hoursAgo(n)` (and Start/End),
    `gs.minutesAgo(n)` (and Start/End), `gs.monthsAgoStart(n)`/`End`,
    `gs.beginningOf…()`/`gs.endOf…()` for Today, Yesterday, Tomorrow, ThisWeek,
    LastWeek, ThisMonth, LastMonth, ThisYear, LastYear, and `gs.now()`/`gs.nowDateTime()`.
    Returns an empty string for anything else.
*/
QString resolveDateValue(const QString &value, const QueryContext &context);

} // namespace snowemu
