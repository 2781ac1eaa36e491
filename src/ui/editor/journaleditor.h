#pragma once

#include "editor/fieldeditor.h"

class QPlainTextEdit;

/// A journal field such as Additional comments or Work notes: earlier entries shown
/// read-only, and a box for a new entry. The Table API reads a journal field back as
/// an empty value, so value() is the new entry, and an entry is a change when it is
/// not blank.
///
/// NOTE: the history is the field's display value, as the Table API returns it with
/// `sysparm_display_value=all`. Real instances keep each entry in `sys_journal_field`,
/// with its own author and time. This editor does not read that table yet.
class JournalFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    explicit JournalFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    /// Puts @p value's text in the new-entry box and keeps the history.
    void applyEdit(const FieldValue &value) override;
    void setReadOnly(bool readOnly) override;

    QPlainTextEdit *entryEdit() const { return m_entry; }
    QPlainTextEdit *historyView() const { return m_history; }

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QString entryText() const;

    QPlainTextEdit *m_entry;
    QPlainTextEdit *m_history;
};
