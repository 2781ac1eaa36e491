#include "journaleditor.h"

#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

JournalFieldEditor::JournalFieldEditor(const FieldInfo &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_entry(new QPlainTextEdit(this))
    , m_history(new QPlainTextEdit(this))
{
    m_entry->setPlaceholderText(tr("Add to %1").arg(field.label));
    m_entry->setTabChangesFocus(true);
    m_entry->setMaximumHeight(m_entry->fontMetrics().lineSpacing() * 5);
    m_history->setReadOnly(true);
    m_history->setTabChangesFocus(true);
    m_history->setPlaceholderText(tr("No entries yet"));
    m_history->setMaximumHeight(m_history->fontMetrics().lineSpacing() * 10);
    m_history->setAccessibleName(tr("%1, earlier entries").arg(field.label));
    m_history->setBackgroundRole(QPalette::Window);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_entry);
    layout->addWidget(m_history);
    setFocusProxy(m_entry);

    connect(m_entry, &QPlainTextEdit::textChanged, this, &JournalFieldEditor::notifyEdited);
}

void JournalFieldEditor::applyEdit(const FieldValue &value)
{
    const QString history = m_history->toPlainText();
    FieldEditor::applyEdit({value.value, history});
}

void JournalFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_entry->setVisible(!readOnly);
}

void JournalFieldEditor::display(const FieldValue &value)
{
    // The stored value of a journal field is the entry being added; the display value
    // is every earlier entry, newest first.
    m_entry->setPlainText(value.value);
    m_history->setPlainText(value.displayValue == value.value ? QString() : value.displayValue);
    m_history->setVisible(!m_history->toPlainText().isEmpty());
}

QVariant JournalFieldEditor::widgetState() const
{
    return entryText();
}

FieldValue JournalFieldEditor::editedValue() const
{
    const QString text = entryText();
    return {text, text};
}

QString JournalFieldEditor::entryText() const
{
    // A blank entry adds nothing on the instance, so it is no change either.
    const QString text = m_entry->toPlainText();
    return text.trimmed().isEmpty() ? QString() : text;
}
