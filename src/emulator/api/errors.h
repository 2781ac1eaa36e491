#pragma once

#include "http/httpmessage.h"

#include <QString>

namespace snowemu {

/*!
    A response in the Table API's error shape:
    {"error":{"message":"...","detail":"..."},"status":"failure"}.
*/
HttpResponse errorResponse(int status, const QString &message, const QString &detail);

//! 401 with the body a real instance sends when credentials are missing or wrong.
HttpResponse notAuthenticatedResponse();

//! 403 with the body a real instance sends when an ACL denies the API call.
HttpResponse notAuthorizedResponse();

//! 404 for a record that does not exist or that an ACL hides.
HttpResponse recordNotFoundResponse();

//! An OAuth 2.0 error body: {"error":"invalid_grant","error_description":"..."}.
HttpResponse oauthErrorResponse(int status, const QString &error, const QString &description);

} // namespace snowemu
