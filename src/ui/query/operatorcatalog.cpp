#include "query/operatorcatalog.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace OperatorCatalog {

namespace {

using Op = snow::QueryBuilder::Operator;

QString tr(const char *text)
{
    return QCoreApplication::translate("OperatorCatalog", text);
}

OperatorOption option(Op op, const char *label, ValueKind value, bool between = false)
{
    return OperatorOption{op, tr(label), value, between};
}

// The labels follow ServiceNow's condition builder. Text-like comparisons of strings
// and choices are "less than or is"; the same operators on dates are "at or before".
QList<OperatorOption> stringOptions()
{
    return {
        option(Op::Equals, "is", ValueKind::Text),
        option(Op::NotEquals, "is not", ValueKind::Text),
        option(Op::Contains, "contains", ValueKind::Text),
        option(Op::NotContains, "does not contain", ValueKind::Text),
        option(Op::StartsWith, "starts with", ValueKind::Text),
        option(Op::EndsWith, "ends with", ValueKind::Text),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::In, "is one of", ValueKind::TextList),
        option(Op::NotIn, "is not one of", ValueKind::TextList),
        option(Op::LessThan, "less than", ValueKind::Text),
        option(Op::GreaterThan, "greater than", ValueKind::Text),
        option(Op::LessThanOrEqual, "less than or is", ValueKind::Text),
        option(Op::GreaterThanOrEqual, "greater than or is", ValueKind::Text),
        option(Op::Between, "between", ValueKind::Text, true),
        option(Op::IsAnything, "is anything", ValueKind::None),
        option(Op::IsEmptyString, "is empty string", ValueKind::None),
        option(Op::SameAs, "is same as", ValueKind::Field),
        option(Op::NotSameAs, "is different from", ValueKind::Field),
    };
}

QList<OperatorOption> numberOptions(ValueKind number)
{
    return {
        option(Op::Equals, "is", number),
        option(Op::NotEquals, "is not", number),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::LessThan, "less than", number),
        option(Op::GreaterThan, "greater than", number),
        option(Op::LessThanOrEqual, "less than or is", number),
        option(Op::GreaterThanOrEqual, "greater than or is", number),
        option(Op::Between, "between", number, true),
        option(Op::In, "is one of", ValueKind::TextList),
        option(Op::NotIn, "is not one of", ValueKind::TextList),
        option(Op::IsAnything, "is anything", ValueKind::None),
        option(Op::SameAs, "is same as", ValueKind::Field),
        option(Op::NotSameAs, "is different from", ValueKind::Field),
    };
}

QList<OperatorOption> booleanOptions()
{
    return {
        option(Op::Equals, "is", ValueKind::Boolean),
        option(Op::NotEquals, "is not", ValueKind::Boolean),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::IsAnything, "is anything", ValueKind::None),
    };
}

QList<OperatorOption> choiceOptions()
{
    return {
        option(Op::Equals, "is", ValueKind::Choice),
        option(Op::NotEquals, "is not", ValueKind::Choice),
        option(Op::In, "is one of", ValueKind::ChoiceList),
        option(Op::NotIn, "is not one of", ValueKind::ChoiceList),
        option(Op::Contains, "contains", ValueKind::Text),
        option(Op::NotContains, "does not contain", ValueKind::Text),
        option(Op::StartsWith, "starts with", ValueKind::Text),
        option(Op::EndsWith, "ends with", ValueKind::Text),
        option(Op::LessThanOrEqual, "less than or is", ValueKind::Choice),
        option(Op::GreaterThanOrEqual, "greater than or is", ValueKind::Choice),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::IsAnything, "is anything", ValueKind::None),
        option(Op::SameAs, "is same as", ValueKind::Field),
        option(Op::NotSameAs, "is different from", ValueKind::Field),
    };
}

QList<OperatorOption> referenceOptions(const FieldInfo &field)
{
    QList<OperatorOption> options = {
        option(Op::Equals, "is", ValueKind::Reference),
        option(Op::NotEquals, "is not", ValueKind::Reference),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::StartsWith, "starts with", ValueKind::Text),
        option(Op::EndsWith, "ends with", ValueKind::Text),
        option(Op::Contains, "contains", ValueKind::Text),
        option(Op::NotContains, "does not contain", ValueKind::Text),
    };
    // ServiceNow's one dynamic option every instance has is "Me", on user references.
    if (field.referenceTable == u"sys_user")
        options.append(option(Op::Dynamic, "is (dynamic)", ValueKind::Dynamic));
    options.append(option(Op::IsAnything, "is anything", ValueKind::None));
    options.append(option(Op::SameAs, "is same as", ValueKind::Field));
    options.append(option(Op::NotSameAs, "is different from", ValueKind::Field));
    return options;
}

QList<OperatorOption> dateOptions(ValueKind moment)
{
    return {
        option(Op::On, "on", ValueKind::DateRange),
        option(Op::NotOn, "not on", ValueKind::DateRange),
        option(Op::LessThan, "before", moment),
        option(Op::LessThanOrEqual, "at or before", moment),
        option(Op::GreaterThan, "after", moment),
        option(Op::GreaterThanOrEqual, "at or after", moment),
        option(Op::Between, "between", moment, true),
        option(Op::RelativeGreaterThan, "relative after", ValueKind::Relative),
        option(Op::RelativeGreaterThanOrEqual, "relative on or after", ValueKind::Relative),
        option(Op::RelativeLessThan, "relative before", ValueKind::Relative),
        option(Op::RelativeLessThanOrEqual, "relative on or before", ValueKind::Relative),
        option(Op::RelativeEquals, "relative on", ValueKind::Relative),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::IsAnything, "is anything", ValueKind::None),
        option(Op::SameAs, "is same as", ValueKind::Field),
        option(Op::NotSameAs, "is different from", ValueKind::Field),
    };
}

QList<OperatorOption> durationOptions()
{
    return {
        option(Op::Equals, "is", ValueKind::Duration),
        option(Op::NotEquals, "is not", ValueKind::Duration),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::LessThan, "less than", ValueKind::Duration),
        option(Op::GreaterThan, "greater than", ValueKind::Duration),
        option(Op::LessThanOrEqual, "less than or is", ValueKind::Duration),
        option(Op::GreaterThanOrEqual, "greater than or is", ValueKind::Duration),
        option(Op::Between, "between", ValueKind::Duration, true),
        option(Op::IsAnything, "is anything", ValueKind::None),
    };
}

QList<OperatorOption> listOptions(const FieldInfo &field)
{
    // A glide_list contains sys_ids, so "contains" with one record's sys_id is the usual filter.
    const ValueKind member = field.referenceTable.isEmpty() ? ValueKind::Text : ValueKind::Reference;
    return {
        option(Op::Contains, "contains", member),
        option(Op::NotContains, "does not contain", member),
        option(Op::Equals, "is", ValueKind::Text),
        option(Op::NotEquals, "is not", ValueKind::Text),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
        option(Op::IsAnything, "is anything", ValueKind::None),
    };
}

QList<OperatorOption> journalOptions()
{
    return {
        option(Op::Contains, "contains", ValueKind::Text),
        option(Op::NotContains, "does not contain", ValueKind::Text),
        option(Op::IsEmpty, "is empty", ValueKind::None),
        option(Op::IsNotEmpty, "is not empty", ValueKind::None),
    };
}

} // namespace

QList<OperatorOption> optionsFor(const FieldInfo &field)
{
    switch (field.type) {
    case FieldType::String:
    case FieldType::Other:
        return stringOptions();
    case FieldType::Integer:
        return numberOptions(ValueKind::Integer);
    case FieldType::Decimal:
        return numberOptions(ValueKind::Decimal);
    case FieldType::Boolean:
        return booleanOptions();
    case FieldType::Choice:
        return choiceOptions();
    case FieldType::Reference:
        return referenceOptions(field);
    case FieldType::DateTime:
        return dateOptions(ValueKind::DateTime);
    case FieldType::Date:
        return dateOptions(ValueKind::Date);
    case FieldType::Duration:
        return durationOptions();
    case FieldType::List:
        return listOptions(field);
    case FieldType::Journal:
        return journalOptions();
    }
    return stringOptions();
}

OperatorOption optionFor(const FieldInfo &field, snow::QueryBuilder::Operator op)
{
    const QList<OperatorOption> options = optionsFor(field);
    for (const OperatorOption &candidate : options) {
        if (candidate.op == op)
            return candidate;
    }
    return OperatorOption{op, genericLabel(op), genericValueKind(op), op == Op::Between};
}

QString genericLabel(snow::QueryBuilder::Operator op)
{
    switch (op) {
    case Op::Equals: return tr("is");
    case Op::NotEquals: return tr("is not");
    case Op::In: return tr("is one of");
    case Op::NotIn: return tr("is not one of");
    case Op::StartsWith: return tr("starts with");
    case Op::EndsWith: return tr("ends with");
    case Op::Contains: return tr("contains");
    case Op::NotContains: return tr("does not contain");
    case Op::IsEmpty: return tr("is empty");
    case Op::IsNotEmpty: return tr("is not empty");
    case Op::GreaterThan: return tr("greater than");
    case Op::GreaterThanOrEqual: return tr("greater than or is");
    case Op::LessThan: return tr("less than");
    case Op::LessThanOrEqual: return tr("less than or is");
    case Op::Between: return tr("between");
    case Op::IsAnything: return tr("is anything");
    case Op::IsEmptyString: return tr("is empty string");
    case Op::SameAs: return tr("is same as");
    case Op::NotSameAs: return tr("is different from");
    case Op::On: return tr("on");
    case Op::NotOn: return tr("not on");
    case Op::Dynamic: return tr("is (dynamic)");
    case Op::InstanceOf: return tr("is a");
    case Op::RelativeGreaterThan: return tr("relative after");
    case Op::RelativeGreaterThanOrEqual: return tr("relative on or after");
    case Op::RelativeLessThan: return tr("relative before");
    case Op::RelativeLessThanOrEqual: return tr("relative on or before");
    case Op::RelativeEquals: return tr("relative on");
    }
    return snow::QueryBuilder::operatorText(op);
}

ValueKind genericValueKind(snow::QueryBuilder::Operator op)
{
    switch (op) {
    case Op::IsEmpty:
    case Op::IsNotEmpty:
    case Op::IsAnything:
    case Op::IsEmptyString:
        return ValueKind::None;
    case Op::In:
    case Op::NotIn:
        return ValueKind::TextList;
    case Op::On:
    case Op::NotOn:
        return ValueKind::DateRange;
    case Op::SameAs:
    case Op::NotSameAs:
        return ValueKind::Field;
    default:
        return isRelative(op) ? ValueKind::Relative : ValueKind::Text;
    }
}

bool isRelative(snow::QueryBuilder::Operator op)
{
    return op == Op::RelativeGreaterThan || op == Op::RelativeGreaterThanOrEqual || op == Op::RelativeLessThan
        || op == Op::RelativeLessThanOrEqual || op == Op::RelativeEquals;
}

} // namespace OperatorCatalog
