// Writing through the Table API: create, update, delete, errors, the incident data
// policy and business rule, the read-only account, the access rule and persistence.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TableWriteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void postCreatesRecord();
    void postedRecordIsListed();
    void putUpdatesFields();
    void patchIncrementsModCount();
    void deleteReturns204();
    void missingRecordReturns404();
    void unknownTableReturns400();
    void missingContentTypeReturns400();
    void invalidJsonReturns400();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void noResponseBodyHeader();
    void readerCannotWrite_data();
    void readerCannotWrite();
    void dataPolicyRejectsEmptyField_data();
    void dataPolicyRejectsEmptyField();
    void closeNeedsCloseCode();
    void closeWithCloseCodeSucceeds();
    void inputDisplayValueResolves();
    void priorityFollowsImpactUrgency();
    void commentsBecomeJournal();
    void readerPagesComeBackShort();
    void readerCannotGetHiddenIncident();
    void writesSurviveRestart();

private:
    QJsonObject resultObject(const HttpResult &result) const { return result.json().object().value(u"result"_s).toObject(); }
    QString firstIncidentSysId();

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TableWriteTest::initTestCase()
{
    m_server = std::make_unique<snowemu::Server>(snowemu::Options{});
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
}

QString TableWriteTest::firstIncidentSysId()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=sys_id&sysparm_query=active=true"_s);
    return result.json().object().value(u"result"_s).toArray().first().toObject().value(u"sys_id"_s).toString();
}

void TableWriteTest::postCreatesRecord()
{
    const HttpResult result = m_client->sendJson("POST", u"/api/now/table/incident"_s,
                                                 R"({"short_description":"Unable to connect to office wifi","unknown_field":"x"})");
    const QJsonObject record = resultObject(result);

    QCOMPARE(result.status, 201);
    QCOMPARE(record.value(u"short_description"_s).toString(), u"Unable to connect to office wifi"_s);
    QCOMPARE(record.value(u"number"_s).toString(), u"INC0010501"_s);
    QCOMPARE(record.value(u"state"_s).toString(), u"1"_s);
    QCOMPARE(record.value(u"sys_mod_count"_s).toString(), u"0"_s);
    QCOMPARE(record.value(u"sys_created_by"_s).toString(), u"admin"_s);
    QCOMPARE(record.value(u"sys_class_name"_s).toString(), u"incident"_s);
    QVERIFY(!record.contains(u"unknown_field"_s));
    QCOMPARE(QString::fromUtf8(result.header("Location")),
             m_server->baseUrl().toString() + u"/api/now/table/incident/"_s + record.value(u"sys_id"_s).toString());
}

void TableWriteTest::postedRecordIsListed()
{
    const HttpResult before = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);
    const HttpResult created = m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Listed later"})");
    const HttpResult after = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);
    const HttpResult found = m_client->get(u"/api/now/table/incident?sysparm_query=short_description=Listed later"_s);

    QCOMPARE(after.header("X-Total-Count").toInt(), before.header("X-Total-Count").toInt() + 1);
    QCOMPARE(found.json().object().value(u"result"_s).toArray().size(), 1);
    QCOMPARE(found.json().object().value(u"result"_s).toArray().first().toObject().value(u"sys_id"_s),
             resultObject(created).value(u"sys_id"_s));
}

void TableWriteTest::putUpdatesFields()
{
    const QString sysId = firstIncidentSysId();
    const HttpResult result = m_client->sendJson("PUT", u"/api/now/table/incident/"_s + sysId, R"({"short_description":"Replaced"})");
    const HttpResult reread = m_client->get(u"/api/now/table/incident/"_s + sysId);

    QCOMPARE(result.status, 200);
    QCOMPARE(resultObject(result).value(u"short_description"_s).toString(), u"Replaced"_s);
    QCOMPARE(resultObject(reread).value(u"short_description"_s).toString(), u"Replaced"_s);
    QCOMPARE(resultObject(reread).value(u"sys_updated_by"_s).toString(), u"admin"_s);
}

void TableWriteTest::patchIncrementsModCount()
{
    const QString sysId = firstIncidentSysId();
    const int before = resultObject(m_client->get(u"/api/now/table/incident/"_s + sysId)).value(u"sys_mod_count"_s).toString().toInt();
    const HttpResult result = m_client->sendJson("PATCH", u"/api/now/table/incident/"_s + sysId, R"({"description":"Patched"})");

    QCOMPARE(result.status, 200);
    QCOMPARE(resultObject(result).value(u"sys_mod_count"_s).toString().toInt(), before + 1);
    QCOMPARE(resultObject(result).value(u"description"_s).toString(), u"Patched"_s);
}

void TableWriteTest::deleteReturns204()
{
    const HttpResult created = m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"To delete"})");
    const QString sysId = resultObject(created).value(u"sys_id"_s).toString();

    const HttpResult deleted = m_client->send("DELETE", u"/api/now/table/incident/"_s + sysId);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_client->get(u"/api/now/table/incident/"_s + sysId).status, 404);
}

void TableWriteTest::missingRecordReturns404()
{
    const HttpResult result = m_client->get(u"/api/now/table/incident/0123456789abcdef0123456789abcdef"_s);
    const QJsonObject error = result.json().object().value(u"error"_s).toObject();

    QCOMPARE(result.status, 404);
    QCOMPARE(error.value(u"message"_s).toString(), u"No Record found"_s);
    QVERIFY(error.value(u"detail"_s).isString());
    QCOMPARE(result.json().object().value(u"status"_s).toString(), u"failure"_s);
}

void TableWriteTest::unknownTableReturns400()
{
    const HttpResult result = m_client->get(u"/api/now/table/no_such_table"_s);

    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().object().value(u"error"_s).toObject().value(u"message"_s).toString(), u"Invalid table no_such_table"_s);
}

void TableWriteTest::missingContentTypeReturns400()
{
    const HttpResult result = m_client->send("POST", u"/api/now/table/incident"_s, R"({"short_description":"x"})");

    QCOMPARE(result.status, 400);
    QVERIFY(result.json().object().contains(u"error"_s));
}

void TableWriteTest::invalidJsonReturns400()
{
    const HttpResult result = m_client->sendJson("POST", u"/api/now/table/incident"_s, "{not json");

    QCOMPARE(result.status, 400);
}

void TableWriteTest::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<bool>("onRecord");

    QTest::newRow("DELETE on the table") << QByteArray("DELETE") << false;
    QTest::newRow("PUT on the table") << QByteArray("PUT") << false;
    QTest::newRow("PATCH on the table") << QByteArray("PATCH") << false;
    QTest::newRow("POST on a record") << QByteArray("POST") << true;
}

void TableWriteTest::methodNotAllowed()
{
    QFETCH(QByteArray, verb);
    QFETCH(bool, onRecord);

    const QString path = onRecord ? u"/api/now/table/incident/"_s + firstIncidentSysId() : u"/api/now/table/incident"_s;
    const HttpResult result = m_client->sendJson(verb, path, "{}");
    QCOMPARE(result.status, 405);
}

void TableWriteTest::noResponseBodyHeader()
{
    const HttpResult result = m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Quiet"})",
                                                 {{"X-no-response-body", "true"}});

    QCOMPARE(result.status, 201);
    QVERIFY(result.body.isEmpty());
}

void TableWriteTest::readerCannotWrite_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<bool>("onRecord");

    QTest::newRow("POST") << QByteArray("POST") << false;
    QTest::newRow("PUT") << QByteArray("PUT") << true;
    QTest::newRow("PATCH") << QByteArray("PATCH") << true;
    QTest::newRow("DELETE") << QByteArray("DELETE") << true;
}

void TableWriteTest::readerCannotWrite()
{
    QFETCH(QByteArray, verb);
    QFETCH(bool, onRecord);

    TestClient reader(m_server->baseUrl());
    reader.setBasicAuth(u"reader"_s, u"reader"_s);
    const QString path = onRecord ? u"/api/now/table/incident/"_s + firstIncidentSysId() : u"/api/now/table/incident"_s;
    const HttpResult result = reader.sendJson(verb, path, R"({"short_description":"Nope"})");

    QCOMPARE(result.status, 403);
    QCOMPARE(result.body, QByteArray(R"({"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"})"));
}

void TableWriteTest::dataPolicyRejectsEmptyField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("label");

    QTest::newRow("caller") << QByteArray(R"({"caller_id":""})") << u"Caller"_s;
    QTest::newRow("short description") << QByteArray(R"({"short_description":""})") << u"Short description"_s;
}

void TableWriteTest::dataPolicyRejectsEmptyField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, label);

    const HttpResult result = m_client->sendJson("PATCH", u"/api/now/table/incident/"_s + firstIncidentSysId(), body);
    const QString detail = result.json().object().value(u"error"_s).toObject().value(u"detail"_s).toString();

    QCOMPARE(result.status, 403);
    QVERIFY2(detail.startsWith(u"Data Policy Exception"_s), qPrintable(detail));
    QVERIFY2(detail.contains(label), qPrintable(detail));
}

void TableWriteTest::closeNeedsCloseCode()
{
    const HttpResult created = m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Close me"})");
    const QString sysId = resultObject(created).value(u"sys_id"_s).toString();

    const HttpResult result = m_client->sendJson("PATCH", u"/api/now/table/incident/"_s + sysId, R"({"state":"7"})");
    QCOMPARE(result.status, 403);
    QCOMPARE(resultObject(m_client->get(u"/api/now/table/incident/"_s + sysId)).value(u"state"_s).toString(), u"1"_s);
}

void TableWriteTest::closeWithCloseCodeSucceeds()
{
    const HttpResult created = m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Close me properly"})");
    const QString sysId = resultObject(created).value(u"sys_id"_s).toString();

    const HttpResult result = m_client->sendJson("PATCH", u"/api/now/table/incident/"_s + sysId,
                                                 R"({"state":"7","close_code":"Solution provided","close_notes":"Fixed"})");
    const QJsonObject record = resultObject(result);

    QCOMPARE(result.status, 200);
    QCOMPARE(record.value(u"active"_s).toString(), u"false"_s);
    QCOMPARE(record.value(u"incident_state"_s).toString(), u"7"_s);
    QVERIFY(!record.value(u"closed_at"_s).toString().isEmpty());
}

void TableWriteTest::inputDisplayValueResolves()
{
    const HttpResult result = m_client->sendJson(
        "POST", u"/api/now/table/incident?sysparm_input_display_value=true&sysparm_display_value=true&sysparm_exclude_reference_link=true"_s,
        R"({"short_description":"By display value","caller_id":"Abel Tuter","state":"In Progress","assignment_group":"Network"})");
    const QJsonObject record = resultObject(result);

    QCOMPARE(result.status, 201);
    QCOMPARE(record.value(u"caller_id"_s).toString(), u"Abel Tuter"_s);
    QCOMPARE(record.value(u"state"_s).toString(), u"In Progress"_s);
    QCOMPARE(record.value(u"assignment_group"_s).toString(), u"Network"_s);
}

void TableWriteTest::priorityFollowsImpactUrgency()
{
    const HttpResult result = m_client->sendJson("POST", u"/api/now/table/incident"_s,
                                                 R"({"short_description":"Urgent","impact":"1","urgency":"2"})");

    QCOMPARE(resultObject(result).value(u"priority"_s).toString(), u"2"_s);
}

void TableWriteTest::commentsBecomeJournal()
{
    const HttpResult created = m_client->sendJson("POST", u"/api/now/table/incident"_s,
                                                  R"({"short_description":"Journal","comments":"First comment"})");
    const QString sysId = resultObject(created).value(u"sys_id"_s).toString();
    const HttpResult record = m_client->get(u"/api/now/table/incident/"_s + sysId + u"?sysparm_display_value=all&sysparm_fields=comments"_s);
    const QJsonObject comments = resultObject(record).value(u"comments"_s).toObject();

    QCOMPARE(comments.value(u"value"_s).toString(), QString());
    QVERIFY(comments.value(u"display_value"_s).toString().contains(u"First comment"_s));
    QVERIFY(comments.value(u"display_value"_s).toString().contains(u"(Additional comments)"_s));
}

void TableWriteTest::readerPagesComeBackShort()
{
    TestClient reader(m_server->baseUrl());
    reader.setBasicAuth(u"reader"_s, u"reader"_s);
    const QString path = u"/api/now/table/incident?sysparm_limit=100&sysparm_fields=number"_s;
    const HttpResult asAdmin = m_client->get(path);
    const HttpResult asReader = reader.get(path);

    QCOMPARE(asReader.status, 200);
    QCOMPARE(asReader.header("X-Total-Count"), asAdmin.header("X-Total-Count"));
    QCOMPARE(asAdmin.json().object().value(u"result"_s).toArray().size(), 100);
    QVERIFY(asReader.json().object().value(u"result"_s).toArray().size() < 100);
}

void TableWriteTest::readerCannotGetHiddenIncident()
{
    const HttpResult hidden = m_client->get(
        u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=sys_id&sysparm_query=assignment_group.name=Information Security"_s);
    const QString sysId = hidden.json().object().value(u"result"_s).toArray().first().toObject().value(u"sys_id"_s).toString();
    QVERIFY(!sysId.isEmpty());

    TestClient reader(m_server->baseUrl());
    reader.setBasicAuth(u"reader"_s, u"reader"_s);
    QCOMPARE(reader.get(u"/api/now/table/incident/"_s + sysId).status, 404);
    QCOMPARE(m_client->get(u"/api/now/table/incident/"_s + sysId).status, 200);
}

void TableWriteTest::writesSurviveRestart()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    snowemu::Options options;
    options.incidents = 20;
    options.databasePath = folder.filePath(u"demo.sqlite"_s);

    QString createdId;
    QString updatedId;
    QString deletedId;
    {
        snowemu::Server server(options);
        QVERIFY(server.start());
        TestClient client(server.baseUrl());
        createdId = resultObject(client.sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Persisted"})"))
                        .value(u"sys_id"_s)
                        .toString();
        const QJsonArray seeded = client.get(u"/api/now/table/incident?sysparm_limit=2&sysparm_fields=sys_id"_s)
                                      .json()
                                      .object()
                                      .value(u"result"_s)
                                      .toArray();
        updatedId = seeded.at(0).toObject().value(u"sys_id"_s).toString();
        deletedId = seeded.at(1).toObject().value(u"sys_id"_s).toString();
        QCOMPARE(client.sendJson("PATCH", u"/api/now/table/incident/"_s + updatedId, R"({"description":"Edited"})").status, 200);
        QCOMPARE(client.send("DELETE", u"/api/now/table/incident/"_s + deletedId).status, 204);
    }

    snowemu::Server restarted(options);
    QVERIFY(restarted.start());
    TestClient client(restarted.baseUrl());
    QCOMPARE(resultObject(client.get(u"/api/now/table/incident/"_s + createdId)).value(u"short_description"_s).toString(), u"Persisted"_s);
    QCOMPARE(resultObject(client.get(u"/api/now/table/incident/"_s + updatedId)).value(u"description"_s).toString(), u"Edited"_s);
    QCOMPARE(client.get(u"/api/now/table/incident/"_s + deletedId).status, 404);
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).header("X-Total-Count"), QByteArray("20"));
    QCOMPARE(resultObject(client.sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Next"})")).value(u"number"_s).toString(),
             u"INC0010022"_s);
}

QTEST_GUILESS_MAIN(TableWriteTest)
#include "tst_emulator_tablewrite.moc"
