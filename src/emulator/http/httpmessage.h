#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace snowemu {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/*!
    A request copied out of QHttpServerRequest, so it can wait in a connection's
    queue while an earlier response is still streaming.
*/
struct HttpRequest {
    QByteArray method;                          // upper case: "GET", "POST", ...
    QString path;                               // percent-decoded path
    QByteArray rawQuery;                        // query string as sent, without '?'
    QList<QPair<QString, QString>> queryItems;  // decoded ('+' is a space), in order
    HeaderList headers;
    QByteArray body;

    //! The first header named `name` (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;

    //! The first query item named `name`, or an empty string.
    QString queryValue(QStringView name) const;
    bool hasQueryItem(QStringView name) const;
};

/*!
    A body produced while the socket drains, so a large response never sits in
    memory as a whole.
*/
class BodySource
{
public:
    virtual ~BodySource() = default;

    //! Returns the next piece of the body, about `suggestedBytes` long; empty at the end.
    virtual QByteArray read(qint64 suggestedBytes) = 0;

    //! The total size when known in advance, otherwise -1.
    virtual qint64 size() const { return -1; }
};

struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;                     // used when `source` is null
    std::shared_ptr<BodySource> source;  // streamed body
    bool compressible = true;            // false keeps the body identity-encoded

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;
    void removeHeader(QByteArrayView name);

    //! A response with a JSON body and the ServiceNow JSON content type.
    static HttpResponse json(int status, const QByteArray &body);
};

//! The reason phrase of an HTTP status code.
QByteArray reasonPhrase(int status);

} // namespace snowemu
