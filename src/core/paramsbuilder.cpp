#include "snow/paramsbuilder.h"

using namespace Qt::StringLiterals;

namespace snow {

class ParamsBuilderData : public QSharedData
{
public:
    ParamsBuilder::DisplayValue displayValue = ParamsBuilder::DisplayValue::False;
    Query query;
    qint64 limit = 10000;
    std::optional<qint64> offset;
    QStringList fields;
    bool excludeReferenceLink = false;
    bool suppressPaginationHeader = false;
    bool noCount = false;
    QString view;
    bool inputDisplayValue = false;
    bool queryNoDomain = false;
    QVariantMap custom;
    Error error;
};

namespace {

bool isInteger(const QVariant &value)
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
        return true;
    default:
        return false;
    }
}

QString typeName(const QVariant &value)
{
    return value.isValid() ? QString::fromLatin1(value.metaType().name()) : u"an invalid QVariant"_s;
}

Error typeError(const char *property, const QString &expected, const QVariant &value)
{
    return Error(Error::InvalidUsage, u"ParamsBuilder: %1 must be %2, got %3"_s.arg(QLatin1StringView(property), expected,
                                                                                       typeName(value)));
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

} // namespace

ParamsBuilder::ParamsBuilder()
    : d(new ParamsBuilderData)
{
}

ParamsBuilder::ParamsBuilder(const ParamsBuilder &other) = default;
ParamsBuilder::ParamsBuilder(ParamsBuilder &&other) noexcept = default;
ParamsBuilder &ParamsBuilder::operator=(const ParamsBuilder &other) = default;
ParamsBuilder &ParamsBuilder::operator=(ParamsBuilder &&other) noexcept = default;
ParamsBuilder::~ParamsBuilder() = default;

ParamsBuilder::DisplayValue ParamsBuilder::displayValue() const
{
    return d->displayValue;
}

void ParamsBuilder::setDisplayValue(DisplayValue value)
{
    d->displayValue = value;
}

Query ParamsBuilder::query() const
{
    return d->query;
}

void ParamsBuilder::setQuery(const Query &query)
{
    d->query = query;
}

qint64 ParamsBuilder::limit() const
{
    return d->limit;
}

void ParamsBuilder::setLimit(qint64 limit)
{
    d->limit = limit;
}

std::optional<qint64> ParamsBuilder::offset() const
{
    return d->offset;
}

void ParamsBuilder::setOffset(qint64 offset)
{
    d->offset = offset;
}

void ParamsBuilder::clearOffset()
{
    d->offset.reset();
}

QStringList ParamsBuilder::fields() const
{
    return d->fields;
}

void ParamsBuilder::setFields(const QStringList &fields)
{
    d->fields = fields;
}

bool ParamsBuilder::excludeReferenceLink() const
{
    return d->excludeReferenceLink;
}

void ParamsBuilder::setExcludeReferenceLink(bool exclude)
{
    d->excludeReferenceLink = exclude;
}

bool ParamsBuilder::suppressPaginationHeader() const
{
    return d->suppressPaginationHeader;
}

void ParamsBuilder::setSuppressPaginationHeader(bool suppress)
{
    d->suppressPaginationHeader = suppress;
}

bool ParamsBuilder::noCount() const
{
    return d->noCount;
}

void ParamsBuilder::setNoCount(bool noCount)
{
    d->noCount = noCount;
}

QString ParamsBuilder::view() const
{
    return d->view;
}

void ParamsBuilder::setView(const QString &view)
{
    d->view = view;
}

bool ParamsBuilder::inputDisplayValue() const
{
    return d->inputDisplayValue;
}

void ParamsBuilder::setInputDisplayValue(bool enabled)
{
    d->inputDisplayValue = enabled;
}

bool ParamsBuilder::queryNoDomain() const
{
    return d->queryNoDomain;
}

void ParamsBuilder::setQueryNoDomain(bool enabled)
{
    d->queryNoDomain = enabled;
}

void ParamsBuilder::addCustom(const QVariantMap &parameters)
{
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        d->custom.insert(it.key(), it.value());
}

void ParamsBuilder::removeCustom(const QString &name)
{
    d->custom.remove(name);
}

QVariantMap ParamsBuilder::customParameters() const
{
    return d->custom;
}

bool ParamsBuilder::set(Property property, const QVariant &value)
{
    const auto isBool = [&value] { return value.typeId() == QMetaType::Bool; };
    const auto fail = [this](const char *name, const QString &expected, const QVariant &given) {
        d->error = typeError(name, expected, given);
        return false;
    };

    switch (property) {
    case Property::DisplayValue:
        if (isBool()) {
            setDisplayValue(value.toBool() ? DisplayValue::True : DisplayValue::False);
            return true;
        }
        if (value.typeId() == QMetaType::QString && value.toString() == u"all") {
            setDisplayValue(DisplayValue::All);
            return true;
        }
        return fail("display value", u"a bool or the string \"all\""_s, value);
    case Property::Query:
        if (value.typeId() == QMetaType::QString) {
            setQuery(Query(value.toString()));
            return true;
        }
        if (value.typeId() == QMetaType::QVariantMap) {
            setQuery(Query(value.toMap()));
            return true;
        }
        return fail("query", u"a QString or a QVariantMap"_s, value);
    case Property::Limit:
        if (!isInteger(value))
            return fail("limit", u"an integer"_s, value);
        setLimit(value.toLongLong());
        return true;
    case Property::Offset:
        if (!isInteger(value))
            return fail("offset", u"an integer"_s, value);
        setOffset(value.toLongLong());
        return true;
    case Property::Fields: {
        if (value.typeId() == QMetaType::QStringList) {
            setFields(value.toStringList());
            return true;
        }
        if (value.typeId() != QMetaType::QVariantList)
            return fail("fields", u"a list of strings"_s, value);
        QStringList names;
        for (const QVariant &item : value.toList()) {
            if (item.typeId() != QMetaType::QString)
                return fail("fields", u"a list of strings"_s, item);
            names.append(item.toString());
        }
        setFields(names);
        return true;
    }
    case Property::ExcludeReferenceLink:
        if (!isBool())
            return fail("exclude reference link", u"a bool"_s, value);
        setExcludeReferenceLink(value.toBool());
        return true;
    case Property::SuppressPaginationHeader:
        if (!isBool())
            return fail("suppress pagination header", u"a bool"_s, value);
        setSuppressPaginationHeader(value.toBool());
        return true;
    case Property::NoCount:
        if (!isBool())
            return fail("no count", u"a bool"_s, value);
        setNoCount(value.toBool());
        return true;
    case Property::View:
        if (value.typeId() != QMetaType::QString)
            return fail("view", u"a QString"_s, value);
        setView(value.toString());
        return true;
    case Property::InputDisplayValue:
        if (!isBool())
            return fail("input display value", u"a bool"_s, value);
        setInputDisplayValue(value.toBool());
        return true;
    case Property::QueryNoDomain:
        if (!isBool())
            return fail("query no domain", u"a bool"_s, value);
        setQueryNoDomain(value.toBool());
        return true;
    case Property::Custom:
        if (value.typeId() != QMetaType::QVariantMap)
            return fail("custom parameters", u"a QVariantMap"_s, value);
        addCustom(value.toMap());
        return true;
    }
    return false;
}

Error ParamsBuilder::error() const
{
    return d->error;
}

QString ParamsBuilder::displayValueText(DisplayValue value)
{
    switch (value) {
    case DisplayValue::False:
        return u"false"_s;
    case DisplayValue::True:
        return u"true"_s;
    case DisplayValue::All:
        return u"all"_s;
    }
    return u"false"_s;
}

Result<QUrlQuery> ParamsBuilder::toUrlQuery(RequestKind kind) const
{
    const bool listing = kind == RequestKind::List || kind == RequestKind::Custom;
    const bool returnsRecords = kind != RequestKind::Delete;
    QUrlQuery query;

    // QUrlQuery would leave '+', '&' and '=' in values ambiguous; full encoding of
    // each value keeps whatever the user typed inside the parameter it belongs to.
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };

    if (listing) {
        const Result<QString> encoded = d->query.encoded();
        if (!encoded)
            return encoded.error();
        if (!encoded->isEmpty())
            add(u"sysparm_query"_s, *encoded);
        add(u"sysparm_limit"_s, QString::number(d->limit));
        if (d->offset)
            add(u"sysparm_offset"_s, QString::number(*d->offset));
        if (d->suppressPaginationHeader)
            add(u"sysparm_suppress_pagination_header"_s, u"true"_s);
        if (d->noCount)
            add(u"sysparm_no_count"_s, u"true"_s);
    }

    if (returnsRecords) {
        if (d->displayValue != DisplayValue::False)
            add(u"sysparm_display_value"_s, displayValueText(d->displayValue));
        if (d->excludeReferenceLink)
            add(u"sysparm_exclude_reference_link"_s, u"true"_s);
        if (!d->fields.isEmpty())
            add(u"sysparm_fields"_s, d->fields.join(u','));
        if (!d->view.isEmpty())
            add(u"sysparm_view"_s, d->view);
    }

    if ((kind == RequestKind::Write || kind == RequestKind::Custom) && d->inputDisplayValue)
        add(u"sysparm_input_display_value"_s, boolText(true));

    if (d->queryNoDomain)
        add(u"sysparm_query_no_domain"_s, u"true"_s);

    for (auto it = d->custom.cbegin(); it != d->custom.cend(); ++it) {
        const QString key = QString::fromLatin1(QUrl::toPercentEncoding(it.key()));
        query.removeAllQueryItems(key);
        add(it.key(), it.value().typeId() == QMetaType::Bool ? boolText(it.value().toBool()) : it.value().toString());
    }
    return query;
}

} // namespace snow
