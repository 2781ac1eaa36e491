#include "encodedquery.h"

#include <array>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

struct OperatorToken {
    QStringView text;
    QueryOperator op;
};

// Longer tokens come before their prefixes ("NOT LIKE" before "NOTON", "<=" before "<").
constexpr std::array<OperatorToken, 31> kOperators = {{
    {u"NOT LIKE", QueryOperator::NotLike},
    {u"NOT IN", QueryOperator::NotIn},
    {u"NOTON", QueryOperator::NotOn},
    {u"NSAMEAS", QueryOperator::NotSameAs},
    {u"ISNOTEMPTY", QueryOperator::IsNotEmpty},
    {u"ISEMPTY", QueryOperator::IsEmpty},
    {u"ANYTHING", QueryOperator::Anything},
    {u"EMPTYSTRING", QueryOperator::EmptyString},
    {u"STARTSWITH", QueryOperator::StartsWith},
    {u"ENDSWITH", QueryOperator::EndsWith},
    {u"LIKE", QueryOperator::Like},
    {u"IN", QueryOperator::In},
    {u"BETWEEN", QueryOperator::Between},
    {u"SAMEAS", QueryOperator::SameAs},
    {u"GT_OR_EQUALS_FIELD", QueryOperator::GreaterOrEqualField},
    {u"LT_OR_EQUALS_FIELD", QueryOperator::LessOrEqualField},
    {u"GT_FIELD", QueryOperator::GreaterThanField},
    {u"LT_FIELD", QueryOperator::LessThanField},
    {u"ON", QueryOperator::On},
    {u"DYNAMIC", QueryOperator::Dynamic},
    {u"RELATIVEGE", QueryOperator::RelativeGreaterOrEqual},
    {u"RELATIVEGT", QueryOperator::RelativeGreater},
    {u"RELATIVELE", QueryOperator::RelativeLessOrEqual},
    {u"RELATIVELT", QueryOperator::RelativeLess},
    {u"RELATIVEEE", QueryOperator::RelativeEquals},
    {u"!=", QueryOperator::NotEquals},
    {u"<=", QueryOperator::LessOrEqual},
    {u">=", QueryOperator::GreaterOrEqual},
    {u"=", QueryOperator::Equals},
    {u"<", QueryOperator::Less},
    {u">", QueryOperator::Greater},
}};

constexpr QStringView kTextQueryField = u"123TEXTQUERY321";

// Splits on "^" while "^^" stands for a literal "^" inside a value.
QStringList splitParts(const QString &text)
{
    QStringList parts;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar character = text.at(i);
        if (character != u'^') {
            current.append(character);
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == u'^') {
            current.append(u'^');
            ++i;
            continue;
        }
        parts.append(current);
        current.clear();
    }
    parts.append(current);
    return parts;
}

bool isFieldCharacter(QChar character)
{
    const char16_t unit = character.unicode();
    return (unit >= u'a' && unit <= u'z') || (unit >= u'0' && unit <= u'9') || unit == u'_' || unit == u'.';
}

bool parseCondition(const QString &part, QueryCondition *condition)
{
    if (part.startsWith(kTextQueryField)) {
        const QStringView rest = QStringView(part).sliced(kTextQueryField.size());
        condition->field = kTextQueryField.toString();
        condition->op = QueryOperator::TextSearch;
        if (rest.startsWith(u'='))
            condition->value = rest.sliced(1).toString();
        else if (rest.startsWith(u"LIKE"))
            condition->value = rest.sliced(4).toString();
        else
            return false;
        return true;
    }

    qsizetype fieldEnd = 0;
    while (fieldEnd < part.size() && isFieldCharacter(part.at(fieldEnd)))
        ++fieldEnd;
    if (fieldEnd == 0)
        return false;

    const QStringView rest = QStringView(part).sliced(fieldEnd);
    for (const OperatorToken &token : kOperators) {
        if (rest.startsWith(token.text)) {
            condition->field = part.left(fieldEnd);
            condition->op = token.op;
            condition->value = rest.sliced(token.text.size()).toString();
            return true;
        }
    }
    return false;
}

} // namespace

EncodedQuery EncodedQuery::parse(const QString &text)
{
    EncodedQuery query;
    if (text.trimmed().isEmpty())
        return query;

    query.branches.append(QueryBranch());
    bool inRelatedListQuery = false;

    for (const QString &rawPart : splitParts(text)) {
        QString part = rawPart;
        if (part.isEmpty())
            continue;
        if (part == u"EQ")
            break; // "^EQ" ends the query; what follows is ignored
        if (inRelatedListQuery) {
            query.ignoredParts.append(part);
            inRelatedListQuery = !part.startsWith(u"ENDRLQUERY");
            continue;
        }
        if (part.startsWith(u"RLQUERY")) {
            query.ignoredParts.append(part);
            inRelatedListQuery = true;
            continue;
        }
        if (part.startsWith(u"ORDERBYDESC")) {
            query.order.append({part.mid(11), true});
            continue;
        }
        if (part.startsWith(u"ORDERBY")) {
            query.order.append({part.mid(7), false});
            continue;
        }
        if (part.startsWith(u"GROUPBY")) {
            query.ignoredParts.append(part);
            continue;
        }

        bool alternative = false;
        if (part.startsWith(u"NQ")) {
            query.branches.append(QueryBranch());
            part = part.mid(2);
            if (part.isEmpty())
                continue;
        } else if (part.startsWith(u"OR")) {
            alternative = true;
            part = part.mid(2);
        }

        QueryCondition condition;
        if (!parseCondition(part, &condition)) {
            query.ignoredParts.append(rawPart);
            continue;
        }

        QueryBranch &branch = query.branches.last();
        if (alternative && !branch.terms.isEmpty())
            branch.terms.last().alternatives.append(condition);
        else
            branch.terms.append(QueryTerm{{condition}});
    }

    query.branches.removeIf([](const QueryBranch &branch) { return branch.terms.isEmpty(); });
    return query;
}

void EncodedQuery::addCondition(const QueryCondition &condition)
{
    if (branches.isEmpty())
        branches.append(QueryBranch());
    for (QueryBranch &branch : branches)
        branch.terms.append(QueryTerm{{condition}});
}

bool EncodedQuery::hasConditions() const
{
    return !branches.isEmpty();
}

} // namespace snowemu
