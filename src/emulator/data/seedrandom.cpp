#include "seedrandom.h"

#include <limits>

namespace snowemu::seed {

namespace {

constexpr quint64 kMultiplier1 = 0xbf58476d1ce4e5b9ULL;
constexpr quint64 kMultiplier2 = 0x94d049bb133111ebULL;

// The inverse of an odd number modulo 2^64, by Newton's iteration.
constexpr quint64 modularInverse(quint64 odd)
{
    quint64 inverse = odd;
    for (int i = 0; i < 6; ++i)
        inverse *= 2 - odd * inverse;
    return inverse;
}

constexpr quint64 kInverse1 = modularInverse(kMultiplier1);
constexpr quint64 kInverse2 = modularInverse(kMultiplier2);

quint64 undoXorShift(quint64 value, int shift)
{
    quint64 result = value;
    for (int i = 0; i < 64 / shift + 1; ++i)
        result = value ^ (result >> shift);
    return result;
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    *month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void appendDigits(QString &out, int value, int width)
{
    char buffer[8];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(QLatin1StringView(buffer, width));
}

bool readNumber(QStringView text, qsizetype position, int width, int *value)
{
    if (position + width > text.size())
        return false;
    int result = 0;
    for (int i = 0; i < width; ++i) {
        const QChar character = text[position + i];
        // ASCII digits first, because stored dates use nothing else; other Unicode
        // digits are still accepted, as QChar reads them.
        int digit = character.unicode() - u'0';
        if (digit < 0 || digit > 9) {
            if (!character.isDigit())
                return false;
            digit = character.digitValue();
        }
        result = result * 10 + digit;
    }
    *value = result;
    return true;
}

} // namespace

quint64 mix64(quint64 value)
{
    value ^= value >> 31;
    value *= kMultiplier1;
    value ^= value >> 27;
    value *= kMultiplier2;
    value ^= value >> 33;
    return value;
}

quint64 unmix64(quint64 value)
{
    value = undoXorShift(value, 33);
    value *= kInverse2;
    value = undoXorShift(value, 27);
    value *= kInverse1;
    value = undoXorShift(value, 31);
    return value;
}

quint64 hash(quint64 a, quint64 b, quint64 c)
{
    return mix64(mix64(mix64(a + 0x9e3779b97f4a7c15ULL) ^ b) ^ (c * 0x2545f4914f6cdd1dULL));
}

quint64 nameKey(QStringView name)
{
    quint64 key = 0xcbf29ce484222325ULL;
    for (const QChar character : name) {
        key ^= character.unicode();
        key *= 0x100000001b3ULL;
    }
    return key;
}

QString sysIdFor(QStringView table, qint64 row)
{
    const quint64 prefix = mix64(nameKey(table));
    const quint64 suffix = mix64(quint64(row) ^ prefix);

    // Written digit by digit into one allocation: every seeded reference is a sys_id,
    // so responses produce millions of them.
    static constexpr char16_t hexDigits[] = u"0123456789abcdef";
    QString id(32, Qt::Uninitialized);
    char16_t *digits = reinterpret_cast<char16_t *>(id.data());
    for (int i = 0; i < 16; ++i) {
        digits[15 - i] = hexDigits[(prefix >> (4 * i)) & 0xF];
        digits[31 - i] = hexDigits[(suffix >> (4 * i)) & 0xF];
    }
    return id;
}

qint64 rowOfSysId(QStringView table, QStringView sysId)
{
    if (sysId.size() != 32)
        return -1;

    bool prefixOk = false;
    bool suffixOk = false;
    const quint64 prefix = sysId.first(16).toULongLong(&prefixOk, 16);
    const quint64 suffix = sysId.sliced(16).toULongLong(&suffixOk, 16);
    if (!prefixOk || !suffixOk || prefix != mix64(nameKey(table)))
        return -1;

    // Upper-case hex digits would decode too, but real sys_ids are lower case.
    for (const QChar character : sysId) {
        if (character.isUpper())
            return -1;
    }

    const quint64 row = unmix64(suffix) ^ prefix;
    return row > quint64(std::numeric_limits<qint32>::max()) ? -1 : qint64(row);
}

QString formatDateTime(qint64 secondsSinceEpoch)
{
    qint64 days = secondsSinceEpoch / 86400;
    qint64 secondsOfDay = secondsSinceEpoch % 86400;
    if (secondsOfDay < 0) {
        secondsOfDay += 86400;
        days -= 1;
    }

    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);

    QString out;
    out.reserve(19);
    appendDigits(out, year, 4);
    out.append(u'-');
    appendDigits(out, month, 2);
    out.append(u'-');
    appendDigits(out, day, 2);
    out.append(u' ');
    appendDigits(out, int(secondsOfDay / 3600), 2);
    out.append(u':');
    appendDigits(out, int(secondsOfDay / 60 % 60), 2);
    out.append(u':');
    appendDigits(out, int(secondsOfDay % 60), 2);
    return out;
}

QString formatDuration(qint64 seconds)
{
    return formatDateTime(seconds);
}

bool parseDateTime(QStringView text, qint64 *secondsSinceEpoch)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return false;
    if (!readNumber(text, 0, 4, &year) || !readNumber(text, 5, 2, &month) || !readNumber(text, 8, 2, &day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;

    int hour = 0;
    int minute = 0;
    int second = 0;
    if (text.size() > 10) {
        if (text.size() < 19 || (text[10] != u' ' && text[10] != u'T') || text[13] != u':' || text[16] != u':')
            return false;
        if (!readNumber(text, 11, 2, &hour) || !readNumber(text, 14, 2, &minute) || !readNumber(text, 17, 2, &second))
            return false;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
    }

    *secondsSinceEpoch = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return true;
}

} // namespace snowemu::seed
