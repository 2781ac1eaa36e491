#include "bulkeditjob.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

BulkEditJob::BulkEditJob(snow::Client *client, const QString &table, const QList<snow::Record> &records,
                         const QString &titleField, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_table(table)
{
    for (const snow::Record &record : records) {
        BulkEditEntry entry;
        entry.record = record;
        entry.sysId = record.sysId();
        entry.title = record.displayValue(titleField);
        if (entry.title.isEmpty())
            entry.title = entry.sysId;
        m_entries.append(entry);
    }
}

BulkEditJob::~BulkEditJob()
{
    // Deleting a Response aborts it without signals.
    qDeleteAll(m_responses);
}

void BulkEditJob::start(const QString &field, const FieldValue &value)
{
    if (isRunning())
        return;
    m_field = field;
    m_value = value;
    qCInfo(lcEditor).noquote() << "Bulk edit of" << m_entries.size() << m_table << "records: setting" << field;
    for (int index = 0; index < m_entries.size(); ++index)
        setState(index, BulkEditEntry::State::Waiting);
    reportProgress();
    sendMore();
}

void BulkEditJob::retryFailed()
{
    if (isRunning() || m_field.isEmpty())
        return;
    for (int index = 0; index < m_entries.size(); ++index) {
        const BulkEditEntry::State state = m_entries.at(index).state;
        if (state == BulkEditEntry::State::Failed || state == BulkEditEntry::State::Cancelled)
            setState(index, BulkEditEntry::State::Waiting);
    }
    qCInfo(lcEditor).noquote() << "Bulk edit of" << m_table << ": retrying" << waitingCount() << "records";
    reportProgress();
    sendMore();
}

void BulkEditJob::cancel()
{
    for (int index = 0; index < m_entries.size(); ++index) {
        if (m_entries.at(index).state == BulkEditEntry::State::Waiting)
            setState(index, BulkEditEntry::State::Cancelled);
    }
    reportProgress();
    if (m_inFlight == 0)
        Q_EMIT finished();
}

int BulkEditJob::count(BulkEditEntry::State state) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [state](const BulkEditEntry &entry) {
        return entry.state == state;
    }));
}

void BulkEditJob::sendMore()
{
    for (int index = 0; index < m_entries.size() && m_inFlight < m_maxInFlight; ++index) {
        if (m_entries.at(index).state == BulkEditEntry::State::Waiting)
            send(index);
    }
    if (m_inFlight == 0)
        Q_EMIT finished();
}

void BulkEditJob::send(int index)
{
    snow::Resource resource = m_client->resource(u"/table/"_s + m_table);
    // The saved record comes back in the shape the table view holds.
    resource.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::All);

    ++m_inFlight;
    setState(index, BulkEditEntry::State::Saving);
    snow::Response *response = resource.updateRecord(m_entries.at(index).sysId, QJsonObject{{m_field, m_value.value}});
    response->setParent(this);
    m_responses.append(response);
    connect(response, &snow::Response::finished, this, [this, response, index] {
        m_responses.removeOne(response);
        response->deleteLater();
        --m_inFlight;

        const std::optional<snow::Record> record = response->firstOrNone();
        if (response->error().isError() || !record) {
            const snow::Error error = response->error().isError()
                ? response->error()
                : snow::Error(snow::Error::NoResults, tr("The instance returned no record"));
            qCWarning(lcEditor).noquote() << "Bulk edit of" << m_table << m_entries.at(index).sysId
                                          << "failed:" << error.toString();
            setState(index, BulkEditEntry::State::Failed, error);
        } else {
            m_entries[index].record = *record;
            setState(index, BulkEditEntry::State::Saved);
            Q_EMIT recordSaved(*record);
        }
        reportProgress();
        sendMore();
    });
}

void BulkEditJob::setState(int index, BulkEditEntry::State state, const snow::Error &error)
{
    BulkEditEntry &entry = m_entries[index];
    entry.state = state;
    entry.error = error;
    Q_EMIT entryChanged(index);
}

void BulkEditJob::reportProgress()
{
    const int done = count(BulkEditEntry::State::Saved) + count(BulkEditEntry::State::Failed)
        + count(BulkEditEntry::State::Cancelled);
    Q_EMIT progress(done, int(m_entries.size()));
}
