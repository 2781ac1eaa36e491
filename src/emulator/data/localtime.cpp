#include "localtime.h"

#include "display.h"
#include "seedrandom.h"

#include <QDateTime>

#include <limits>

namespace snowemu {

namespace {

// Stretches kept per converter. Three years of seeded dates cross about six
// transitions in a zone with daylight saving time; the list starts over when full.
constexpr size_t kMaxStretches = 64;

// Dates from 1900 to 9999 keep four-digit years after any offset, so the
// arithmetic formatting matches QDateTime's "yyyy" there.
constexpr qint64 kFirstFastSeconds = -2208988800LL;  // 1900-01-01 00:00:00 UTC
constexpr qint64 kLastFastSeconds = 253402214400LL;  // 9999-12-31 00:00:00 UTC

} // namespace

LocalTimeConverter::LocalTimeConverter(const QTimeZone &zone)
    : m_zone(zone)
    , m_hasTransitions(zone.isValid() && zone.hasTransitions())
{
}

QString LocalTimeConverter::toLocal(const QString &utcValue)
{
    qint64 seconds = 0;
    if (utcValue.size() != 19 || !seed::parseDateTime(utcValue, &seconds))
        return utcValue;

    // Without transition data the offset of a stretch cannot be bounded, so such
    // zones (and dates far outside the seeded range) take the QDateTime path.
    if (!m_hasTransitions || seconds < kFirstFastSeconds || seconds > kLastFastSeconds)
        return utcToLocal(utcValue, m_zone);

    return seed::formatDateTime(seconds + stretchAt(seconds).offsetSeconds);
}

const LocalTimeConverter::Stretch &LocalTimeConverter::stretchAt(qint64 utcSeconds)
{
    for (const Stretch &stretch : m_stretches) {
        if (utcSeconds >= stretch.begin && utcSeconds < stretch.end)
            return stretch;
    }
    if (m_stretches.size() >= kMaxStretches)
        m_stretches.clear();

    // The last transition at or before the instant and the first one after it
    // bound the stretch. Transitions fall on whole seconds, so asking for the one
    // before instant + 1 s also finds a transition at the instant itself.
    const QDateTime instant = QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc());
    const QTimeZone::OffsetData previous = m_zone.previousTransition(instant.addSecs(1));
    const QTimeZone::OffsetData next = m_zone.nextTransition(instant);

    Stretch stretch;
    stretch.offsetSeconds = m_zone.offsetFromUtc(instant);
    stretch.begin = previous.atUtc.isValid() ? previous.atUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    stretch.end = next.atUtc.isValid() ? next.atUtc.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    // A stretch that does not contain the instant would mean inconsistent zone
    // data; it is kept one second long, so every lookup stays exact.
    if (utcSeconds < stretch.begin || utcSeconds >= stretch.end) {
        stretch.begin = utcSeconds;
        stretch.end = utcSeconds + 1;
    }
    m_stretches.push_back(stretch);
    return m_stretches.back();
}

} // namespace snowemu
