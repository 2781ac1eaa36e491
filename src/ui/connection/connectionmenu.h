#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QMenu>

class ProfileStore;
class QActionGroup;

/// The "Connection" menu of the main window: the profile switcher.
///
/// Lists every profile, with the open one checked, and "Manage Connections…". Choosing
/// a profile emits profileRequested(); the window does not change until the new
/// connection is signed in (ConnectionController does that). The list follows the
/// ProfileStore.
class ConnectionMenu : public QMenu
{
    Q_OBJECT

public:
    /// @p store must outlive the menu.
    ConnectionMenu(ProfileStore *store, QWidget *parent = nullptr);

    /// Checks the profile @p id, the one the window shows.
    void setCurrentProfileId(const QString &id);
    QString currentProfileId() const { return m_currentId; }

Q_SIGNALS:
    void profileRequested(const QString &profileId);
    void manageRequested();

private:
    void rebuild();

    QPointer<ProfileStore> m_store;
    QActionGroup *m_group;
    QString m_currentId;
};
