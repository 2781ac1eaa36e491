#pragma once

#include "apicontext.h"

namespace snowemu {

/*!
    The Table API: /api/now/[v1|v2/]table/{table}[/{sys_id}]. `apiVersion` is 1 for
    /v1/ paths (an empty list is a 404 there) and 2 otherwise.
*/
HttpResponse handleTableRequest(ApiContext &context, const QString &table, const QString &sysId, int apiVersion);

//! Evaluates sysparm_query plus the name-value filters of a request, with caching.
RowList queryRows(ApiContext &context, int tableId);

//! The Link header of a list response: first, prev, next (not on the last page) and last.
QByteArray paginationLinks(const ApiContext &context, qint64 offset, qint64 limit, qint64 total);

} // namespace snowemu
