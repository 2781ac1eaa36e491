#pragma once

#include "editor/fieldeditor.h"

#include <snow/error.h>

#include <QtCore/QPointer>

class QCompleter;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTimer;

namespace snow {
class Response;
}

/// A reference to a record of another table: shows the referenced record's display
/// value and sends its sys_id.
///
/// Typing searches the referenced table for records whose display field contains the
/// text, a moment after the last key, and lists them under the field. Picking one sets
/// the sys_id. Text that matches no record, or more than one, is kept but invalid
/// (validationError()) until the user picks a suggestion or clears the field.
class ReferenceFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    /// @p session may be null: the editor then shows the value without look-ups.
    ReferenceFieldEditor(const FieldInfo &field, Session *session, QWidget *parent = nullptr);
    ~ReferenceFieldEditor() override;

    void setReadOnly(bool readOnly) override;
    QString validationError() const override;

    QLineEdit *lineEdit() const { return m_line; }
    /// The suggestions of the last look-up: display value, sys_id in Qt::UserRole.
    QStandardItemModel *suggestions() const { return m_suggestions; }
    /// Looks @p text up at once, without waiting for typing to pause.
    void search(const QString &text);
    /// Sets the field to the suggestion in @p row, as a click on it does.
    void chooseSuggestion(int row);

    /// Milliseconds of typing pause before a look-up; 250 by default.
    void setSearchDelay(int milliseconds);

Q_SIGNALS:
    /// A look-up finished with @p count suggestions.
    void suggestionsReady(int count);
    void searchFailed(const snow::Error &error);

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    void onTextEdited();
    void runSearch();
    void sendSearch(const QString &displayField);
    void takeResults(snow::Response *response);
    void choose(const FieldValue &value);
    void resolveTypedText();
    QString tableLabel() const;

    Session *m_session;
    QLineEdit *m_line;
    QLabel *m_status;
    QCompleter *m_completer;
    QStandardItemModel *m_suggestions;
    QTimer *m_delay;
    QString m_sysId;
    QString m_searchText;
    QPointer<snow::Response> m_response;
    QList<QMetaObject::Connection> m_schemaConnections;
    bool m_resolvePending = false;
};
