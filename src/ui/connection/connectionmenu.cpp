#include "connectionmenu.h"

#include "connection/profilestore.h"

#include <QtGui/QActionGroup>

using namespace Qt::StringLiterals;

ConnectionMenu::ConnectionMenu(ProfileStore *store, QWidget *parent)
    : QMenu(tr("&Connection"), parent)
    , m_store(store)
    , m_group(new QActionGroup(this))
{
    setObjectName(u"connectionMenu"_s);
    m_group->setExclusive(true);
    connect(store, &ProfileStore::profilesChanged, this, &ConnectionMenu::rebuild);
    rebuild();
}

void ConnectionMenu::setCurrentProfileId(const QString &id)
{
    m_currentId = id;
    const QList<QAction *> actions = m_group->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toString() == id);
}

void ConnectionMenu::rebuild()
{
    // clear() deletes the menu's actions, which leaves the group as well.
    clear();

    const QList<ConnectionProfile> profiles = m_store ? m_store->profiles() : QList<ConnectionProfile>();
    for (const ConnectionProfile &profile : profiles) {
        // Escape '&' so that a name like "R&D" is not read as a mnemonic.
        QString text = profile.name;
        text.replace(u'&', u"&&"_s);
        QAction *action = addAction(text);
        action->setData(profile.id);
        action->setCheckable(true);
        action->setChecked(profile.id == m_currentId);
        action->setToolTip(profile.isDemo() ? tr("The built-in demo instance") : instanceLabel(profile));
        m_group->addAction(action);
        const QString id = profile.id;
        connect(action, &QAction::triggered, this, [this, id] {
            // Keep the check on the open profile until the switch succeeds.
            setCurrentProfileId(m_currentId);
            if (id != m_currentId)
                Q_EMIT profileRequested(id);
        });
    }

    addSeparator();
    QAction *manage = addAction(tr("&Manage Connections…"), this, &ConnectionMenu::manageRequested);
    manage->setObjectName(u"manageConnectionsAction"_s);
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
}
