#pragma once

#include <snow/error.h>

#include <optional>
#include <utility>

namespace snow {

/// A value or the Error that prevented it, for SnowCore calls that return
/// synchronously (Response::one(), QueryBuilder::fromString(), ...).
///
/// \code
/// const Result<Record> one = response->one();
/// if (!one)
///     qWarning() << one.error().toString();
/// else
///     use(one->value(u"number"));
/// \endcode
template <typename T>
class Result
{
public:
    Result(const T &value)
        : m_value(value)
    {
    }
    Result(T &&value)
        : m_value(std::move(value))
    {
    }
    /// Creates a failed result; @p error must be an error.
    Result(const Error &error)
        : m_error(error)
    {
        Q_ASSERT(error.isError());
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }

    /// Returns the value; only valid when isOk().
    const T &value() const
    {
        Q_ASSERT(isOk());
        return *m_value;
    }
    T valueOr(const T &fallback) const { return m_value ? *m_value : fallback; }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }

    /// Returns the error; a default Error (no error) when isOk().
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace snow
