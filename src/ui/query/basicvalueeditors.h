#pragma once

#include "query/valueeditor.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimeEdit;
class QToolButton;
class QMenu;

/// One line of text; for numbers, a line that accepts only digits, a sign and a point.
class TextValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    enum class Format { Text, Integer, Decimal };

    explicit TextValueEditor(Format format, QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QLineEdit *lineEdit() const { return m_edit; }

private:
    Format m_format;
    QLineEdit *m_edit;
};

/// Comma-separated text, for IN and NOT IN on fields without a choice list.
class TextListValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    explicit TextListValueEditor(QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QLineEdit *lineEdit() const { return m_edit; }

private:
    QLineEdit *m_edit;
};

/// A dropdown of fixed entries, each with a label and the value it sends: true/false,
/// a choice list, the "Me" option, or the table's fields.
class ComboValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    struct Entry
    {
        QString label;
        QString value;
    };

    explicit ComboValueEditor(const QList<Entry> &entries, QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QComboBox *comboBox() const { return m_combo; }

    static QList<Entry> booleanEntries();
    static QList<Entry> choiceEntries(const ValueEditorContext &context);
    static QList<Entry> fieldEntries(const ValueEditorContext &context);

private:
    QComboBox *m_combo;
};

/// Several entries of a choice list, for IN and NOT IN: a button that opens a menu of
/// check boxes and names the checked entries. Values come in choice-list order.
class ChoiceListValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    explicit ChoiceListValueEditor(const QList<ComboValueEditor::Entry> &entries, QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QToolButton *button() const { return m_button; }
    QMenu *menu() const { return m_menu; }

private:
    void updateText();

    QList<ComboValueEditor::Entry> m_entries;
    QToolButton *m_button;
    QMenu *m_menu;
};

/// Amount, unit and direction for the RELATIVE operators: "3 hours ago".
class RelativeValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    explicit RelativeValueEditor(QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QSpinBox *amountBox() const { return m_amount; }
    QComboBox *unitBox() const { return m_unit; }
    QComboBox *directionBox() const { return m_direction; }

private:
    QSpinBox *m_amount;
    QComboBox *m_unit;
    QComboBox *m_direction;
};

/// Days and a time of day, written the way ServiceNow stores durations.
class DurationValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    explicit DurationValueEditor(QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QSpinBox *daysBox() const { return m_days; }
    QTimeEdit *timeEdit() const { return m_time; }

private:
    QSpinBox *m_days;
    QTimeEdit *m_time;
};

/// Two editors side by side, for BETWEEN: the start and the end bound.
class BetweenValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    /// Takes ownership of both editors; each must hold exactly one value.
    BetweenValueEditor(ValueEditor *start, ValueEditor *end, QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    ValueEditor *startEditor() const { return m_start; }
    ValueEditor *endEditor() const { return m_end; }

private:
    ValueEditor *m_start;
    ValueEditor *m_end;
};
