#pragma once

#include "accounts.h"
#include "http/httpmessage.h"
#include "query/resultcache.h"
#include "query/querycontext.h"

#include <QString>

namespace snowemu {

class AttachmentStore;
class RecordCache;
class ResultCache;
class Store;

//! Everything an API handler needs for one authenticated request.
struct ApiContext {
    const HttpRequest &request;
    const Account &account;
    QString baseUrl;             // "http://127.0.0.1:PORT", no trailing slash
    QueryContext queryContext;
    Store &store;
    ResultCache &cache;
    RecordCache &records;        // serialized records of earlier responses
    AttachmentStore &attachments;
    qint64 maxAttachmentBytes = 0;
    bool corruptAttachments = false; // the Faults flag of the same name
};

//! True for "true" in any letter case, as the sysparm flags are read.
inline bool isTrue(const QString &value)
{
    return value.compare(u"true", Qt::CaseInsensitive) == 0;
}

} // namespace snowemu
