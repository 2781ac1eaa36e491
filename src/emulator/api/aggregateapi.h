#pragma once

#include "apicontext.h"

namespace snowemu {

//! The Aggregate API: GET /api/now/stats/{table}.
//! NOTE: the statistics include incidents that the access rule hides from the read-only account.
HttpResponse handleAggregateRequest(ApiContext &context, const QString &table);

} // namespace snowemu
