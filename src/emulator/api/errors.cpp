#include "errors.h"

#include "json/jsonwriter.h"

using namespace Qt::StringLiterals;

namespace snowemu {

HttpResponse errorResponse(int status, const QString &message, const QString &detail)
{
    QByteArray body = "{\"error\":{\"message\":";
    json::appendString(body, message);
    body += ",\"detail\":";
    json::appendString(body, detail);
    body += "},\"status\":\"failure\"}";
    return HttpResponse::json(status, body);
}

HttpResponse notAuthenticatedResponse()
{
    return errorResponse(401, u"User Not Authenticated"_s, u"Required to provide Auth information"_s);
}

HttpResponse notAuthorizedResponse()
{
    return errorResponse(403, u"User Not Authorized"_s, u"Failed API level ACL Validation"_s);
}

HttpResponse recordNotFoundResponse()
{
    return errorResponse(404, u"No Record found"_s, u"Record doesn't exist or ACL restricts the record retrieval"_s);
}

HttpResponse oauthErrorResponse(int status, const QString &error, const QString &description)
{
    QByteArray body = "{\"error\":";
    json::appendString(body, error);
    body += ",\"error_description\":";
    json::appendString(body, description);
    body += '}';
    return HttpResponse::json(status, body);
}

} // namespace snowemu
