#include "jsonwriter.h"

#include <QChar>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace snowemu::json {

namespace {

// The maximum number of bytes that one UTF-16 unit becomes: a \uXXXX escape.
constexpr qsizetype kMaxBytesPerUnit = 6;

char *writeUnicodeEscape(char *cursor, char16_t unit)
{
    static const char hexDigits[] = "0123456789abcdef";
    *cursor++ = '\\';
    *cursor++ = 'u';
    *cursor++ = hexDigits[(unit >> 12) & 0xF];
    *cursor++ = hexDigits[(unit >> 8) & 0xF];
    *cursor++ = hexDigits[(unit >> 4) & 0xF];
    *cursor++ = hexDigits[unit & 0xF];
    return cursor;
}

char *writeAsciiEscape(char *cursor, char16_t unit)
{
    char escapeLetter = 0;
    switch (unit) {
    case u'"': escapeLetter = '"'; break;
    case u'\\': escapeLetter = '\\'; break;
    case u'\n': escapeLetter = 'n'; break;
    case u'\r': escapeLetter = 'r'; break;
    case u'\t': escapeLetter = 't'; break;
    case u'\b': escapeLetter = 'b'; break;
    case u'\f': escapeLetter = 'f'; break;
    default: return writeUnicodeEscape(cursor, unit);
    }
    *cursor++ = '\\';
    *cursor++ = escapeLetter;
    return cursor;
}

#ifdef __SSE2__
// Copies 16 units at a time while all of them are printable ASCII other than '"',
// '\\' and DEL, because such units need neither an escape nor a multi-byte
// encoding. Stops before the first block with another unit. Most of a response is
// such text.
void copyPlainBlocks(const char16_t *&source, const char16_t *end, char *&cursor)
{
    const __m128i firstPlain = _mm_set1_epi8(0x1F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i deleteCharacter = _mm_set1_epi8(0x7F);
    while (end - source >= 16) {
        const __m128i firstHalf = _mm_loadu_si128(reinterpret_cast<const __m128i *>(source));
        const __m128i secondHalf = _mm_loadu_si128(reinterpret_cast<const __m128i *>(source + 8));
        // Saturating packing maps units from 0x100 to 0x7FFF to 0xFF and units from
        // 0x8000 up (negative as signed) to 0, so neither passes the checks below.
        const __m128i bytes = _mm_packus_epi16(firstHalf, secondHalf);
        // Signed comparison: bytes from 0x80 up are negative, so not above 0x1F.
        const __m128i printable = _mm_cmpgt_epi8(bytes, firstPlain);
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
                                             _mm_cmpeq_epi8(bytes, deleteCharacter));
        if (_mm_movemask_epi8(_mm_andnot_si128(special, printable)) != 0xFFFF)
            return;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(cursor), bytes);
        source += 16;
        cursor += 16;
    }
}
#endif

// Writes `text` escaped and encoded as UTF-8 at `cursor`, which must have room for
// kMaxBytesPerUnit bytes per unit. Returns the position after the last byte.
char *writeContent(char *cursor, QStringView text, bool asciiOnly)
{
    const char16_t *source = text.utf16();
    const char16_t *const end = source + text.size();
    const char16_t lastPlain = asciiOnly ? 0x7E : 0x7F;

#ifdef __SSE2__
    copyPlainBlocks(source, end, cursor);
#endif

    while (source < end) {
        const char16_t unit = *source++;

        // Plain ASCII is by far the most common case: one byte, no escape.
        if (unit >= 0x20 && unit <= lastPlain && unit != u'"' && unit != u'\\') {
            *cursor++ = char(unit);
            continue;
        }
        if (unit < 0x80 || asciiOnly) {
            cursor = writeAsciiEscape(cursor, unit);
            continue;
        }

        if (unit < 0x800) {
            *cursor++ = char(0xC0 | (unit >> 6));
            *cursor++ = char(0x80 | (unit & 0x3F));
        } else if (!QChar::isSurrogate(unit)) {
            *cursor++ = char(0xE0 | (unit >> 12));
            *cursor++ = char(0x80 | ((unit >> 6) & 0x3F));
            *cursor++ = char(0x80 | (unit & 0x3F));
        } else if (QChar::isHighSurrogate(unit) && source < end && QChar::isLowSurrogate(*source)) {
            const char32_t codePoint = QChar::surrogateToUcs4(unit, *source++);
            *cursor++ = char(0xF0 | (codePoint >> 18));
            *cursor++ = char(0x80 | ((codePoint >> 12) & 0x3F));
            *cursor++ = char(0x80 | ((codePoint >> 6) & 0x3F));
            *cursor++ = char(0x80 | (codePoint & 0x3F));
        } else {
            *cursor++ = '?';
        }
    }
    return cursor;
}

} // namespace

// The encoding goes straight into the output buffer, with no temporary string.
void appendString(QByteArray &out, QStringView text, bool asciiOnly)
{
    char *cursor = beginAppend(out, maxStringBytes(text.size()));
    *cursor++ = '"';
    cursor = writeContent(cursor, text, asciiOnly);
    *cursor++ = '"';
    endAppend(out, cursor);
}

void appendStringContent(QByteArray &out, QStringView text)
{
    char *cursor = beginAppend(out, kMaxBytesPerUnit * text.size());
    endAppend(out, writeContent(cursor, text, false));
}

char *beginAppend(QByteArray &out, qsizetype room)
{
    const qsizetype start = out.size();
    out.resize(start + room);
    return out.data() + start;
}

void endAppend(QByteArray &out, const char *cursor)
{
    out.resize(cursor - out.constData());
}

char *writeString(char *cursor, QStringView text)
{
    *cursor++ = '"';
    cursor = writeContent(cursor, text, false);
    *cursor++ = '"';
    return cursor;
}

char *writeStringContent(char *cursor, QStringView text)
{
    return writeContent(cursor, text, false);
}

QByteArray quoted(QStringView text, bool asciiOnly)
{
    QByteArray out;
    appendString(out, text, asciiOnly);
    return out;
}

void appendKey(QByteArray &out, QStringView key)
{
    appendString(out, key);
    out.append(':');
}

} // namespace snowemu::json
