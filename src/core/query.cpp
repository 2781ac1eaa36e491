#include "snow/query.h"

using namespace Qt::StringLiterals;

namespace snow {

namespace {

QString encodeValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::QDateTime:
        return QueryBuilder::formatDateTime(value.toDateTime());
    default:
        return QueryBuilder::escapeValue(value.toString());
    }
}

} // namespace

Query::Query() = default;

Query::Query(const QString &encoded)
    : m_form(encoded.isEmpty() ? Form::Empty : Form::Encoded)
    , m_encoded(encoded)
{
}

Query::Query(const char *encodedUtf8)
    : Query(QString::fromUtf8(encodedUtf8))
{
}

Query::Query(const QueryBuilder &builder)
    : m_form(Form::Builder)
    , m_builder(builder)
{
}

Query::Query(std::initializer_list<std::pair<QString, QVariant>> pairs)
    : Query(QList<std::pair<QString, QVariant>>(pairs))
{
}

Query::Query(const QList<std::pair<QString, QVariant>> &pairs)
    : m_form(pairs.isEmpty() ? Form::Empty : Form::Pairs)
    , m_pairs(pairs)
{
}

Query::Query(const QVariantMap &pairs)
{
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
        m_pairs.append({it.key(), it.value()});
    m_form = m_pairs.isEmpty() ? Form::Empty : Form::Pairs;
}

bool Query::isEmpty() const
{
    return m_form == Form::Empty;
}

Result<QString> Query::encoded() const
{
    switch (m_form) {
    case Form::Empty:
        return QString();
    case Form::Encoded:
        return m_encoded;
    case Form::Builder:
        if (!m_builder.isValid())
            return m_builder.error();
        return m_builder.toString();
    case Form::Pairs: {
        QStringList terms;
        terms.reserve(m_pairs.size());
        for (const auto &[key, value] : m_pairs) {
            if (key.isEmpty())
                return Error(Error::InvalidUsage, u"A key-value query has an empty key"_s);
            if (key.contains(u'^'))
                return Error(Error::InvalidUsage,
                             u"The key-value query key \"%1\" contains '^', which would start another condition; "
                             "use a column name such as caller_id"_s.arg(key));
            terms.append(key + u'=' + encodeValue(value));
        }
        return terms.join(u'^');
    }
    }
    return QString();
}

} // namespace snow
