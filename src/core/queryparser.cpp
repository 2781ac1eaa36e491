// QueryBuilder::fromString(): splits an encoded query into terms.
//
// The split follows ServiceNow's syntax: `^` joins with AND, `^OR` with OR, `^NQ`
// starts a new query, and `^^` is a literal caret inside a value. A related-list
// block `RLQUERY...^ENDRLQUERY` keeps its inner carets. Each part is parsed as a
// condition or an ordering, and is kept only if encoding it again gives back the
// same text; anything else becomes a Verbatim term, so nothing a user pasted is lost.

#include "snow/querybuilder.h"

#include "querybuilder_p.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace snow {

namespace {

using Operator = QueryBuilder::Operator;
using Term = QueryBuilder::Term;

struct OperatorSpelling
{
    QStringView text;
    std::optional<Operator> op; // empty: a ServiceNow operator the builder does not model
};

// Longest spellings first, so "NOT LIKE" wins over "NOT IN" and "ISNOTEMPTY" over
// "ISEMPTY", and "IN_HIERARCHY" is not read as IN followed by a value.
const QList<OperatorSpelling> &operatorSpellings()
{
    static const QList<OperatorSpelling> spellings = {
        {u"GT_OR_EQUALS_FIELD", std::nullopt},
        {u"LT_OR_EQUALS_FIELD", std::nullopt},
        {u"IN_HIERARCHY", std::nullopt},
        {u"CHANGESFROM", std::nullopt},
        {u"DOESNOTHAVE", std::nullopt},
        {u"EMPTYSTRING", Operator::IsEmptyString},
        {u"ISNOTEMPTY", Operator::IsNotEmpty},
        {u"INSTANCEOF", Operator::InstanceOf},
        {u"STARTSWITH", Operator::StartsWith},
        {u"RELATIVEGT", Operator::RelativeGreaterThan},
        {u"RELATIVELT", Operator::RelativeLessThan},
        {u"RELATIVEGE", Operator::RelativeGreaterThanOrEqual},
        {u"RELATIVELE", Operator::RelativeLessThanOrEqual},
        {u"RELATIVEEE", Operator::RelativeEquals},
        {u"VALCHANGES", std::nullopt},
        {u"CHANGESTO", std::nullopt},
        {u"EXCLUDING", std::nullopt},
        {u"ENDSWITH", Operator::EndsWith},
        {u"ANYTHING", Operator::IsAnything},
        {u"NOT LIKE", Operator::NotContains},
        {u"DATEPART", std::nullopt},
        {u"MORETHAN", std::nullopt},
        {u"LESSTHAN", std::nullopt},
        {u"GT_FIELD", std::nullopt},
        {u"LT_FIELD", std::nullopt},
        {u"ISEMPTY", Operator::IsEmpty},
        {u"BETWEEN", Operator::Between},
        {u"NSAMEAS", Operator::NotSameAs},
        {u"DYNAMIC", Operator::Dynamic},
        {u"NOT IN", Operator::NotIn},
        {u"SAMEAS", Operator::SameAs},
        {u"NOTON", Operator::NotOn},
        {u"LIKE", Operator::Contains},
        {u"!=", Operator::NotEquals},
        {u"<=", Operator::LessThanOrEqual},
        {u">=", Operator::GreaterThanOrEqual},
        {u"IN", Operator::In},
        {u"ON", Operator::On},
        {u"=", Operator::Equals},
        {u"<", Operator::LessThan},
        {u">", Operator::GreaterThan},
    };
    return spellings;
}

// ServiceNow column names are lower case letters, digits and underscores; a dot
// walks a reference.
bool isFieldCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.';
}

bool isRelative(Operator op)
{
    return op == Operator::RelativeGreaterThan || op == Operator::RelativeGreaterThanOrEqual || op == Operator::RelativeLessThan
        || op == Operator::RelativeLessThanOrEqual || op == Operator::RelativeEquals;
}

QString unescape(QStringView text)
{
    QString value = text.toString();
    value.replace(u"^^"_s, u"^"_s);
    return value;
}

Term verbatim(const QString &text)
{
    Term term;
    term.kind = Term::Kind::Verbatim;
    term.text = text;
    return term;
}

Term parsePart(const QString &part)
{
    if (part.startsWith(u"ORDERBYDESC") || part.startsWith(u"ORDERBY")) {
        Term term;
        term.kind = Term::Kind::OrderBy;
        term.descending = part.startsWith(u"ORDERBYDESC");
        term.field = part.mid(term.descending ? 11 : 7);
        if (!term.field.isEmpty() && std::all_of(term.field.cbegin(), term.field.cend(), isFieldCharacter))
            return term;
        return verbatim(part);
    }

    qsizetype fieldEnd = 0;
    while (fieldEnd < part.size() && isFieldCharacter(part.at(fieldEnd)))
        ++fieldEnd;
    if (fieldEnd == 0)
        return verbatim(part);

    const QStringView rest = QStringView(part).mid(fieldEnd);
    const OperatorSpelling *match = nullptr;
    for (const OperatorSpelling &spelling : operatorSpellings()) {
        if (rest.startsWith(spelling.text)) {
            match = &spelling;
            break;
        }
    }
    if (!match || !match->op)
        return verbatim(part);

    Term term;
    term.field = part.left(fieldEnd);
    term.op = *match->op;
    const QStringView value = rest.mid(match->text.size());

    if (operatorTakesNoValue(term.op)) {
        if (!value.isEmpty())
            return verbatim(part);
    } else if (term.op == Operator::In || term.op == Operator::NotIn) {
        for (const QStringView item : value.split(u','))
            term.values.append(unescape(item));
    } else if (term.op == Operator::Between) {
        const QList<QStringView> bounds = value.split(u'@');
        if (bounds.size() != 2)
            return verbatim(part);
        term.values = {unescape(bounds.at(0)), unescape(bounds.at(1))};
    } else if (isRelative(term.op)) {
        // "@hour@ago@3": the value starts with the separator.
        const QList<QStringView> parts = value.split(u'@');
        if (parts.size() != 4 || !parts.at(0).isEmpty())
            return verbatim(part);
        term.values = {unescape(parts.at(1)), unescape(parts.at(2)), unescape(parts.at(3))};
    } else {
        term.values = {unescape(value)};
    }

    // Keep the parse only if it encodes back to the same text.
    if (QueryBuilder::encodeTerm(term) != part)
        return verbatim(part);
    return term;
}

} // namespace

QueryBuilder QueryBuilder::fromString(const QString &encoded)
{
    QueryBuilder builder;
    if (encoded.isEmpty())
        return builder;

    QString part;
    Join join = Join::And;
    const auto flush = [&]() {
        Term term = parsePart(part);
        term.join = join;
        builder.addTerm(term);
        part.clear();
    };

    qsizetype i = 0;
    const qsizetype size = encoded.size();
    while (i < size) {
        const QStringView rest = QStringView(encoded).mid(i);

        if (part.isEmpty() && rest.startsWith(u"RLQUERY")) {
            const qsizetype close = encoded.indexOf(u"ENDRLQUERY", i);
            const qsizetype end = close < 0 ? size : close + 10;
            part = encoded.mid(i, end - i);
            i = end;
            continue;
        }

        if (rest.front() != u'^') {
            part.append(rest.front());
            ++i;
            continue;
        }

        if (rest.startsWith(u"^^")) {
            part.append(u"^^");
            i += 2;
            continue;
        }

        flush();
        if (rest.startsWith(u"^NQ")) {
            join = Join::NewQuery;
            i += 3;
        } else if (rest.startsWith(u"^OR") && !rest.startsWith(u"^ORDERBY")) {
            join = Join::Or;
            i += 3;
        } else {
            join = Join::And;
            i += 1;
        }
    }
    flush();
    return builder;
}

} // namespace snow
