#pragma once

#include <QtCore/QObject>

class BulkEditDialog;
class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class RecordTabs;
class RecoveryStore;
class Session;
class TableBrowser;

/// Record editing in a main window: a "Records" dock with one tab per open form, the
/// Record menu, and the links to the table browser.
///
/// Activating a row in the browser (double-click or Enter) opens its record. A saved
/// record replaces its row in the browser without a reload
/// (TableBrowser::applyUpdatedRecord()); a deleted one makes the browser reload.
/// Unsaved edits go to a RecoveryStore and are offered back by offerRecovery() at the
/// next start.
class RecordEditing : public QObject
{
    Q_OBJECT

public:
    /// @p window, @p session and @p browser must outlive this object. @p store may be
    /// null for the default store under the user's data folder, owned by this object.
    RecordEditing(QMainWindow *window, Session *session, TableBrowser *browser, RecoveryStore *store = nullptr);
    ~RecordEditing() override;

    /// The Record menu, for the window's menu bar.
    QMenu *menu() const { return m_menu; }
    RecordTabs *tabs() const { return m_tabs; }
    QDockWidget *dock() const { return m_dock; }
    RecoveryStore *recoveryStore() const { return m_recovery; }
    QAction *newRecordAction() const { return m_newRecordAction; }
    QAction *bulkEditAction() const { return m_bulkEditAction; }

    /// Opens the form of record @p sysId of @p table and shows the dock.
    void openRecord(const QString &table, const QString &sysId);
    /// Opens an empty form for a new record of the browser's table.
    void newRecord();
    /// Opens the bulk edit dialog for the rows selected in the browser and returns it.
    /// Returns nullptr and shows a status bar message when no row is selected.
    BulkEditDialog *bulkEditSelected();

    /// Asks about unsaved edits before the window closes. Returns true when it may
    /// close now; after "Save" the window closes itself once every save succeeded.
    bool confirmWindowClose();
    /// Offers the drafts that earlier runs left for this session's profile in a
    /// dialog, and restores those the user picks. Does nothing when there are none.
    void offerRecovery();

private:
    void createActions();
    void showDock();
    void showStatus(const QString &text);

    QMainWindow *m_window;
    Session *m_session;
    TableBrowser *m_browser;
    RecoveryStore *m_recovery;
    RecordTabs *m_tabs;
    QDockWidget *m_dock;
    QMenu *m_menu;
    QAction *m_newRecordAction = nullptr;
    QAction *m_bulkEditAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_closeAction = nullptr;
};
