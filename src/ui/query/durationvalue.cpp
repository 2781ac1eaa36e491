#include "query/durationvalue.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace DurationValue {

std::optional<qint64> parse(const QString &value)
{
    QDateTime stored = QDateTime::fromString(value, u"yyyy-MM-dd HH:mm:ss"_s);
    if (!stored.isValid())
        return std::nullopt;
    stored.setTimeZone(QTimeZone::utc());
    const qint64 seconds = stored.toSecsSinceEpoch();
    if (seconds < 0)
        return std::nullopt;
    return seconds;
}

QString encode(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString text(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString time = QTime(0, 0).addSecs(int(seconds % 86400)).toString(u"HH:mm:ss"_s);
    if (days == 0)
        return time;
    if (days == 1)
        return QCoreApplication::translate("DurationValue", "1 day %1").arg(time);
    return QCoreApplication::translate("DurationValue", "%1 days %2").arg(days).arg(time);
}

} // namespace DurationValue
