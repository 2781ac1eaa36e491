#pragma once

#include <snow/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace snow {
class Client;
class Record;
class Response;
}

/// Finding the table that a record's attachments belong to.
///
/// ServiceNow files an attachment under the record's real table, its
/// `sys_class_name`: an incident shown in a list of `task` records keeps its
/// attachments under `incident`, and an upload to `task` would not show on the
/// incident's form. Callers that browse a parent table pass the real table to
/// AttachmentsPanel, UploadManager and AttachmentCounts:
/// - with the record at hand, request `sys_class_name` among the fields and call
///   tableOf();
/// - with only a sys_id, use RecordTableLookup.
namespace attachmenttarget {

/// Returns the `sys_class_name` of @p record, or @p browsedTable when the record has
/// none (tables that are not extended have no such column).
QString tableOf(const snow::Record &record, const QString &browsedTable);

} // namespace attachmenttarget

/// Reads the real table of one record: `GET /api/now/table/<browsed>/<sys_id>` with
/// `sysparm_fields=sys_class_name`.
///
/// lookUp() replaces a look-up in flight; resolved() or failed() follows once per
/// lookUp() that is not replaced. Lives in the GUI thread; the Client must outlive it.
class RecordTableLookup : public QObject
{
    Q_OBJECT

public:
    explicit RecordTableLookup(snow::Client *client, QObject *parent = nullptr);
    ~RecordTableLookup() override;

    void lookUp(const QString &browsedTable, const QString &recordSysId);

Q_SIGNALS:
    void resolved(const QString &browsedTable, const QString &recordSysId, const QString &realTable);
    void failed(const QString &browsedTable, const QString &recordSysId, const snow::Error &error);

private:
    snow::Client *m_client;
    QPointer<snow::Response> m_response;
};
