#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

class BulkEditJob;

/// The entries of a BulkEditJob, one row per record: the record, its result and the
/// instance's message for a failure. Rows follow the job's entries, which never
/// change in number.
class BulkEditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RecordColumn, ResultColumn, MessageColumn, ColumnCount };
    enum Role {
        /// The entry's BulkEditEntry::State, as an int.
        StateRole = Qt::UserRole + 1,
        SysIdRole,
    };

    /// @p job must outlive the model.
    explicit BulkEditModel(BulkEditJob *job, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    BulkEditJob *m_job;
};
