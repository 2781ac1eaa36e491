#include "multipart.h"

#include <QUrl>

namespace snowemu {

namespace {

QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    // Parameters look like `name="value"` or `name=value`, separated by ';'.
    const QList<QByteArray> pieces = header.split(';');
    for (const QByteArray &piece : pieces) {
        const QByteArray trimmed = piece.trimmed();
        const qsizetype equals = trimmed.indexOf('=');
        if (equals < 0 || trimmed.left(equals).trimmed().toLower() != name)
            continue;
        QByteArray value = trimmed.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
            value = value.mid(1, value.size() - 2);
            value.replace("\\\"", "\"");
            value.replace("\\\\", "\\");
        }
        return value;
    }
    return {};
}

void readPartHeaders(const QByteArray &headerBlock, MultipartPart *part)
{
    const QList<QByteArray> lines = headerBlock.split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type") {
            part->contentType = value;
        } else if (name == "content-disposition") {
            part->name = QString::fromUtf8(parameter(value, "name"));
            // filename* (RFC 5987) carries UTF-8 names exactly; filename is the fallback.
            const QByteArray extended = parameter(value, "filename*");
            if (extended.toLower().startsWith("utf-8''"))
                part->fileName = QString::fromUtf8(QByteArray::fromPercentEncoding(extended.mid(7)));
            else
                part->fileName = QString::fromUtf8(parameter(value, "filename"));
        }
    }
}

} // namespace

bool parseMultipart(const QByteArray &contentType, const QByteArray &body, QList<MultipartPart> *parts)
{
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return false;

    const QByteArray delimiter = "--" + boundary;
    qsizetype position = body.indexOf(delimiter);
    if (position < 0)
        return false;

    while (true) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            return true; // closing delimiter
        // Skip the line break after the delimiter.
        const qsizetype headerStart = body.indexOf('\n', position);
        if (headerStart < 0)
            return false;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", headerStart);
        if (headerEnd < 0)
            return false;

        MultipartPart part;
        readPartHeaders(body.mid(headerStart + 1, headerEnd - headerStart - 1), &part);

        const qsizetype contentStart = headerEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), contentStart);
        if (next < 0)
            return false;
        part.body = body.mid(contentStart, next - contentStart);
        parts->append(part);
        position = next + 2;
    }
}

} // namespace snowemu
