#include "texteditors.h"

#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QVBoxLayout *bareLayout(QWidget *owner)
{
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    return layout;
}

} // namespace

TextFieldEditor::TextFieldEditor(const FieldInfo &field, bool multiLine, QWidget *parent)
    : FieldEditor(field, parent)
{
    auto *layout = bareLayout(this);
    if (multiLine) {
        m_multiLine = new QPlainTextEdit(this);
        m_multiLine->setTabChangesFocus(true);
        m_multiLine->setMinimumHeight(m_multiLine->fontMetrics().lineSpacing() * 4);
        m_multiLine->setMaximumHeight(m_multiLine->fontMetrics().lineSpacing() * 9);
        layout->addWidget(m_multiLine);
        setFocusProxy(m_multiLine);
        connect(m_multiLine, &QPlainTextEdit::textChanged, this, &TextFieldEditor::notifyEdited);
    } else {
        m_line = new QLineEdit(this);
        if (field.maxLength > 0)
            m_line->setMaxLength(field.maxLength);
        layout->addWidget(m_line);
        setFocusProxy(m_line);
        connect(m_line, &QLineEdit::textChanged, this, &TextFieldEditor::notifyEdited);
    }
}

void TextFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    if (m_line)
        m_line->setReadOnly(readOnly);
    else
        m_multiLine->setReadOnly(readOnly);
}

void TextFieldEditor::display(const FieldValue &value)
{
    if (m_line)
        m_line->setText(value.value);
    else
        m_multiLine->setPlainText(value.value);
}

QVariant TextFieldEditor::widgetState() const
{
    return text();
}

FieldValue TextFieldEditor::editedValue() const
{
    return {text(), text()};
}

QString TextFieldEditor::text() const
{
    return m_line ? m_line->text() : m_multiLine->toPlainText();
}

NumberFieldEditor::NumberFieldEditor(const FieldInfo &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_line(new QLineEdit(this))
{
    // The Table API writes numbers without grouping and with a dot, whatever the
    // user's locale, so the editor takes that form only.
    const QString pattern = field.type == FieldType::Decimal ? u"-?[0-9]*([.][0-9]*)?"_s : u"-?[0-9]*"_s;
    m_line->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), m_line));
    m_line->setMaximumWidth(m_line->fontMetrics().horizontalAdvance(u'0') * 24);
    bareLayout(this)->addWidget(m_line);
    setFocusProxy(m_line);
    connect(m_line, &QLineEdit::textChanged, this, &NumberFieldEditor::notifyEdited);
}

void NumberFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_line->setReadOnly(readOnly);
}

QString NumberFieldEditor::validationError() const
{
    const QString text = m_line->text();
    if (text.isEmpty() || !isChanged())
        return QString();
    bool valid = false;
    if (field().type == FieldType::Decimal)
        text.toDouble(&valid);
    else
        text.toLongLong(&valid);
    if (valid)
        return QString();
    return tr("%1: \"%2\" is not a number. Type digits, with a dot for decimals.").arg(field().label, text);
}

void NumberFieldEditor::display(const FieldValue &value)
{
    m_line->setText(value.value);
}

QVariant NumberFieldEditor::widgetState() const
{
    return m_line->text();
}

FieldValue NumberFieldEditor::editedValue() const
{
    return {m_line->text(), m_line->text()};
}

BooleanFieldEditor::BooleanFieldEditor(const FieldInfo &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_checkBox(new QCheckBox(this))
{
    bareLayout(this)->addWidget(m_checkBox);
    setFocusProxy(m_checkBox);
    connect(m_checkBox, &QCheckBox::toggled, this, &BooleanFieldEditor::notifyEdited);
}

void BooleanFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    // A check box has no read-only mode; ignoring the mouse and keys keeps it readable
    // where disabling it would grey it out.
    m_checkBox->setAttribute(Qt::WA_TransparentForMouseEvents, readOnly);
    m_checkBox->setFocusPolicy(readOnly ? Qt::NoFocus : Qt::StrongFocus);
}

void BooleanFieldEditor::display(const FieldValue &value)
{
    m_checkBox->setChecked(value.value == u"true" || value.value == u"1");
}

QVariant BooleanFieldEditor::widgetState() const
{
    return m_checkBox->isChecked();
}

FieldValue BooleanFieldEditor::editedValue() const
{
    const QString text = m_checkBox->isChecked() ? u"true"_s : u"false"_s;
    return {text, text};
}

ListFieldEditor::ListFieldEditor(const FieldInfo &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_line(new QLineEdit(this))
    , m_names(new QLabel(this))
{
    m_line->setPlaceholderText(tr("sys_ids, separated by commas"));
    m_names->setWordWrap(true);
    m_names->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_names->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = bareLayout(this);
    layout->addWidget(m_line);
    layout->addWidget(m_names);
    setFocusProxy(m_line);
    connect(m_line, &QLineEdit::textChanged, this, &ListFieldEditor::notifyEdited);
}

void ListFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_line->setReadOnly(readOnly);
}

void ListFieldEditor::display(const FieldValue &value)
{
    m_line->setText(value.value);
    // NOTE: the names are those of the loaded value; sys_ids typed here are not looked
    // up until the record is saved and read back.
    m_names->setText(value.displayValue == value.value ? QString() : value.displayValue);
    m_names->setVisible(!m_names->text().isEmpty());
}

QVariant ListFieldEditor::widgetState() const
{
    return m_line->text();
}

FieldValue ListFieldEditor::editedValue() const
{
    return {m_line->text(), m_line->text()};
}
