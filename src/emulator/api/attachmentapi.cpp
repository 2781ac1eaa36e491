#include "attachmentapi.h"

#include "accessrules.h"
#include "data/attachmentstore.h"
#include "data/seedrandom.h"
#include "data/store.h"
#include "errors.h"
#include "http/filebody.h"
#include "http/multipart.h"
#include "json/jsonwriter.h"
#include "listbody.h"
#include "logging.h"
#include "tableapi.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

constexpr qint64 kDefaultAttachmentLimit = 1000;

// Attribute key/value pairs live in the record under a key that is no column, so
// they are stored and persisted with it but never listed as a field.
const QString kAttributesKey = u"__attributes"_s;

// Metadata fields in the order of the Attachment API documentation, then the ones a
// real instance adds (state, hash, chunk_size_bytes).
const QStringList &metadataFields()
{
    static const QStringList fields = {
        u"table_sys_id"_s, u"size_bytes"_s, u"download_link"_s, u"sys_updated_on"_s, u"sys_id"_s, u"image_height"_s,
        u"sys_created_on"_s, u"file_name"_s, u"sys_created_by"_s, u"compressed"_s, u"average_image_color"_s,
        u"sys_updated_by"_s, u"sys_tags"_s, u"table_name"_s, u"image_width"_s, u"sys_mod_count"_s, u"content_type"_s,
        u"size_compressed"_s, u"state"_s, u"hash"_s, u"chunk_size_bytes"_s,
    };
    return fields;
}

void writeMetadata(QByteArray &out, const ApiContext &context, RowRef row, bool asciiOnly = false)
{
    out += '{';
    bool first = true;
    for (const QString &field : metadataFields()) {
        if (!first)
            out += ',';
        first = false;
        json::appendKey(out, field);
        const QString value = field == u"download_link"
            ? context.baseUrl + u"/api/now/attachment/"_s + context.store.sysId(row) + u"/file"_s
            : context.store.value(row, field);
        json::appendString(out, value, asciiOnly);
    }
    out += '}';
}

HttpResponse metadataResponse(const ApiContext &context, RowRef row, int status)
{
    QByteArray body = "{\"result\":";
    writeMetadata(body, context, row);
    body += '}';
    return HttpResponse::json(status, body);
}

// Content-Disposition with an ASCII fallback name and the exact UTF-8 name (RFC 6266).
QByteArray contentDisposition(const QString &fileName)
{
    QByteArray fallback;
    for (const QChar character : fileName) {
        const char16_t unit = character.unicode();
        if (unit < 0x20 || unit > 0x7E)
            fallback += '_';
        else if (unit == u'"' || unit == u'\\')
            fallback += QByteArray("\\") + char(unit);
        else
            fallback += char(unit);
    }
    return "attachment;filename=\"" + fallback + "\";filename*=UTF-8''" + QUrl::toPercentEncoding(fileName);
}

RowRef findAttachment(const ApiContext &context, const QString &sysId)
{
    return context.store.find(context.store.tableId(u"sys_attachment"_s), sysId);
}

HttpResponse listAttachments(ApiContext &context)
{
    const HttpRequest &request = context.request;
    bool ok = false;
    qint64 limit = request.queryValue(u"sysparm_limit").toLongLong(&ok);
    if (!ok || limit <= 0)
        limit = kDefaultAttachmentLimit;
    const qint64 offset = request.queryValue(u"sysparm_offset").toLongLong();
    if (offset < 0)
        return errorResponse(400, u"offset is %1"_s.arg(offset), u"Negative offset is not supported"_s);

    const int tableId = context.store.tableId(u"sys_attachment"_s);
    const RowList rows = queryRows(context, tableId);
    const qint64 total = qint64(rows->size());

    HttpResponse response;
    response.setHeader("Content-Type", "application/json;charset=UTF-8");
    response.setHeader("X-Total-Count", QByteArray::number(total));
    response.setHeader("Link", paginationLinks(context, offset, limit, total));

    const QString baseUrl = context.baseUrl;
    Store *store = &context.store;
    response.source = std::make_shared<RecordListBody>(
        context.store, rows, size_t(qMin(offset, total)), size_t(qMin(offset + limit, total)),
        [store, baseUrl](QByteArray &out, RowRef row) {
            // The request context is gone while the body streams, so only what outlives it is captured.
            out += '{';
            bool first = true;
            for (const QString &field : metadataFields()) {
                if (!first)
                    out += ',';
                first = false;
                json::appendKey(out, field);
                json::appendString(out, field == u"download_link" ? baseUrl + u"/api/now/attachment/"_s + store->sysId(row) + u"/file"_s
                                                                  : store->value(row, field));
            }
            out += '}';
        },
        nullptr);
    return response;
}

HttpResponse createAttachment(ApiContext &context, const QString &tableName, const QString &tableSysId, const QString &fileName,
                              const QByteArray &contentType, const QByteArray &received)
{
    // The corruptAttachments fault stores other bytes than were sent; the metadata
    // then describes what was stored, as it would after damage in transit.
    QByteArray content = received;
    if (context.corruptAttachments && !content.isEmpty())
        content[0] = char(~content[0]);

    if (!context.account.canWrite)
        return notAuthorizedResponse();

    QStringList missing;
    if (tableName.isEmpty())
        missing.append(u"table_name"_s);
    if (tableSysId.isEmpty())
        missing.append(u"table_sys_id"_s);
    if (fileName.isEmpty())
        missing.append(u"file_name"_s);
    if (!missing.isEmpty()) {
        return errorResponse(400, u"Missing required parameters: %1"_s.arg(missing.join(u", "_s)),
                             u"Send table_name, table_sys_id and file_name with the upload."_s);
    }

    const int targetTable = context.store.tableId(tableName);
    const RowRef target = targetTable < 0 ? RowRef() : context.store.find(targetTable, tableSysId);
    if (!target.isValid() || !canRead(context.store, context.account, target)) {
        return errorResponse(404, u"Record doesn't exist or ACL restricts the record retrieval"_s,
                             u"No %1 record with sys_id %2 is readable; attach the file to an existing record."_s.arg(tableName, tableSysId));
    }

    if (qint64(content.size()) > context.maxAttachmentBytes) {
        return errorResponse(400, u"Attachment too large"_s,
                             u"The file is %1 bytes, more than the maximum of %2 bytes set by com.glide.attachment.max_size; "
                             "upload a smaller file."_s.arg(content.size()).arg(context.maxAttachmentBytes));
    }

    const QString sysId = QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    if (!context.attachments.write(sysId, content, &error))
        return errorResponse(500, u"Failed to create the attachment"_s, error);

    const QString now = seed::formatDateTime(context.queryContext.nowSeconds);
    const QString size = QString::number(content.size());
    const QHash<QString, QString> values = {
        {u"sys_id"_s, sysId},
        {u"table_name"_s, tableName},
        {u"table_sys_id"_s, tableSysId},
        {u"file_name"_s, fileName},
        {u"content_type"_s, QString::fromLatin1(contentType)},
        {u"size_bytes"_s, size},
        {u"size_compressed"_s, size},
        {u"compressed"_s, u"false"_s},
        {u"hash"_s, QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex())},
        {u"state"_s, u"available"_s},
        {u"chunk_size_bytes"_s, u"700000"_s},
        {u"average_image_color"_s, QString()},
        {u"image_height"_s, QString()},
        {u"image_width"_s, QString()},
        {u"sys_tags"_s, QString()},
        {u"sys_created_on"_s, now},
        {u"sys_updated_on"_s, now},
        {u"sys_created_by"_s, context.account.userName},
        {u"sys_updated_by"_s, context.account.userName},
        {u"sys_mod_count"_s, u"0"_s},
    };
    const RowRef row = context.store.insert(context.store.tableId(u"sys_attachment"_s), values, {}, &error);
    if (!row.isValid()) {
        context.attachments.remove(sysId);
        return errorResponse(500, u"Failed to create the attachment"_s, error);
    }

    qCDebug(lcEmulatorData) << "Stored attachment" << sysId << "of" << content.size() << "bytes on" << tableName << tableSysId;
    HttpResponse response = metadataResponse(context, row, 201);
    response.setHeader("Location", (context.baseUrl + u"/api/now/attachment/"_s + sysId + u"/file"_s).toUtf8());
    return response;
}

HttpResponse uploadRaw(ApiContext &context)
{
    const HttpRequest &request = context.request;
    const QByteArray contentType = request.header("Content-Type");
    if (contentType.isEmpty()) {
        return errorResponse(400, u"Missing Content-Type header"_s,
                             u"POST /api/now/attachment/file needs the file's MIME type as Content-Type, such as image/png."_s);
    }
    return createAttachment(context, request.queryValue(u"table_name"), request.queryValue(u"table_sys_id"),
                            request.queryValue(u"file_name"), contentType, request.body);
}

HttpResponse uploadMultipart(ApiContext &context)
{
    const HttpRequest &request = context.request;
    QList<MultipartPart> parts;
    if (!parseMultipart(request.header("Content-Type"), request.body, &parts)) {
        return errorResponse(400, u"Invalid multipart body"_s,
                             u"Send multipart/form-data with a boundary, the fields table_name and table_sys_id, "
                             "and the file as the last part."_s);
    }

    QHash<QString, QString> fields;
    const MultipartPart *file = nullptr;
    for (const MultipartPart &part : std::as_const(parts)) {
        if (!part.fileName.isEmpty()) {
            file = &part;
            continue;
        }
        if (file) {
            return errorResponse(400, u"The file must be the last part"_s,
                                 u"Field %1 comes after the file part; move the file to the end of the form."_s.arg(part.name));
        }
        fields.insert(part.name, QString::fromUtf8(part.body));
    }
    if (!file)
        return errorResponse(400, u"Missing file part"_s, u"The form has no part with a filename; add the file as the last part."_s);

    const QByteArray contentType = file->contentType.isEmpty() ? QByteArray("application/octet-stream") : file->contentType;
    return createAttachment(context, fields.value(u"table_name"_s), fields.value(u"table_sys_id"_s), file->fileName, contentType,
                            file->body);
}

HttpResponse downloadFile(ApiContext &context, const QString &sysId)
{
    const RowRef row = findAttachment(context, sysId);
    if (!row.isValid())
        return recordNotFoundResponse();

    auto body = std::make_shared<FileBody>(context.attachments.filePath(sysId));
    body->setCorruptFirstByte(context.corruptAttachments);
    if (!body->isOpen()) {
        qCWarning(lcEmulatorData) << "The content file of attachment" << sysId << "is missing";
        return errorResponse(404, u"Attachment content not found"_s,
                             u"The file of attachment %1 is missing from the attachment folder."_s.arg(sysId));
    }

    QByteArray metadata;
    writeMetadata(metadata, context, row, true);

    HttpResponse response;
    response.status = 200;
    response.source = body;
    response.compressible = false;
    const QByteArray contentType = context.store.value(row, u"content_type"_s).toLatin1();
    response.setHeader("Content-Type", contentType.isEmpty() ? QByteArray("application/octet-stream") : contentType);
    response.setHeader("X-Attachment-Metadata", metadata);
    response.setHeader("Content-Disposition", contentDisposition(context.store.value(row, u"file_name"_s)));
    return response;
}

HttpResponse deleteAttachment(ApiContext &context, const QString &sysId)
{
    if (!context.account.canWrite)
        return notAuthorizedResponse();
    const RowRef row = findAttachment(context, sysId);
    if (!row.isValid())
        return recordNotFoundResponse();

    QString error;
    if (!context.store.remove(row, &error))
        return errorResponse(500, u"Operation Failed"_s, error);
    context.attachments.remove(sysId);

    HttpResponse response;
    response.status = 204;
    return response;
}

QJsonObject attributesOf(const ApiContext &context, RowRef row)
{
    return QJsonDocument::fromJson(context.store.extraValue(row, kAttributesKey).toUtf8()).object();
}

HttpResponse attributePair(const QString &key, const QString &value, int status)
{
    QByteArray body = "{\"result\":{\"key\":";
    json::appendString(body, key);
    body += ",\"value\":";
    json::appendString(body, value);
    body += "}}";
    return HttpResponse::json(status, body);
}

HttpResponse handleAttributes(ApiContext &context, const QString &sysId, const QString &key)
{
    const RowRef row = findAttachment(context, sysId);
    if (!row.isValid())
        return recordNotFoundResponse();

    QJsonObject attributes = attributesOf(context, row);

    const QByteArray method = context.request.method;
    if (method == "GET" && key.isEmpty()) {
        QByteArray body = "{\"result\":[";
        bool first = true;
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (!first)
                body += ',';
            first = false;
            body += "{\"key\":";
            json::appendString(body, it.key());
            body += ",\"value\":";
            json::appendString(body, it.value().toString());
            body += '}';
        }
        body += "]}";
        return HttpResponse::json(200, body);
    }
    if (method == "GET") {
        if (!attributes.contains(key))
            return errorResponse(404, u"No Record found"_s, u"Attachment %1 has no attribute %2."_s.arg(sysId, key));
        return attributePair(key, attributes.value(key).toString(), 200);
    }

    if (!context.account.canWrite)
        return notAuthorizedResponse();

    QString error;
    const QJsonObject body = QJsonDocument::fromJson(context.request.body).object();
    if (method == "POST" && key.isEmpty()) {
        const QString newKey = body.value(u"key"_s).toString();
        if (newKey.isEmpty())
            return errorResponse(400, u"Missing attribute key"_s, u"Send {\"key\": \"...\", \"value\": \"...\"}."_s);
        attributes.insert(newKey, body.value(u"value"_s).toString());
        if (!context.store.update(row, {{kAttributesKey, QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact))}}, {}, &error))
            return errorResponse(500, u"Operation Failed"_s, error);
        return attributePair(newKey, body.value(u"value"_s).toString(), 201);
    }
    if (method == "PUT" && !key.isEmpty()) {
        attributes.insert(key, body.value(u"value"_s).toString());
        if (!context.store.update(row, {{kAttributesKey, QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact))}}, {}, &error))
            return errorResponse(500, u"Operation Failed"_s, error);
        return attributePair(key, body.value(u"value"_s).toString(), 200);
    }
    if (method == "DELETE" && !key.isEmpty()) {
        if (!attributes.contains(key))
            return errorResponse(404, u"No Record found"_s, u"Attachment %1 has no attribute %2."_s.arg(sysId, key));
        attributes.remove(key);
        if (!context.store.update(row, {{kAttributesKey, QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact))}}, {}, &error))
            return errorResponse(500, u"Operation Failed"_s, error);
        HttpResponse response;
        response.status = 204;
        return response;
    }
    return errorResponse(405, u"Method not Supported"_s, u"Use GET, POST, PUT or DELETE on attachment attributes."_s);
}

} // namespace

HttpResponse handleAttachmentRequest(ApiContext &context, const QStringList &path)
{
    const QByteArray method = context.request.method;
    const bool reading = method == "GET" || method == "HEAD";

    if (path.isEmpty()) {
        if (reading)
            return listAttachments(context);
        return errorResponse(405, u"Method not Supported"_s, u"Use GET to list attachments, or POST to /attachment/file or /attachment/upload."_s);
    }
    if (path.size() == 1 && path.at(0) == u"file") {
        if (method != "POST")
            return errorResponse(405, u"Method not Supported"_s, u"Use POST to upload to /api/now/attachment/file."_s);
        return uploadRaw(context);
    }
    if (path.size() == 1 && path.at(0) == u"upload") {
        if (method != "POST")
            return errorResponse(405, u"Method not Supported"_s, u"Use POST with multipart/form-data to upload to /api/now/attachment/upload."_s);
        return uploadMultipart(context);
    }

    const QString sysId = path.at(0);
    if (path.size() == 1) {
        if (reading) {
            const RowRef row = findAttachment(context, sysId);
            return row.isValid() ? metadataResponse(context, row, 200) : recordNotFoundResponse();
        }
        if (method == "DELETE")
            return deleteAttachment(context, sysId);
        return errorResponse(405, u"Method not Supported"_s, u"Use GET or DELETE on /api/now/attachment/{sys_id}."_s);
    }
    if (path.size() == 2 && path.at(1) == u"file") {
        if (!reading)
            return errorResponse(405, u"Method not Supported"_s, u"Use GET to download /api/now/attachment/{sys_id}/file."_s);
        return downloadFile(context, sysId);
    }
    if ((path.size() == 2 || path.size() == 3) && path.at(1) == u"attributes")
        return handleAttributes(context, sysId, path.value(2));

    return errorResponse(400, u"Requested URI does not represent any resource"_s,
                         u"No Attachment API resource at %1."_s.arg(context.request.path));
}

} // namespace snowemu
