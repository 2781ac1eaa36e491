#pragma once

#include "connection/connectionprofile.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>

class ProfileStore;

/// The profiles of a ProfileStore as a list: the demo first, then the saved profiles
/// by name. DisplayRole is the profile name; ToolTipRole names the instance and the
/// sign-in method. The model resets whenever the store changes.
class ProfileListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ProfileIdRole = Qt::UserRole + 1, ///< ConnectionProfile::id
        InstanceRole,                     ///< ConnectionProfile::instance, as typed
    };

    /// @p store must outlive the model.
    explicit ProfileListModel(ProfileStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Returns the row of the profile @p id, or -1.
    int rowOf(const QString &id) const;
    /// Returns the profile at @p row; an empty profile when out of range.
    ConnectionProfile profileAt(int row) const;

private:
    void reload();

    QPointer<ProfileStore> m_store;
    QList<ConnectionProfile> m_profiles;
};
