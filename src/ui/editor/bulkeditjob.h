#pragma once

#include "editor/fieldvalue.h"

#include <snow/error.h>
#include <snow/record.h>

#include <QtCore/QObject>

namespace snow {
class Client;
class Response;
}

/// One record of a bulk edit and how its update went.
struct BulkEditEntry
{
    enum class State {
        Idle,      ///< not part of a run yet
        Waiting,   ///< queued to be sent
        Saving,    ///< the PATCH is in flight
        Saved,     ///< the instance accepted it
        Failed,    ///< the instance or the network rejected it; error says why
        Cancelled, ///< the user cancelled before it was sent
    };

    /// The record as given, or as the instance returned it after the save.
    snow::Record record;
    QString sysId;
    /// The record's display value, such as "INC0010001".
    QString title;
    State state = State::Idle;
    snow::Error error;
};

/// Sets one field to one value on many records of a table, one PATCH per record, a
/// few at a time.
///
/// retryFailed() sends the same change again to the records that failed or were
/// cancelled, never to those already saved. cancel() stops sending; requests already
/// in flight finish and report their result, because aborting one would leave its
/// outcome on the instance unknown.
///
/// Signals: entryChanged() whenever an entry's state changes, recordSaved() for each
/// accepted update, finished() once no request is left in flight and none waits.
class BulkEditJob : public QObject
{
    Q_OBJECT

public:
    /// @p titleField names the field shown for each record (the table's display
    /// field). @p client must outlive the job.
    BulkEditJob(snow::Client *client, const QString &table, const QList<snow::Record> &records, const QString &titleField,
                QObject *parent = nullptr);
    ~BulkEditJob() override;

    /// Sends @p field = @p value to every record. Ignored while running.
    void start(const QString &field, const FieldValue &value);
    /// Sends the last change again to the records that failed or were cancelled.
    void retryFailed();
    /// Sends nothing more; entries not yet sent become Cancelled.
    void cancel();

    bool isRunning() const { return m_inFlight > 0 || waitingCount() > 0; }
    QString table() const { return m_table; }
    QString field() const { return m_field; }
    FieldValue value() const { return m_value; }
    const QList<BulkEditEntry> &entries() const { return m_entries; }
    int count(BulkEditEntry::State state) const;

    /// Requests in flight at once; 3 by default.
    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }

Q_SIGNALS:
    void entryChanged(int index);
    void recordSaved(const snow::Record &record);
    /// @p done entries of @p total have an outcome.
    void progress(int done, int total);
    void finished();

private:
    int waitingCount() const { return count(BulkEditEntry::State::Waiting); }
    void sendMore();
    void send(int index);
    void setState(int index, BulkEditEntry::State state, const snow::Error &error = snow::Error());
    void reportProgress();

    snow::Client *m_client;
    QString m_table;
    QList<BulkEditEntry> m_entries;
    QString m_field;
    FieldValue m_value;
    int m_inFlight = 0;
    int m_maxInFlight = 3;
    QList<snow::Response *> m_responses;
};
