#pragma once

#include "apicontext.h"

namespace snowemu {

class Authenticator;

/*!
    Sends an authenticated API request to its handler: Table, Attachment and
    Aggregate APIs (with or without a /v1/ or /v2/ version) and the current-user
    endpoint. Unknown paths get the 400 a real instance sends.
*/
HttpResponse routeApiRequest(ApiContext &context);

//! /oauth_token.do and /oauth_auth.do, which authenticate through their parameters.
HttpResponse routeOAuthRequest(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds);

bool isOAuthPath(const QString &path);

} // namespace snowemu
