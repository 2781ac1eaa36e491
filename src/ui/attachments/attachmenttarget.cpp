#include "attachmenttarget.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/record.h>
#include <snow/resource.h>
#include <snow/response.h>

using namespace Qt::StringLiterals;

QString attachmenttarget::tableOf(const snow::Record &record, const QString &browsedTable)
{
    const QString realTable = record.value(u"sys_class_name");
    return realTable.isEmpty() ? browsedTable : realTable;
}

RecordTableLookup::RecordTableLookup(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

RecordTableLookup::~RecordTableLookup()
{
    // Deleting a Response aborts it without further signals.
    delete m_response.data();
}

void RecordTableLookup::lookUp(const QString &browsedTable, const QString &recordSysId)
{
    delete m_response.data();

    snow::Resource table = m_client->resource(u"/table/"_s + browsedTable);
    table.parameters().setFields({u"sys_class_name"_s});
    snow::Response *response = table.getRecord(recordSysId);
    response->setParent(this);
    m_response = response;

    connect(response, &snow::Response::finished, this, [this, response, browsedTable, recordSysId] {
        m_response = nullptr;
        response->deleteLater();
        if (response->error().isError()) {
            qCWarning(lcAttachments).noquote() << "Cannot read the table of" << browsedTable << recordSysId << ":"
                                               << response->error().toString();
            Q_EMIT failed(browsedTable, recordSysId, response->error());
            return;
        }

        const std::optional<snow::Record> record = response->firstOrNone();
        const QString realTable = record ? attachmenttarget::tableOf(*record, browsedTable) : browsedTable;
        Q_EMIT resolved(browsedTable, recordSysId, realTable);
    });
}
