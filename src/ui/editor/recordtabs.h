#pragma once

#include "editor/recorddraft.h"

#include <QtCore/QSet>
#include <QtWidgets/QTabWidget>

class RecordForm;
class RecoveryStore;
class Session;

namespace snow {
class Record;
}

/// The open record forms of one window, one tab each.
///
/// Opening a record that already has a tab shows that tab. Closing a tab with unsaved
/// edits first offers to save or discard them. After "Save" the tab closes once the
/// save succeeds, and stays open when the save fails or meets a conflict.
class RecordTabs : public QTabWidget
{
    Q_OBJECT

public:
    /// @p session and @p store (may be null) must outlive the tabs.
    RecordTabs(Session *session, RecoveryStore *store, QWidget *parent = nullptr);

    RecordForm *openRecord(const QString &table, const QString &sysId);
    RecordForm *newRecord(const QString &table);
    RecordForm *restoreDraft(const RecordDraft &draft);

    RecordForm *currentForm() const;
    QList<RecordForm *> forms() const;
    RecordForm *findForm(const QString &table, const QString &sysId) const;
    /// Forms with unsaved changes.
    QList<RecordForm *> modifiedForms() const;

    /// Closes @p form's tab, asking first when it has unsaved changes.
    void requestClose(RecordForm *form);
    /// Asks about every form with unsaved changes before the window closes. Returns
    /// true when the window may close now. After "Save", returns false and emits
    /// windowMayClose() once every save succeeded.
    bool prepareWindowClose();

    enum class UnsavedAnswer { Save, Discard, Cancel };
    /// Asks what to do with the unsaved changes of @p titles.
    static UnsavedAnswer askAboutUnsaved(QWidget *parent, const QStringList &titles);

Q_SIGNALS:
    /// The form titled @p title saved @p record of @p table.
    void recordSaved(const QString &table, const snow::Record &record, const QString &title);
    void recordDeleted(const QString &table, const QString &sysId);
    /// Every save started by prepareWindowClose() succeeded.
    void windowMayClose();

private:
    RecordForm *addForm();
    void removeForm(RecordForm *form);
    void updateTab(RecordForm *form);
    void onSaveFailed(RecordForm *form);

    Session *m_session;
    RecoveryStore *m_recovery;
    QSet<RecordForm *> m_closeAfterSave;
    QSet<RecordForm *> m_windowCloseWaiting;
};
