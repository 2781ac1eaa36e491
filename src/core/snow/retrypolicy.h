#pragma once

#include <snow/global.h>

#include <QtCore/QList>

#include <chrono>

namespace snow {

/// When and how often a Client retries a failed request. One policy applies to every
/// request of a Client (Client::setRetryPolicy()).
///
/// A request is retried when its status is in `statuses`, or when the connection
/// failed before any response arrived (refused, reset, timed out) and
/// `retryNetworkErrors` is set, as long as no record of it has reached the caller.
/// POST and PATCH are retried only with `retryNonIdempotent`, because the first
/// attempt may have changed data on the instance.
///
/// The delay before retry n (1-based) is backoffFactor * 2^(n-1) seconds, with no
/// delay before the first retry, capped at maxBackoffSeconds: the formula of urllib3's
/// Retry, which pysnow's documented retry recipe uses. A `Retry-After` header on 429
/// or 503 replaces the computed delay (capped at maxRetryAfterSeconds) and pauses
/// every request of the Client until it has passed.
struct SNOWCORE_EXPORT RetryPolicy
{
    /// Retries after the first attempt; 0 disables retries.
    int total = 3;
    /// Seconds; see the formula above.
    double backoffFactor = 0.3;
    /// HTTP statuses that are retried.
    QList<int> statuses = {408, 429, 500, 502, 503, 504};
    bool retryNetworkErrors = true;
    bool retryNonIdempotent = false;
    int maxBackoffSeconds = 120;
    int maxRetryAfterSeconds = 300;

    /// Returns a policy that never retries.
    static RetryPolicy none();
    /// Returns the policy of pysnow's "session with auto-retry" recipe: 3 retries,
    /// factor 0.3, statuses 401, 408, 429, 431, 500, 502, 503, 504, 511.
    static RetryPolicy pysnowRecipe();

    /// Returns the back-off delay before retry @p retryNumber (1 for the first retry).
    std::chrono::milliseconds backoffDelay(int retryNumber) const;
    bool isRetryableStatus(int status) const { return statuses.contains(status); }
    bool allowsMethod(const QByteArray &method) const;
};

} // namespace snow
