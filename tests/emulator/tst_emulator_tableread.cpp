// Reading the Table API: authentication, paging, the Link header, fields, basic
// queries and the wire shape of seeded incidents.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TableReadTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void missingAuthReturns401();
    void wrongPasswordReturns401();
    void defaultLimitReturnsAllRows();
    void limitAndOffset_data();
    void limitAndOffset();
    void totalCountHeader();
    void linkHeaderFirstPage();
    void linkHeaderMiddlePage();
    void linkHeaderLastPageHasNoNext();
    void negativeOffsetReturns400_data();
    void negativeOffsetReturns400();
    void fieldsSelectColumns();
    void queryEqualsFilters();
    void queryAndCombines();
    void queryOrderByDescending();
    void incidentHasRealColumns();
    void valuesAreStringsOrReferences();
    void referenceLinkResolves();
    void numbersAreSequential();
    void datesUseUtcFormat();
    void sysIdsAreUniqueHex();
    void stateUsesChoiceLabels();
    void seedIsDeterministic();
    void serverThreadServes();

private:
    QJsonArray resultOf(const HttpResult &result) const { return result.json().object().value(u"result"_s).toArray(); }

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TableReadTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 500;
    m_server = std::make_unique<snowemu::Server>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
}

void TableReadTest::missingAuthReturns401()
{
    TestClient anonymous(m_server->baseUrl());
    anonymous.clearAuth();
    const HttpResult result = anonymous.get(u"/api/now/table/incident"_s);

    QCOMPARE(result.status, 401);
    QCOMPARE(result.body, QByteArray(R"({"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"})"));
    QCOMPARE(result.header("X-Is-Logged-In"), QByteArray("false"));
}

void TableReadTest::wrongPasswordReturns401()
{
    TestClient client(m_server->baseUrl());
    client.setBasicAuth(u"admin"_s, u"wrong"_s);
    const HttpResult result = client.get(u"/api/now/table/incident?sysparm_limit=1"_s);

    QCOMPARE(result.status, 401);
}

void TableReadTest::defaultLimitReturnsAllRows()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=number"_s);

    QCOMPARE(result.status, 200);
    QCOMPARE(resultOf(result).size(), 500);
    QVERIFY(!result.header("Link").contains("rel=\"next\""));
}

void TableReadTest::limitAndOffset_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<QString>("expectedFirstNumber");

    QTest::newRow("first page") << 10 << 0 << 10 << u"INC0010001"_s;
    QTest::newRow("second page") << 10 << 10 << 10 << u"INC0010011"_s;
    QTest::newRow("last partial page") << 30 << 480 << 20 << u"INC0010481"_s;
    QTest::newRow("beyond the end") << 10 << 600 << 0 << QString();
    QTest::newRow("one row") << 1 << 499 << 1 << u"INC0010500"_s;
}

void TableReadTest::limitAndOffset()
{
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(int, expectedCount);
    QFETCH(QString, expectedFirstNumber);

    const HttpResult result = m_client->get(
        u"/api/now/table/incident?sysparm_fields=number&sysparm_limit=%1&sysparm_offset=%2"_s.arg(limit).arg(offset));
    const QJsonArray rows = resultOf(result);

    QCOMPARE(result.status, 200);
    QCOMPARE(rows.size(), expectedCount);
    if (expectedCount > 0)
        QCOMPARE(rows.first().toObject().value(u"number"_s).toString(), expectedFirstNumber);
}

void TableReadTest::totalCountHeader()
{
    const HttpResult all = m_client->get(u"/api/now/table/incident?sysparm_limit=5"_s);
    const HttpResult closed = m_client->get(u"/api/now/table/incident?sysparm_limit=5&sysparm_query=state=7"_s);
    const HttpResult closedRows = m_client->get(u"/api/now/table/incident?sysparm_fields=number&sysparm_query=state=7"_s);

    QCOMPARE(all.header("X-Total-Count"), QByteArray("500"));
    QCOMPARE(closed.header("X-Total-Count").toInt(), resultOf(closedRows).size());
}

void TableReadTest::linkHeaderFirstPage()
{
    const QString base = m_server->baseUrl().toString() + u"/api/now/table/incident"_s;
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);

    const QString expected = u"<%1?sysparm_limit=1&sysparm_offset=0>;rel=\"first\","
                             "<%1?sysparm_limit=1&sysparm_offset=-1>;rel=\"prev\","
                             "<%1?sysparm_limit=1&sysparm_offset=1>;rel=\"next\","
                             "<%1?sysparm_limit=1&sysparm_offset=499>;rel=\"last\""_s.arg(base);
    QCOMPARE(QString::fromUtf8(result.header("Link")), expected);
}

void TableReadTest::linkHeaderMiddlePage()
{
    const QString base = m_server->baseUrl().toString() + u"/api/now/table/incident"_s;
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_offset=200&sysparm_query=active%3Dtrue%5EORactive%3Dfalse&sysparm_limit=100"_s);

    const QString query = u"sysparm_query=active%3Dtrue%5EORactive%3Dfalse"_s;
    const QString expected = u"<%1?sysparm_offset=0&%2&sysparm_limit=100>;rel=\"first\","
                             "<%1?sysparm_offset=100&%2&sysparm_limit=100>;rel=\"prev\","
                             "<%1?sysparm_offset=300&%2&sysparm_limit=100>;rel=\"next\","
                             "<%1?sysparm_offset=400&%2&sysparm_limit=100>;rel=\"last\""_s.arg(base, query);
    QCOMPARE(QString::fromUtf8(result.header("Link")), expected);
}

void TableReadTest::linkHeaderLastPageHasNoNext()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=100&sysparm_offset=400"_s);
    const QByteArray link = result.header("Link");

    QVERIFY(link.contains("rel=\"first\""));
    QVERIFY(link.contains("rel=\"prev\""));
    QVERIFY(!link.contains("rel=\"next\""));
    QVERIFY(link.contains("sysparm_offset=400>;rel=\"last\""));
}

void TableReadTest::negativeOffsetReturns400_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("minus one") << -1;
    QTest::newRow("minus ten") << -10;
}

void TableReadTest::negativeOffsetReturns400()
{
    QFETCH(int, offset);
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_offset=%1"_s.arg(offset));

    QCOMPARE(result.status, 400);
    const QByteArray expected = R"({"error":{"message":"offset is )" + QByteArray::number(offset)
        + R"(","detail":"Negative offset is not supported"},"status":"failure"})";
    QCOMPARE(result.body, expected);
}

void TableReadTest::fieldsSelectColumns()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=3&sysparm_fields=number,state,no_such_field"_s);
    const QJsonObject first = resultOf(result).first().toObject();

    QCOMPARE(first.keys(), QStringList({u"number"_s, u"state"_s}));
}

void TableReadTest::queryEqualsFilters()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=state&sysparm_query=state=2"_s);
    const QJsonArray rows = resultOf(result);

    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &row : rows)
        QCOMPARE(row.toObject().value(u"state"_s).toString(), u"2"_s);
}

void TableReadTest::queryAndCombines()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=state,priority&sysparm_query=state=7%5Epriority=5"_s);
    const QJsonArray rows = resultOf(result);

    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &row : rows) {
        QCOMPARE(row.toObject().value(u"state"_s).toString(), u"7"_s);
        QCOMPARE(row.toObject().value(u"priority"_s).toString(), u"5"_s);
    }
}

void TableReadTest::queryOrderByDescending()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=3&sysparm_fields=number&sysparm_query=ORDERBYDESCnumber"_s);
    const QJsonArray rows = resultOf(result);

    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(u"number"_s).toString(), u"INC0010500"_s);
    QCOMPARE(rows.at(1).toObject().value(u"number"_s).toString(), u"INC0010499"_s);
    QCOMPARE(rows.at(2).toObject().value(u"number"_s).toString(), u"INC0010498"_s);
}

void TableReadTest::incidentHasRealColumns()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);
    const QJsonObject record = resultOf(result).first().toObject();

    QCOMPARE(record.size(), 106);
    for (const QString &column : {u"caller_id"_s, u"short_description"_s, u"sys_id"_s, u"number"_s, u"work_notes"_s})
        QVERIFY2(record.contains(column), qPrintable(column));
}

void TableReadTest::valuesAreStringsOrReferences()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=50"_s);
    const QRegularExpression linkPattern(u"^http://127\\.0\\.0\\.1:\\d+/api/now/table/\\w+/\\w+$"_s);

    for (const QJsonValue &row : resultOf(result)) {
        const QJsonObject record = row.toObject();
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.value().isString())
                continue;
            QVERIFY2(it.value().isObject(), qPrintable(it.key()));
            const QJsonObject reference = it.value().toObject();
            QCOMPARE(reference.keys(), QStringList({u"link"_s, u"value"_s}));
            QVERIFY2(linkPattern.match(reference.value(u"link"_s).toString()).hasMatch(), qPrintable(reference.value(u"link"_s).toString()));
            QVERIFY(reference.value(u"link"_s).toString().endsWith(reference.value(u"value"_s).toString()));
        }
    }
}

void TableReadTest::referenceLinkResolves()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=caller_id,assignment_group"_s);
    const QJsonObject record = resultOf(result).first().toObject();
    const QJsonObject caller = record.value(u"caller_id"_s).toObject();

    const HttpResult user = m_client->sendUrl("GET", QUrl(caller.value(u"link"_s).toString()));
    QCOMPARE(user.status, 200);
    QCOMPARE(user.json().object().value(u"result"_s).toObject().value(u"sys_id"_s).toString(), caller.value(u"value"_s).toString());

    const QJsonObject group = record.value(u"assignment_group"_s).toObject();
    QVERIFY(group.value(u"link"_s).toString().contains(u"/api/now/table/sys_user_group/"_s));
}

void TableReadTest::numbersAreSequential()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=number&sysparm_query=ORDERBYnumber"_s);
    const QJsonArray rows = resultOf(result);

    QCOMPARE(rows.size(), 500);
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).toObject().value(u"number"_s).toString(), u"INC%1"_s.arg(10001 + i, 7, 10, QLatin1Char('0')));
}

void TableReadTest::datesUseUtcFormat()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=100&sysparm_fields=opened_at,sys_created_on,closed_at"_s);
    const QRegularExpression datePattern(u"^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"_s);

    for (const QJsonValue &row : resultOf(result)) {
        const QJsonObject record = row.toObject();
        QVERIFY(datePattern.match(record.value(u"opened_at"_s).toString()).hasMatch());
        QCOMPARE(record.value(u"sys_created_on"_s).toString(), record.value(u"opened_at"_s).toString());
        const QString closedAt = record.value(u"closed_at"_s).toString();
        QVERIFY(closedAt.isEmpty() || datePattern.match(closedAt).hasMatch());
    }
}

void TableReadTest::sysIdsAreUniqueHex()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=sys_id"_s);
    const QRegularExpression hexPattern(u"^[0-9a-f]{32}$"_s);
    QSet<QString> seen;

    for (const QJsonValue &row : resultOf(result)) {
        const QString sysId = row.toObject().value(u"sys_id"_s).toString();
        QVERIFY2(hexPattern.match(sysId).hasMatch(), qPrintable(sysId));
        seen.insert(sysId);
    }
    QCOMPARE(seen.size(), 500);
}

void TableReadTest::stateUsesChoiceLabels()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_fields=state,priority&sysparm_display_value=true"_s);
    const QSet<QString> states = {u"New"_s, u"In Progress"_s, u"On Hold"_s, u"Resolved"_s, u"Closed"_s, u"Canceled"_s};
    const QSet<QString> priorities = {u"1 - Critical"_s, u"2 - High"_s, u"3 - Moderate"_s, u"4 - Low"_s, u"5 - Planning"_s};

    for (const QJsonValue &row : resultOf(result)) {
        QVERIFY(states.contains(row.toObject().value(u"state"_s).toString()));
        QVERIFY(priorities.contains(row.toObject().value(u"priority"_s).toString()));
    }
}

void TableReadTest::seedIsDeterministic()
{
    snowemu::Server other(snowemu::Options{});
    QVERIFY(other.start());
    TestClient otherClient(other.baseUrl());

    const QString path = u"/api/now/table/incident?sysparm_limit=20&sysparm_exclude_reference_link=true"_s;
    QCOMPARE(otherClient.get(path).body, m_client->get(path).body);
}

void TableReadTest::serverThreadServes()
{
    snowemu::Options options;
    options.incidents = 50;
    snowemu::ServerThread thread(options);
    QString error;
    const QUrl baseUrl = thread.start(&error);
    QVERIFY2(baseUrl.isValid(), qPrintable(error));

    TestClient client(baseUrl);
    const HttpResult result = client.get(u"/api/now/table/incident?sysparm_limit=1"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("X-Total-Count"), QByteArray("50"));
    QCOMPARE(thread.requestLog().size(), 1);
    QCOMPARE(thread.requestLog().first().path, u"/api/now/table/incident"_s);

    thread.setFaults(snowemu::Faults{.serverErrorBurst = 1});
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 503);
}

QTEST_GUILESS_MAIN(TableReadTest)
#include "tst_emulator_tableread.moc"
