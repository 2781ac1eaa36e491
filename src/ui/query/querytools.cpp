#include "query/querytools.h"

#include "query/querybreadcrumbs.h"
#include "query/querypanel.h"
#include "query/savedquerystore.h"
#include "widgets/tablebrowser.h"

#include <QtGui/QAction>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenu>
#include <QtWidgets/QToolBar>

using namespace Qt::StringLiterals;

QueryTools::QueryTools(QMainWindow *window, TableBrowser *browser)
    : QObject(window)
    , m_browser(browser)
    , m_panel(new QueryPanel(browser->session()))
    , m_breadcrumbs(new QueryBreadcrumbs(browser->session()))
    , m_dock(new QDockWidget(tr("Filter"), window))
    , m_breadcrumbBar(new QToolBar(tr("Breadcrumbs"), window))
    , m_menu(new QMenu(tr("&Query"), window))
{
    setObjectName(u"queryTools"_s);

    m_dock->setObjectName(u"queryDock"_s);
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::TopDockWidgetArea | Qt::BottomDockWidgetArea | Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::TopDockWidgetArea, m_dock);

    m_breadcrumbBar->setObjectName(u"breadcrumbBar"_s);
    m_breadcrumbBar->setMovable(false);
    m_breadcrumbBar->addWidget(m_breadcrumbs);
    window->addToolBar(Qt::TopToolBarArea, m_breadcrumbBar);

    // Ctrl+F belongs to the table's find bar, so the builder takes Ctrl+Shift+F.
    m_filterAction = m_dock->toggleViewAction();
    m_filterAction->setObjectName(u"filterAction"_s);
    m_filterAction->setText(tr("&Filter"));
    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_filterAction->setToolTip(tr("Show or hide the query builder (Ctrl+Shift+F)"));
    window->addAction(m_filterAction);
    connect(m_filterAction, &QAction::toggled, this, [this](bool shown) {
        if (shown)
            m_panel->focusRows();
    });

    m_menu->setObjectName(u"queryMenu"_s);
    m_menu->addAction(m_filterAction);
    m_menu->addSeparator();
    for (const char *name : {"runQueryAction", "copyQueryAction", "pasteQueryAction", "saveQueryAction"}) {
        if (QAction *action = m_panel->findChild<QAction *>(QString::fromLatin1(name)))
            m_menu->addAction(action);
    }
    m_menu->addAction(tr("Saved &Queries…"), m_panel, &QueryPanel::manageSavedQueries);

    connect(m_panel, &QueryPanel::querySubmitted, browser, &TableBrowser::setEncodedQuery);
    connect(m_breadcrumbs, &QueryBreadcrumbs::querySubmitted, browser, &TableBrowser::setEncodedQuery);
    connect(browser, &TableBrowser::queryChanged, this, &QueryTools::showQuery);
    if (!browser->table().isEmpty())
        showQuery(browser->table(), browser->encodedQuery());
}

void QueryTools::showQuery(const QString &table, const QString &encodedQuery)
{
    m_panel->setTable(table);
    m_panel->setEncodedQuery(encodedQuery);
    m_breadcrumbs->setTable(table);
    m_breadcrumbs->setEncodedQuery(encodedQuery);
    m_panel->store()->addRecent(table, encodedQuery);
}
