#include "jsonwriter_p.h"

namespace snow {

void JsonWriter::appendString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";

    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = uchar(utf8[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;

        out.append(utf8.sliced(runStart, i - runStart));
        runStart = i + 1;
        switch (byte) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xF]};
            out.append(escape, sizeof(escape));
            break;
        }
        }
    }
    out.append(utf8.sliced(runStart));
    out.append('"');
}

} // namespace snow
