#include "router.h"

#include "aggregateapi.h"
#include "attachmentapi.h"
#include "errors.h"
#include "json/jsonwriter.h"
#include "oauthapi.h"
#include "tableapi.h"

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

HttpResponse currentUser(const ApiContext &context)
{
    QByteArray body = "{\"result\":{\"user_name\":";
    json::appendString(body, context.account.userName);
    body += ",\"user_sys_id\":";
    json::appendString(body, context.account.sysId);
    body += ",\"user_display_name\":";
    json::appendString(body, context.account.displayName);
    body += ",\"time_zone\":";
    json::appendString(body, QString::fromLatin1(context.account.timeZone.id()));
    body += "}}";
    return HttpResponse::json(200, body);
}

HttpResponse unknownResource(const HttpRequest &request)
{
    return errorResponse(400, u"Requested URI does not represent any resource"_s,
                         u"No API answers %1; the emulator serves /api/now/table, /api/now/attachment, "
                         "/api/now/stats and /oauth_token.do."_s.arg(request.path));
}

} // namespace

bool isOAuthPath(const QString &path)
{
    return path == u"/oauth_token.do" || path == u"/oauth_auth.do";
}

HttpResponse routeOAuthRequest(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds)
{
    if (request.path == u"/oauth_auth.do")
        return handleOAuthAuthorize(request, authenticator, nowSeconds);
    return handleOAuthToken(request, authenticator, nowSeconds);
}

HttpResponse routeApiRequest(ApiContext &context)
{
    const HttpRequest &request = context.request;
    QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);

    // "/api/now/v2/table/incident" and "/api/now/table/incident" are the same resource.
    if (parts.size() < 3 || parts.at(0) != u"api" || parts.at(1) != u"now")
        return unknownResource(request);
    int apiVersion = 2;
    if (parts.at(2) == u"v1" || parts.at(2) == u"v2") {
        apiVersion = parts.at(2) == u"v1" ? 1 : 2;
        parts.removeAt(2);
    }
    if (parts.size() < 3)
        return unknownResource(request);

    const QString api = parts.at(2);
    const QStringList rest = parts.mid(3);

    if (api == u"table" && (rest.size() == 1 || rest.size() == 2))
        return handleTableRequest(context, rest.at(0), rest.value(1), apiVersion);
    if (api == u"attachment")
        return handleAttachmentRequest(context, rest);
    if (api == u"stats" && rest.size() == 1)
        return handleAggregateRequest(context, rest.at(0));
    if (api == u"ui" && rest == QStringList{u"user"_s, u"current_user"_s})
        return currentUser(context);
    return unknownResource(request);
}

} // namespace snowemu
