// The emulator's own formatting: JSON strings written straight into a buffer,
// local times from cached UTC offsets and grouped integers, each compared with
// the Qt function it replaces.

#include "data/display.h"
#include "data/localtime.h"
#include "json/jsonwriter.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QString fromUnits(std::initializer_list<char16_t> units)
{
    QString text;
    for (const char16_t unit : units)
        text.append(QChar(unit));
    return text;
}

QByteArray quotedUtf8(const QString &text)
{
    return '"' + text.toUtf8() + '"';
}

// "yyyy-MM-dd HH:mm:ss" of a UTC instant, the stored form of dates.
QString storedForm(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

class FormattingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonStringEscapes_data();
    void jsonStringEscapes();
    void jsonAsciiOnlyEscapes_data();
    void jsonAsciiOnlyEscapes();
    void jsonCursorMatchesAppend();
    void localTimeMatchesQDateTime_data();
    void localTimeMatchesQDateTime();
    void localTimeKeepsOtherText_data();
    void localTimeKeepsOtherText();
    void groupedIntegerMatchesQLocale_data();
    void groupedIntegerMatchesQLocale();
};

void FormattingTest::jsonStringEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("plain") << u"plain"_s << QByteArray(R"("plain")");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << u"a\\b"_s << QByteArray(R"("a\\b")");
    QTest::newRow("short escapes") << u"\n\r\t\b\f"_s << QByteArray(R"("\n\r\t\b\f")");
    QTest::newRow("other control characters") << fromUnits({0x01, 0x1F}) << QByteArray(R"("\u0001\u001f")");
    QTest::newRow("delete stays raw") << fromUnits({u'a', 0x7F}) << QByteArray("\"a\x7f\"");
    QTest::newRow("two-byte UTF-8") << u"Müller"_s << quotedUtf8(u"Müller"_s);
    QTest::newRow("three-byte UTF-8") << u"5 €"_s << quotedUtf8(u"5 €"_s);
    QTest::newRow("surrogate pair") << fromUnits({u'x', 0xD83D, 0xDE00, u'y'}) << QByteArray("\"x\xF0\x9F\x98\x80y\"");
    QTest::newRow("lone high surrogate") << fromUnits({0xD83D, u'x'}) << QByteArray(R"("?x")");
    QTest::newRow("lone low surrogate") << fromUnits({u'x', 0xDE00}) << QByteArray(R"("x?")");
    QTest::newRow("high surrogate at end") << fromUnits({u'x', 0xD83D}) << QByteArray(R"("x?")");
    QTest::newRow("high surrogate before escape") << fromUnits({0xD83D, 0x01}) << QByteArray(R"("?\u0001")");

    // Texts of 16 units and more take the block copy; a unit that needs work
    // anywhere in a block must still be handled.
    const QString sixteen = u"abcdefghijklmnop"_s;
    QTest::newRow("one plain block") << sixteen << quotedUtf8(sixteen);
    QTest::newRow("quote first in block") << u"\"bcdefghijklmnop"_s << QByteArray(R"("\"bcdefghijklmnop")");
    QTest::newRow("quote last in block") << u"abcdefghijklmno\""_s << QByteArray(R"("abcdefghijklmno\"")");
    QTest::newRow("quote after block") << u"abcdefghijklmnop\""_s << QByteArray(R"("abcdefghijklmnop\"")");
    QTest::newRow("newline in second block") << u"abcdefghijklmnopqrstu\nwxyz"_s << QByteArray(R"("abcdefghijklmnopqrstu\nwxyz")");
    QTest::newRow("non-ASCII in block") << u"abcdefghijklmnä€rstuvwxyz0123456"_s << quotedUtf8(u"abcdefghijklmnä€rstuvwxyz0123456"_s);
    QTest::newRow("high unit in block") << u"abcdefghijklmn"_s + fromUnits({0x9FA5}) + u"pqrstuvw"_s
                                        << quotedUtf8(u"abcdefghijklmn"_s + fromUnits({0x9FA5}) + u"pqrstuvw"_s);
    QTest::newRow("delete in block") << u"abcdefgh"_s + fromUnits({0x7F}) + u"jklmnopqrstu"_s
                                     << QByteArray("\"abcdefgh\x7fjklmnopqrstu\"");
    QTest::newRow("long plain text") << QString(1000, u'z') << quotedUtf8(QString(1000, u'z'));
}

void FormattingTest::jsonStringEscapes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    QByteArray out = "prefix";
    snowemu::json::appendString(out, text);

    QCOMPARE(out, "prefix" + expected);
    QCOMPARE(snowemu::json::quoted(text), expected);
}

void FormattingTest::jsonAsciiOnlyEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"plain"_s << QByteArray(R"("plain")");
    QTest::newRow("two-byte character") << u"é"_s << QByteArray(R"("\u00e9")");
    QTest::newRow("delete") << fromUnits({0x7F}) << QByteArray(R"("\u007f")");
    QTest::newRow("surrogate pair") << fromUnits({0xD83D, 0xDE00}) << QByteArray(R"("\ud83d\ude00")");
    QTest::newRow("long text with accent") << u"Friedrichstraße 68, 10117 Berlin"_s
                                           << QByteArray(R"("Friedrichstra\u00dfe 68, 10117 Berlin")");
}

void FormattingTest::jsonAsciiOnlyEscapes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    QCOMPARE(snowemu::json::quoted(text, true), expected);
}

void FormattingTest::jsonCursorMatchesAppend()
{
    const QString value = u"Printer \"jam\" on floor 3 — again"_s;
    QByteArray appended = "{";
    snowemu::json::appendKey(appended, u"short_description");
    snowemu::json::appendString(appended, value);
    appended += '}';

    QByteArray written = "{";
    char *cursor = snowemu::json::beginAppend(written, 64 + snowemu::json::maxStringBytes(value.size()));
    cursor = snowemu::json::writeBytes(cursor, "\"short_description\":");
    cursor = snowemu::json::writeString(cursor, value);
    *cursor++ = '}';
    snowemu::json::endAppend(written, cursor);

    QCOMPARE(written, appended);
}

void FormattingTest::localTimeMatchesQDateTime_data()
{
    QTest::addColumn<QByteArray>("zone");

    // Daylight saving time in both hemispheres, half-hour and 45-minute offsets,
    // a half-hour daylight saving shift, a zone that dropped daylight saving time,
    // and UTC itself.
    for (const char *zone : {"America/Los_Angeles", "Europe/Berlin", "Australia/Adelaide", "Australia/Lord_Howe",
                             "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "UTC"})
        QTest::newRow(zone) << QByteArray(zone);
}

void FormattingTest::localTimeMatchesQDateTime()
{
    QFETCH(QByteArray, zone);
    const QTimeZone timeZone(zone);
    if (!timeZone.isValid())
        QSKIP("This system has no data for the time zone");

    // The seeded dates lie in the three years before 2025-01-01 UTC.
    const qint64 begin = QDateTime(QDate(2021, 12, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    const qint64 end = QDateTime(QDate(2025, 2, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();

    QList<qint64> instants;
    for (qint64 seconds = begin; seconds < end; seconds += 3600 + 17 * 60 + 3)
        instants.append(seconds);
    // Each transition and the seconds around it, where an off-by-one would show.
    const QDateTime from = QDateTime::fromSecsSinceEpoch(begin, QTimeZone::utc());
    const QDateTime to = QDateTime::fromSecsSinceEpoch(end, QTimeZone::utc());
    for (const QTimeZone::OffsetData &transition : timeZone.transitions(from, to)) {
        const qint64 at = transition.atUtc.toSecsSinceEpoch();
        instants.append({at - 1, at, at + 1});
    }
    // Far from the seeded range: before 1900, and after the zone's last listed transition.
    instants.append({-2500000000LL, 4102444800LL, 4118083200LL});

    // One converter for the whole run, in rising and then falling order, so cached
    // stretches are reused in both directions.
    snowemu::LocalTimeConverter converter(timeZone);
    for (int pass = 0; pass < 2; ++pass) {
        for (const qint64 seconds : std::as_const(instants)) {
            const QString utc = storedForm(seconds);
            const QString expected = snowemu::utcToLocal(utc, timeZone);
            if (converter.toLocal(utc) != expected)
                QFAIL(qPrintable(u"%1 UTC became %2 instead of %3"_s.arg(utc, converter.toLocal(utc), expected)));
        }
        std::reverse(instants.begin(), instants.end());
    }
}

void FormattingTest::localTimeKeepsOtherText_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("date only") << u"2024-03-10"_s;
    QTest::newRow("not a date") << u"tomorrow morning"_s;
    QTest::newRow("invalid month") << u"2024-13-10 10:00:00"_s;
}

void FormattingTest::localTimeKeepsOtherText()
{
    QFETCH(QString, text);
    snowemu::LocalTimeConverter converter(QTimeZone("Europe/Berlin"));

    QCOMPARE(converter.toLocal(text), text);
}

void FormattingTest::groupedIntegerMatchesQLocale_data()
{
    QTest::addColumn<QString>("value");

    for (const char *value : {"0", "7", "999", "1000", "12345", "1234567", "-999", "-1000", "-1234567", "+42", " 42",
                              "9223372036854775807", "-9223372036854775808", "9223372036854775808", "", "12a", "abc",
                              "1.5"})
        QTest::newRow(value) << QString::fromLatin1(value);
}

void FormattingTest::groupedIntegerMatchesQLocale()
{
    QFETCH(QString, value);

    bool ok = false;
    const qlonglong number = value.toLongLong(&ok);
    const QString expected = ok ? QLocale(QLocale::English, QLocale::UnitedStates).toString(number) : value;

    QCOMPARE(snowemu::groupedInteger(value), expected);
}

QTEST_GUILESS_MAIN(FormattingTest)
#include "tst_emulator_formatting.moc"
