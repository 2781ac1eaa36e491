#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace snowemu {

enum class QueryOperator {
    Equals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    StartsWith,
    EndsWith,
    Like,
    NotLike,
    IsEmpty,
    IsNotEmpty,
    In,
    NotIn,
    Between,
    Anything,
    EmptyString,
    SameAs,
    NotSameAs,
    GreaterThanField,
    LessThanField,
    GreaterOrEqualField,
    LessOrEqualField,
    On,
    NotOn,
    Dynamic,
    RelativeGreater,
    RelativeGreaterOrEqual,
    RelativeLess,
    RelativeLessOrEqual,
    RelativeEquals,
    TextSearch,
};

struct QueryCondition {
    QString field;    // may be dot-walked: "caller_id.name"
    QueryOperator op = QueryOperator::Equals;
    QString value;    // with "^^" already turned into "^"
};

//! Conditions joined by ^OR: the term holds when one of them holds.
struct QueryTerm {
    QList<QueryCondition> alternatives;
};

//! Terms joined by ^: the branch holds when all of them hold.
struct QueryBranch {
    QList<QueryTerm> terms;
};

struct QueryOrder {
    QString field;
    bool descending = false;
};

/*!
    An encoded query, parsed: branches joined by ^NQ, each an AND of OR-terms, plus
    the ORDERBY/ORDERBYDESC clauses in the order given. Parts that are not
    supported are listed in `ignoredParts` and otherwise skipped, as a real
    instance skips the invalid parts of a query.
*/
struct EncodedQuery {
    QList<QueryBranch> branches;
    QList<QueryOrder> order;
    QStringList ignoredParts;

    static EncodedQuery parse(const QString &text);

    //! Appends `condition` as a new AND term to every branch (or to a new branch).
    void addCondition(const QueryCondition &condition);
    bool hasConditions() const;
};

} // namespace snowemu
