#pragma once

#include "httpmessage.h"

namespace snowemu {

/*!
    A response together with the transport faults to apply while sending it.
*/
struct ResponsePlan {
    HttpResponse response;
    int latencyMs = 0;               // wait before the status line
    bool stall = false;              // never answer
    qint64 bandwidthBytesPerSecond = 0;
    qint64 truncateAfterBytes = -1;  // body bytes to send before a clean close
    qint64 resetAfterBytes = -1;     // body bytes to send before a TCP reset
};

/*!
    Turns a request into a response plan. Called on the server's thread, one request
    at a time per connection.
*/
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual ResponsePlan handle(const HttpRequest &request) = 0;
};

} // namespace snowemu
