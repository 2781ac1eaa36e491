#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>

namespace snowemu::json {

// Appends `text` as a quoted JSON string. With `asciiOnly`, characters outside ASCII
// are written as \uXXXX escapes, so the result can travel in an HTTP header.
// Unpaired surrogates become '?', as QString::toUtf8() writes them.
void appendString(QByteArray &out, QStringView text, bool asciiOnly = false);

// Appends the escaped characters of `text` without the surrounding quotes, for a
// string whose first part was appended as bytes before (a link prefix, for example).
void appendStringContent(QByteArray &out, QStringView text);

// Returns `text` as a quoted JSON string.
QByteArray quoted(QStringView text, bool asciiOnly = false);

// Appends `"key":` to `out`.
void appendKey(QByteArray &out, QStringView key);

// Writing through a cursor, for loops that append many small pieces: reserve the
// room for a group of pieces once, write them without checks, then trim.
//
//     char *cursor = json::beginAppend(out, room);
//     cursor = json::writeString(cursor, text);
//     json::endAppend(out, cursor);
//
// Nothing else may change `out` between beginAppend() and endAppend().

// The maximum number of bytes that writeString() writes for `units` UTF-16 units.
constexpr qsizetype maxStringBytes(qsizetype units)
{
    return 2 + 6 * units;
}

// Grows `out` by `room` bytes and returns a pointer to the first of them.
char *beginAppend(QByteArray &out, qsizetype room);

// Shrinks `out` to end at `cursor`, a pointer that beginAppend() returned and the
// writes advanced.
void endAppend(QByteArray &out, const char *cursor);

// Writes `text` as a quoted JSON string at `cursor` and returns the end.
char *writeString(char *cursor, QStringView text);

// Writes the escaped characters of `text`, without quotes, and returns the end.
char *writeStringContent(char *cursor, QStringView text);

// Copies `bytes` to `cursor` and returns the end.
inline char *writeBytes(char *cursor, QByteArrayView bytes)
{
    std::memcpy(cursor, bytes.data(), size_t(bytes.size()));
    return cursor + bytes.size();
}

} // namespace snowemu::json
