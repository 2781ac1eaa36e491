#include "snow/logging.h"

namespace snow {

Q_LOGGING_CATEGORY(lcNetwork, "snow.core.network", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRetry, "snow.core.retry", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReader, "snow.core.reader", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOAuth, "snow.core.oauth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAttachment, "snow.core.attachment", QtInfoMsg)

QString libraryVersion()
{
    return QStringLiteral(SNOWCORE_VERSION_STRING);
}

} // namespace snow
