#include "snow/retrypolicy.h"

#include <QtCore/QByteArray>

#include <algorithm>
#include <cmath>

namespace snow {

RetryPolicy RetryPolicy::none()
{
    RetryPolicy policy;
    policy.total = 0;
    return policy;
}

RetryPolicy RetryPolicy::pysnowRecipe()
{
    RetryPolicy policy;
    policy.total = 3;
    policy.backoffFactor = 0.3;
    policy.statuses = {401, 408, 429, 431, 500, 502, 503, 504, 511};
    return policy;
}

std::chrono::milliseconds RetryPolicy::backoffDelay(int retryNumber) const
{
    if (retryNumber <= 1)
        return std::chrono::milliseconds(0);

    const double seconds = std::min(backoffFactor * std::pow(2.0, retryNumber - 1), double(maxBackoffSeconds));
    return std::chrono::milliseconds(qint64(seconds * 1000.0));
}

bool RetryPolicy::allowsMethod(const QByteArray &method) const
{
    if (retryNonIdempotent)
        return true;
    return method != "POST" && method != "PATCH";
}

} // namespace snow
