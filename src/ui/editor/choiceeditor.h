#pragma once

#include "editor/fieldeditor.h"

class QComboBox;

/// A choice list showing labels and sending values. "-- None --" sends an empty
/// value. A stored value missing from the list (an inactive choice) stays selectable
/// under its display value, so loading a record never changes it.
class ChoiceFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    ChoiceFieldEditor(const FieldInfo &field, const QList<ChoiceOption> &options, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;
    QComboBox *comboBox() const { return m_comboBox; }

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QComboBox *m_comboBox;
    int m_optionCount = 0;
};
