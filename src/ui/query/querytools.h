#pragma once

#include <QtCore/QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QueryBreadcrumbs;
class QueryPanel;
class TableBrowser;

/// Puts the query builder and the breadcrumbs into a main window and keeps them in
/// step with its TableBrowser. The builder sits in a dock widget that the "Filter"
/// action (Ctrl+Shift+F) shows and hides. The breadcrumbs sit in a tool bar above
/// the table.
///
/// Running a query in either one calls TableBrowser::setEncodedQuery(); every query
/// the browser runs is shown in both and recorded in the recent queries of its
/// table. Owned by the window; the browser's Session must outlive it.
class QueryTools : public QObject
{
    Q_OBJECT

public:
    QueryTools(QMainWindow *window, TableBrowser *browser);

    QueryPanel *panel() const { return m_panel; }
    QueryBreadcrumbs *breadcrumbs() const { return m_breadcrumbs; }
    QDockWidget *dock() const { return m_dock; }
    QToolBar *breadcrumbBar() const { return m_breadcrumbBar; }
    /// Shows or hides the builder and focuses it when shown.
    QAction *filterAction() const { return m_filterAction; }
    /// The "&Query" menu: Filter, Run, Copy, Paste, Save and Saved Queries.
    QMenu *menu() const { return m_menu; }

private:
    void showQuery(const QString &table, const QString &encodedQuery);

    TableBrowser *m_browser;
    QueryPanel *m_panel;
    QueryBreadcrumbs *m_breadcrumbs;
    QDockWidget *m_dock;
    QToolBar *m_breadcrumbBar;
    QAction *m_filterAction;
    QMenu *m_menu;
};
