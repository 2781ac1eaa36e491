#include "querytext.h"

#include <snow/querybuilder.h>

#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace querytext {

namespace {

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

bool isOrdering(const Term &term)
{
    return term.kind == Term::Kind::OrderBy || (term.kind == Term::Kind::Verbatim && term.text.startsWith(u"ORDERBY"));
}

// `^EQ` marks the end of a query copied from some ServiceNow lists; it stays last.
bool isEndMarker(const Term &term)
{
    return term.kind == Term::Kind::Verbatim && term.text == u"EQ";
}

// An encoded query taken apart: the filter terms in order, then the ordering terms.
struct Parts
{
    QList<Term> filter;
    QList<Term> ordering;
    bool endMarker = false;
};

Parts split(const QString &encoded)
{
    Parts parts;
    if (encoded.trimmed().isEmpty())
        return parts;

    const QList<Term> terms = QueryBuilder::fromString(encoded.trimmed()).terms();
    for (Term term : terms) {
        if (isOrdering(term)) {
            term.join = QueryBuilder::Join::And;
            parts.ordering.append(term);
        } else if (isEndMarker(term)) {
            parts.endMarker = true;
        } else {
            parts.filter.append(term);
        }
    }
    // The first filter term joins nothing, whatever came before it.
    if (!parts.filter.isEmpty())
        parts.filter.first().join = QueryBuilder::Join::And;
    return parts;
}

QString join(const Parts &parts)
{
    QueryBuilder builder;
    for (const Term &term : parts.filter)
        builder.addTerm(term);
    for (const Term &term : parts.ordering)
        builder.addTerm(term);
    if (parts.endMarker) {
        Term end;
        end.kind = Term::Kind::Verbatim;
        end.text = u"EQ"_s;
        builder.addTerm(end);
    }
    return builder.toString();
}

bool isAndJoined(const QList<Term> &terms, qsizetype index)
{
    return index == 0 || terms.at(index).join == QueryBuilder::Join::And;
}

} // namespace

QList<SortKey> sortKeys(const QString &encoded)
{
    QList<SortKey> keys;
    for (const Term &term : split(encoded).ordering) {
        if (term.kind == Term::Kind::OrderBy) {
            keys.append({term.field, term.descending});
        } else if (term.text.startsWith(u"ORDERBYDESC")) {
            keys.append({term.text.mid(11), true});
        } else {
            keys.append({term.text.mid(7), false});
        }
    }
    return keys;
}

QString withoutOrdering(const QString &encoded)
{
    Parts parts = split(encoded);
    parts.ordering.clear();
    return join(parts);
}

QString withSort(const QString &encoded, const QString &field, bool descending)
{
    Parts parts = split(encoded);
    Term order;
    order.kind = Term::Kind::OrderBy;
    order.field = field;
    order.descending = descending;
    parts.ordering = {order};
    return join(parts);
}

QString withCondition(const QString &encoded, const QString &condition)
{
    QList<Term> added = split(condition).filter;
    if (added.isEmpty())
        return encoded;
    for (Term &term : added)
        term.join = QueryBuilder::Join::And;

    Parts parts = split(encoded);
    if (parts.filter.isEmpty()) {
        parts.filter = added;
        return join(parts);
    }

    // ServiceNow reads `a^NQb` as "a, or else b", so a condition that must narrow the
    // whole result goes at the end of every block. Terms a block already has are not
    // added twice.
    QList<Term> result;
    qsizetype blockStart = 0;
    const auto closeBlock = [&](qsizetype blockEnd) {
        for (const Term &term : std::as_const(added)) {
            bool present = false;
            for (qsizetype i = blockStart; i < blockEnd && !present; ++i)
                present = isAndJoined(parts.filter, i) && QueryBuilder::encodeTerm(parts.filter.at(i)) == QueryBuilder::encodeTerm(term);
            if (!present)
                result.append(term);
        }
    };
    for (qsizetype i = 0; i < parts.filter.size(); ++i) {
        if (i > 0 && parts.filter.at(i).join == QueryBuilder::Join::NewQuery) {
            closeBlock(i);
            blockStart = i;
        }
        result.append(parts.filter.at(i));
    }
    closeBlock(parts.filter.size());

    parts.filter = result;
    return join(parts);
}

QString withoutCondition(const QString &encoded, const QString &condition)
{
    QSet<QString> removed;
    for (const Term &term : split(condition).filter)
        removed.insert(QueryBuilder::encodeTerm(term));
    if (removed.isEmpty())
        return encoded;

    // Only a term that is a whole AND-part of its block can go, because a term OR-joined
    // to a neighbour is part of a larger condition. A block left empty matched
    // everything, so the whole query then matches everything too.
    Parts parts = split(encoded);
    QList<Term> kept;
    bool blockEmptied = false;
    qsizetype keptInBlock = 0;
    for (qsizetype i = 0; i < parts.filter.size(); ++i) {
        Term term = parts.filter.at(i);
        const bool blockStart = i == 0 || term.join == QueryBuilder::Join::NewQuery;
        if (blockStart) {
            blockEmptied = blockEmptied || (i > 0 && keptInBlock == 0);
            keptInBlock = 0;
        }

        const bool orWithNext = i + 1 < parts.filter.size() && parts.filter.at(i + 1).join == QueryBuilder::Join::Or;
        const bool standsAlone = (blockStart || term.join == QueryBuilder::Join::And) && !orWithNext;
        if (standsAlone && removed.contains(QueryBuilder::encodeTerm(term)))
            continue;

        if (keptInBlock == 0)
            term.join = kept.isEmpty() ? QueryBuilder::Join::And : QueryBuilder::Join::NewQuery;
        kept.append(term);
        ++keptInBlock;
    }
    blockEmptied = blockEmptied || (!parts.filter.isEmpty() && keptInBlock == 0);

    parts.filter = blockEmptied ? QList<Term>() : kept;
    return join(parts);
}

QString textSearchCondition(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    return u"123TEXTQUERY321="_s + QueryBuilder::escapeValue(trimmed);
}

QString containsCondition(const QString &field, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    return field + u"LIKE"_s + QueryBuilder::escapeValue(trimmed);
}

QString equalsCondition(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return field + u"ISEMPTY"_s;
    return field + u'=' + QueryBuilder::escapeValue(value);
}

} // namespace querytext
