#include "fieldeditor.h"

#include "editor/choiceeditor.h"
#include "editor/datetimeeditors.h"
#include "editor/journaleditor.h"
#include "editor/referenceeditor.h"
#include "editor/texteditors.h"

#include <QtCore/QScopedValueRollback>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

FieldEditor::FieldEditor(const FieldInfo &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    setObjectName(u"editor_"_s + field.name);
}

void FieldEditor::setValue(const FieldValue &value)
{
    m_loaded = value;
    displaySilently(value);
    m_loadedState = widgetState();
}

void FieldEditor::applyEdit(const FieldValue &value)
{
    displaySilently(value);
    Q_EMIT edited();
}

FieldValue FieldEditor::value() const
{
    if (widgetState() == m_loadedState)
        return m_loaded;
    return editedValue();
}

bool FieldEditor::isChanged() const
{
    return value().value != m_loaded.value;
}

void FieldEditor::notifyEdited()
{
    if (!m_displaying)
        Q_EMIT edited();
}

void FieldEditor::displaySilently(const FieldValue &value)
{
    const QScopedValueRollback guard(m_displaying, true);
    display(value);
}

bool isMultiLineField(const FieldInfo &field)
{
    static const QSet<QString> paragraphFields = {
        u"description"_s, u"close_notes"_s, u"justification"_s,
        u"implementation_plan"_s, u"backout_plan"_s, u"test_plan"_s, u"risk_impact_analysis"_s,
    };
    if (field.type != FieldType::String && field.type != FieldType::Other)
        return false;
    return field.maxLength > 255 || paragraphFields.contains(field.name);
}

FieldEditor *createFieldEditor(const FieldInfo &field, const EditorContext &context, QWidget *parent)
{
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Decimal:
        return new NumberFieldEditor(field, parent);
    case FieldType::Boolean:
        return new BooleanFieldEditor(field, parent);
    case FieldType::Choice:
        return new ChoiceFieldEditor(field, context.schema ? context.schema->choices.value(field.name) : QList<ChoiceOption>(),
                                     parent);
    case FieldType::Reference:
        return new ReferenceFieldEditor(field, context.session, parent);
    case FieldType::DateTime:
        return new DateTimeFieldEditor(field, context.timeZone, parent);
    case FieldType::Date:
        return new DateFieldEditor(field, parent);
    case FieldType::Duration:
        return new DurationFieldEditor(field, parent);
    case FieldType::Journal:
        return new JournalFieldEditor(field, parent);
    case FieldType::List:
        return new ListFieldEditor(field, parent);
    case FieldType::String:
    case FieldType::Other:
        break;
    }
    return new TextFieldEditor(field, isMultiLineField(field), parent);
}
