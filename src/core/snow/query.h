#pragma once

#include <snow/querybuilder.h>
#include <snow/result.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <initializer_list>
#include <utility>

namespace snow {

/// A query argument, as pysnow accepts it: key-value pairs, an encoded string, or a
/// QueryBuilder. Implicit conversions let callers write any of
/// \code
/// resource.get({{u"number"_s, u"INC0012345"_s}});
/// resource.get(u"active=true^priority=1"_s);
/// resource.get(QueryBuilder().field(u"state"_s).equals(u"2"_s));
/// \endcode
///
/// Key-value pairs become `key=value` terms joined by `^`, in the order given. Values
/// are escaped (`^` as `^^`), which pysnow does not do, and a key with `^` makes
/// encoded() return an InvalidUsage error. A QDateTime value is written in UTC, a bool
/// as `true`/`false`. An encoded string is sent as it is.
class SNOWCORE_EXPORT Query
{
public:
    /// The empty query: every record.
    Query();
    Query(const QString &encoded);
    Query(const char *encodedUtf8);
    Query(const QueryBuilder &builder);
    Query(std::initializer_list<std::pair<QString, QVariant>> pairs);
    Query(const QList<std::pair<QString, QVariant>> &pairs);
    /// Key-value pairs in key order (QVariantMap is sorted).
    Query(const QVariantMap &pairs);

    bool isEmpty() const;
    /// Returns the encoded query, or the QueryBuilder's error when it is not valid.
    Result<QString> encoded() const;

private:
    enum class Form { Empty, Encoded, Builder, Pairs };
    Form m_form = Form::Empty;
    QString m_encoded;
    QueryBuilder m_builder;
    QList<std::pair<QString, QVariant>> m_pairs;
};

} // namespace snow
