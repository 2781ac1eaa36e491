#pragma once

#include <snow/error.h>
#include <snow/query.h>

#include <QtCore/QSharedDataPointer>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>
#include <QtCore/QVariantMap>

#include <optional>

namespace snow {

class ParamsBuilderData;

/// The `sysparm_` request parameters, with pysnow's properties and validation.
///
/// A Client contains one ParamsBuilder of defaults; each Resource starts with a copy of
/// it and may override any value. Unlike pysnow, a request carries only the
/// parameters that apply to its kind (toUrlQuery()): a write never sends the query,
/// limit or offset of a read.
///
/// The typed setters cannot fail. set() takes any QVariant, for values that come from
/// scripts or settings, and applies pysnow's type rules: a limit or offset must be an
/// integer and not a bool, display value a bool or "all", fields a list of strings,
/// the flags bools, custom parameters a map. On a wrong type it returns false, sets
/// error() naming the property, and leaves the value unchanged.
///
/// ParamsBuilder is an implicitly shared value type.
class SNOWCORE_EXPORT ParamsBuilder
{
public:
    /// `sysparm_display_value`.
    enum class DisplayValue {
        False, ///< raw values (the ServiceNow default)
        True,  ///< display values only
        All,   ///< {"display_value", "value"} per field
    };

    /// What a request does, which decides the parameters it carries.
    enum class RequestKind {
        List,   ///< GET of a table: every read parameter
        Read,   ///< GET of one record: display value, reference link, fields, view, domain
        Write,  ///< POST, PUT, PATCH: display value, reference link, fields, input display value, view, domain
        Delete, ///< DELETE: domain only
        Custom, ///< Resource::request(): every parameter that is set
    };

    /// The properties set() accepts, pysnow's names in brackets.
    enum class Property {
        DisplayValue,             ///< (display_value) bool or "all"
        Query,                    ///< (query) QString or QVariantMap of key-value pairs
        Limit,                    ///< (limit) integer
        Offset,                   ///< (offset) integer
        Fields,                   ///< (fields) list of strings
        ExcludeReferenceLink,     ///< (exclude_reference_link) bool
        SuppressPaginationHeader, ///< (suppress_pagination_header) bool
        NoCount,                  ///< bool
        View,                     ///< QString
        InputDisplayValue,        ///< bool
        QueryNoDomain,            ///< bool
        Custom,                   ///< (add_custom) QVariantMap, merged into the custom parameters
    };

    ParamsBuilder();
    ParamsBuilder(const ParamsBuilder &other);
    ParamsBuilder(ParamsBuilder &&other) noexcept;
    ParamsBuilder &operator=(const ParamsBuilder &other);
    ParamsBuilder &operator=(ParamsBuilder &&other) noexcept;
    ~ParamsBuilder();

    DisplayValue displayValue() const;
    void setDisplayValue(DisplayValue value);

    Query query() const;
    void setQuery(const Query &query);

    /// Records per request; 10000 by default, as in pysnow and ServiceNow.
    qint64 limit() const;
    void setLimit(qint64 limit);

    /// Not sent while unset (the server then starts at 0).
    std::optional<qint64> offset() const;
    void setOffset(qint64 offset);
    void clearOffset();

    QStringList fields() const;
    void setFields(const QStringList &fields);

    bool excludeReferenceLink() const;
    void setExcludeReferenceLink(bool exclude);

    bool suppressPaginationHeader() const;
    void setSuppressPaginationHeader(bool suppress);

    /// `sysparm_no_count`: skip the total count (no X-Total-Count header).
    bool noCount() const;
    void setNoCount(bool noCount);

    /// `sysparm_view`: "desktop", "mobile" or "both"; not sent while empty.
    QString view() const;
    void setView(const QString &view);

    /// `sysparm_input_display_value` on writes: values are display values.
    bool inputDisplayValue() const;
    void setInputDisplayValue(bool enabled);

    /// `sysparm_query_no_domain`: include records outside the user's domains.
    bool queryNoDomain() const;
    void setQueryNoDomain(bool enabled);

    /// Adds parameters sent as they are, overriding sysparms of the same name.
    void addCustom(const QVariantMap &parameters);
    /// Removes a custom parameter, such as one inherited from the Client's defaults.
    void removeCustom(const QString &name);
    QVariantMap customParameters() const;

    /// Sets @p property from @p value after pysnow's type check; see the class notes.
    bool set(Property property, const QVariant &value);

    /// The last failure of set(); no error before the first.
    Error error() const;

    /// Returns the URL query for a request of @p kind. Fails only when the query is an
    /// invalid QueryBuilder.
    Result<QUrlQuery> toUrlQuery(RequestKind kind) const;

    /// Returns the encoding of @p value: "false", "true" or "all".
    static QString displayValueText(DisplayValue value);

private:
    QSharedDataPointer<ParamsBuilderData> d;
};

} // namespace snow
