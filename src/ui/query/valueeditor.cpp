#include "query/valueeditor.h"

#include "query/basicvalueeditors.h"
#include "query/datevalueeditor.h"
#include "query/referencevalueeditor.h"

using namespace Qt::StringLiterals;

namespace {

using Op = snow::QueryBuilder::Operator;

// Creates the editor of one value of @p kind.
ValueEditor *createSingle(const ValueEditorContext &context, ValueKind kind, DateBoundary boundary, QWidget *parent)
{
    switch (kind) {
    case ValueKind::None:
        return nullptr;
    case ValueKind::Text:
        return new TextValueEditor(TextValueEditor::Format::Text, parent);
    case ValueKind::TextList:
        return new TextListValueEditor(parent);
    case ValueKind::Integer:
        return new TextValueEditor(TextValueEditor::Format::Integer, parent);
    case ValueKind::Decimal:
        return new TextValueEditor(TextValueEditor::Format::Decimal, parent);
    case ValueKind::Boolean:
        return new ComboValueEditor(ComboValueEditor::booleanEntries(), parent);
    case ValueKind::Choice: {
        const QList<ComboValueEditor::Entry> entries = ComboValueEditor::choiceEntries(context);
        if (entries.isEmpty())
            return new TextValueEditor(TextValueEditor::Format::Text, parent);
        return new ComboValueEditor(entries, parent);
    }
    case ValueKind::ChoiceList: {
        const QList<ComboValueEditor::Entry> entries = ComboValueEditor::choiceEntries(context);
        if (entries.isEmpty())
            return new TextListValueEditor(parent);
        return new ChoiceListValueEditor(entries, parent);
    }
    case ValueKind::Reference:
        if (!context.session || context.field.referenceTable.isEmpty())
            return new TextValueEditor(TextValueEditor::Format::Text, parent);
        return new ReferenceValueEditor(context.session, context.field.referenceTable, parent);
    case ValueKind::Dynamic:
        return new ComboValueEditor({{QObject::tr("Me"), OperatorCatalog::DynamicMe.toString()}}, parent);
    case ValueKind::DateTime:
        return new DateValueEditor(DateValueEditor::Mode::Moment, true, boundary, parent);
    case ValueKind::Date:
        return new DateValueEditor(DateValueEditor::Mode::Moment, false, boundary, parent);
    case ValueKind::DateRange:
        return new DateValueEditor(DateValueEditor::Mode::Day, false, boundary, parent);
    case ValueKind::Relative:
        return new RelativeValueEditor(parent);
    case ValueKind::Duration:
        return new DurationValueEditor(parent);
    case ValueKind::Field: {
        const QList<ComboValueEditor::Entry> entries = ComboValueEditor::fieldEntries(context);
        if (entries.isEmpty())
            return new TextValueEditor(TextValueEditor::Format::Text, parent);
        return new ComboValueEditor(entries, parent);
    }
    }
    return new TextValueEditor(TextValueEditor::Format::Text, parent);
}

} // namespace

DateBoundary boundaryFor(snow::QueryBuilder::Operator op)
{
    return op == Op::GreaterThan || op == Op::LessThanOrEqual ? DateBoundary::End : DateBoundary::Start;
}

ValueEditor *createValueEditor(const ValueEditorContext &context, const OperatorOption &option, QWidget *parent)
{
    if (option.value == ValueKind::None)
        return nullptr;
    if (!option.between)
        return createSingle(context, option.value, boundaryFor(option.op), parent);

    ValueEditor *start = createSingle(context, option.value, DateBoundary::Start, nullptr);
    ValueEditor *end = createSingle(context, option.value, DateBoundary::End, nullptr);
    return new BetweenValueEditor(start, end, parent);
}

ValueEditor *createTextEditor(const OperatorOption &option, QWidget *parent)
{
    if (option.value == ValueKind::None)
        return nullptr;
    if (option.op == Op::In || option.op == Op::NotIn)
        return new TextListValueEditor(parent);
    if (option.between) {
        return new BetweenValueEditor(new TextValueEditor(TextValueEditor::Format::Text),
                                      new TextValueEditor(TextValueEditor::Format::Text), parent);
    }
    if (OperatorCatalog::isRelative(option.op))
        return new TextListValueEditor(parent);
    return new TextValueEditor(TextValueEditor::Format::Text, parent);
}
