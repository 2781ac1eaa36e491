// Tests of snow::JsonStreamReader: every way a body can be split into chunks, every
// escape, hostile and broken input. Records are compared field by field with an
// independent reading through QJsonDocument.

#include "jsonreference.h"

#include <snow/jsonstreamreader.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using snow::JsonStreamReader;
using snow::Record;

namespace {

struct ReadOutcome
{
    QList<Record> records;
    JsonStreamReader::Status status = JsonStreamReader::Reading;
    JsonStreamReader::ErrorKind errorKind = JsonStreamReader::NoError;
    qint64 errorOffset = -1;
    QString errorMessage;
    QString serviceMessage;
    QString serviceDetail;
    bool hasResult = false;
};

// Reads @p body in chunks whose boundaries are @p cuts (sorted byte offsets).
ReadOutcome readWithCuts(const QByteArray &body, const QList<qsizetype> &cuts, const snow::ReaderLimits &limits = {})
{
    JsonStreamReader reader(limits);
    ReadOutcome outcome;
    qsizetype start = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(body.size());
    for (const qsizetype end : std::as_const(bounds)) {
        if (end > start)
            reader.feed(QByteArrayView(body).sliced(start, end - start));
        outcome.records += reader.takeRecords();
        start = end;
    }
    reader.finish();
    outcome.records += reader.takeRecords();
    outcome.status = reader.status();
    outcome.errorKind = reader.errorKind();
    outcome.errorOffset = reader.errorOffset();
    outcome.errorMessage = reader.errorMessage();
    outcome.serviceMessage = reader.serviceErrorMessage();
    outcome.serviceDetail = reader.serviceErrorDetail();
    outcome.hasResult = reader.hasResult();
    return outcome;
}

ReadOutcome readWhole(const QByteArray &body, const snow::ReaderLimits &limits = {})
{
    return readWithCuts(body, {}, limits);
}

ReadOutcome readInChunksOf(const QByteArray &body, qsizetype size)
{
    QList<qsizetype> cuts;
    for (qsizetype at = size; at < body.size(); at += size)
        cuts.append(at);
    return readWithCuts(body, cuts);
}

// Returns an empty string when @p outcome holds exactly the records @p expected.
QString compareWithReference(const QList<QJsonObject> &expected, const ReadOutcome &outcome)
{
    if (outcome.status != JsonStreamReader::Complete)
        return u"reader failed: "_s + outcome.errorMessage;

    if (expected.size() != outcome.records.size())
        return u"%1 records, expected %2"_s.arg(outcome.records.size()).arg(expected.size());

    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString difference = reference::compare(expected.at(i), outcome.records.at(i));
        if (!difference.isEmpty())
            return u"record %1: %2"_s.arg(i).arg(difference);
    }
    return QString();
}

QString compareWithReference(const QByteArray &body, const ReadOutcome &outcome)
{
    return compareWithReference(reference::records(body), outcome);
}

QString sharedDir()
{
    return QStringLiteral(SNOW_SHARED_DIR);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// Bodies with a "result" member from the real fixtures, keyed by a readable name.
QList<std::pair<QString, QByteArray>> fixtureBodies()
{
    QList<std::pair<QString, QByteArray>> bodies;
    const QString folder = sharedDir() + u"/fixtures/real"_s;

    for (const QString &name : {u"demisto_get_tasks_for_co_command.json"_s, u"demisto_create_co_from_template_result.json"_s})
        bodies.append({name, readFile(folder + u'/' + name)});

    const QJsonObject examples = QJsonDocument::fromJson(readFile(folder + u"/servicenowdocs_rest_examples.json"_s))
                                     .object()
                                     .value(u"examples"_s)
                                     .toObject();
    for (auto it = examples.begin(); it != examples.end(); ++it) {
        const QJsonObject body = it.value().toObject();
        if (body.contains(u"result"_s) || body.contains(u"error"_s))
            bodies.append({it.key(), QJsonDocument(body).toJson(QJsonDocument::Compact)});
    }
    return bodies;
}

QByteArray generatedBody(const QStringList &arguments)
{
    if (!QFile::exists(sharedDir() + u"/bench/make_table_response.py"_s) || !QFile::exists(u"/usr/bin/python3"_s))
        return QByteArray();

    QProcess process;
    process.start(u"/usr/bin/python3"_s, QStringList{sharedDir() + u"/bench/make_table_response.py"_s} + arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QByteArray();
    return process.readAllStandardOutput();
}

QByteArray oneField(const QByteArray &jsonValue)
{
    return "{\"result\":[{\"f\":" + jsonValue + "}]}";
}

} // namespace

class JsonStreamReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureSplitAnywhere_data();
    void fixtureSplitAnywhere();
    void tableListExampleMatchesReference();
    void generatedSplitAnywhere_data();
    void generatedSplitAnywhere();
    void escapes_data();
    void escapes();
    void invalidInput_data();
    void invalidInput();
    void limits_data();
    void limits();
    void errorMember_data();
    void errorMember();
    void fieldKinds();
    void byteOrderMark();
    void whitespaceEverywhere();
    void recordBeforeNextChunk();
    void singleResultObject();
    void documentAsRecord();
    void recordJsonRoundTrip();
    void namesSharedAcrossRecords();
    void fuzzRegressions_data();
    void fuzzRegressions();
    void limitsSameWhenSplit_data();
    void limitsSameWhenSplit();
};

void JsonStreamReaderTest::fixtureSplitAnywhere_data()
{
    QTest::addColumn<QByteArray>("body");
    if (!QFile::exists(sharedDir() + u"/fixtures/real"_s))
        return;
    for (const auto &[name, body] : fixtureBodies())
        QTest::newRow(name.toUtf8().constData()) << body;
}

void JsonStreamReaderTest::fixtureSplitAnywhere()
{
    if (!QFile::exists(sharedDir() + u"/fixtures/real"_s))
        QSKIP("The shared fixtures folder is absent");
    QFETCH(QByteArray, body);
    QVERIFY(!body.isEmpty());

    QCOMPARE(compareWithReference(body, readWhole(body)), QString());
    QCOMPARE(compareWithReference(body, readInChunksOf(body, 1)), QString());
    // Every split must give the records of the whole read, which matched the reference.
    const QList<Record> whole = readWhole(body).records;
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const ReadOutcome split = readWithCuts(body, {cut});
        if (split.status != JsonStreamReader::Complete || split.records != whole)
            QFAIL(qPrintable(u"split at byte %1: %2"_s.arg(cut).arg(compareWithReference(body, split))));
    }
}

void JsonStreamReaderTest::tableListExampleMatchesReference()
{
    const QString path = sharedDir() + u"/fixtures/real/servicenowdocs_rest_examples.json"_s;
    if (!QFile::exists(path))
        QSKIP("The shared fixtures folder is absent");

    const QJsonObject example = QJsonDocument::fromJson(readFile(path))
                                    .object()
                                    .value(u"examples"_s)
                                    .toObject()
                                    .value(u"c_TableAPI.md | Table - GET /now/table/{tableName}"_s)
                                    .toObject();
    const QByteArray body = QJsonDocument(example).toJson(QJsonDocument::Compact);
    const ReadOutcome outcome = readWhole(body);

    QCOMPARE(outcome.status, JsonStreamReader::Complete);
    QVERIFY(outcome.records.size() > 0);
    QCOMPARE(compareWithReference(body, outcome), QString());

    const Record first = outcome.records.first();
    QCOMPARE(first.value(u"number"), u"PRB0000050"_s);
    QCOMPARE(first.value(u"opened_by"), u"glide.maint"_s);
    QCOMPARE(first.link(u"opened_by"), u"https://instance.servicenow.com/api/now/table/sys_user/glide.maint"_s);
}

void JsonStreamReaderTest::generatedSplitAnywhere_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("default") << QStringList{u"--records"_s, u"3"_s, u"--seed"_s, u"7"_s};
    QTest::newRow("display value all") << QStringList{u"--records"_s, u"2"_s, u"--display-value"_s, u"all"_s};
    QTest::newRow("display value true") << QStringList{u"--records"_s, u"2"_s, u"--display-value"_s, u"true"_s};
    QTest::newRow("ascii escapes") << QStringList{u"--records"_s, u"3"_s, u"--ascii"_s, u"--seed"_s, u"3"_s};
    QTest::newRow("all and ascii") << QStringList{u"--records"_s, u"2"_s, u"--display-value"_s, u"all"_s, u"--ascii"_s};
    QTest::newRow("no reference links") << QStringList{u"--records"_s, u"3"_s, u"--exclude-reference-link"_s};
}

void JsonStreamReaderTest::generatedSplitAnywhere()
{
    QFETCH(QStringList, arguments);
    const QByteArray body = generatedBody(arguments);
    if (body.isEmpty())
        QSKIP("The shared body generator is absent");

    QCOMPARE(compareWithReference(body, readWhole(body)), QString());
    QCOMPARE(compareWithReference(body, readInChunksOf(body, 1)), QString());
    QCOMPARE(compareWithReference(body, readInChunksOf(body, 7)), QString());
    // Every split must give the records of the whole read, which matched the reference.
    const QList<Record> whole = readWhole(body).records;
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const ReadOutcome split = readWithCuts(body, {cut});
        if (split.status != JsonStreamReader::Complete || split.records != whole)
            QFAIL(qPrintable(u"split at byte %1: %2"_s.arg(cut).arg(compareWithReference(body, split))));
    }
}

void JsonStreamReaderTest::escapes_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("expected");

    QTest::newRow("quote") << QByteArray(R"("a\"b")") << u"a\"b"_s;
    QTest::newRow("backslash") << QByteArray(R"("a\\b")") << u"a\\b"_s;
    QTest::newRow("slash") << QByteArray(R"("a\/b")") << u"a/b"_s;
    QTest::newRow("controls") << QByteArray(R"("\b\f\n\r\t")") << u"\b\f\n\r\t"_s;
    QTest::newRow("latin escape") << QByteArray(R"("caf\u00e9")") << u"café"_s;
    QTest::newRow("upper hex") << QByteArray(R"("\u00E9\u20AC")") << u"é€"_s;
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << u"😀"_s;
    QTest::newRow("pair between text") << QByteArray(R"("x\uD83D\uDE00y")") << u"x😀y"_s;
    QTest::newRow("lone high then text") << QByteArray(R"("\ud83dx")") << u"\uFFFDx"_s;
    QTest::newRow("lone high at end") << QByteArray(R"("\ud83d")") << u"\uFFFD"_s;
    QTest::newRow("lone low") << QByteArray(R"("\ude00")") << u"\uFFFD"_s;
    QTest::newRow("high then other escape") << QByteArray(R"("\ud83d\n")") << u"\uFFFD\n"_s;
    QTest::newRow("two highs then low") << QByteArray(R"("\ud83d\ud83d\ude00")") << u"\uFFFD😀"_s;
    QTest::newRow("nul") << QByteArray(R"("a\u0000b")") << QString::fromUtf16(u"a\0b", 3);
    QTest::newRow("raw utf8 2 bytes") << QByteArray("\"\xc3\xa9t\xc3\xa9\"") << u"été"_s;
    QTest::newRow("raw utf8 3 bytes") << QByteArray("\"\xe6\x97\xa5\xe6\x9c\xac\"") << u"日本"_s;
    QTest::newRow("raw utf8 4 bytes") << QByteArray("\"\xf0\x9f\x98\x80!\"") << u"😀!"_s;
    QTest::newRow("mixed") << QByteArray("\"\xe2\x82\xac\\n\\u00e9\xf0\x9f\x98\x80\\\\\"") << u"€\né😀\\"_s;
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
    QTest::newRow("long plain") << (QByteArray("\"") + QByteArray(5000, 'x') + "\"") << QString(5000, u'x');
}

void JsonStreamReaderTest::escapes()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, expected);
    const QByteArray body = oneField(literal);

    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const ReadOutcome outcome = cut == 0 ? readWhole(body) : readWithCuts(body, {cut});
        QVERIFY2(outcome.status == JsonStreamReader::Complete, qPrintable(outcome.errorMessage));
        QCOMPARE(outcome.records.size(), 1);
        QCOMPARE(outcome.records.first().value(u"f"), expected);
    }
    const ReadOutcome bytewise = readInChunksOf(body, 1);
    QCOMPARE(bytewise.records.first().value(u"f"), expected);
}

void JsonStreamReaderTest::invalidInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<qint64>("offset");

    const int invalidJson = JsonStreamReader::InvalidJson;
    const int invalidUtf8 = JsonStreamReader::InvalidUtf8;
    const int notJson = JsonStreamReader::NotJson;
    const int truncated = JsonStreamReader::Truncated;
    const int shape = JsonStreamReader::UnexpectedShape;

    QTest::newRow("trailing comma") << QByteArray(R"({"result":[{"a":"1",}]})") << invalidJson << qint64(20);
    QTest::newRow("missing colon") << QByteArray(R"({"result" []})") << invalidJson << qint64(10);
    QTest::newRow("bad literal") << QByteArray(R"({"result":[{"a":tru}]})") << invalidJson << qint64(19);
    QTest::newRow("leading zero") << QByteArray(R"({"result":[{"a":01}]})") << invalidJson << qint64(16);
    QTest::newRow("bare minus") << QByteArray(R"({"result":[{"a":-}]})") << invalidJson << qint64(16);
    QTest::newRow("dot without digits") << QByteArray(R"({"result":[{"a":1.}]})") << invalidJson << qint64(16);
    QTest::newRow("unquoted key") << QByteArray(R"({"result":[{a:"1"}]})") << invalidJson << qint64(12);
    QTest::newRow("control in string") << QByteArray("{\"result\":[{\"a\":\"x\ny\"}]}") << invalidJson << qint64(18);
    QTest::newRow("bad escape") << QByteArray(R"({"result":[{"a":"\x"}]})") << invalidJson << qint64(18);
    QTest::newRow("bad unicode escape") << QByteArray(R"({"result":[{"a":"\u12g4"}]})") << invalidJson << qint64(21);
    QTest::newRow("single quotes") << QByteArray(R"({'result':[]})") << invalidJson << qint64(1);
    QTest::newRow("data after end") << QByteArray(R"({"result":[]} x)") << invalidJson << qint64(14);
    QTest::newRow("two documents") << QByteArray(R"({"result":[]}{})") << invalidJson << qint64(13);
    QTest::newRow("overlong utf8") << QByteArray("{\"result\":[{\"a\":\"\xc0\x80\"}]}") << invalidUtf8 << qint64(17);
    QTest::newRow("utf16 surrogate in utf8") << QByteArray("{\"result\":[{\"a\":\"\xed\xa0\x80\"}]}") << invalidUtf8 << qint64(17);
    QTest::newRow("lone continuation") << QByteArray("{\"result\":[{\"a\":\"x\x80\"}]}") << invalidUtf8 << qint64(18);
    QTest::newRow("byte f5") << QByteArray("{\"result\":[{\"a\":\"\xf5\x80\x80\x80\"}]}") << invalidUtf8 << qint64(17);
    QTest::newRow("cut sequence") << QByteArray("{\"result\":[{\"a\":\"\xe6\x97\"}]}") << invalidUtf8 << qint64(17);
    QTest::newRow("above max code point") << QByteArray("{\"result\":[{\"a\":\"\xf4\x90\x80\x80\"}]}") << invalidUtf8 << qint64(17);
    QTest::newRow("html page") << QByteArray("<!DOCTYPE html><html><title>Instance Hibernating page</title></html>") << notJson << qint64(0);
    QTest::newRow("xml error") << QByteArray("<?xml version=\"1.0\"?><error>denied</error>") << notJson << qint64(0);
    QTest::newRow("plain text") << QByteArray("Service Unavailable") << notJson << qint64(0);
    QTest::newRow("leading space html") << QByteArray("  \n<html></html>") << notJson << qint64(3);
    QTest::newRow("top level array") << QByteArray(R"([{"a":"1"}])") << shape << qint64(0);
    QTest::newRow("result of strings") << QByteArray(R"({"result":["a"]})") << shape << qint64(11);
    QTest::newRow("empty body") << QByteArray() << truncated << qint64(0);
    QTest::newRow("whitespace only") << QByteArray("  \r\n ") << notJson << qint64(0);
    QTest::newRow("cut in record") << QByteArray(R"({"result":[{"a":"1"},{"b":)") << truncated << qint64(26);
    QTest::newRow("cut in string") << QByteArray(R"({"result":[{"a":"12)") << truncated << qint64(19);
    QTest::newRow("cut after array") << QByteArray(R"({"result":[])") << truncated << qint64(12);
    QTest::newRow("cut in escape") << QByteArray(R"({"result":[{"a":"\u00)") << truncated << qint64(21);
}

void JsonStreamReaderTest::invalidInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, errorKind);
    QFETCH(qint64, offset);

    const ReadOutcome whole = readWhole(body);
    QCOMPARE(whole.status, JsonStreamReader::Failed);
    QCOMPARE(int(whole.errorKind), errorKind);
    QCOMPARE(whole.errorOffset, offset);
    QVERIFY(!whole.errorMessage.isEmpty());

    // The same error at the same offset, wherever the body is split.
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const ReadOutcome split = readWithCuts(body, {cut});
        QCOMPARE(split.status, JsonStreamReader::Failed);
        QCOMPARE(int(split.errorKind), errorKind);
        if (errorKind != JsonStreamReader::NotJson)
            QCOMPARE(split.errorOffset, offset);
    }
}

void JsonStreamReaderTest::limits_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<qint64>("maxString");
    QTest::addColumn<qint64>("maxRecord");
    QTest::addColumn<bool>("fails");

    const QByteArray deep = "{\"result\":[{\"a\":" + QByteArray(20, '[') + QByteArray(20, ']') + "}]}";
    QTest::newRow("depth within limit") << deep << 23 << qint64(1000) << qint64(100000) << false;
    QTest::newRow("depth over limit") << deep << 22 << qint64(1000) << qint64(100000) << true;
    QTest::newRow("deep skipped member") << ("{\"x\":" + QByteArray(200, '[') + QByteArray(200, ']') + ",\"result\":[]}") << 64
                                         << qint64(1000) << qint64(100000) << true;
    QTest::newRow("string within limit") << oneField("\"" + QByteArray(100, 'x') + "\"") << 64 << qint64(100) << qint64(100000) << false;
    QTest::newRow("string over limit") << oneField("\"" + QByteArray(101, 'x') + "\"") << 64 << qint64(100) << qint64(100000) << true;
    QTest::newRow("escaped string over limit") << oneField("\"" + QByteArray(60, 'x') + QByteArray(50, 'n').replace("n", "\\n") + "\"")
                                               << 64 << qint64(100) << qint64(100000) << true;
    QTest::newRow("skipped string over limit") << ("{\"x\":\"" + QByteArray(101, 'x') + "\",\"result\":[]}") << 64 << qint64(100)
                                               << qint64(100000) << true;
    QTest::newRow("record over limit") << ("{\"result\":[{\"a\":\"" + QByteArray(60, 'x') + "\",\"b\":\"" + QByteArray(60, 'y') + "\"}]}")
                                       << 64 << qint64(1000) << qint64(100) << true;
    QTest::newRow("records each within") << ("{\"result\":[{\"a\":\"" + QByteArray(60, 'x') + "\"},{\"b\":\"" + QByteArray(60, 'y') + "\"}]}")
                                         << 64 << qint64(1000) << qint64(100) << false;
    QTest::newRow("nested value over record") << oneField("{\"deep\":\"" + QByteArray(200, 'z') + "\"}") << 64 << qint64(1000)
                                              << qint64(100) << true;
}

void JsonStreamReaderTest::limits()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxDepth);
    QFETCH(qint64, maxString);
    QFETCH(qint64, maxRecord);
    QFETCH(bool, fails);

    snow::ReaderLimits limits;
    limits.maxDepth = maxDepth;
    limits.maxStringBytes = maxString;
    limits.maxRecordBytes = maxRecord;

    for (qsizetype cut = 0; cut < body.size(); cut += 3) {
        const ReadOutcome outcome = readWithCuts(body, cut == 0 ? QList<qsizetype>() : QList<qsizetype>{cut}, limits);
        if (fails) {
            QCOMPARE(outcome.status, JsonStreamReader::Failed);
            QCOMPARE(outcome.errorKind, JsonStreamReader::LimitExceeded);
            QVERIFY(outcome.errorMessage.contains(u"limit"));
        } else {
            QVERIFY2(outcome.status == JsonStreamReader::Complete, qPrintable(outcome.errorMessage));
        }
    }
}

void JsonStreamReaderTest::errorMember_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");

    QTest::newRow("error only") << QByteArray(R"({"error":{"message":"No Record found","detail":"Record doesn't exist"},"status":"failure"})")
                                << 0 << u"No Record found"_s << u"Record doesn't exist"_s;
    QTest::newRow("error before records") << QByteArray(R"({"error":{"detail":"d","message":"m"},"result":[{"a":"1"}]})") << 1
                                          << u"m"_s << u"d"_s;
    QTest::newRow("error after records") << QByteArray(R"({"result":[{"a":"1"},{"a":"2"}],"error":{"message":"Transaction cancelled","detail":null}})")
                                         << 2 << u"Transaction cancelled"_s << QString();
    QTest::newRow("oauth error") << QByteArray(R"({"error":"invalid_grant","error_description":"access_denied"})") << 0
                                 << u"invalid_grant"_s << u"access_denied"_s;
    QTest::newRow("escaped message") << QByteArray(R"({"error":{"message":"Rate \"limit\"\nexceeded"}})") << 0
                                     << u"Rate \"limit\"\nexceeded"_s << QString();
}

void JsonStreamReaderTest::errorMember()
{
    QFETCH(QByteArray, body);
    QFETCH(int, records);
    QFETCH(QString, message);
    QFETCH(QString, detail);

    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        JsonStreamReader reader;
        if (cut > 0)
            reader.feed(QByteArrayView(body).first(cut));
        reader.feed(QByteArrayView(body).sliced(cut));
        QCOMPARE(reader.finish(), JsonStreamReader::Complete);
        QVERIFY(reader.hasServiceError());
        QCOMPARE(reader.serviceErrorMessage(), message);
        QCOMPARE(reader.serviceErrorDetail(), detail);
        QCOMPARE(reader.takeRecords().size(), records);
    }
}

void JsonStreamReaderTest::fieldKinds()
{
    const QByteArray body = R"({"result":[{"s":"text","n":-12.5e3,"t":true,"f":false,"z":null,)"
                            R"("o":{"deep":{"x":[1,2]}},"a":["x",{"y":"z"}],"e":{},)"
                            R"("ref":{"link":"https://x/api/now/table/sys_user/1","value":"1"},)"
                            R"("dv":{"display_value":null,"value":""},"typed":{"display_value":"3 - Low","value":3},)"
                            R"("internal":{"display_value":"2024-01-01 10:00:00","value":"2024-01-01 09:00:00","display_value_internal":"x"},)"
                            R"("odd":{"value":"1","extra":"2"}}]})";

    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const ReadOutcome outcome = cut == 0 ? readWhole(body) : readWithCuts(body, {cut});
        QVERIFY2(outcome.status == JsonStreamReader::Complete, qPrintable(outcome.errorMessage));
        QCOMPARE(compareWithReference(body, outcome), QString());

        const Record record = outcome.records.first();
        QCOMPARE(record.kind(u"s"), snow::FieldKind::String);
        QCOMPARE(record.kind(u"n"), snow::FieldKind::Number);
        QCOMPARE(record.value(u"n"), u"-12.5e3"_s);
        QCOMPARE(record.kind(u"t"), snow::FieldKind::Boolean);
        QCOMPARE(record.value(u"f"), u"false"_s);
        QCOMPARE(record.kind(u"z"), snow::FieldKind::Null);
        QCOMPARE(record.kind(u"o"), snow::FieldKind::Json);
        QCOMPARE(record.value(u"o"), u"{\"deep\":{\"x\":[1,2]}}"_s);
        QCOMPARE(record.kind(u"a"), snow::FieldKind::Json);
        QCOMPARE(record.kind(u"e"), snow::FieldKind::Json);
        QCOMPARE(record.value(u"ref"), u"1"_s);
        QCOMPARE(record.link(u"ref"), u"https://x/api/now/table/sys_user/1"_s);
        QVERIFY(record.isDisplayValueNull(u"dv"));
        QCOMPARE(record.displayValue(u"typed"), u"3 - Low"_s);
        QCOMPARE(record.kind(u"typed"), snow::FieldKind::Number);
        QCOMPARE(record.value(u"typed"), u"3"_s);
        QCOMPARE(record.displayValue(u"internal"), u"2024-01-01 10:00:00"_s);
        QCOMPARE(record.kind(u"odd"), snow::FieldKind::Json);
        QCOMPARE(record.kind(u"missing"), snow::FieldKind::Absent);
        QCOMPARE(record.value(u"missing"), QString());
    }
}

void JsonStreamReaderTest::byteOrderMark()
{
    const QByteArray body = "\xef\xbb\xbf{\"result\":[{\"a\":\"1\"}]}";
    for (qsizetype cut = 0; cut < 5; ++cut) {
        const ReadOutcome outcome = cut == 0 ? readWhole(body) : readWithCuts(body, {cut});
        QCOMPARE(outcome.status, JsonStreamReader::Complete);
        QCOMPARE(outcome.records.size(), 1);
    }

    const ReadOutcome broken = readWhole("\xef\xbb{}");
    QCOMPARE(broken.errorKind, JsonStreamReader::NotJson);
}

void JsonStreamReaderTest::whitespaceEverywhere()
{
    QByteArray body = generatedBody({u"--records"_s, u"2"_s, u"--display-value"_s, u"all"_s});
    if (body.isEmpty())
        body = R"({"result":[{"a":{"display_value":"x","value":"1"},"b":"2"}]})";

    const QByteArray indented = QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented).replace("\n", "\r\n\t ");
    QCOMPARE(compareWithReference(indented, readWhole(indented)), QString());
    QCOMPARE(compareWithReference(indented, readInChunksOf(indented, 3)), QString());
}

void JsonStreamReaderTest::recordBeforeNextChunk()
{
    const QByteArray first = R"({"result":[{"number":"INC1"},)";
    JsonStreamReader reader;
    reader.feed(first);
    QCOMPARE(reader.pendingRecordCount(), 1);
    QCOMPARE(reader.takeRecords().first().value(u"number"), u"INC1"_s);

    reader.feed(R"({"number":"INC2"}]})");
    QCOMPARE(reader.finish(), JsonStreamReader::Complete);
    QCOMPARE(reader.takeRecords().size(), 1);
    QCOMPARE(reader.recordCount(), 2);
}

void JsonStreamReaderTest::singleResultObject()
{
    JsonStreamReader reader;
    reader.feed(R"({"result":{"sys_id":"abc","state":"2"}})");
    QCOMPARE(reader.finish(), JsonStreamReader::Complete);
    QVERIFY(reader.hasResult());
    QVERIFY(reader.isSingleResult());
    const QList<Record> records = reader.takeRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().sysId(), u"abc"_s);

    JsonStreamReader empty;
    empty.feed(R"({"result":[]})");
    QCOMPARE(empty.finish(), JsonStreamReader::Complete);
    QVERIFY(empty.hasResult());
    QCOMPARE(empty.takeRecords().size(), 0);

    JsonStreamReader missing;
    missing.feed(R"({"status":"ok","result":null})");
    QCOMPARE(missing.finish(), JsonStreamReader::Complete);
    QVERIFY(!missing.hasResult());
}

void JsonStreamReaderTest::documentAsRecord()
{
    JsonStreamReader reader;
    reader.setDocumentIsRecord(true);
    reader.feed(R"({"access_token":"a1","expires_in":1799,"scope":"useraccount"})");
    QCOMPARE(reader.finish(), JsonStreamReader::Complete);
    const QList<Record> records = reader.takeRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().value(u"access_token"), u"a1"_s);
    QCOMPARE(records.first().value(u"expires_in"), u"1799"_s);
    QCOMPARE(records.first().kind(u"expires_in"), snow::FieldKind::Number);
}

void JsonStreamReaderTest::recordJsonRoundTrip()
{
    const QByteArray body = R"({"result":[{"a":"x\"y","b":{"display_value":null,"link":"l","value":"v"},"c":3,"d":[1,{"e":null}],"f":null}]})";
    const ReadOutcome outcome = readWhole(body);
    QCOMPARE(outcome.status, JsonStreamReader::Complete);

    const QByteArray written = "{\"result\":[" + outcome.records.first().toJson() + "]}";
    QCOMPARE(QJsonDocument::fromJson(written), QJsonDocument::fromJson(body));
    QCOMPARE(readWhole(written).records.first(), outcome.records.first());
}

void JsonStreamReaderTest::namesSharedAcrossRecords()
{
    const ReadOutcome outcome = readWhole(R"({"result":[{"a":"1","b":"2"},{"b":"3","c":"4"},{"a":"5"}]})");
    QCOMPARE(outcome.records.size(), 3);
    QCOMPARE(outcome.records.at(0).fieldNames(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(outcome.records.at(1).fieldNames(), (QStringList{u"b"_s, u"c"_s}));
    QCOMPARE(outcome.records.at(1).value(u"a"), QString());
    QCOMPARE(outcome.records.at(2).value(u"a"), u"5"_s);
    QCOMPARE(outcome.records.at(2).contains(u"c"), false);
}

void JsonStreamReaderTest::fuzzRegressions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("errorKind");

    // Inputs found by fuzz/run-fuzz.sh. Their first byte chose the chunk size and the
    // second the limits; here they are read whole and in every split.
    const QString folder = QStringLiteral(SNOW_SOURCE_DIR) + u"/tests/core/data/"_s;
    QTest::newRow("empty string first in a record") << folder + u"fuzz-empty-string-first.bin"_s << int(JsonStreamReader::InvalidJson);
    QTest::newRow("number in result") << folder + u"fuzz-number-in-result.bin"_s << int(JsonStreamReader::UnexpectedShape);
}

void JsonStreamReaderTest::fuzzRegressions()
{
    QFETCH(QString, path);
    QFETCH(int, errorKind);

    const QByteArray body = readFile(path).mid(2);
    QVERIFY(!body.isEmpty());
    const ReadOutcome whole = readWhole(body);
    QCOMPARE(int(whole.errorKind), errorKind);
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const ReadOutcome split = readWithCuts(body, {cut});
        QCOMPARE(split.status, whole.status);
        QCOMPARE(split.errorKind, whole.errorKind);
        QCOMPARE(split.errorOffset, whole.errorOffset);
    }
}

void JsonStreamReaderTest::limitsSameWhenSplit_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    // With a 64-byte record limit and a 16-byte string limit. A field value counts with its JSON text, and text
    // kept for an earlier field never counts again for the fields after it.
    QTest::newRow("odd object, then plain fields")
        << QByteArray(R"({"result":{"active":{"display_valu%":"nulltrue","valuevalue":"~tru\"e"},"trpactlu":"true","vae}":"tru:te"}})")
        << int(JsonStreamReader::Complete);
    QTest::newRow("field object, then plain fields")
        << QByteArray(R"({"result":{"a":{"display_value":"New","value":"1"},"b":"two","c":"three"}})")
        << int(JsonStreamReader::Complete);
    QTest::newRow("array, then plain fields")
        << QByteArray(R"({"result":{"tags":["one","two","three"],"b":"two","c":"three"}})") << int(JsonStreamReader::Complete);
    QTest::newRow("field object over the limit")
        << QByteArray(R"({"result":{"a":{"display_value":"xxxxxxxxxxxxxxx","value":"yyyyyyyyyyyyyyy","link":"zzzzzzzz"}}})")
        << int(JsonStreamReader::Failed);
    QTest::newRow("repeated members over the limit")
        << QByteArray(R"({"result":{"a":{"value":"","value":"","value":"","value":"","value":"","value":"","value":""}}})")
        << int(JsonStreamReader::Failed);
    QTest::newRow("record exactly at the limit")
        << QByteArray(R"({"result":{"active":{"display_valu%":"nulltrue","va":"","value":"t~ru\"e"},"trpactlu":"true","vae}":"tru:tm"}})")
        << int(JsonStreamReader::Complete);
    QTest::newRow("field name over the string limit")
        << QByteArray(R"({"result":{"a":"1","trpacerror_description":"2"}})") << int(JsonStreamReader::Failed);
    QTest::newRow("member name over the string limit")
        << QByteArray(R"({"result":{"a":{"display_value_internal":"1","value":"2"}}})") << int(JsonStreamReader::Failed);
}

void JsonStreamReaderTest::limitsSameWhenSplit()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    snow::ReaderLimits limits;
    limits.maxRecordBytes = 64;
    limits.maxStringBytes = 16;
    const ReadOutcome whole = readWhole(body, limits);
    QCOMPARE(int(whole.status), status);
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const ReadOutcome split = readWithCuts(body, {cut}, limits);
        QCOMPARE(split.status, whole.status);
        QCOMPARE(split.records, whole.records);
    }

    QList<qsizetype> everyByte;
    for (qsizetype cut = 1; cut < body.size(); ++cut)
        everyByte.append(cut);
    const ReadOutcome bytes = readWithCuts(body, everyByte, limits);
    QCOMPARE(bytes.status, whole.status);
    QCOMPARE(bytes.records, whole.records);
}

QTEST_GUILESS_MAIN(JsonStreamReaderTest)
#include "tst_jsonstreamreader.moc"
