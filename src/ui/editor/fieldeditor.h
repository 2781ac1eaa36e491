#pragma once

#include "editor/fieldvalue.h"
#include "metadata/tableschema.h"

#include <QtCore/QTimeZone>
#include <QtCore/QVariant>
#include <QtWidgets/QWidget>

#include <memory>

class Session;

/// The session, schema and time zone that field editors share.
struct EditorContext
{
    /// For reference look-ups; may be null, which turns look-ups off.
    Session *session = nullptr;
    /// The table's schema, for choice lists; may be null.
    std::shared_ptr<const TableSchema> schema;
    /// The signed-in user's time zone: date-times are shown in it and sent in UTC.
    QTimeZone timeZone = QTimeZone::utc();
};

/// The editor of one field of a record form or of a bulk edit, chosen by field type.
///
/// setValue() shows the value the record has on the instance; value() returns what the
/// user made of it. While the user has not changed the editor, value() returns exactly
/// the value given to setValue(), so a round trip through a widget (a time zone, line
/// endings, number formatting) never shows up as a change.
///
/// edited() is emitted for changes by the user and by applyEdit(), never by setValue().
class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    FieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    const FieldInfo &field() const { return m_field; }

    /// Shows @p value as the field's current value on the instance.
    void setValue(const FieldValue &value);
    /// The value given to setValue().
    FieldValue loadedValue() const { return m_loaded; }
    /// Shows @p value as the user's edit (a restored draft or a conflict choice) and
    /// emits edited().
    virtual void applyEdit(const FieldValue &value);
    /// Returns the value to send: the loaded value while unchanged, else the edit.
    FieldValue value() const;
    /// True when value() differs from the loaded value.
    bool isChanged() const;
    /// True when an edit would send no value.
    bool isEmpty() const { return value().value.isEmpty(); }

    virtual void setReadOnly(bool readOnly) = 0;
    bool isReadOnly() const { return m_readOnly; }

    /// Returns why the current input cannot be sent, for the user, or an empty string
    /// when it can.
    virtual QString validationError() const { return QString(); }

Q_SIGNALS:
    void edited();

protected:
    /// Shows @p value in the widgets without emitting edited().
    virtual void display(const FieldValue &value) = 0;
    /// Returns a value that changes whenever the widgets show something else.
    virtual QVariant widgetState() const = 0;
    /// Returns the value the widgets show now.
    virtual FieldValue editedValue() const = 0;

    /// Emits edited() unless the widgets are being filled by setValue() or display().
    void notifyEdited();
    /// Runs display() with edited() suppressed.
    void displaySilently(const FieldValue &value);
    void rememberReadOnly(bool readOnly) { m_readOnly = readOnly; }

private:
    FieldInfo m_field;
    FieldValue m_loaded;
    QVariant m_loadedState;
    bool m_displaying = false;
    bool m_readOnly = false;
};

/// Returns true when @p field gets a multi-line editor: text longer than 255
/// characters, or a field known to hold paragraphs such as description.
bool isMultiLineField(const FieldInfo &field);

/// Creates the editor for @p field's type.
FieldEditor *createFieldEditor(const FieldInfo &field, const EditorContext &context, QWidget *parent = nullptr);
