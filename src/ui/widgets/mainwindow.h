#pragma once

#include <QtWidgets/QMainWindow>

class QLabel;
class QMenu;
class QueryTools;
class RecordEditing;
class Session;
class TableBrowser;

/// The Snowscope main window: the table browser of one connected instance, with the
/// record count and the instance in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// @p session must outlive the window.
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    TableBrowser *browser() const { return m_browser; }
    Session *session() const { return m_session; }
    /// Record forms, bulk edit and crash recovery of this window.
    RecordEditing *recordEditing() const { return m_recordEditing; }
    /// The query builder and breadcrumbs of this window.
    QueryTools *queryTools() const { return m_queryTools; }
    /// Puts @p menu (the profile switcher) into the menu bar after the File menu.
    void addConnectionMenu(QMenu *menu);

protected:
    /// Asks about unsaved record edits first.
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();

    Session *m_session;
    TableBrowser *m_browser;
    QLabel *m_countLabel;
    QLabel *m_instanceLabel;
    RecordEditing *m_recordEditing;
    QueryTools *m_queryTools;
};
