#pragma once

#include <snow/error.h>

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

namespace snow {

class QueryBuilderData;

/// Builds ServiceNow encoded queries with pysnow's chain, and parses them back.
///
/// \code
/// QueryBuilder query;
/// query.field(u"number"_s).startsWith(u"INC0123"_s)
///      .AND().field(u"sys_created_on"_s).between(sixtyDaysAgo, now)
///      .AND().field(u"sys_updated_on"_s).orderDescending();
/// if (!query.isValid())
///     qWarning() << query.error().message();
/// resource.get(query);
/// \endcode
///
/// Encodings are pysnow's: `f=v`, `fINa,b`, `f!=v`, `fNOT INa,b`, `fSTARTSWITHv`,
/// `fENDSWITHv`, `fLIKEv`, `fNOT LIKEv`, `fISEMPTY`, `fISNOTEMPTY`, `f>v`, `f>=v`,
/// `f<v`, `f<=v`, `fBETWEENa@b`, `ORDERBYf`, `ORDERBYDESCf`, joined by `^` (AND),
/// `^OR` and `^NQ`. A QDateTime is written in UTC as `YYYY-MM-DD HH:MM:SS`; between()
/// on date-times writes `javascript:gs.dateGenerate("YYYY-MM-DD HH:MM:SS")` bounds.
///
/// Unlike pysnow, every literal `^` in a value is written `^^`, ServiceNow's escape,
/// so text a user types can never add a condition to the query. A field name that
/// contains `^` is an InvalidUsage error for the same reason. pysnow writes between()
/// bounds in the time zone of its datetime values; QueryBuilder converts them to UTC
/// like every other QDateTime, and the two agree for UTC values.
///
/// Errors follow pysnow's five query exceptions, checked in pysnow's order: a value of
/// the wrong type first, then a missing field, then a second condition on one field.
/// The first misuse is recorded with the call at fault (the message starts with
/// `QueryBuilder::equals():` and the like) and later calls are ignored. While
/// isValid() is false, toString() returns an empty string and error() returns the reason.
/// Nothing is thrown.
///
/// QueryBuilder is an implicitly shared value type, reentrant but not thread-safe.
class SNOWCORE_EXPORT QueryBuilder
{
public:
    /// How a term attaches to the terms before it.
    enum class Join {
        And,      ///< `^`, or nothing for the first term
        Or,       ///< `^OR`
        NewQuery, ///< `^NQ`
    };

    enum class Operator {
        Equals,             ///< `=`
        NotEquals,          ///< `!=`
        In,                 ///< `IN` with a comma-separated list
        NotIn,              ///< `NOT IN`
        StartsWith,         ///< `STARTSWITH`
        EndsWith,           ///< `ENDSWITH`
        Contains,           ///< `LIKE`
        NotContains,        ///< `NOT LIKE`
        IsEmpty,            ///< `ISEMPTY`
        IsNotEmpty,         ///< `ISNOTEMPTY`
        GreaterThan,        ///< `>`
        GreaterThanOrEqual, ///< `>=`
        LessThan,           ///< `<`
        LessThanOrEqual,    ///< `<=`
        Between,            ///< `BETWEEN` with two bounds joined by `@`
        IsAnything,         ///< `ANYTHING`
        IsEmptyString,      ///< `EMPTYSTRING`
        SameAs,             ///< `SAMEAS`, compares with another field
        NotSameAs,          ///< `NSAMEAS`
        On,                 ///< `ON`, a date range such as `Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()`
        NotOn,              ///< `NOTON`
        Dynamic,            ///< `DYNAMIC` with the sys_id of a dynamic filter ("Me")
        InstanceOf,         ///< `INSTANCEOF`, a table and its extensions
        /// `RELATIVEGT`, after a moment relative to now. Three values: the unit
        /// (`minute`, `hour`, `day`, `week`, `month`, `quarter`, `year`), `ago` or
        /// `ahead`, and the amount; `RELATIVEGT@hour@ago@3` is "after 3 hours ago".
        RelativeGreaterThan,
        RelativeGreaterThanOrEqual, ///< `RELATIVEGE`, values as for RelativeGreaterThan
        RelativeLessThan,           ///< `RELATIVELT`, values as for RelativeGreaterThan
        RelativeLessThanOrEqual,    ///< `RELATIVELE`, values as for RelativeGreaterThan
        RelativeEquals,             ///< `RELATIVEEE`, within the same unit (the same day for `day`); values as above
    };

    /// One part of an encoded query.
    struct Term
    {
        enum class Kind {
            Condition, ///< field, operator, values
            OrderBy,   ///< field, descending
            Verbatim,  ///< text the builder does not model, kept exactly as written
        };

        Kind kind = Kind::Condition;
        Join join = Join::And;
        QString field;
        Operator op = Operator::Equals;
        /// Unescaped values: one for most operators, the list for IN and NOT IN, two
        /// bounds for BETWEEN, unit, direction and amount for the RELATIVE operators,
        /// none for ISEMPTY and the like. ON and NOTON keep their whole
        /// `Label@start@end` text as one value.
        QStringList values;
        bool descending = false;
        /// For Verbatim: the encoded text, already escaped.
        QString text;

        friend bool operator==(const Term &, const Term &) = default;
    };

    QueryBuilder();
    QueryBuilder(const QueryBuilder &other);
    QueryBuilder(QueryBuilder &&other) noexcept;
    QueryBuilder &operator=(const QueryBuilder &other);
    QueryBuilder &operator=(QueryBuilder &&other) noexcept;
    ~QueryBuilder();

    /// Sets the field the next condition applies to. An empty name is a
    /// QueryMissingField error, a name with `^` an InvalidUsage error.
    QueryBuilder &field(const QString &name);

    QueryBuilder &orderAscending();
    QueryBuilder &orderDescending();

    QueryBuilder &startsWith(const QString &value);
    QueryBuilder &endsWith(const QString &value);
    QueryBuilder &contains(const QString &value);
    QueryBuilder &notContains(const QString &value);
    QueryBuilder &isEmpty();
    QueryBuilder &isNotEmpty();

    /// `=` for a string, `IN` for a list. Other types are a QueryTypeError.
    QueryBuilder &equals(const QVariant &value);
    QueryBuilder &equals(const QString &value) { return equals(QVariant(value)); }
    QueryBuilder &equals(const QStringList &values) { return equals(QVariant(values)); }
    /// `!=` for a string, `NOT IN` for a list. Other types are a QueryTypeError.
    QueryBuilder &notEquals(const QVariant &value);
    QueryBuilder &notEquals(const QString &value) { return notEquals(QVariant(value)); }
    QueryBuilder &notEquals(const QStringList &values) { return notEquals(QVariant(values)); }

    /// Comparisons take a number or a valid QDateTime; a string is a QueryTypeError,
    /// as in pysnow. Unlike pysnow, a floating-point number is accepted.
    QueryBuilder &greaterThan(const QVariant &value);
    QueryBuilder &greaterThanOrEqual(const QVariant &value);
    QueryBuilder &lessThan(const QVariant &value);
    QueryBuilder &lessThanOrEqual(const QVariant &value);
    /// Both bounds integers, or both valid QDateTime; anything else is a QueryTypeError.
    QueryBuilder &between(const QVariant &start, const QVariant &end);

    QueryBuilder &AND();
    QueryBuilder &OR();
    QueryBuilder &NQ();

    /// Appends a term as it is, with its own join, and ends the current chain step
    /// so that AND(), OR() or NQ() may follow. A condition or ordering without a
    /// field is a QueryMissingField error, a field with `^` an InvalidUsage error.
    /// Values are escaped when the query is encoded; Verbatim text is not.
    QueryBuilder &addTerm(const Term &term);

    /// True while no misuse was recorded and the query is complete and non-empty.
    bool isValid() const;
    /// The first misuse, or the reason the query is incomplete (QueryEmpty,
    /// QueryMissingField, QueryExpressionError). No error when isValid().
    Error error() const;
    /// Returns the encoded query, or an empty string when !isValid().
    QString toString() const;

    QList<Term> terms() const;
    bool hasOrderBy() const;

    /// Parses an encoded query, as copied from a ServiceNow list ("Copy query"), into
    /// terms. Parts it does not model become Verbatim terms, so
    /// `fromString(text).toString() == text` for every non-empty input.
    static QueryBuilder fromString(const QString &encoded);

    /// Returns @p value with each `^` written as `^^`.
    static QString escapeValue(const QString &value);
    /// Returns @p dateTime in UTC as `YYYY-MM-DD HH:MM:SS`.
    static QString formatDateTime(const QDateTime &dateTime);
    /// Returns the encoding of @p op, such as "NOT LIKE".
    static QString operatorText(Operator op);
    /// Returns the encoding of one term, without its join.
    static QString encodeTerm(const Term &term);

private:
    QSharedDataPointer<QueryBuilderData> d;
};

} // namespace snow
