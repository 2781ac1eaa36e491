#pragma once

#include "attachments/attachmentinfo.h"

#include <snow/error.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QStringList>

class UploadManager;

namespace snow {
class Client;
class Response;
}

/// The number of attachments of many records, for a count column in a table.
///
/// fetch() requests the counts of up to BatchSize records at a time from the
/// Aggregate API:
/// `GET /api/now/stats/sys_attachment?sysparm_count=true&sysparm_group_by=table_sys_id`
/// `&sysparm_query=table_name=<table>^table_sys_idIN<id>,<id>,...`.
/// Records without attachments form no group and get the count 0. countsChanged()
/// follows each batch the instance returned, failed() each failed one; a later fetch() of the same
/// records replaces their counts.
///
/// Attachments belong to a record's real table (its `sys_class_name`), so fetch the
/// counts of a list of `task` records per real table, or with an empty table: then the
/// query matches the sys_ids under any table, which suits a list whose records do not
/// carry `sys_class_name`.
///
/// After trackChanges(), attachments added or deleted through that UploadManager
/// adjust the known counts at once, without a request. Lives in the GUI thread; the
/// Client must outlive it.
class AttachmentCounts : public QObject
{
    Q_OBJECT

public:
    /// Records per request; 100 sys_ids keep the URL near 4 KB.
    static constexpr int BatchSize = 100;

    explicit AttachmentCounts(snow::Client *client, QObject *parent = nullptr);
    ~AttachmentCounts() override;

    /// Adjusts counts when @p uploads adds or deletes an attachment.
    void trackChanges(UploadManager *uploads);

    /// Fetches the counts of @p recordSysIds of @p table, or under any table when
    /// @p table is empty. Values that are not sys_ids (anything but letters, digits,
    /// `_`, `.` and `-`) are skipped, because they could change the meaning of the query.
    void fetch(const QString &table, const QStringList &recordSysIds);
    /// Returns the known count, or -1 when it was never fetched. Pass the table given
    /// to fetch(), so an empty one for counts under any table.
    qint64 count(const QString &table, const QString &recordSysId) const;
    /// True while a request is in flight.
    bool isFetching() const { return !m_responses.isEmpty(); }
    /// Forgets every count and stops the requests in flight.
    void clear();

    /// Returns the encoded query of one batch, as sent in `sysparm_query`.
    static QString countQuery(const QString &table, const QStringList &recordSysIds);

Q_SIGNALS:
    void countsChanged(const QString &table, const QStringList &recordSysIds);
    void failed(const QString &table, const snow::Error &error);

private:
    void fetchBatch(const QString &table, const QStringList &recordSysIds);
    void takeBatch(snow::Response *response, const QString &table, const QStringList &recordSysIds);
    void adjust(const AttachmentInfo &attachment, int delta);
    static QString key(const QString &table, const QString &recordSysId);

    snow::Client *m_client;
    QHash<QString, qint64> m_counts;
    QSet<snow::Response *> m_responses;
};
