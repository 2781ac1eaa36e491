#pragma once

#include "editor/fieldvalue.h"
#include "editor/recorddraft.h"

#include <snow/error.h>
#include <snow/record.h>
#include <snow/resource.h>

#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <memory>
#include <optional>

class ConflictDialog;
class FieldEditor;
class FieldPanel;
class MessageBanner;
class QAction;
class QLabel;
class QPushButton;
class QScrollArea;
class RecoveryStore;
class Session;
struct TableSchema;

namespace snow {
class Response;
}

/// A form that shows one record with an editor per field and saves what the user
/// changed.
///
/// Loading reads the table's schema (Session::schemas()), the user's time zone and
/// the record with `sysparm_display_value=all`. Saving sends only the changed fields:
/// PATCH for an existing record, POST for a new one. Just before a PATCH the form
/// reads the record again and compares its `sys_mod_count` (or, lacking that,
/// `sys_updated_on`) with what it loaded. A difference means someone else changed the
/// record, so a ConflictDialog lets the user decide field by field. After a save the
/// form shows the record as the instance returned it.
///
/// A failed save (a data policy, an ACL, a business rule, the network) is shown in the
/// form's banner with the instance's message, and every edit stays. With a
/// RecoveryStore set, unsaved edits are written to disk on each change and removed
/// once saved or discarded.
///
/// Keys: Ctrl+S saves, Esc puts the focused field back to its loaded value. Lives in
/// the GUI thread; @p session must outlive the form.
class RecordForm : public QWidget
{
    Q_OBJECT
    Q_MOC_INCLUDE("editor/conflictdialog.h")

public:
    enum class State {
        Empty,     ///< nothing opened yet
        Loading,   ///< reading schema, time zone and record
        Failed,    ///< loading failed; reload() tries again
        Ready,     ///< showing the record; edits may be saved
        Checking,  ///< reading the record again before a PATCH
        Resolving, ///< the conflict dialog is open
        Saving,    ///< a POST or PATCH is in flight
        Deleting,  ///< a DELETE is in flight
        Deleted,   ///< the record was deleted; the form shows what it had
    };
    Q_ENUM(State)

    explicit RecordForm(Session *session, QWidget *parent = nullptr);
    ~RecordForm() override;

    /// Loads record @p sysId of @p table.
    void openRecord(const QString &table, const QString &sysId);
    /// Starts an empty form for a new record of @p table.
    void newRecord(const QString &table);
    /// Loads the draft's record and puts the draft's edits back. The save then compares
    /// with the record as it was when the draft began, so changes made on the instance
    /// since then still raise a conflict.
    void restoreDraft(const RecordDraft &draft);
    /// Writes unsaved edits to @p store from now on; the store must outlive the form.
    void setRecoveryStore(RecoveryStore *store);

    Session *session() const { return m_session; }
    QString table() const { return m_table; }
    QString sysId() const { return m_sysId; }
    bool isNewRecord() const { return m_sysId.isEmpty(); }
    /// "INC0010001", or "New Incident" before the first save.
    QString title() const;
    /// The table's label and the title, such as "Incident INC0010001".
    QString longTitle() const;
    QString draftId() const { return m_draftId; }
    State state() const { return m_state; }
    /// True while a check, conflict, save or delete is under way.
    bool isBusy() const;

    /// The record as last loaded or saved.
    snow::Record record() const { return m_record; }
    /// True when a field differs from the loaded record, or when restored edits wait
    /// for a record that did not load.
    bool hasUnsavedChanges() const;
    /// The changed fields and their values.
    QMap<QString, FieldValue> edits() const;
    /// The form's unsaved state as a draft.
    RecordDraft draft() const;

    FieldPanel *fields() const { return m_panel; }
    FieldEditor *editor(const QString &field) const;
    MessageBanner *banner() const { return m_banner; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *revertFieldAction() const { return m_revertFieldAction; }

public Q_SLOTS:
    /// Validates and saves the edits; does nothing while busy.
    void save();
    /// Reads the record again and drops the edits. Callers ask the user first.
    void reload();
    /// Puts the field with the focus back to its loaded value.
    void revertFocusedField();
    /// Drops every edit and the draft on disk.
    void discardChanges();
    /// Asks for confirmation, then deletes the record on the instance.
    void deleteRecord();

Q_SIGNALS:
    void stateChanged(RecordForm::State state);
    /// The record is shown and may be edited.
    void loaded();
    void titleChanged(const QString &title);
    void modifiedChanged(bool modified);
    /// The instance accepted a save; @p record is what it returned.
    void saved(const snow::Record &record);
    /// A new record was created; saved() follows.
    void created(const snow::Record &record);
    void deleted(const QString &table, const QString &sysId);
    /// Loading, saving or deleting failed; the banner shows why.
    void failed(const snow::Error &error);
    /// The record changed on the instance; @p dialog is open and deletes itself.
    void conflictShown(ConflictDialog *dialog);

private:
    void reset(const QString &table, const QString &sysId);
    void setState(State state);
    void startLoading();
    void finishLoadingIfReady();
    void buildPanel();
    void showRecord(const snow::Record &record);
    void onFieldEdited();
    void updateDraftFile();
    void updateHeader();
    void showFailure(const QString &failure, const snow::Error &error);
    snow::Resource resource() const;
    snow::Response *track(snow::Response *response);

    void sendCreate(const QMap<QString, FieldValue> &edits);
    void checkBeforePatch();
    bool changedSinceLoad(const snow::Record &fresh) const;
    void showConflicts(const snow::Record &fresh);
    void rebase(const snow::Record &fresh, const QStringList &fieldsKeepingTheirs);
    void sendPatch();
    void takeSavedRecord(const snow::Record &record, const QMap<QString, FieldValue> &sent);
    FieldValue baselineValue(const QString &field) const;

    Session *m_session;
    QString m_table;
    QString m_sysId;
    QString m_draftId;
    State m_state = State::Empty;
    std::shared_ptr<const TableSchema> m_schema;
    bool m_timeZoneReady = false;
    bool m_recordReady = false;
    snow::Record m_record;
    snow::Error m_loadError;

    // The values the edits started from, for the conflict check. They are the loaded
    // record's, except where a restored draft recorded older ones.
    QString m_loadedModCount;
    QString m_loadedUpdatedOn;
    QHash<QString, FieldValue> m_loadedOverrides;
    std::optional<RecordDraft> m_pendingDraft;
    bool m_modified = false;

    QPointer<snow::Response> m_response;
    QList<QMetaObject::Connection> m_schemaConnections;
    RecoveryStore *m_recovery = nullptr;

    MessageBanner *m_banner;
    QLabel *m_titleLabel;
    QLabel *m_statusLabel;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QPushButton *m_reloadButton;
    QPushButton *m_deleteButton;
    QScrollArea *m_scrollArea;
    FieldPanel *m_panel = nullptr;
    QAction *m_saveAction;
    QAction *m_revertFieldAction;
};
