#pragma once

#include <QString>
#include <QStringView>

namespace snowemu::seed {

//! A bijective 64-bit mixing function; unmix64() is its inverse.
quint64 mix64(quint64 value);
quint64 unmix64(quint64 value);

//! A well-spread hash of up to three numbers, the source of every seeded choice.
quint64 hash(quint64 a, quint64 b, quint64 c = 0);

//! A stable 64-bit key of a name (FNV-1a).
quint64 nameKey(QStringView name);

//! The sys_id of seeded row `row` of `table`: 32 lower-case hex digits that encode
//! the table and the row, so rowOfSysId() can map it back without a lookup table.
QString sysIdFor(QStringView table, qint64 row);

//! The row encoded in `sysId` when it is a seeded sys_id of `table`, otherwise -1.
qint64 rowOfSysId(QStringView table, QStringView sysId);

//! Formats seconds since the Unix epoch as "yyyy-MM-dd HH:mm:ss" (UTC).
QString formatDateTime(qint64 secondsSinceEpoch);

//! Formats a duration in seconds the way ServiceNow stores one: "1970-01-01 HH:mm:ss" plus days.
QString formatDuration(qint64 seconds);

//! Parses "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd" (UTC); returns false when the text is neither.
bool parseDateTime(QStringView text, qint64 *secondsSinceEpoch);

//! The seeded data's "now": 2025-01-01 00:00:00 UTC. Seeded dates lie before it.
constexpr qint64 kAnchorSeconds = 1735689600;

} // namespace snowemu::seed
