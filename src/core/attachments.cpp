#include "snow/attachments.h"

#include "client_p.h"
#include "hashingfile_p.h"
#include "response_p.h"
#include "snow/logging.h"
#include "snow/querybuilder.h"
#include "snow/response.h"

#include <QtCore/QFileInfo>
#include <QtCore/QMimeDatabase>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHttpMultiPart>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]+$"_s);
    return pattern.match(id).hasMatch();
}

QUrl attachmentUrl(Client *client, const QString &path)
{
    QUrl url = client->baseUrl();
    url.setPath(u"/api/now/attachment"_s + path);
    return url;
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

Response *failed(Client *client, const Error &error)
{
    Response *response = ResponseAccess::create(client);
    ResponseAccess::d(response)->failLater(error);
    return response;
}

// A Content-Disposition for the file part: an ASCII fallback name plus the exact
// UTF-8 name (RFC 5987), so names with quotes, accents or emoji survive.
QByteArray fileDisposition(const QString &fileName)
{
    QByteArray fallback;
    for (const QChar c : fileName)
        fallback += (c.unicode() >= 0x20 && c.unicode() < 0x7F && c != u'"' && c != u'\\') ? char(c.unicode()) : '_';
    return "form-data; name=\"uploadFile\"; filename=\"" + fallback + "\"; filename*=UTF-8''"
        + QUrl::toPercentEncoding(fileName);
}

QHttpPart textPart(const QByteArray &name, const QString &value)
{
    QHttpPart part;
    part.setRawHeader("Content-Disposition", "form-data; name=\"" + name + '"');
    part.setBody(value.toUtf8());
    return part;
}

} // namespace

Attachments::Attachments(Client *client)
    : m_client(client)
{
}

QString Attachments::contentTypeFor(const QString &filePath)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(filePath);
    return type.isValid() ? type.name() : u"application/octet-stream"_s;
}

Response *Attachments::list(const QString &table, const QString &recordSysId, qint64 limit) const
{
    if (!m_client)
        return failed(nullptr, Error(Error::InvalidUsage, u"Attachments: the Client no longer exists"_s));

    const QString query = u"table_name="_s + QueryBuilder::escapeValue(table) + u"^table_sys_id="_s
        + QueryBuilder::escapeValue(recordSysId) + u"^ORDERBYsys_created_on"_s;
    QUrlQuery parameters;
    parameters.addQueryItem(u"sysparm_query"_s, encoded(query));
    parameters.addQueryItem(u"sysparm_limit"_s, QString::number(limit));

    RequestSpec spec;
    spec.method = "GET";
    spec.url = attachmentUrl(m_client, QString());
    spec.url.setQuery(parameters);

    Response *response = ResponseAccess::create(m_client);
    ResponseAccess::d(response)->send(spec);
    return response;
}

Response *Attachments::metadata(const QString &attachmentSysId) const
{
    if (!m_client || !isValidId(attachmentSysId))
        return failed(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid attachment sys_id"_s.arg(attachmentSysId)));

    RequestSpec spec;
    spec.method = "GET";
    spec.url = attachmentUrl(m_client, u'/' + attachmentSysId);
    Response *response = ResponseAccess::create(m_client);
    ResponseAccess::d(response)->send(spec);
    return response;
}

Response *Attachments::upload(const QString &table, const QString &recordSysId, const QString &filePath,
                              const UploadOptions &options) const
{
    if (!m_client)
        return failed(nullptr, Error(Error::InvalidUsage, u"Attachments: the Client no longer exists"_s));
    if (table.isEmpty() || !isValidId(recordSysId))
        return failed(m_client, Error(Error::InvalidUsage, u"Attachments::upload(): a table and a record sys_id are required"_s));

    const QFileInfo file(filePath);
    if (!file.isFile() || !file.isReadable()) {
        return failed(m_client, Error(Error::FileError, u"Cannot read \"%1\": it does not exist or is not a readable file"_s
                                                            .arg(filePath)));
    }

    const QString fileName = options.fileName.isEmpty() ? file.fileName() : options.fileName;
    const QString contentType = options.contentType.isEmpty() ? contentTypeFor(filePath) : options.contentType;
    const qint64 fileSize = file.size();
    auto digest = std::make_shared<UploadDigest>();

    RequestSpec spec;
    spec.method = "POST";
    if (options.multipart) {
        spec.url = attachmentUrl(m_client, u"/upload"_s);
        spec.openMultipart = [=]() -> QHttpMultiPart * {
            auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
            form->append(textPart("table_name", table));
            form->append(textPart("table_sys_id", recordSysId));

            // The Attachment API needs the file as the last part.
            auto *device = new HashingFile(filePath, digest);
            device->open(QIODevice::ReadOnly);
            device->setParent(form);
            QHttpPart filePart;
            filePart.setRawHeader("Content-Disposition", fileDisposition(fileName));
            filePart.setRawHeader("Content-Type", contentType.toUtf8());
            filePart.setBodyDevice(device);
            form->append(filePart);
            return form;
        };
    } else {
        QUrlQuery parameters;
        parameters.addQueryItem(u"table_name"_s, encoded(table));
        parameters.addQueryItem(u"table_sys_id"_s, encoded(recordSysId));
        parameters.addQueryItem(u"file_name"_s, encoded(fileName));
        spec.url = attachmentUrl(m_client, u"/file"_s);
        spec.url.setQuery(parameters);
        spec.headers = {{"Content-Type", contentType.toUtf8()}};
        spec.openBody = [=]() -> std::unique_ptr<QIODevice> {
            auto device = std::make_unique<HashingFile>(filePath, digest);
            device->open(QIODevice::ReadOnly);
            return device;
        };
    }

    Response *response = ResponseAccess::create(m_client);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->finishHook = [response, digest, fileSize, filePath](const Error &outcome) -> Error {
        if (outcome.isError())
            return outcome;

        const std::optional<Record> stored = response->firstOrNone();
        if (!stored)
            return Error(Error::MissingResult, u"The instance accepted the upload but returned no attachment record"_s);

        const QString sentHash = QString::fromLatin1(digest->hash.result().toHex());
        const qint64 storedSize = stored->value(u"size_bytes").toLongLong();
        const QString storedHash = stored->value(u"hash").toLower();
        if (storedSize != fileSize || digest->bytes != fileSize || (!storedHash.isEmpty() && storedHash != sentHash)) {
            Error mismatch(Error::HashMismatch,
                           u"The attachment %1 does not match \"%2\": the instance stored %3 bytes with SHA-256 %4, but "
                           "%5 bytes with SHA-256 %6 were sent. Delete the attachment and upload the file again"_s
                               .arg(stored->sysId(), filePath)
                               .arg(storedSize)
                               .arg(storedHash)
                               .arg(digest->bytes)
                               .arg(sentHash));
            qCWarning(lcAttachment).noquote() << mismatch.message();
            return mismatch;
        }
        qCInfo(lcAttachment).noquote() << "Uploaded" << fileSize << "bytes as attachment" << stored->sysId();
        return Error();
    };
    d->send(spec);
    return response;
}

Response *Attachments::download(const QString &attachmentSysId, const QString &targetPath) const
{
    if (!m_client || !isValidId(attachmentSysId))
        return failed(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid attachment sys_id"_s.arg(attachmentSysId)));
    if (targetPath.isEmpty())
        return failed(m_client, Error(Error::InvalidUsage, u"Attachments::download(): the target path is empty"_s));

    RequestSpec spec;
    spec.method = "GET";
    spec.accept = "*/*";
    spec.url = attachmentUrl(m_client, u'/' + attachmentSysId + u"/file"_s);

    Response *response = ResponseAccess::create(m_client);
    ResponsePrivate *d = ResponseAccess::d(response);
    d->downloadPath = targetPath;
    d->rawAllowed = true;
    d->send(spec);
    return response;
}

Response *Attachments::remove(const QString &attachmentSysId) const
{
    if (!m_client || !isValidId(attachmentSysId))
        return failed(m_client, Error(Error::InvalidUsage, u"\"%1\" is not a valid attachment sys_id"_s.arg(attachmentSysId)));

    RequestSpec spec;
    spec.method = "DELETE";
    spec.url = attachmentUrl(m_client, u'/' + attachmentSysId);
    Response *response = ResponseAccess::create(m_client);
    ResponseAccess::d(response)->send(spec);
    return response;
}

} // namespace snow
