#include "choiceeditor.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

ChoiceFieldEditor::ChoiceFieldEditor(const FieldInfo &field, const QList<ChoiceOption> &options, QWidget *parent)
    : FieldEditor(field, parent)
    , m_comboBox(new QComboBox(this))
{
    m_comboBox->addItem(tr("-- None --"), QString());
    for (const ChoiceOption &option : options)
        m_comboBox->addItem(option.label, option.value);
    m_optionCount = m_comboBox->count();
    m_comboBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_comboBox, 0, Qt::AlignLeft);
    setFocusProxy(m_comboBox);
    connect(m_comboBox, &QComboBox::currentIndexChanged, this, &ChoiceFieldEditor::notifyEdited);
}

void ChoiceFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_comboBox->setEnabled(!readOnly);
}

void ChoiceFieldEditor::display(const FieldValue &value)
{
    // Drop an extra item added for an earlier value that is not in the list.
    while (m_comboBox->count() > m_optionCount)
        m_comboBox->removeItem(m_comboBox->count() - 1);

    int index = m_comboBox->findData(value.value);
    if (index < 0) {
        const QString label = value.displayValue.isEmpty() ? value.value : value.displayValue;
        m_comboBox->addItem(label, value.value);
        index = m_comboBox->count() - 1;
    }
    m_comboBox->setCurrentIndex(index);
}

QVariant ChoiceFieldEditor::widgetState() const
{
    return m_comboBox->currentData();
}

FieldValue ChoiceFieldEditor::editedValue() const
{
    const QString value = m_comboBox->currentData().toString();
    return {value, value.isEmpty() ? QString() : m_comboBox->currentText()};
}
