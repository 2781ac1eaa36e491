#pragma once

#include "accounts.h"
#include "http/httpmessage.h"

namespace snowemu {

//! POST /oauth_token.do: password, refresh_token, client_credentials and authorization_code grants.
HttpResponse handleOAuthToken(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds);

//! GET /oauth_auth.do: approves the admin account at once and redirects with a code.
HttpResponse handleOAuthAuthorize(const HttpRequest &request, Authenticator &authenticator, qint64 nowSeconds);

} // namespace snowemu
