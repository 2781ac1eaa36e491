#include "querycontext.h"

#include "data/seedrandom.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

QString utcText(const QDateTime &dateTime)
{
    return seed::formatDateTime(dateTime.toSecsSinceEpoch());
}

QDateTime startOfDay(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0, 0), zone);
}

QDateTime endOfDay(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(23, 59, 59), zone);
}

// Strips "javascript:" and "gs." so "javascript:gs.daysAgo(3)" becomes "daysAgo(3)".
QString functionCall(QString value)
{
    value = value.trimmed();
    if (value.startsWith(u"javascript:"))
        value = value.mid(11).trimmed();
    if (value.startsWith(u"gs."))
        value = value.mid(3);
    return value;
}

QString resolveDateGenerate(const QString &arguments, const QTimeZone &zone)
{
    // Either ('2015-10-07','00:00:00' | 'start' | 'end') or ("2016-02-01 00:00:00").
    static const QRegularExpression quoted(u"['\"]([^'\"]*)['\"]"_s);
    QStringList parts;
    auto matches = quoted.globalMatch(arguments);
    while (matches.hasNext())
        parts.append(matches.next().captured(1).trimmed());
    if (parts.isEmpty())
        return {};

    QString date = parts.at(0);
    QString time = u"00:00:00"_s;
    if (date.size() > 10) {
        time = date.mid(11);
        date = date.left(10);
    }
    if (parts.size() > 1) {
        if (parts.at(1) == u"start")
            time = u"00:00:00"_s;
        else if (parts.at(1) == u"end")
            time = u"23:59:59"_s;
        else
            time = parts.at(1);
    }

    const QDate parsedDate = QDate::fromString(date, u"yyyy-MM-dd"_s);
    const QTime parsedTime = QTime::fromString(time, u"HH:mm:ss"_s);
    if (!parsedDate.isValid() || !parsedTime.isValid())
        return {};
    return utcText(QDateTime(parsedDate, parsedTime, zone));
}

} // namespace

QString resolveDateValue(const QString &value, const QueryContext &context)
{
    qint64 seconds = 0;
    const QString trimmed = value.trimmed();
    if (seed::parseDateTime(trimmed, &seconds))
        return seed::formatDateTime(seconds);

    const QString call = functionCall(trimmed);
    const qsizetype open = call.indexOf(u'(');
    const qsizetype close = call.lastIndexOf(u')');
    if (open < 0 || close < open)
        return {};
    const QString name = call.left(open);
    const QString arguments = call.mid(open + 1, close - open - 1).trimmed();

    if (name == u"dateGenerate")
        return resolveDateGenerate(arguments, context.timeZone);

    const QTimeZone &zone = context.timeZone;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(context.nowSeconds, zone);
    const QDate today = now.date();
    const int amount = arguments.isEmpty() ? 0 : arguments.section(u',', 0, 0).remove(u'\'').remove(u'"').trimmed().toInt();

    if (name == u"now" || name == u"nowDateTime" || name == u"nowNoTZ")
        return utcText(now);
    if (name == u"daysAgo")
        return utcText(now.addDays(-amount));
    if (name == u"daysAgoStart")
        return utcText(startOfDay(today.addDays(-amount), zone));
    if (name == u"daysAgoEnd")
        return utcText(endOfDay(today.addDays(-amount), zone));
    if (name == u"hoursAgo")
        return utcText(now.addSecs(-3600LL * amount));
    if (name == u"hoursAgoStart" || name == u"hoursAgoEnd") {
        const QDateTime hour = now.addSecs(-3600LL * amount);
        const QDateTime start(hour.date(), QTime(hour.time().hour(), 0, 0), zone);
        return utcText(name == u"hoursAgoStart" ? start : start.addSecs(3599));
    }
    if (name == u"minutesAgo")
        return utcText(now.addSecs(-60LL * amount));
    if (name == u"minutesAgoStart" || name == u"minutesAgoEnd") {
        const QDateTime minute = now.addSecs(-60LL * amount);
        const QDateTime start(minute.date(), QTime(minute.time().hour(), minute.time().minute(), 0), zone);
        return utcText(name == u"minutesAgoStart" ? start : start.addSecs(59));
    }
    if (name == u"monthsAgoStart" || name == u"monthsAgoEnd") {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-amount);
        return utcText(name == u"monthsAgoStart" ? startOfDay(first, zone) : endOfDay(first.addMonths(1).addDays(-1), zone));
    }

    const QDate weekStart = today.addDays(1 - today.dayOfWeek()); // weeks start on Monday
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate yearStart(today.year(), 1, 1);
    const QHash<QString, QDateTime> boundaries = {
        {u"beginningOfToday"_s, startOfDay(today, zone)},
        {u"endOfToday"_s, endOfDay(today, zone)},
        {u"beginningOfYesterday"_s, startOfDay(today.addDays(-1), zone)},
        {u"endOfYesterday"_s, endOfDay(today.addDays(-1), zone)},
        {u"beginningOfTomorrow"_s, startOfDay(today.addDays(1), zone)},
        {u"endOfTomorrow"_s, endOfDay(today.addDays(1), zone)},
        {u"beginningOfThisWeek"_s, startOfDay(weekStart, zone)},
        {u"endOfThisWeek"_s, endOfDay(weekStart.addDays(6), zone)},
        {u"beginningOfLastWeek"_s, startOfDay(weekStart.addDays(-7), zone)},
        {u"endOfLastWeek"_s, endOfDay(weekStart.addDays(-1), zone)},
        {u"beginningOfThisMonth"_s, startOfDay(monthStart, zone)},
        {u"endOfThisMonth"_s, endOfDay(monthStart.addMonths(1).addDays(-1), zone)},
        {u"beginningOfLastMonth"_s, startOfDay(monthStart.addMonths(-1), zone)},
        {u"endOfLastMonth"_s, endOfDay(monthStart.addDays(-1), zone)},
        {u"beginningOfThisYear"_s, startOfDay(yearStart, zone)},
        {u"endOfThisYear"_s, endOfDay(QDate(today.year(), 12, 31), zone)},
        {u"beginningOfLastYear"_s, startOfDay(yearStart.addYears(-1), zone)},
        {u"endOfLastYear"_s, endOfDay(QDate(today.year() - 1, 12, 31), zone)},
    };
    const auto it = boundaries.constFind(name);
    return it == boundaries.cend() ? QString() : utcText(it.value());
}

} // namespace snowemu
