#include "jsonwriter.h"

namespace snowemu::json {

namespace {

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    static const char hexDigits[] = "0123456789abcdef";
    out.append("\\u");
    out.append(hexDigits[(unit >> 12) & 0xF]);
    out.append(hexDigits[(unit >> 8) & 0xF]);
    out.append(hexDigits[(unit >> 4) & 0xF]);
    out.append(hexDigits[unit & 0xF]);
}

} // namespace

void appendString(QByteArray &out, QStringView text, bool asciiOnly)
{
    out.append('"');

    // Runs of plain characters are converted to UTF-8 in one call, which keeps
    // long descriptions cheap to write.
    qsizetype runStart = 0;
    const auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            out.append(text.mid(runStart, end - runStart).toUtf8());
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        const bool needsEscape = unit == u'"' || unit == u'\\' || unit < 0x20 || (asciiOnly && unit > 0x7E);
        if (!needsEscape)
            continue;

        flushRun(i);
        runStart = i + 1;
        switch (unit) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        default:
            appendUnicodeEscape(out, unit);
            break;
        }
    }
    flushRun(text.size());

    out.append('"');
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
