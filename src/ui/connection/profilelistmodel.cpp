#include "profilelistmodel.h"

#include "connection/profilestore.h"

using namespace Qt::StringLiterals;

ProfileListModel::ProfileListModel(ProfileStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_profiles(store->profiles())
{
    connect(store, &ProfileStore::profilesChanged, this, &ProfileListModel::reload);
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const ConnectionProfile &profile = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return profile.name;
    case Qt::ToolTipRole:
        if (profile.isDemo())
            return tr("Sample data in an instance that runs inside Snowscope; no account needed");
        return tr("%1, %2").arg(instanceLabel(profile), authMethodLabel(profile.authMethod));
    case ProfileIdRole:
        return profile.id;
    case InstanceRole:
        return profile.instance;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ProfileIdRole, "profileId");
    names.insert(InstanceRole, "instance");
    return names;
}

int ProfileListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            return row;
    }
    return -1;
}

ConnectionProfile ProfileListModel::profileAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row) : ConnectionProfile();
}

void ProfileListModel::reload()
{
    beginResetModel();
    m_profiles = m_store ? m_store->profiles() : QList<ConnectionProfile>();
    endResetModel();
}
