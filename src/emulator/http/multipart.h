#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace snowemu {

struct MultipartPart {
    QString name;          // form field name
    QString fileName;      // empty for a plain field
    QByteArray contentType;
    QByteArray body;
};

/*!
    Splits a multipart/form-data body (RFC 7578) into its parts, in order. Returns
    false when the boundary is missing or the body does not follow it.
*/
bool parseMultipart(const QByteArray &contentType, const QByteArray &body, QList<MultipartPart> *parts);

} // namespace snowemu
