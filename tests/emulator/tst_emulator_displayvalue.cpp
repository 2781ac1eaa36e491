// Response shapes of the sysparm parameters: display values, reference links,
// dot-walked fields, views and the header switches.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class DisplayValueTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void referenceShape_data();
    void referenceShape();
    void displayAllWrapsEveryField();
    void emptyChoiceIsNullInAll();
    void displayNameMatchesUser();
    void dateDisplayUsesUserTimeZone();
    void dotWalkedFieldsAreFlat();
    void viewSelectsFields_data();
    void viewSelectsFields();
    void noCountOmitsTotal();
    void suppressPaginationOmitsLink();
    void nameValueFilterUsesLabels();
    void versionedPathsWork();

private:
    QJsonObject firstRecord(const QString &parameters);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
};

void DisplayValueTest::initTestCase()
{
    m_server = std::make_unique<snowemu::Server>(snowemu::Options{});
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
}

QJsonObject DisplayValueTest::firstRecord(const QString &parameters)
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_query=active=true%5Eassigned_toISNOTEMPTY&"_s + parameters);
    return result.json().object().value(u"result"_s).toArray().first().toObject();
}

void DisplayValueTest::referenceShape_data()
{
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QStringList>("referenceKeys");   // empty: the reference is a plain string
    QTest::addColumn<QString>("stateValue");

    QTest::newRow("values") << u"sysparm_display_value=false"_s << QStringList{u"link"_s, u"value"_s} << u"2"_s;
    QTest::newRow("values without links") << u"sysparm_exclude_reference_link=true"_s << QStringList() << u"2"_s;
    QTest::newRow("display values") << u"sysparm_display_value=true"_s << QStringList{u"display_value"_s, u"link"_s} << u"In Progress"_s;
    QTest::newRow("display values without links") << u"sysparm_display_value=true&sysparm_exclude_reference_link=true"_s << QStringList()
                                                  << u"In Progress"_s;
    QTest::newRow("all") << u"sysparm_display_value=all"_s << QStringList{u"display_value"_s, u"link"_s, u"value"_s} << QString();
    QTest::newRow("all without links") << u"sysparm_display_value=all&sysparm_exclude_reference_link=true"_s
                                       << QStringList{u"display_value"_s, u"value"_s} << QString();
}

void DisplayValueTest::referenceShape()
{
    QFETCH(QString, parameters);
    QFETCH(QStringList, referenceKeys);
    QFETCH(QString, stateValue);

    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=caller_id,state&sysparm_query=state=2&"_s
                                            + parameters);
    const QJsonObject record = result.json().object().value(u"result"_s).toArray().first().toObject();
    const QJsonValue caller = record.value(u"caller_id"_s);

    if (referenceKeys.isEmpty()) {
        QVERIFY(caller.isString());
    } else {
        QVERIFY(caller.isObject());
        QCOMPARE(caller.toObject().keys(), referenceKeys);
    }
    if (!stateValue.isEmpty())
        QCOMPARE(record.value(u"state"_s).toString(), stateValue);
}

void DisplayValueTest::displayAllWrapsEveryField()
{
    const QJsonObject record = firstRecord(u"sysparm_display_value=all"_s);

    QCOMPARE(record.size(), 106);
    for (auto it = record.begin(); it != record.end(); ++it) {
        QVERIFY2(it.value().isObject(), qPrintable(it.key()));
        const QJsonObject field = it.value().toObject();
        QVERIFY2(field.contains(u"display_value"_s), qPrintable(it.key()));
        QVERIFY2(field.value(u"value"_s).isString(), qPrintable(it.key()));
    }
    QCOMPARE(record.value(u"priority"_s).toObject().value(u"display_value"_s).toString().left(4), record.value(u"priority"_s).toObject().value(u"value"_s).toString() + u" - "_s);
}

void DisplayValueTest::emptyChoiceIsNullInAll()
{
    const HttpResult result = m_client->get(
        u"/api/now/table/incident?sysparm_limit=1&sysparm_display_value=all&sysparm_fields=close_code,short_description&sysparm_query=close_codeISEMPTY"_s);
    const QJsonObject record = result.json().object().value(u"result"_s).toArray().first().toObject();

    QVERIFY(record.value(u"close_code"_s).toObject().value(u"display_value"_s).isNull());
    QVERIFY(record.value(u"short_description"_s).toObject().value(u"display_value"_s).isString());
}

void DisplayValueTest::displayNameMatchesUser()
{
    const QJsonObject values = firstRecord(u"sysparm_fields=caller_id&sysparm_exclude_reference_link=true"_s);
    const QJsonObject display = firstRecord(u"sysparm_fields=caller_id&sysparm_exclude_reference_link=true&sysparm_display_value=true"_s);

    const HttpResult user = m_client->get(u"/api/now/table/sys_user/"_s + values.value(u"caller_id"_s).toString());
    QCOMPARE(display.value(u"caller_id"_s).toString(), user.json().object().value(u"result"_s).toObject().value(u"name"_s).toString());
}

void DisplayValueTest::dateDisplayUsesUserTimeZone()
{
    const QJsonObject record = firstRecord(u"sysparm_fields=opened_at&sysparm_display_value=all"_s);
    const QString value = record.value(u"opened_at"_s).toObject().value(u"value"_s).toString();
    const QString display = record.value(u"opened_at"_s).toObject().value(u"display_value"_s).toString();

    // The admin account is in America/Los_Angeles.
    QDateTime utc = QDateTime::fromString(value, u"yyyy-MM-dd HH:mm:ss"_s);
    utc.setTimeZone(QTimeZone::utc());
    const QString expected = utc.toTimeZone(QTimeZone("America/Los_Angeles")).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    QCOMPARE(display, expected);
    QVERIFY(display != value);
}

void DisplayValueTest::dotWalkedFieldsAreFlat()
{
    const QJsonObject record = firstRecord(u"sysparm_fields=number,caller_id,caller_id.name,caller_id.email,assignment_group.name"_s);
    const QString callerId = record.value(u"caller_id"_s).toObject().value(u"value"_s).toString();
    const QJsonObject user = m_client->get(u"/api/now/table/sys_user/"_s + callerId).json().object().value(u"result"_s).toObject();

    QCOMPARE(record.keys(), QStringList({u"assignment_group.name"_s, u"caller_id"_s, u"caller_id.email"_s, u"caller_id.name"_s, u"number"_s}));
    QCOMPARE(record.value(u"caller_id.name"_s).toString(), user.value(u"name"_s).toString());
    QCOMPARE(record.value(u"caller_id.email"_s).toString(), user.value(u"email"_s).toString());
    QVERIFY(!record.value(u"assignment_group.name"_s).toString().isEmpty());
}

void DisplayValueTest::viewSelectsFields_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<int>("fieldCount");

    QTest::newRow("mobile") << u"mobile"_s << 7;
    QTest::newRow("desktop") << u"desktop"_s << 20;
    QTest::newRow("both") << u"both"_s << 20;
    QTest::newRow("fields win over view") << u"mobile&sysparm_fields=number"_s << 1;
}

void DisplayValueTest::viewSelectsFields()
{
    QFETCH(QString, view);
    QFETCH(int, fieldCount);

    QCOMPARE(firstRecord(u"sysparm_view="_s + view).size(), fieldCount);
}

void DisplayValueTest::noCountOmitsTotal()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_no_count=true"_s);

    QCOMPARE(result.status, 200);
    QVERIFY(!result.hasHeader("X-Total-Count"));
    QVERIFY(result.hasHeader("Link"));
}

void DisplayValueTest::suppressPaginationOmitsLink()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_suppress_pagination_header=true"_s);

    QVERIFY(!result.hasHeader("Link"));
    QVERIFY(result.hasHeader("X-Total-Count"));
}

void DisplayValueTest::nameValueFilterUsesLabels()
{
    const HttpResult byLabel = m_client->get(u"/api/now/table/incident?sysparm_fields=state&state=Closed"_s);
    const HttpResult byValue = m_client->get(u"/api/now/table/incident?sysparm_fields=state&sysparm_query=state=7"_s);
    const QJsonArray rows = byLabel.json().object().value(u"result"_s).toArray();

    QVERIFY(!rows.isEmpty());
    QCOMPARE(byLabel.header("X-Total-Count"), byValue.header("X-Total-Count"));
    for (const QJsonValue &row : rows)
        QCOMPARE(row.toObject().value(u"state"_s).toString(), u"7"_s);
}

void DisplayValueTest::versionedPathsWork()
{
    QCOMPARE(m_client->get(u"/api/now/v2/table/incident?sysparm_limit=1"_s).status, 200);
    QCOMPARE(m_client->get(u"/api/now/v1/table/incident?sysparm_limit=1"_s).status, 200);
    QCOMPARE(m_client->get(u"/api/now/v2/table/incident?sysparm_query=number=nothing"_s).status, 200);
    QCOMPARE(m_client->get(u"/api/now/v1/table/incident?sysparm_query=number=nothing"_s).status, 404);
    QCOMPARE(m_client->get(u"/api/now/no_such_api"_s).status, 400);
}

QTEST_GUILESS_MAIN(DisplayValueTest)
#include "tst_emulator_displayvalue.moc"
