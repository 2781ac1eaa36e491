#pragma once

#include <QtCore/QDate>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QTime>

#include <optional>

/// A named date range of ServiceNow's condition builder, such as "Last 7 days". The
/// instance evaluates the bounds in the signed-in user's time zone.
struct DatePreset
{
    QString name;  ///< the name written into ON values, in English as ServiceNow writes it
    QString label; ///< the name shown to the user
    QString start; ///< such as "javascript:gs.daysAgoStart(7)"
    QString end;   ///< such as "javascript:gs.daysAgoEnd(0)"
};

/// The value of an ON or NOT ON condition: `Name@start@end`.
struct OnValue
{
    QString name;
    QString start;
    QString end;
};

/// Date values as ServiceNow's condition builder writes them.
namespace DateValues {

/// Returns the named ranges, in menu order.
const QList<DatePreset> &presets();

/// Returns the preset whose bounds are @p start and @p end, or nullptr.
const DatePreset *findPreset(const QString &start, const QString &end);
/// Returns the preset with @p start or @p end as its bound, or nullptr.
const DatePreset *findPresetByStart(const QString &start);
const DatePreset *findPresetByEnd(const QString &end);

/// Returns `Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()` and the like.
QString onValue(const DatePreset &preset);
/// Returns the ON value of one day:
/// `2024-01-15@javascript:gs.dateGenerate('2024-01-15','start')@javascript:gs.dateGenerate('2024-01-15','end')`.
QString onValue(QDate day);
/// Splits an ON value into its three parts; nullopt unless it has exactly three.
std::optional<OnValue> parseOnValue(const QString &value);
/// Returns the day of an ON value written by onValue(QDate), or nullopt.
std::optional<QDate> parseOnDay(const QString &value);

/// Returns `javascript:gs.dateGenerate('2024-01-15','10:00:00')`; @p time may also be
/// "start" or "end" (of the day). The instance reads it in the user's time zone.
QString dateGenerate(QDate date, const QString &time);
QString dateGenerate(QDate date, QTime time);

/// The date and the time argument of a dateGenerate() value written by dateGenerate().
struct Generated
{
    QDate date;
    QString time; ///< "HH:mm:ss", "start" or "end"
};
std::optional<Generated> parseDateGenerate(const QString &value);

} // namespace DateValues
