#include "recordediting.h"

#include "app/session.h"
#include "editor/bulkeditdialog.h"
#include "editor/recordform.h"
#include "editor/recordtabs.h"
#include "editor/recoverydialog.h"
#include "editor/recoverystore.h"
#include "logging.h"
#include "widgets/tablebrowser.h"

#include <QtGui/QAction>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenu>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

RecordEditing::RecordEditing(QMainWindow *window, Session *session, TableBrowser *browser, RecoveryStore *store)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_browser(browser)
    , m_recovery(store ? store : new RecoveryStore(RecoveryStore::defaultDirectory(), this))
    , m_tabs(new RecordTabs(session, m_recovery))
    , m_dock(new QDockWidget(tr("Records"), window))
    , m_menu(new QMenu(tr("&Record"), window))
{
    m_dock->setObjectName(u"recordDock"_s);
    m_dock->setWidget(m_tabs);
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    createActions();

    connect(browser, &TableBrowser::recordActivated, this, &RecordEditing::openRecord);
    connect(m_tabs, &RecordTabs::recordSaved, this,
            [this](const QString &table, const snow::Record &record, const QString &title) {
                if (m_browser->table() == table)
                    m_browser->applyUpdatedRecord(record);
                showStatus(tr("Saved %1.").arg(title));
            });
    connect(m_tabs, &RecordTabs::recordDeleted, this, [this](const QString &table, const QString &) {
        // NOTE: the browser has no call to drop one row, so it reads the page again.
        if (m_browser->table() == table)
            m_browser->reload();
    });
    connect(m_tabs, &RecordTabs::windowMayClose, m_window, &QWidget::close, Qt::QueuedConnection);
    connect(m_recovery, &RecoveryStore::writeFailed, this, [this](const QString &, const QString &message) {
        showStatus(message);
    });
}

RecordEditing::~RecordEditing() = default;

void RecordEditing::createActions()
{
    m_newRecordAction = m_menu->addAction(tr("&New Record"), this, &RecordEditing::newRecord);
    m_newRecordAction->setShortcut(QKeySequence::New);
    m_newRecordAction->setToolTip(tr("Open an empty form for a new record of the table shown"));

    m_bulkEditAction = m_menu->addAction(tr("&Bulk Edit Selected…"), this, &RecordEditing::bulkEditSelected);
    m_bulkEditAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_bulkEditAction->setToolTip(tr("Set one field on every selected row"));

    m_menu->addSeparator();
    m_saveAction = m_menu->addAction(tr("&Save Record"), this, [this] {
        if (RecordForm *form = m_tabs->currentForm())
            form->save();
    });
    // Every form has its own Ctrl+S. The menu only names the key: its shortcut applies
    // while the menu itself has the focus, so it never competes with the forms'.
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetShortcut);

    m_closeAction = new QAction(tr("&Close Record"), m_tabs);
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (RecordForm *form = m_tabs->currentForm())
            m_tabs->requestClose(form);
    });
    m_tabs->addAction(m_closeAction);
    m_menu->addAction(m_closeAction);

    m_menu->addSeparator();
    m_menu->addAction(m_dock->toggleViewAction());
}

void RecordEditing::openRecord(const QString &table, const QString &sysId)
{
    m_tabs->openRecord(table, sysId);
    showDock();
}

void RecordEditing::newRecord()
{
    if (m_browser->table().isEmpty())
        return;
    m_tabs->newRecord(m_browser->table());
    showDock();
}

BulkEditDialog *RecordEditing::bulkEditSelected()
{
    const QList<snow::Record> records = m_browser->selectedRecords();
    if (records.isEmpty()) {
        showStatus(tr("Select the rows to edit first (Shift or Ctrl with a click, or Ctrl+A)."));
        return nullptr;
    }

    auto *dialog = new BulkEditDialog(m_session, m_browser->table(), records, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString table = m_browser->table();
    connect(dialog, &BulkEditDialog::recordSaved, this, [this, table](const snow::Record &record) {
        if (m_browser->table() == table)
            m_browser->applyUpdatedRecord(record);
    });
    dialog->open();
    return dialog;
}

bool RecordEditing::confirmWindowClose()
{
    return m_tabs->prepareWindowClose();
}

void RecordEditing::offerRecovery()
{
    const QList<RecordDraft> drafts = m_recovery->drafts(m_session->profileId());
    if (drafts.isEmpty())
        return;

    qCInfo(lcEditor) << "Offering" << drafts.size() << "drafts of an earlier run";
    auto *dialog = new RecoveryDialog(drafts, m_recovery, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<RecordDraft> chosen = dialog->draftsToRestore();
        for (const RecordDraft &draft : chosen)
            m_tabs->restoreDraft(draft);
        if (!chosen.isEmpty())
            showDock();
    });
    dialog->open();
}

void RecordEditing::showDock()
{
    if (!m_dock->isVisible()) {
        m_dock->show();
        m_window->resizeDocks({m_dock}, {qMax(480, m_window->width() / 2)}, Qt::Horizontal);
    }
    m_dock->raise();
}

void RecordEditing::showStatus(const QString &text)
{
    m_window->statusBar()->showMessage(text, 8000);
}
