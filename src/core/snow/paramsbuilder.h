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
/// A Client holds one ParamsBuilder of defaults; each Resource starts with a copy of
/// it and may override any value. Unlike pysnow, a request carries only the
/// parameters that apply to its kind (toUrlQuery()): a write never sends the query,
/// limit or offset of a read.
///
/// The typed setters cannot fail. The QVariant setters apply pysnow's type rules (a
/// limit must be an integer and not a bool, display value a bool or "all", custom
/// parameters a map) and return false with error() set on a wrong type, leaving the
/// value unchanged.
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

    ParamsBuilder();
    ParamsBuilder(const ParamsBuilder &other);
    ParamsBuilder(ParamsBuilder &&other) noexcept;
    ParamsBuilder &operator=(const ParamsBuilder &other);
    ParamsBuilder &operator=(ParamsBuilder &&other) noexcept;
    ~ParamsBuilder();

    DisplayValue displayValue() const;
    void setDisplayValue(DisplayValue value);
    /// Accepts a bool or the string "all"; anything else is InvalidUsage.
    bool setDisplayValue(const QVariant &value);

    Query query() const;
    void setQuery(const Query &query);

    /// Records per request; 10000 by default, as in pysnow and ServiceNow.
    qint64 limit() const;
    void setLimit(qint64 limit);
    /// Accepts an integer that is not a bool; anything else is InvalidUsage.
    bool setLimit(const QVariant &limit);

    /// Not sent while unset (the server then starts at 0).
    std::optional<qint64> offset() const;
    void setOffset(qint64 offset);
    bool setOffset(const QVariant &offset);
    void clearOffset();

    QStringList fields() const;
    void setFields(const QStringList &fields);
    /// Accepts a QStringList or a QVariantList of strings; anything else is InvalidUsage.
    bool setFields(const QVariant &fields);

    bool excludeReferenceLink() const;
    void setExcludeReferenceLink(bool exclude);
    bool setExcludeReferenceLink(const QVariant &exclude);

    bool suppressPaginationHeader() const;
    void setSuppressPaginationHeader(bool suppress);
    bool setSuppressPaginationHeader(const QVariant &suppress);

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
    /// Accepts a QVariantMap; anything else is InvalidUsage.
    bool addCustom(const QVariant &parameters);
    QVariantMap customParameters() const;

    /// The last validation failure of a QVariant setter; no error before the first.
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
