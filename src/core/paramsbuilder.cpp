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

bool ParamsBuilder::setDisplayValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool) {
        d->displayValue = value.toBool() ? DisplayValue::True : DisplayValue::False;
        return true;
    }
    if (value.typeId() == QMetaType::QString && value.toString() == u"all") {
        d->displayValue = DisplayValue::All;
        return true;
    }
    d->error = typeError("display value", u"a bool or the string \"all\""_s, value);
    return false;
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

bool ParamsBuilder::setLimit(const QVariant &limit)
{
    if (!isInteger(limit)) {
        d->error = typeError("limit", u"an integer"_s, limit);
        return false;
    }
    d->limit = limit.toLongLong();
    return true;
}

std::optional<qint64> ParamsBuilder::offset() const
{
    return d->offset;
}

void ParamsBuilder::setOffset(qint64 offset)
{
    d->offset = offset;
}

bool ParamsBuilder::setOffset(const QVariant &offset)
{
    if (!isInteger(offset)) {
        d->error = typeError("offset", u"an integer"_s, offset);
        return false;
    }
    d->offset = offset.toLongLong();
    return true;
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

bool ParamsBuilder::setFields(const QVariant &fields)
{
    if (fields.typeId() == QMetaType::QStringList) {
        d->fields = fields.toStringList();
        return true;
    }
    if (fields.typeId() == QMetaType::QVariantList) {
        QStringList names;
        for (const QVariant &item : fields.toList()) {
            if (item.typeId() != QMetaType::QString) {
                d->error = typeError("fields", u"a list of strings"_s, item);
                return false;
            }
            names.append(item.toString());
        }
        d->fields = names;
        return true;
    }
    d->error = typeError("fields", u"a list"_s, fields);
    return false;
}

bool ParamsBuilder::excludeReferenceLink() const
{
    return d->excludeReferenceLink;
}

void ParamsBuilder::setExcludeReferenceLink(bool exclude)
{
    d->excludeReferenceLink = exclude;
}

bool ParamsBuilder::setExcludeReferenceLink(const QVariant &exclude)
{
    if (exclude.typeId() != QMetaType::Bool) {
        d->error = typeError("exclude reference link", u"a bool"_s, exclude);
        return false;
    }
    d->excludeReferenceLink = exclude.toBool();
    return true;
}

bool ParamsBuilder::suppressPaginationHeader() const
{
    return d->suppressPaginationHeader;
}

void ParamsBuilder::setSuppressPaginationHeader(bool suppress)
{
    d->suppressPaginationHeader = suppress;
}

bool ParamsBuilder::setSuppressPaginationHeader(const QVariant &suppress)
{
    if (suppress.typeId() != QMetaType::Bool) {
        d->error = typeError("suppress pagination header", u"a bool"_s, suppress);
        return false;
    }
    d->suppressPaginationHeader = suppress.toBool();
    return true;
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

bool ParamsBuilder::addCustom(const QVariant &parameters)
{
    if (parameters.typeId() != QMetaType::QVariantMap) {
        d->error = typeError("custom parameters", u"a QVariantMap"_s, parameters);
        return false;
    }
    addCustom(parameters.toMap());
    return true;
}

QVariantMap ParamsBuilder::customParameters() const
{
    return d->custom;
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
