#pragma once

#include "editor/fieldeditor.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

/// Text in one line, or in several for long fields. The dictionary's max_length
/// limits single-line input.
class TextFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    TextFieldEditor(const FieldInfo &field, bool multiLine, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;
    bool isMultiLine() const { return m_multiLine != nullptr; }

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QString text() const;

    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_multiLine = nullptr;
};

/// An integer or a decimal number, typed with digits, an optional minus sign and, for
/// decimals, a dot. Empty is allowed and sends an empty value.
class NumberFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    explicit NumberFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;
    QString validationError() const override;

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QLineEdit *m_line;
};

/// A true/false check box; sends "true" or "false".
class BooleanFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    explicit BooleanFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QCheckBox *m_checkBox;
};

/// A glide_list: the comma-separated sys_ids, with the names they stand for below.
class ListFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    explicit ListFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QLineEdit *m_line;
    QLabel *m_names;
};
