#pragma once

#include <QtCore/QString>

#include <optional>

/// Durations as ServiceNow stores them: a date-time that many seconds after
/// 1970-01-01 00:00:00, such as "1970-01-02 03:00:00" for one day and three hours.
namespace DurationValue {

/// Returns the seconds of a stored duration, or nullopt when @p value is not one.
std::optional<qint64> parse(const QString &value);
/// Returns the stored form of @p seconds.
QString encode(qint64 seconds);
/// Returns "1 day 03:00:00" and the like.
QString text(qint64 seconds);

} // namespace DurationValue
