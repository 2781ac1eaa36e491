#include "attachmentcounts.h"

#include "attachments/uploadmanager.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool isSysId(const QString &value)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]+$"_s);
    return pattern.match(value).hasMatch();
}

} // namespace

AttachmentCounts::AttachmentCounts(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

AttachmentCounts::~AttachmentCounts()
{
    clear();
}

void AttachmentCounts::trackChanges(UploadManager *uploads)
{
    connect(uploads, &UploadManager::attachmentAdded, this, [this](const AttachmentInfo &attachment) { adjust(attachment, +1); });
    connect(uploads, &UploadManager::attachmentRemoved, this, [this](const AttachmentInfo &attachment) { adjust(attachment, -1); });
}

QString AttachmentCounts::countQuery(const QString &table, const QStringList &recordSysIds)
{
    if (table.isEmpty()) {
        // Attachment rows whose table_name contains "ZZ_YY" are left out, because the
        // record's attachment list (table_name=<table>) never shows them.
        // NOTE: unverified against a live instance: ServiceNow stores images pasted into
        // HTML fields under "ZZ_YY<table>". The emulator creates no such rows.
        return u"table_sys_idIN"_s + recordSysIds.join(u',') + u"^table_nameNOT LIKEZZ_YY"_s;
    }
    return u"table_name="_s + snow::QueryBuilder::escapeValue(table) + u"^table_sys_idIN"_s + recordSysIds.join(u',');
}

void AttachmentCounts::fetch(const QString &table, const QStringList &recordSysIds)
{
    QStringList valid;
    QSet<QString> seen;
    for (const QString &sysId : recordSysIds) {
        if (!isSysId(sysId)) {
            qCWarning(lcAttachments).noquote() << "Skipping" << sysId << "in an attachment count: it is not a sys_id";
            continue;
        }
        if (!seen.contains(sysId)) {
            seen.insert(sysId);
            valid.append(sysId);
        }
    }

    for (qsizetype start = 0; start < valid.size(); start += BatchSize)
        fetchBatch(table, valid.mid(start, BatchSize));
}

void AttachmentCounts::fetchBatch(const QString &table, const QStringList &recordSysIds)
{
    snow::Resource stats = m_client->resource(u"/stats/sys_attachment"_s);
    stats.parameters().addCustom({
        {u"sysparm_count"_s, u"true"_s},
        {u"sysparm_group_by"_s, u"table_sys_id"_s},
        {u"sysparm_query"_s, countQuery(table, recordSysIds)},
    });

    qCDebug(lcAttachments) << "Counting the attachments of" << recordSysIds.size() << table << "records";
    snow::Response *response = stats.request("GET");
    response->setParent(this);
    m_responses.insert(response);
    connect(response, &snow::Response::finished, this,
            [this, response, table, recordSysIds] { takeBatch(response, table, recordSysIds); });
}

void AttachmentCounts::takeBatch(snow::Response *response, const QString &table, const QStringList &recordSysIds)
{
    m_responses.remove(response);
    response->deleteLater();

    if (response->error().isError()) {
        qCWarning(lcAttachments).noquote() << "Counting attachments of" << table << "records failed:" << response->error().toString();
        Q_EMIT failed(table, response->error());
        return;
    }

    // Every requested record starts at 0: a record without attachments has no group.
    for (const QString &sysId : recordSysIds)
        m_counts.insert(key(table, sysId), 0);

    for (const snow::Record &group : response->records()) {
        // Both members arrive as nested JSON, which Record keeps as JSON text.
        const QJsonObject stats = QJsonDocument::fromJson(group.value(u"stats").toUtf8()).object();
        const QJsonArray fields = QJsonDocument::fromJson(group.value(u"groupby_fields").toUtf8()).array();
        if (fields.isEmpty())
            continue;
        const QString sysId = fields.first().toObject().value(u"value"_s).toString();
        // Counts are strings on the Aggregate API ("3"); accept a number too.
        const QJsonValue countValue = stats.value(u"count"_s);
        const qint64 count = countValue.isString() ? countValue.toString().toLongLong() : qint64(countValue.toDouble());
        m_counts.insert(key(table, sysId), count);
    }

    Q_EMIT countsChanged(table, recordSysIds);
}

qint64 AttachmentCounts::count(const QString &table, const QString &recordSysId) const
{
    return m_counts.value(key(table, recordSysId), -1);
}

void AttachmentCounts::clear()
{
    // Deleting a Response aborts it without further signals.
    const QSet<snow::Response *> responses = m_responses;
    m_responses.clear();
    qDeleteAll(responses);
    m_counts.clear();
}

void AttachmentCounts::adjust(const AttachmentInfo &attachment, int delta)
{
    // The record's count may be known under its real table, under any table, or both.
    for (const QString &table : {attachment.tableName, QString()}) {
        const auto found = m_counts.find(key(table, attachment.tableSysId));
        if (found == m_counts.end())
            continue;

        found.value() = qMax<qint64>(0, found.value() + delta);
        Q_EMIT countsChanged(table, {attachment.tableSysId});
    }
}

QString AttachmentCounts::key(const QString &table, const QString &recordSysId)
{
    return table + u'/' + recordSysId;
}
