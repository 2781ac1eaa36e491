#pragma once

#include "http/httpmessage.h"
#include "snowemu/server.h"

#include <QJsonObject>

namespace snowemu {

//! The JSON form of `faults`, with the field names of the Faults struct.
QJsonObject faultsToJson(const Faults &faults);

/*!
    The control endpoint /emulator/faults: GET returns the active faults, POST
    replaces them with the JSON body (fields left out are off). On a valid POST,
    `updated` is set to the new faults. The endpoint needs no authentication and is
    never faulted.
*/
HttpResponse handleFaultControl(const HttpRequest &request, const Faults &current, Faults *updated);

} // namespace snowemu
