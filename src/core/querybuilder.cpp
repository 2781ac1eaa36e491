#include "snow/querybuilder.h"

#include "querybuilder_p.h"

#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

bool isInteger(const QVariant &value)
{
    return isNumber(value) && value.typeId() != QMetaType::Double && value.typeId() != QMetaType::Float;
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

bool isList(const QVariant &value)
{
    return value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList;
}

// One value for a string, the items of a list (pysnow writes each item with str()).
QStringList conditionValues(const QVariant &value)
{
    if (isString(value))
        return {value.toString()};
    return value.toStringList();
}

bool isValidDateTime(const QVariant &value)
{
    return value.typeId() == QMetaType::QDateTime && value.toDateTime().isValid();
}

QString typeName(const QVariant &value)
{
    if (!value.isValid())
        return u"an invalid QVariant"_s;
    if (value.typeId() == QMetaType::QDateTime && !value.toDateTime().isValid())
        return u"an invalid QDateTime"_s;
    return QString::fromLatin1(value.metaType().name());
}

QString fieldWithCaretMessage(const QString &name)
{
    return u"the field name \"%1\" contains '^', which would start another condition; pass a column name such as caller_id"_s
        .arg(name);
}

QString join(QueryBuilder::Join join)
{
    switch (join) {
    case QueryBuilder::Join::And:
        return u"^"_s;
    case QueryBuilder::Join::Or:
        return u"^OR"_s;
    case QueryBuilder::Join::NewQuery:
        return u"^NQ"_s;
    }
    return u"^"_s;
}

} // namespace

QueryBuilder::QueryBuilder()
    : d(new QueryBuilderData)
{
}

QueryBuilder::QueryBuilder(const QueryBuilder &other) = default;
QueryBuilder::QueryBuilder(QueryBuilder &&other) noexcept = default;
QueryBuilder &QueryBuilder::operator=(const QueryBuilder &other) = default;
QueryBuilder &QueryBuilder::operator=(QueryBuilder &&other) noexcept = default;
QueryBuilder::~QueryBuilder() = default;

void QueryBuilderData::fail(Error::Kind kind, const char *call, const QString &message)
{
    if (error.isError())
        return;
    error = Error(kind, u"QueryBuilder::%1(): %2"_s.arg(QLatin1StringView(call), message));
}

bool QueryBuilderData::canAddCondition(const char *call)
{
    if (error.isError())
        return false;
    if (currentField.isEmpty()) {
        fail(Error::QueryMissingField, call, u"a condition needs a field; call field() first"_s);
        return false;
    }
    if (hasCondition) {
        fail(Error::QueryMultipleExpressions, call,
             u"field \"%1\" already has a condition; put AND(), OR() or NQ() between two conditions"_s.arg(currentField));
        return false;
    }
    return true;
}

void QueryBuilderData::addCondition(QueryBuilder::Operator op, const QStringList &values)
{
    QueryBuilder::Term term;
    term.kind = QueryBuilder::Term::Kind::Condition;
    term.join = pendingJoin;
    term.field = currentField;
    term.op = op;
    term.values = values;
    terms.append(term);
    hasCondition = true;
}

void QueryBuilderData::addLogical(QueryBuilder::Join join, const char *call)
{
    if (error.isError())
        return;
    if (!hasCondition) {
        fail(Error::QueryExpressionError, call, u"a logical operator must follow a condition"_s);
        return;
    }
    pendingJoin = join;
    currentField.clear();
    hasCondition = false;
}

QueryBuilder &QueryBuilder::field(const QString &name)
{
    if (d->error.isError())
        return *this;
    if (name.isEmpty()) {
        d->fail(Error::QueryMissingField, "field", u"the field name is empty"_s);
        return *this;
    }
    if (name.contains(u'^')) {
        d->fail(Error::InvalidUsage, "field", fieldWithCaretMessage(name));
        return *this;
    }
    d->currentField = name;
    return *this;
}

QueryBuilder &QueryBuilder::orderAscending()
{
    if (!d->canAddCondition("orderAscending"))
        return *this;

    Term term;
    term.kind = Term::Kind::OrderBy;
    term.join = d->pendingJoin;
    term.field = d->currentField;
    d->terms.append(term);
    d->hasCondition = true;
    return *this;
}

QueryBuilder &QueryBuilder::orderDescending()
{
    if (!d->canAddCondition("orderDescending"))
        return *this;

    Term term;
    term.kind = Term::Kind::OrderBy;
    term.join = d->pendingJoin;
    term.field = d->currentField;
    term.descending = true;
    d->terms.append(term);
    d->hasCondition = true;
    return *this;
}

QueryBuilder &QueryBuilder::startsWith(const QString &value)
{
    if (d->canAddCondition("startsWith"))
        d->addCondition(Operator::StartsWith, {value});
    return *this;
}

QueryBuilder &QueryBuilder::endsWith(const QString &value)
{
    if (d->canAddCondition("endsWith"))
        d->addCondition(Operator::EndsWith, {value});
    return *this;
}

QueryBuilder &QueryBuilder::contains(const QString &value)
{
    if (d->canAddCondition("contains"))
        d->addCondition(Operator::Contains, {value});
    return *this;
}

QueryBuilder &QueryBuilder::notContains(const QString &value)
{
    if (d->canAddCondition("notContains"))
        d->addCondition(Operator::NotContains, {value});
    return *this;
}

QueryBuilder &QueryBuilder::isEmpty()
{
    if (d->canAddCondition("isEmpty"))
        d->addCondition(Operator::IsEmpty, {});
    return *this;
}

QueryBuilder &QueryBuilder::isNotEmpty()
{
    if (d->canAddCondition("isNotEmpty"))
        d->addCondition(Operator::IsNotEmpty, {});
    return *this;
}

// pysnow checks the value's type before the field and the chain, so a wrong type is
// the error reported even when the field is missing too.
QueryBuilder &QueryBuilder::equals(const QVariant &value)
{
    if (!isString(value) && !isList(value)) {
        d->fail(Error::QueryTypeError, "equals", u"expected a QString or a QStringList, got %1"_s.arg(typeName(value)));
        return *this;
    }
    if (d->canAddCondition("equals"))
        d->addCondition(isString(value) ? Operator::Equals : Operator::In, conditionValues(value));
    return *this;
}

QueryBuilder &QueryBuilder::notEquals(const QVariant &value)
{
    if (!isString(value) && !isList(value)) {
        d->fail(Error::QueryTypeError, "notEquals", u"expected a QString or a QStringList, got %1"_s.arg(typeName(value)));
        return *this;
    }
    if (d->canAddCondition("notEquals"))
        d->addCondition(isString(value) ? Operator::NotEquals : Operator::NotIn, conditionValues(value));
    return *this;
}

void QueryBuilderData::addComparison(QueryBuilder::Operator op, const QVariant &value, const char *call)
{
    if (!isValidDateTime(value) && !isNumber(value)) {
        fail(Error::QueryTypeError, call, u"expected a number or a valid QDateTime, got %1"_s.arg(typeName(value)));
        return;
    }
    if (!canAddCondition(call))
        return;

    if (isValidDateTime(value))
        addCondition(op, {QueryBuilder::formatDateTime(value.toDateTime())});
    else
        addCondition(op, {value.toString()});
}

QueryBuilder &QueryBuilder::greaterThan(const QVariant &value)
{
    d->addComparison(Operator::GreaterThan, value, "greaterThan");
    return *this;
}

QueryBuilder &QueryBuilder::greaterThanOrEqual(const QVariant &value)
{
    d->addComparison(Operator::GreaterThanOrEqual, value, "greaterThanOrEqual");
    return *this;
}

QueryBuilder &QueryBuilder::lessThan(const QVariant &value)
{
    d->addComparison(Operator::LessThan, value, "lessThan");
    return *this;
}

QueryBuilder &QueryBuilder::lessThanOrEqual(const QVariant &value)
{
    d->addComparison(Operator::LessThanOrEqual, value, "lessThanOrEqual");
    return *this;
}

QueryBuilder &QueryBuilder::between(const QVariant &start, const QVariant &end)
{
    const bool integers = isInteger(start) && isInteger(end);
    const bool dateTimes = isValidDateTime(start) && isValidDateTime(end);
    if (!integers && !dateTimes) {
        d->fail(Error::QueryTypeError, "between",
                u"expected two integers or two valid QDateTime values, got %1 and %2"_s.arg(typeName(start), typeName(end)));
        return *this;
    }
    if (!d->canAddCondition("between"))
        return *this;

    if (integers) {
        d->addCondition(Operator::Between, {start.toString(), end.toString()});
    } else {
        // NOTE: ServiceNow evaluates gs.dateGenerate() in the session user's time zone,
        // while the bounds are written in UTC; for users whose zone is not UTC the range
        // shifts by their offset. pysnow writes the same form.
        const auto bound = [](const QDateTime &value) {
            return u"javascript:gs.dateGenerate(\"%1\")"_s.arg(formatDateTime(value));
        };
        d->addCondition(Operator::Between, {bound(start.toDateTime()), bound(end.toDateTime())});
    }
    return *this;
}

QueryBuilder &QueryBuilder::AND()
{
    d->addLogical(Join::And, "AND");
    return *this;
}

QueryBuilder &QueryBuilder::OR()
{
    d->addLogical(Join::Or, "OR");
    return *this;
}

QueryBuilder &QueryBuilder::NQ()
{
    d->addLogical(Join::NewQuery, "NQ");
    return *this;
}

QueryBuilder &QueryBuilder::addTerm(const Term &term)
{
    if (d->error.isError())
        return *this;
    if (term.kind != Term::Kind::Verbatim && term.field.isEmpty()) {
        d->fail(Error::QueryMissingField, "addTerm", u"a condition or ordering needs a field"_s);
        return *this;
    }
    if (term.kind != Term::Kind::Verbatim && term.field.contains(u'^')) {
        d->fail(Error::InvalidUsage, "addTerm", fieldWithCaretMessage(term.field));
        return *this;
    }

    d->terms.append(term);
    d->currentField = term.kind == Term::Kind::Verbatim ? u"(verbatim)"_s : term.field;
    d->hasCondition = true;
    return *this;
}

Error QueryBuilder::error() const
{
    if (d->error.isError())
        return d->error;
    if (d->terms.isEmpty())
        return Error(Error::QueryEmpty, u"The query has no condition; add at least one with field() and a condition"_s);
    if (d->currentField.isEmpty())
        return Error(Error::QueryMissingField,
                     u"The query ends with a logical operator; follow AND(), OR() or NQ() with field() and a condition"_s);
    if (!d->hasCondition)
        return Error(Error::QueryExpressionError,
                     u"field(\"%1\") has no condition; add one such as equals() or orderAscending()"_s.arg(d->currentField));
    return Error();
}

bool QueryBuilder::isValid() const
{
    return !error().isError();
}

QString QueryBuilder::toString() const
{
    if (!isValid())
        return QString();

    QString encoded;
    for (qsizetype i = 0; i < d->terms.size(); ++i) {
        const Term &term = d->terms.at(i);
        if (i > 0)
            encoded += join(term.join);
        encoded += encodeTerm(term);
    }
    return encoded;
}

QList<QueryBuilder::Term> QueryBuilder::terms() const
{
    return d->terms;
}

bool QueryBuilder::hasOrderBy() const
{
    for (const Term &term : std::as_const(d->terms)) {
        if (term.kind == Term::Kind::OrderBy)
            return true;
        if (term.kind == Term::Kind::Verbatim && term.text.startsWith(u"ORDERBY"))
            return true;
    }
    return false;
}

QString QueryBuilder::escapeValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'^', u"^^"_s);
    return escaped;
}

QString QueryBuilder::formatDateTime(const QDateTime &dateTime)
{
    return dateTime.toTimeZone(QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString QueryBuilder::operatorText(Operator op)
{
    switch (op) {
    case Operator::Equals: return u"="_s;
    case Operator::NotEquals: return u"!="_s;
    case Operator::In: return u"IN"_s;
    case Operator::NotIn: return u"NOT IN"_s;
    case Operator::StartsWith: return u"STARTSWITH"_s;
    case Operator::EndsWith: return u"ENDSWITH"_s;
    case Operator::Contains: return u"LIKE"_s;
    case Operator::NotContains: return u"NOT LIKE"_s;
    case Operator::IsEmpty: return u"ISEMPTY"_s;
    case Operator::IsNotEmpty: return u"ISNOTEMPTY"_s;
    case Operator::GreaterThan: return u">"_s;
    case Operator::GreaterThanOrEqual: return u">="_s;
    case Operator::LessThan: return u"<"_s;
    case Operator::LessThanOrEqual: return u"<="_s;
    case Operator::Between: return u"BETWEEN"_s;
    case Operator::IsAnything: return u"ANYTHING"_s;
    case Operator::IsEmptyString: return u"EMPTYSTRING"_s;
    case Operator::SameAs: return u"SAMEAS"_s;
    case Operator::NotSameAs: return u"NSAMEAS"_s;
    case Operator::On: return u"ON"_s;
    case Operator::NotOn: return u"NOTON"_s;
    case Operator::Dynamic: return u"DYNAMIC"_s;
    case Operator::InstanceOf: return u"INSTANCEOF"_s;
    case Operator::RelativeGreaterThan: return u"RELATIVEGT"_s;
    case Operator::RelativeGreaterThanOrEqual: return u"RELATIVEGE"_s;
    case Operator::RelativeLessThan: return u"RELATIVELT"_s;
    case Operator::RelativeLessThanOrEqual: return u"RELATIVELE"_s;
    case Operator::RelativeEquals: return u"RELATIVEEE"_s;
    }
    return QString();
}

bool operatorTakesNoValue(QueryBuilder::Operator op)
{
    using Op = QueryBuilder::Operator;
    return op == Op::IsEmpty || op == Op::IsNotEmpty || op == Op::IsAnything || op == Op::IsEmptyString;
}

QString QueryBuilder::encodeTerm(const Term &term)
{
    switch (term.kind) {
    case Term::Kind::Verbatim:
        return term.text;
    case Term::Kind::OrderBy:
        return (term.descending ? u"ORDERBYDESC"_s : u"ORDERBY"_s) + term.field;
    case Term::Kind::Condition:
        break;
    }

    QString encoded = term.field + operatorText(term.op);
    if (operatorTakesNoValue(term.op))
        return encoded;

    switch (term.op) {
    case Operator::In:
    case Operator::NotIn: {
        QStringList escaped;
        escaped.reserve(term.values.size());
        for (const QString &value : term.values)
            escaped.append(escapeValue(value));
        return encoded + escaped.join(u',');
    }
    case Operator::Between:
        return encoded + escapeValue(term.values.value(0)) + u'@' + escapeValue(term.values.value(1));
    case Operator::RelativeGreaterThan:
    case Operator::RelativeGreaterThanOrEqual:
    case Operator::RelativeLessThan:
    case Operator::RelativeLessThanOrEqual:
    case Operator::RelativeEquals:
        for (qsizetype i = 0; i < 3; ++i)
            encoded += u'@' + escapeValue(term.values.value(i));
        return encoded;
    default:
        return encoded + escapeValue(term.values.value(0));
    }
}

} // namespace snow
