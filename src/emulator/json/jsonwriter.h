#pragma once

#include <QByteArray>
#include <QString>

namespace snowemu::json {

// Appends `text` as a quoted JSON string. With `asciiOnly`, characters outside ASCII
// are written as \uXXXX escapes, so the result can travel in an HTTP header.
void appendString(QByteArray &out, QStringView text, bool asciiOnly = false);

// Returns `text` as a quoted JSON string.
QByteArray quoted(QStringView text, bool asciiOnly = false);

// Appends `"key":` to `out`.
void appendKey(QByteArray &out, QStringView key);

} // namespace snowemu::json
