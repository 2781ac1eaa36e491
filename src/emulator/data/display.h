#pragma once

#include "schema/schema.h"
#include "store.h"

#include <QString>
#include <QTimeZone>

namespace snowemu {

//! The rule that turns a column's stored value into its display value.
enum class DisplayKind {
    Journal,    // the row's journal entries; the stored value is ignored
    Choice,     // the choice label
    Reference,  // the display column of the referenced record
    ClassName,  // the label of the table named by the value
    Duration,   // "2 Days 3 Hours", from a duration stored as a date after 1970-01-01
    DateTime,   // the date in the user's time zone
    Integer,    // grouped digits: "12,345"
    AsStored,   // the stored value itself
};

//! The display rule of `column`; the first that applies in the order of DisplayKind.
DisplayKind displayKindOf(const ColumnDefinition &column);

/*!
    The display value of a stored value, as a real instance shows it to a user:
    choice labels, the display column of a referenced record, dates in the user's
    time zone, grouped integers, durations in words and journal entries.
*/
QString displayValueOf(const Store &store, RowRef row, const ColumnDefinition &column, const QString &value,
                       const QTimeZone &timeZone);

//! The journal entries of `row` for `element` ("comments", "work_notes" or
//! "comments_and_work_notes"), newest first, with local times.
QString journalText(const Store &store, RowRef row, const QString &element, const QTimeZone &timeZone);

//! A stored duration in words, "1 Day 2 Hours"; the value itself when it is not a date.
QString durationInWords(const QString &value);

//! An integer with digits grouped in threes as in en-US, "12,345"; the value itself
//! when it is not an integer.
QString groupedInteger(const QString &value);

//! Converts a UTC "yyyy-MM-dd HH:mm:ss" value to the same format in `timeZone`.
QString utcToLocal(const QString &utcValue, const QTimeZone &timeZone);

//! Converts a "yyyy-MM-dd HH:mm:ss" value in `timeZone` to UTC; returns "" when the text is not a date.
QString localToUtc(const QString &localValue, const QTimeZone &timeZone);

} // namespace snowemu
