#pragma once

#include "apicontext.h"

namespace snowemu {

//! The Aggregate API: GET /api/now/stats/{table}.
HttpResponse handleAggregateRequest(ApiContext &context, const QString &table);

} // namespace snowemu
