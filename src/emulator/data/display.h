#pragma once

#include "schema/schema.h"
#include "store.h"

#include <QString>
#include <QTimeZone>

namespace snowemu {

/*!
    The display value of a stored value, as a real instance shows it to a user:
    choice labels, the display column of a referenced record, dates in the user's
    time zone, grouped integers, durations in words and journal entries.
*/
QString displayValueOf(const Store &store, RowRef row, const ColumnDefinition &column, const QString &value,
                       const QTimeZone &timeZone);

//! Converts a UTC "yyyy-MM-dd HH:mm:ss" value to the same format in `timeZone`.
QString utcToLocal(const QString &utcValue, const QTimeZone &timeZone);

//! Converts a "yyyy-MM-dd HH:mm:ss" value in `timeZone` to UTC; returns "" when the text is not a date.
QString localToUtc(const QString &localValue, const QTimeZone &timeZone);

} // namespace snowemu
