#include "snow/error.h"

#include <QtCore/QMetaEnum>

using namespace Qt::StringLiterals;

namespace snow {

class ErrorData : public QSharedData
{
public:
    Error::Kind kind = Error::NoError;
    QString message;
    QString detail;
    int httpStatus = 0;
    QString method;
    QUrl url;
    QByteArray bodySample;
    qint64 byteOffset = -1;
    bool recordsIncomplete = false;
    int retryAfterSeconds = -1;
    QString oauthError;
};

Error::Error()
    : d(new ErrorData)
{
}

Error::Error(Kind kind, const QString &message)
    : d(new ErrorData)
{
    d->kind = kind;
    d->message = message;
}

Error::Error(const Error &other) = default;
Error::Error(Error &&other) noexcept = default;
Error &Error::operator=(const Error &other) = default;
Error &Error::operator=(Error &&other) noexcept = default;
Error::~Error() = default;

Error::Kind Error::kind() const
{
    return d->kind;
}

QString Error::kindName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(d->kind));
}

QString Error::message() const
{
    return d->message;
}

QString Error::detail() const
{
    return d->detail;
}

int Error::httpStatus() const
{
    return d->httpStatus;
}

QString Error::method() const
{
    return d->method;
}

QUrl Error::url() const
{
    return d->url;
}

QByteArray Error::bodySample() const
{
    return d->bodySample;
}

qint64 Error::byteOffset() const
{
    return d->byteOffset;
}

bool Error::recordsIncomplete() const
{
    return d->recordsIncomplete;
}

int Error::retryAfterSeconds() const
{
    return d->retryAfterSeconds;
}

QString Error::oauthError() const
{
    return d->oauthError;
}

Error &Error::setMessage(const QString &message)
{
    d->message = message;
    return *this;
}

Error &Error::setDetail(const QString &detail)
{
    d->detail = detail;
    return *this;
}

Error &Error::setHttpStatus(int status)
{
    d->httpStatus = status;
    return *this;
}

Error &Error::setRequest(const QString &method, const QUrl &url)
{
    d->method = method;
    d->url = url.adjusted(QUrl::RemoveUserInfo);
    return *this;
}

Error &Error::setBodySample(const QByteArray &body)
{
    d->bodySample = body.left(MaxBodySample);
    return *this;
}

Error &Error::setByteOffset(qint64 offset)
{
    d->byteOffset = offset;
    return *this;
}

Error &Error::setRecordsIncomplete(bool incomplete)
{
    d->recordsIncomplete = incomplete;
    return *this;
}

Error &Error::setRetryAfterSeconds(int seconds)
{
    d->retryAfterSeconds = seconds;
    return *this;
}

Error &Error::setOAuthError(const QString &code)
{
    d->oauthError = code;
    return *this;
}

QString Error::toString() const
{
    if (!isError())
        return u"No error"_s;

    QString text;
    if (d->httpStatus > 0)
        text = u"HTTP %1"_s.arg(d->httpStatus);
    else
        text = kindName();

    if (!d->method.isEmpty())
        text += u" on "_s + d->method + u' ' + d->url.toDisplayString();

    text += u": "_s + d->message;
    if (!d->detail.isEmpty())
        text += u" ("_s + d->detail + u')';
    if (d->recordsIncomplete)
        text += u" [the records received are incomplete]"_s;
    return text;
}

} // namespace snow
