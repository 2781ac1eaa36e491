#pragma once

// UTF-8 helpers for the JSON reader: sequence validation per RFC 3629 (no overlong
// forms, no surrogates, nothing above U+10FFFF) and a fast scan for the bytes that
// end a plain run inside a JSON string.

#include <QtCore/QtGlobal>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace snow::utf8 {

/// Checks the UTF-8 sequence that starts at @p p (whose first byte is >= 0x80).
/// Returns its length (2 to 4) when valid, 0 when invalid, or minus the length it
/// needs when the bytes up to @p end are a valid but incomplete prefix.
inline int sequenceLength(const uchar *p, const uchar *end)
{
    const uchar lead = p[0];
    int length = 0;
    uchar secondLow = 0x80;
    uchar secondHigh = 0xBF;

    if (lead < 0xC2) {
        return 0; // a continuation byte, or an overlong two-byte form
    } else if (lead < 0xE0) {
        length = 2;
    } else if (lead < 0xF0) {
        length = 3;
        if (lead == 0xE0)
            secondLow = 0xA0; // overlong
        else if (lead == 0xED)
            secondHigh = 0x9F; // UTF-16 surrogates
    } else if (lead < 0xF5) {
        length = 4;
        if (lead == 0xF0)
            secondLow = 0x90; // overlong
        else if (lead == 0xF4)
            secondHigh = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }

    const qptrdiff available = end - p;
    if (available < 2)
        return -length;
    if (p[1] < secondLow || p[1] > secondHigh)
        return 0;

    for (int i = 2; i < length; ++i) {
        if (i >= available)
            return -length;
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

/// Returns the first byte in [p, end) that is '"', '\\', a control character
/// (< 0x20) or non-ASCII (>= 0x80), or @p end.
inline const char *scanPlain(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // A signed compare with 0x20 catches both control characters and, because
        // they are negative as signed bytes, every byte >= 0x80.
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmplt_epi8(bytes, space));
        const int mask = _mm_movemask_epi8(special);
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const auto byte = uchar(*p);
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x80)
            return p;
        ++p;
    }
    return end;
}

/// Appends the UTF-8 encoding of @p codePoint (at most U+10FFFF) to @p out and
/// returns the number of bytes written.
inline int encode(char32_t codePoint, char *out)
{
    if (codePoint < 0x80) {
        out[0] = char(codePoint);
        return 1;
    }
    if (codePoint < 0x800) {
        out[0] = char(0xC0 | (codePoint >> 6));
        out[1] = char(0x80 | (codePoint & 0x3F));
        return 2;
    }
    if (codePoint < 0x10000) {
        out[0] = char(0xE0 | (codePoint >> 12));
        out[1] = char(0x80 | ((codePoint >> 6) & 0x3F));
        out[2] = char(0x80 | (codePoint & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (codePoint >> 18));
    out[1] = char(0x80 | ((codePoint >> 12) & 0x3F));
    out[2] = char(0x80 | ((codePoint >> 6) & 0x3F));
    out[3] = char(0x80 | (codePoint & 0x3F));
    return 4;
}

} // namespace snow::utf8
