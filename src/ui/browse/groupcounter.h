#pragma once

#include <snow/error.h>
#include <snow/response.h>

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <optional>

namespace snow {
class Client;
class Record;
}

/// The number of records with one value of a field.
struct GroupCount
{
    QString value;        ///< the stored value, empty for records without one
    QString displayValue; ///< what the instance shows for it (a choice label, a name)
    qint64 count = 0;

    friend bool operator==(const GroupCount &, const GroupCount &) = default;
};
Q_DECLARE_METATYPE(GroupCount)

/// Counts the records of a query per value of one field, with one request to the
/// Aggregate API: `GET /api/now/stats/<table>?sysparm_group_by=<field>&sysparm_count=true`.
///
/// count() replaces any count in flight; finished() or failed() follows once per
/// count() that is not replaced or cancelled. Groups arrive sorted by count, largest
/// first, then by display value. Lives in the GUI thread; the Client must outlive it.
class GroupCounter : public QObject
{
    Q_OBJECT

public:
    explicit GroupCounter(snow::Client *client, QObject *parent = nullptr);
    ~GroupCounter() override;

    /// Counts the records of @p table matching @p encodedQuery per value of @p field.
    /// Ordering terms in the query are dropped: the Aggregate API does not order
    /// records.
    void count(const QString &table, const QString &encodedQuery, const QString &field);
    void cancel();
    bool isRunning() const { return m_response != nullptr; }

    /// Reads one group from an Aggregate API record: `stats.count` and the first
    /// entry of `groupby_fields`. Returns std::nullopt when the record has neither.
    static std::optional<GroupCount> parseGroup(const snow::Record &record);

Q_SIGNALS:
    void finished(const QList<GroupCount> &groups);
    void failed(const snow::Error &error);

private:
    snow::Client *m_client;
    QPointer<snow::Response> m_response;
};
