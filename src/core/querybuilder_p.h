#pragma once

#include "snow/querybuilder.h"

#include <QtCore/QSharedData>

namespace snow {

// The chain state mirrors pysnow's: the field the next condition applies to, whether
// it already has one, and the join that the next term will carry.
class QueryBuilderData : public QSharedData
{
public:
    void fail(Error::Kind kind, const char *call, const QString &message);
    bool canAddCondition(const char *call);
    void addCondition(QueryBuilder::Operator op, const QStringList &values);
    void addComparison(QueryBuilder::Operator op, const QVariant &value, const char *call);
    void addLogical(QueryBuilder::Join join, const char *call);

    QList<QueryBuilder::Term> terms;
    QString currentField;
    bool hasCondition = false;
    QueryBuilder::Join pendingJoin = QueryBuilder::Join::And;
    Error error;
};

/// True for ISEMPTY, ISNOTEMPTY, ANYTHING and EMPTYSTRING, which take no value.
bool operatorTakesNoValue(QueryBuilder::Operator op);

} // namespace snow
