#include "fieldvalue.h"

#include <snow/record.h>

#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString DateTimeFormat = u"yyyy-MM-dd HH:mm:ss"_s;
const QString DateFormat = u"yyyy-MM-dd"_s;

} // namespace

FieldValue fieldValueOf(const snow::Record &record, const QString &field)
{
    FieldValue result;
    result.value = record.value(field);
    result.displayValue = record.hasDisplayValue(field) ? record.displayValue(field) : result.value;
    return result;
}

namespace WireValues {

QDateTime parseDateTime(const QString &value)
{
    // Date and time are parsed apart, because QDateTime::fromString() reads local time
    // and would reject or move a time that falls into a daylight-saving gap here.
    if (value.size() != 19 || value.at(10) != u' ')
        return {};
    const QDate date = QDate::fromString(value.left(10), DateFormat);
    const QTime time = QTime::fromString(value.mid(11), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    return dateTime.toUTC().toString(DateTimeFormat);
}

QDate parseDate(const QString &value)
{
    if (value.size() != 10)
        return {};
    return QDate::fromString(value, DateFormat);
}

QString formatDate(QDate date)
{
    return date.isValid() ? date.toString(DateFormat) : QString();
}

std::optional<qint64> parseDuration(const QString &value)
{
    const QDateTime dateTime = parseDateTime(value);
    if (!dateTime.isValid())
        return std::nullopt;
    const qint64 seconds = dateTime.toSecsSinceEpoch();
    if (seconds < 0)
        return std::nullopt;
    return seconds;
}

QString formatDuration(qint64 seconds)
{
    return formatDateTime(QDateTime::fromSecsSinceEpoch(qMax<qint64>(0, seconds), QTimeZone::utc()));
}

} // namespace WireValues
