#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace snowemu {

/*!
    Splits an `application/x-www-form-urlencoded` string (a URL query or a form body)
    into decoded key/value pairs, in order. '+' decodes to a space, as browsers,
    Python's urlencode and Java servlets treat it.
*/
QList<QPair<QString, QString>> decodeFormItems(QByteArrayView encoded);

//! Percent-encodes a query key or value; only RFC 3986 unreserved characters stay as they are.
QByteArray encodeQueryComponent(const QString &text);

} // namespace snowemu
