#pragma once

#include <QtCore/QList>
#include <QtCore/QString>

/// Edits of ServiceNow encoded queries, as the table browser makes them: sorting by a
/// column, adding and removing one condition. Each function parses the query with
/// snow::QueryBuilder::fromString(), so parts it does not model are kept as written.
namespace querytext {

/// One `ORDERBY` or `ORDERBYDESC` term.
struct SortKey
{
    QString field;
    bool descending = false;

    friend bool operator==(const SortKey &, const SortKey &) = default;
};

/// Returns the ordering terms of @p encoded, the primary one first.
QList<SortKey> sortKeys(const QString &encoded);

/// Returns @p encoded without its ordering terms, for APIs that take no order (the
/// Aggregate API) and for comparing filters.
QString withoutOrdering(const QString &encoded);

/// Returns @p encoded ordered by @p field only: every ordering term is replaced by
/// one `ORDERBY<field>` or `ORDERBYDESC<field>` at the end.
QString withSort(const QString &encoded, const QString &field, bool descending);

/// Returns @p encoded with @p condition (an encoded query of AND-joined terms) added
/// to every `^NQ` block, before the ordering terms, so that it narrows the whole
/// result. An empty @p condition returns @p encoded unchanged.
QString withCondition(const QString &encoded, const QString &condition);

/// Returns @p encoded without the AND-joined terms equal to the terms of
/// @p condition: the inverse of withCondition().
QString withoutCondition(const QString &encoded, const QString &condition);

/// Returns the keyword search `123TEXTQUERY321=<text>` over the table's text index,
/// or an empty string for blank text.
QString textSearchCondition(const QString &text);

/// Returns `<field>LIKE<text>`, or an empty string for blank text.
QString containsCondition(const QString &field, const QString &text);

/// Returns `<field>=<value>`, or `<field>ISEMPTY` for an empty value.
QString equalsCondition(const QString &field, const QString &value);

} // namespace querytext
