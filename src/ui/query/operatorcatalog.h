#pragma once

#include "metadata/tableschema.h"

#include <snow/querybuilder.h>

#include <QtCore/QList>
#include <QtCore/QString>

/// The editor a condition's value needs.
enum class ValueKind {
    None,       ///< ISEMPTY and the like: no value
    Text,       ///< free text
    TextList,   ///< comma-separated text, for IN and NOT IN
    Integer,
    Decimal,
    Boolean,    ///< true or false
    Choice,     ///< one entry of the field's choice list
    ChoiceList, ///< several entries of the choice list, for IN and NOT IN
    Reference,  ///< a record of the referenced table, sent as its sys_id
    Dynamic,    ///< a dynamic filter option such as "Me"
    DateTime,   ///< a date and time, or a relative moment such as "Today"
    Date,       ///< a date, or a relative moment
    DateRange,  ///< a day or a named range, for ON and NOT ON
    Relative,   ///< amount, unit and direction, for the RELATIVE operators
    Duration,   ///< days and a time of day
    Field,      ///< another field of the table, for SAMEAS and NSAMEAS
};

/// One entry of the operator dropdown.
struct OperatorOption
{
    snow::QueryBuilder::Operator op = snow::QueryBuilder::Operator::Equals;
    QString label;                 ///< as ServiceNow's condition builder names it, such as "starts with"
    ValueKind value = ValueKind::Text;
    bool between = false;          ///< two editors of kind `value`, for BETWEEN
};

/// The operators ServiceNow's condition builder offers per field type, and the value
/// editor each one needs.
namespace OperatorCatalog {

/// Returns the operators that fit @p field, in dropdown order.
QList<OperatorOption> optionsFor(const FieldInfo &field);

/// Returns the entry for @p op among optionsFor(@p field), or a generic entry when the
/// field type does not offer @p op (a pasted query may use any operator on any field).
OperatorOption optionFor(const FieldInfo &field, snow::QueryBuilder::Operator op);

/// Returns a label for @p op that does not depend on the field type.
QString genericLabel(snow::QueryBuilder::Operator op);

/// Returns the value editor kind @p op needs when the field type does not decide it.
ValueKind genericValueKind(snow::QueryBuilder::Operator op);

/// True for the five RELATIVE operators.
bool isRelative(snow::QueryBuilder::Operator op);

/// The value of the "Me" dynamic filter option, which stands for the signed-in user.
inline constexpr QStringView DynamicMe = u"90d1921e5f510100a9ad2572f2b477fe";

} // namespace OperatorCatalog
