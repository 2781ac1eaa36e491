#pragma once

#include "metadata/tableschema.h"

#include <QtWidgets/QComboBox>

/// A dropdown of a table's fields that the user can search by typing: the popup
/// lists every field whose label or name contains the typed text, shown as
/// "Label (name)".
///
/// Items show the label and carry the field name as item data. A field that is not
/// in the list (a pasted query naming an unknown column) is added as an extra item so
/// it is never lost.
class FieldPicker : public QComboBox
{
    Q_OBJECT

public:
    /// Item data role with the "Label (name)" text that the search matches.
    static constexpr int SearchTextRole = Qt::UserRole + 1;

    explicit FieldPicker(QWidget *parent = nullptr);

    /// Replaces the items with @p fields (sorted by label), after an optional first
    /// item @p firstLabel that stands for the empty field name.
    void setFields(const QList<FieldInfo> &fields, const QString &firstLabel = QString());
    /// Selects @p name, adding it with missingText() when it is not in the list.
    void setCurrentField(const QString &name);
    /// The text of an added field, with %1 for its name; "%1 (not in the dictionary)"
    /// unless set.
    void setMissingText(const QString &text) { m_missingText = text; }
    QString missingText() const { return m_missingText; }
    QString currentField() const;

Q_SIGNALS:
    /// The user picked another field.
    void fieldPicked(const QString &name);

protected:
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void restoreText();
    QString m_lastField;
    QString m_missingText;
};
