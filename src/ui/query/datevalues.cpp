#include "query/datevalues.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace DateValues {

namespace {

DatePreset preset(const QString &name, const char *label, const QString &start, const QString &end)
{
    return DatePreset{name, QCoreApplication::translate("DateValues", label), start, end};
}

QString call(const QString &function)
{
    return u"javascript:gs."_s + function;
}

} // namespace

const QList<DatePreset> &presets()
{
    // The names and bounds are those ServiceNow's condition builder writes, and the
    // emulator evaluates every function used here.
    // NOTE: "Last 15 minutes" follows the pattern of the day ranges; its exact bounds
    // on a real instance are unverified.
    static const QList<DatePreset> list = {
        preset(u"Today"_s, "Today", call(u"beginningOfToday()"_s), call(u"endOfToday()"_s)),
        preset(u"Yesterday"_s, "Yesterday", call(u"beginningOfYesterday()"_s), call(u"endOfYesterday()"_s)),
        preset(u"Tomorrow"_s, "Tomorrow", call(u"beginningOfTomorrow()"_s), call(u"endOfTomorrow()"_s)),
        preset(u"This week"_s, "This week", call(u"beginningOfThisWeek()"_s), call(u"endOfThisWeek()"_s)),
        preset(u"Last week"_s, "Last week", call(u"beginningOfLastWeek()"_s), call(u"endOfLastWeek()"_s)),
        preset(u"This month"_s, "This month", call(u"beginningOfThisMonth()"_s), call(u"endOfThisMonth()"_s)),
        preset(u"Last month"_s, "Last month", call(u"beginningOfLastMonth()"_s), call(u"endOfLastMonth()"_s)),
        preset(u"This year"_s, "This year", call(u"beginningOfThisYear()"_s), call(u"endOfThisYear()"_s)),
        preset(u"Last year"_s, "Last year", call(u"beginningOfLastYear()"_s), call(u"endOfLastYear()"_s)),
        preset(u"Last 15 minutes"_s, "Last 15 minutes", call(u"minutesAgoStart(15)"_s), call(u"minutesAgoEnd(0)"_s)),
        preset(u"Last 7 days"_s, "Last 7 days", call(u"daysAgoStart(7)"_s), call(u"daysAgoEnd(0)"_s)),
        preset(u"Last 30 days"_s, "Last 30 days", call(u"daysAgoStart(30)"_s), call(u"daysAgoEnd(0)"_s)),
        preset(u"Last 90 days"_s, "Last 90 days", call(u"daysAgoStart(90)"_s), call(u"daysAgoEnd(0)"_s)),
    };
    return list;
}

const DatePreset *findPreset(const QString &start, const QString &end)
{
    for (const DatePreset &candidate : presets()) {
        if (candidate.start == start && candidate.end == end)
            return &candidate;
    }
    return nullptr;
}

const DatePreset *findPresetByStart(const QString &start)
{
    for (const DatePreset &candidate : presets()) {
        if (candidate.start == start)
            return &candidate;
    }
    return nullptr;
}

const DatePreset *findPresetByEnd(const QString &end)
{
    for (const DatePreset &candidate : presets()) {
        if (candidate.end == end)
            return &candidate;
    }
    return nullptr;
}

QString onValue(const DatePreset &preset)
{
    return preset.name + u'@' + preset.start + u'@' + preset.end;
}

QString onValue(QDate day)
{
    return day.toString(Qt::ISODate) + u'@' + dateGenerate(day, u"start"_s) + u'@' + dateGenerate(day, u"end"_s);
}

std::optional<OnValue> parseOnValue(const QString &value)
{
    const QStringList parts = value.split(u'@');
    if (parts.size() != 3)
        return std::nullopt;
    return OnValue{parts.at(0), parts.at(1), parts.at(2)};
}

std::optional<QDate> parseOnDay(const QString &value)
{
    const std::optional<OnValue> parts = parseOnValue(value);
    if (!parts)
        return std::nullopt;
    const QDate day = QDate::fromString(parts->name, Qt::ISODate);
    if (!day.isValid() || onValue(day) != value)
        return std::nullopt;
    return day;
}

QString dateGenerate(QDate date, const QString &time)
{
    return u"javascript:gs.dateGenerate('%1','%2')"_s.arg(date.toString(Qt::ISODate), time);
}

QString dateGenerate(QDate date, QTime time)
{
    return dateGenerate(date, time.toString(u"HH:mm:ss"_s));
}

std::optional<Generated> parseDateGenerate(const QString &value)
{
    static const QRegularExpression pattern(
        u"^javascript:gs\\.dateGenerate\\('(\\d{4}-\\d{2}-\\d{2})','(start|end|\\d{2}:\\d{2}:\\d{2})'\\)$"_s);
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return std::nullopt;

    Generated generated{QDate::fromString(match.captured(1), Qt::ISODate), match.captured(2)};
    if (!generated.date.isValid())
        return std::nullopt;
    if (generated.time != u"start" && generated.time != u"end" && !QTime::fromString(generated.time, u"HH:mm:ss"_s).isValid())
        return std::nullopt;
    return generated;
}

} // namespace DateValues
