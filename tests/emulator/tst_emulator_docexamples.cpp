// Compares the shape of the emulator's answers with the example bodies of the
// official REST documentation: the same keys, value types and nesting. Values are
// not compared. Skips when the shared reference folder is absent.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool isReference(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return value.isObject() && object.contains(u"link"_s) && object.contains(u"value"_s);
}

// Records (objects with a sys_id) may have more columns than the documented
// example, which comes from an older release; every other object must match exactly.
QString compareShapes(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    // An empty reference is written as "", so a reference and an empty string are one shape.
    if (isReference(expected) || isReference(actual)) {
        const bool compatible = (isReference(expected) || expected.toString().isEmpty()) && (isReference(actual) || actual.toString().isEmpty());
        return compatible ? QString() : path + u": reference expected on both sides"_s;
    }
    if (expected.type() != actual.type())
        return path + u": type %1 expected, got %2"_s.arg(int(expected.type())).arg(int(actual.type()));

    if (expected.isArray()) {
        const QJsonArray expectedArray = expected.toArray();
        const QJsonArray actualArray = actual.toArray();
        if (expectedArray.isEmpty() || actualArray.isEmpty())
            return expectedArray.isEmpty() == actualArray.isEmpty() ? QString() : path + u": empty and non-empty arrays"_s;
        return compareShapes(expectedArray.first(), actualArray.first(), path + u"[0]"_s);
    }

    if (expected.isObject()) {
        const QJsonObject expectedObject = expected.toObject();
        const QJsonObject actualObject = actual.toObject();
        for (auto it = expectedObject.begin(); it != expectedObject.end(); ++it) {
            if (!actualObject.contains(it.key()))
                return path + u'.' + it.key() + u": missing"_s;
            const QString difference = compareShapes(it.value(), actualObject.value(it.key()), path + u'.' + it.key());
            if (!difference.isEmpty())
                return difference;
        }
        if (!expectedObject.contains(u"sys_id"_s)) {
            for (auto it = actualObject.begin(); it != actualObject.end(); ++it) {
                if (!expectedObject.contains(it.key()))
                    return path + u'.' + it.key() + u": not in the example"_s;
            }
        }
    }
    return {};
}

} // namespace

class DocExamplesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exampleShape_data();
    void exampleShape();

private:
    HttpResult answerFor(const QString &example);
    HttpResult uploadAttachment();

    QJsonObject m_examples;
    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
    QString m_incidentId;
    QString m_attachmentId;
};

void DocExamplesTest::initTestCase()
{
    QFile file(QStringLiteral(SNOW_SHARED_DIR "/fixtures/real/servicenowdocs_rest_examples.json"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("The shared reference folder with the documentation examples is absent.");
    m_examples = QJsonDocument::fromJson(file.readAll()).object().value(u"examples"_s).toObject();
    QVERIFY(!m_examples.isEmpty());

    m_server = std::make_unique<snowemu::Server>(snowemu::Options{});
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
    m_incidentId = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=sys_id"_s)
                       .json()["result"_L1][0]["sys_id"_L1]
                       .toString();
    m_attachmentId = uploadAttachment().json()["result"_L1]["sys_id"_L1].toString();
    m_client->sendJson("POST", u"/api/now/attachment/%1/attributes"_s.arg(m_attachmentId), R"({"key":"example_key","value":"v"})");
}

HttpResult DocExamplesTest::uploadAttachment()
{
    return m_client->send("POST", u"/api/now/attachment/file?table_name=incident&table_sys_id=%1&file_name=Issue_screenshot"_s.arg(m_incidentId),
                          "jpeg bytes", {{"Content-Type", "image/jpeg"}});
}

void DocExamplesTest::exampleShape_data()
{
    QTest::addColumn<QString>("example");
    for (const QString &key : m_examples.keys())
        QTest::newRow(qPrintable(key)) << key;
}

HttpResult DocExamplesTest::answerFor(const QString &example)
{
    const QString incident = u"/api/now/table/incident/"_s + m_incidentId;
    const QString attributes = u"/api/now/attachment/%1/attributes"_s.arg(m_attachmentId);

    if (example.endsWith(u"Table - GET /now/table/{tableName}"))
        return m_client->get(u"/api/now/table/problem?sysparm_limit=1"_s);
    if (example.endsWith(u"Table - GET /now/table/{tableName}/{sys_id}"))
        return m_client->get(incident);
    if (example.endsWith(u"Table - PATCH /now/table/{tableName}/{sys_id}"))
        return m_client->sendJson("PATCH", incident, R"({"urgency":"1"})");
    if (example.endsWith(u"Table - PUT /now/table/{tableName}/{sys_id}"))
        return m_client->sendJson("PUT", incident, R"({"urgency":"2"})");
    if (example.endsWith(u"Table - POST /now/table/{tableName}"))
        return m_client->sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Unable to connect to office wifi"})");
    if (example.endsWith(u"Attachment - GET /now/attachment"))
        return m_client->get(u"/api/now/attachment?sysparm_limit=1"_s);
    if (example.endsWith(u"Attachment - GET /now/attachment/{sys_id}"))
        return m_client->get(u"/api/now/attachment/"_s + m_attachmentId);
    if (example.endsWith(u"Attachment - GET /now/attachment/{sys_id}/attributes"))
        return m_client->get(attributes);
    if (example.endsWith(u"Attachment - GET /now/attachment/{sys_id}/attributes/{attribute_key}"))
        return m_client->get(attributes + u"/example_key"_s);
    if (example.endsWith(u"Attachment - POST /now/attachment/{sys_id}/attributes"))
        return m_client->sendJson("POST", attributes, R"({"key":"another_key","value":"another_value"})");
    if (example.endsWith(u"Attachment - PUT /now/attachment/{sys_id}/attributes/{attribute_key}"))
        return m_client->sendJson("PUT", attributes + u"/example_key"_s, R"({"value":"new_value"})");
    if (example.endsWith(u"Attachment - POST /now/attachment/file"))
        return uploadAttachment();
    if (example.endsWith(u"Attachment - POST /now/attachment/upload")) {
        const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n"
                                "--b\r\nContent-Disposition: form-data; name=\"table_sys_id\"\r\n\r\n" + m_incidentId.toLatin1() + "\r\n"
                                "--b\r\nContent-Disposition: form-data; name=\"uploadFile\"; filename=\"banner.jpeg\"\r\n"
                                "Content-Type: image/jpeg\r\n\r\njpeg\r\n--b--\r\n";
        return m_client->send("POST", u"/api/now/attachment/upload"_s, body, {{"Content-Type", "multipart/form-data; boundary=b"}});
    }
    if (example.endsWith(u"Aggregate - GET /now/stats/{tableName}"))
        return m_client->get(u"/api/now/stats/incident?sysparm_avg_fields=business_stc,reassignment_count&sysparm_group_by=assignment_group"_s);
    if (example.startsWith(u"inbound-REST-API-rate-limiting.md")) {
        m_server->setFaults(snowemu::Faults{.rateLimitAfterRequests = 0});
        const HttpResult limited = m_client->get(u"/api/now/table/incident?sysparm_limit=1"_s);
        m_server->setFaults(snowemu::Faults());
        return limited;
    }
    if (example.startsWith(u"r_RESTOAuthExample.md")) {
        return m_client->send("POST", u"/oauth_token.do"_s, "grant_type=password&client_id=snowscope&client_secret=snowscope&username=admin&password=admin",
                              {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    return {};
}

void DocExamplesTest::exampleShape()
{
    QFETCH(QString, example);

    const HttpResult answer = answerFor(example);
    QVERIFY2(answer.status != 0, "The test does not know which request this example documents.");
    const QString difference = compareShapes(m_examples.value(example), QJsonValue(answer.json().object()), u"body"_s);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(DocExamplesTest)
#include "tst_emulator_docexamples.moc"
