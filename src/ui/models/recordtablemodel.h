#pragma once

#include <snow/pager.h>
#include <snow/record.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

/// One column of a RecordTableModel: a field name and its header label.
struct RecordColumn
{
    QString field;
    QString label;
};

/// A table of records fed by a snow::Pager, one row per record, appended as pages arrive.
///
/// The model never touches the network: fetchMore() asks the Pager for the next page,
/// and the Pager's recordsReceived() becomes row insertions. canFetchMore() is false
/// while a page is in flight, and the Pager ignores a second request for the same
/// page, so a view cannot trigger duplicate requests.
///
/// Roles: Qt::DisplayRole is the display value (a reference's name, a choice's label);
/// RawValueRole is the stored value (a sys_id, a choice value); LinkRole the reference
/// link; RecordRole the whole snow::Record.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        LinkRole,
        RecordRole,
        SysIdRole,
    };

    explicit RecordTableModel(QObject *parent = nullptr);

    void setColumns(const QList<RecordColumn> &columns);
    QList<RecordColumn> columns() const { return m_columns; }

    /// Replaces the rows with those of @p pager, which the caller owns. nullptr clears.
    void setPager(snow::Pager *pager);
    snow::Pager *pager() const { return m_pager; }

    snow::Record record(int row) const;
    /// Returns the row of the loaded record @p sysId, or -1.
    int rowOf(const QString &sysId) const;
    /// Replaces the loaded row that has @p record's sys_id; returns false when none has.
    bool replaceRecord(const snow::Record &record);
    qint64 totalCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The loaded row count or the total changed.
    void countsChanged(qint64 loaded, qint64 total);

private:
    void appendRecords(const QList<snow::Record> &records);

    QList<RecordColumn> m_columns;
    QList<snow::Record> m_records;
    QPointer<snow::Pager> m_pager;
};
