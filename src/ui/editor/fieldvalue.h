#pragma once

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QString>

#include <optional>

namespace snow {
class Record;
}

/// A field's stored value and the text ServiceNow shows for it.
struct FieldValue
{
    /// The stored value, as sent on writes: a sys_id, a choice value, a UTC date-time.
    QString value;
    /// The text shown to the user: a name, a choice label, a local date-time.
    QString displayValue;

    bool operator==(const FieldValue &other) const = default;
};

/// Returns the value and display value of @p field in @p record, which should have
/// been read with `sysparm_display_value=all`. A missing display value is the value.
FieldValue fieldValueOf(const snow::Record &record, const QString &field);

/// Conversions between the Table API's text forms and Qt types.
namespace WireValues {

/// Parses a date-time in the Table API form "YYYY-MM-DD HH:MM:SS" as UTC. Returns an
/// invalid QDateTime for any other text, the empty string included.
QDateTime parseDateTime(const QString &value);
/// Returns @p dateTime in UTC as "YYYY-MM-DD HH:MM:SS".
QString formatDateTime(const QDateTime &dateTime);

/// Parses "YYYY-MM-DD"; an invalid QDate for any other text.
QDate parseDate(const QString &value);
QString formatDate(QDate date);

/// Returns the seconds of a stored duration, or nullopt when @p value is not one.
/// ServiceNow stores a duration as the date-time that many seconds after
/// 1970-01-01 00:00:00, so "1970-01-02 03:00:00" is one day and three hours.
std::optional<qint64> parseDuration(const QString &value);
/// Returns the stored form of @p seconds (at least 0).
QString formatDuration(qint64 seconds);

} // namespace WireValues
