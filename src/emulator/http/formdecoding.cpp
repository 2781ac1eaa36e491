#include "formdecoding.h"

#include <QUrl>

namespace snowemu {

namespace {

QString decodeComponent(QByteArrayView component)
{
    QByteArray bytes = component.toByteArray();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

} // namespace

QList<QPair<QString, QString>> decodeFormItems(QByteArrayView encoded)
{
    QList<QPair<QString, QString>> items;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();

        const QByteArrayView pair = encoded.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype equals = pair.indexOf('=');
            if (equals < 0)
                items.append({decodeComponent(pair), QString()});
            else
                items.append({decodeComponent(pair.first(equals)), decodeComponent(pair.sliced(equals + 1))});
        }
        start = end + 1;
    }
    return items;
}

QByteArray encodeQueryComponent(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

} // namespace snowemu
