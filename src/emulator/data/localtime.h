#pragma once

#include <QString>
#include <QTimeZone>

#include <vector>

namespace snowemu {

/*!
    Converts UTC date-times of the stored format to one time zone, with the same
    result as utcToLocal() but without a QDateTime per value. The UTC offset is
    looked up once for each stretch of time between two transitions of the zone,
    and the local time is then plain arithmetic.

    Not thread-safe; one converter per response.
*/
class LocalTimeConverter
{
public:
    explicit LocalTimeConverter(const QTimeZone &zone);

    //! The local form of a UTC "yyyy-MM-dd HH:mm:ss" value; any other text is returned unchanged.
    QString toLocal(const QString &utcValue);

private:
    // A span of UTC seconds, [begin, end), in which the zone keeps one offset.
    struct Stretch {
        qint64 begin = 0;
        qint64 end = 0;
        int offsetSeconds = 0;
    };

    const Stretch &stretchAt(qint64 utcSeconds);

    QTimeZone m_zone;
    bool m_hasTransitions = false;
    std::vector<Stretch> m_stretches;
};

} // namespace snowemu
