#include "recordurl.h"

#include <QtCore/QUrlQuery>

using namespace Qt::StringLiterals;

QUrl recordWebUrl(const QUrl &instanceUrl, const QString &table, const QString &sysId)
{
    QUrl url = instanceUrl;
    url.setPath(u"/nav_to.do"_s);

    const QString inner = table + u".do?sys_id="_s + sysId;
    QUrlQuery query;
    query.addQueryItem(u"uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(inner)));
    url.setQuery(query);
    return url;
}
