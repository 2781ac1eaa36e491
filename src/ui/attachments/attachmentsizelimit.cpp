#include "attachmentsizelimit.h"

#include "attachments/attachmentinfo.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QLocale>

using namespace Qt::StringLiterals;

AttachmentSizeLimit::AttachmentSizeLimit(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

AttachmentSizeLimit::~AttachmentSizeLimit()
{
    // Deleting a Response aborts it without further signals.
    delete m_response.data();
}

void AttachmentSizeLimit::load()
{
    if (m_loaded || m_response)
        return;

    snow::Resource properties = m_client->resource(u"/table/sys_properties"_s);
    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"name"_s, u"value"_s};
    m_response = properties.get({{u"name"_s, PropertyName}}, options);
    m_response->setParent(this);
    connect(m_response, &snow::Response::finished, this, &AttachmentSizeLimit::takeResponse);
}

void AttachmentSizeLimit::setMaxBytes(qint64 bytes)
{
    delete m_response.data();
    m_maxBytes = bytes;
    m_loaded = true;
    m_lastError = snow::Error();
}

void AttachmentSizeLimit::takeResponse()
{
    snow::Response *response = m_response;
    m_response = nullptr;
    response->deleteLater();

    const qint64 defaultBytes = DefaultMegabytes * BytesPerMegabyte;
    m_maxBytes = defaultBytes;
    m_lastError = response->error();

    if (m_lastError.isError()) {
        qCWarning(lcAttachments).noquote() << "Cannot read" << PropertyName << "so" << DefaultMegabytes
                                           << "MB applies:" << m_lastError.toString();
    } else if (const std::optional<snow::Record> property = response->firstOrNone()) {
        bool valid = false;
        const qint64 megabytes = property->value(u"value").trimmed().toLongLong(&valid);
        if (valid && megabytes > 0) {
            m_maxBytes = megabytes * BytesPerMegabyte;
        } else {
            qCWarning(lcAttachments).noquote() << PropertyName << "has the invalid value" << property->value(u"value")
                                               << "so" << DefaultMegabytes << "MB applies";
        }
    } else {
        qCInfo(lcAttachments).noquote() << PropertyName << "is not set, so" << DefaultMegabytes << "MB applies";
    }

    m_loaded = true;
    qCDebug(lcAttachments) << "Maximum attachment size:" << m_maxBytes << "bytes";
    Q_EMIT loaded(m_maxBytes);
}

QString AttachmentSizeLimit::checkFile(const QString &fileName, qint64 fileBytes, qint64 maxBytes)
{
    if (fileBytes <= maxBytes)
        return QString();

    // The property is in whole megabytes; a limit set otherwise (tests) is shown in bytes.
    const QString limit = maxBytes % BytesPerMegabyte == 0
        ? u"%1 MB"_s.arg(QLocale().toString(maxBytes / BytesPerMegabyte))
        : QCoreApplication::translate("AttachmentSizeLimit", "%1 bytes").arg(QLocale().toString(maxBytes));
    return QCoreApplication::translate("AttachmentSizeLimit",
                                       "\"%1\" is %2 (%3 bytes), larger than this instance's maximum attachment size of "
                                       "%4 (system property %5). Attach a smaller file, or ask an administrator to "
                                       "raise the limit.")
        .arg(fileName, attachmentformat::byteSize(fileBytes), QLocale().toString(fileBytes), limit, PropertyName);
}
