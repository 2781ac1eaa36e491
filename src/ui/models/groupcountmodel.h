#pragma once

#include "browse/groupcounter.h"

#include <QtCore/QAbstractTableModel>

/// Group counts as a two-column table: the value (its display value, or "(empty)")
/// and the number of records. ValueRole is the stored value, for filtering.
class GroupCountModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ValueRole = Qt::UserRole + 1,
        CountRole,
    };

    explicit GroupCountModel(QObject *parent = nullptr);

    void setGroups(const QList<GroupCount> &groups);
    QList<GroupCount> groups() const { return m_groups; }
    /// Returns the text shown for @p group: its display value, or "(empty)".
    static QString label(const GroupCount &group);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<GroupCount> m_groups;
};
