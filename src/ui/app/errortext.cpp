#include "errortext.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorText", text);
}

} // namespace

QString userMessage(const snow::Error &error)
{
    if (!error.isError())
        return QString();

    QString text;
    switch (error.kind()) {
    case snow::Error::HttpError:
        switch (error.httpStatus()) {
        case 401:
            text = tr("The instance did not accept the sign-in: %1. Check the user name and password of this connection.")
                       .arg(error.message());
            break;
        case 403:
            text = tr("The instance refused the operation: %1.").arg(error.message());
            break;
        case 429:
            text = error.retryAfterSeconds() >= 0
                ? tr("The instance is rate-limiting requests; it asked to wait %1 seconds.").arg(error.retryAfterSeconds())
                : tr("The instance is rate-limiting requests.");
            break;
        default:
            text = tr("The instance answered with HTTP %1: %2").arg(error.httpStatus()).arg(error.message());
            break;
        }
        break;
    case snow::Error::NetworkError:
        text = tr("The instance could not be reached: %1. Check the address and your network connection.").arg(error.message());
        break;
    default:
        text = error.message();
        break;
    }

    if (!error.detail().isEmpty() && error.kind() == snow::Error::HttpError && error.httpStatus() != 429)
        text += u' ' + error.detail();
    if (error.recordsIncomplete())
        text += u' ' + tr("The records shown are incomplete.");
    return text;
}

QString technicalDetails(const snow::Error &error)
{
    QStringList lines;
    lines << tr("Error: %1").arg(error.kindName());
    if (!error.method().isEmpty())
        lines << tr("Request: %1 %2").arg(error.method(), error.url().toDisplayString());
    if (error.httpStatus() > 0)
        lines << tr("HTTP status: %1").arg(error.httpStatus());
    lines << tr("Message: %1").arg(error.message());
    if (!error.detail().isEmpty())
        lines << tr("Detail: %1").arg(error.detail());
    if (error.byteOffset() >= 0)
        lines << tr("At byte: %1").arg(error.byteOffset());
    if (error.retryAfterSeconds() >= 0)
        lines << tr("Retry after: %1 s").arg(error.retryAfterSeconds());
    if (!error.bodySample().isEmpty())
        lines << QString() << tr("Start of the response body:") << QString::fromUtf8(error.bodySample());
    return lines.join(u'\n');
}
