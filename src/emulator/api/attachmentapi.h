#pragma once

#include "apicontext.h"

#include <QStringList>

namespace snowemu {

//! The Attachment API: /api/now/attachment[/...]; `path` is what follows "attachment".
HttpResponse handleAttachmentRequest(ApiContext &context, const QStringList &path);

} // namespace snowemu
