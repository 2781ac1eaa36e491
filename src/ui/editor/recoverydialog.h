#pragma once

#include "editor/recorddraft.h"

#include <QtWidgets/QDialog>

class QListWidget;
class QPushButton;
class RecoveryStore;

/// Offers the drafts an earlier run left behind: record edits that were neither saved
/// nor discarded, because Snowscope or the computer stopped. The user restores the
/// checked drafts, discards them, or decides later (the drafts stay on disk).
class RecoveryDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p store must outlive the dialog; discarding removes drafts from it.
    RecoveryDialog(const QList<RecordDraft> &drafts, RecoveryStore *store, QWidget *parent = nullptr);

    /// The checked drafts, after "Restore".
    QList<RecordDraft> draftsToRestore() const;
    QListWidget *list() const { return m_list; }
    QPushButton *restoreButton() const { return m_restoreButton; }
    QPushButton *discardButton() const { return m_discardButton; }
    QPushButton *laterButton() const { return m_laterButton; }

    /// Returns one line describing @p draft, such as
    /// "Incident INC0010001 — 2 changed fields, from 3/4/25 10:15".
    static QString describe(const RecordDraft &draft);

private:
    QList<RecordDraft> checkedDrafts() const;
    void discardChecked();

    QList<RecordDraft> m_drafts;
    RecoveryStore *m_store;
    QListWidget *m_list;
    QPushButton *m_restoreButton;
    QPushButton *m_discardButton;
    QPushButton *m_laterButton;
};
