// The Attachment, Aggregate and OAuth APIs and the metadata tables.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

class OtherApisTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void uploadKeepsFileName_data();
    void uploadKeepsFileName();
    void downloadIsByteExact();
    void attachmentListFiltersByRecord();
    void multipartUpload();
    void multipartFileMustBeLast();
    void uploadErrors_data();
    void uploadErrors();
    void tooLargeUploadRejected();
    void deleteAttachment();
    void attachmentAttributes();

    void aggregateCount();
    void aggregateGroupBy();
    void aggregateAverages();
    void aggregateOrderAndHaving();

    void passwordGrant();
    void bearerTokenAuthenticates();
    void refreshGrantKeepsRefreshToken();
    void clientCredentialsGrant();
    void oauthErrors_data();
    void oauthErrors();
    void expiredTokenRejected();
    void pkceAuthorizationCode();

    void tableObjectsDescribeInheritance();
    void dictionaryStoresInheritedColumnsOnAncestor();
    void choicesAreListed();
    void taskListsChildRows();
    void attachmentSizeProperty();
    void currentUser();

private:
    QJsonObject result(const HttpResult &reply) const { return reply.json().object().value(u"result"_s).toObject(); }
    QJsonArray results(const HttpResult &reply) const { return reply.json().object().value(u"result"_s).toArray(); }
    HttpResult upload(const QString &fileName, const QByteArray &content, const QByteArray &contentType = "application/octet-stream");
    HttpResult token(const QByteArray &form);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
    QString m_incidentId;
};

void OtherApisTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 300;
    options.maxAttachmentBytes = 2 * 1024 * 1024;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());
    m_incidentId = results(m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_fields=sys_id"_s))
                       .first()
                       .toObject()
                       .value(u"sys_id"_s)
                       .toString();
}

HttpResult OtherApisTest::upload(const QString &fileName, const QByteArray &content, const QByteArray &contentType)
{
    const QString path = u"/api/now/attachment/file?table_name=incident&table_sys_id=%1&file_name=%2"_s.arg(
        m_incidentId, QString::fromLatin1(QUrl::toPercentEncoding(fileName)));
    return m_client->send("POST", path, content, {{"Content-Type", contentType}});
}

void OtherApisTest::uploadKeepsFileName_data()
{
    QTest::addColumn<QString>("fileName");

    QTest::newRow("plain") << u"report.txt"_s;
    QTest::newRow("spaces") << u"quarterly report final.pdf"_s;
    QTest::newRow("accents") << u"résumé café.docx"_s;
    QTest::newRow("emoji") << u"party 🎉.png"_s;
    QTest::newRow("quotes and ampersand") << u"say \"hi\" & 'bye'.txt"_s;
}

void OtherApisTest::uploadKeepsFileName()
{
    QFETCH(QString, fileName);
    const HttpResult created = upload(fileName, "content of " + fileName.toUtf8(), "text/plain");
    const QJsonObject metadata = result(created);

    QCOMPARE(created.status, 201);
    QCOMPARE(metadata.value(u"file_name"_s).toString(), fileName);
    QCOMPARE(QString::fromUtf8(created.header("Location")), metadata.value(u"download_link"_s).toString());

    const HttpResult file = m_client->sendUrl("GET", QUrl(metadata.value(u"download_link"_s).toString()));
    const QByteArray disposition = file.header("Content-Disposition");
    QVERIFY2(disposition.contains(QByteArray("filename*=UTF-8''" + QUrl::toPercentEncoding(fileName))), disposition.constData());
    const QJsonObject headerMetadata = QJsonDocument::fromJson(file.header("X-Attachment-Metadata")).object();
    QCOMPARE(headerMetadata.value(u"file_name"_s).toString(), fileName);
}

void OtherApisTest::downloadIsByteExact()
{
    QByteArray content(300 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &byte : content)
        byte = char(generator.bounded(256));

    const HttpResult created = upload(u"random.bin"_s, content, "application/octet-stream");
    const QJsonObject metadata = result(created);
    QCOMPARE(metadata.value(u"size_bytes"_s).toString(), QString::number(content.size()));
    QCOMPARE(metadata.value(u"hash"_s).toString(), QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(metadata.value(u"content_type"_s).toString(), u"application/octet-stream"_s);
    QCOMPARE(metadata.value(u"table_name"_s).toString(), u"incident"_s);
    QCOMPARE(metadata.value(u"table_sys_id"_s).toString(), m_incidentId);
    QCOMPARE(metadata.value(u"state"_s).toString(), u"available"_s);

    const HttpResult file = m_client->get(u"/api/now/attachment/%1/file"_s.arg(metadata.value(u"sys_id"_s).toString()));
    QCOMPARE(file.status, 200);
    QCOMPARE(file.header("Content-Type"), QByteArray("application/octet-stream"));
    QCOMPARE(file.body, content);
}

void OtherApisTest::attachmentListFiltersByRecord()
{
    upload(u"listed.txt"_s, "listed", "text/plain");
    const HttpResult list = m_client->get(u"/api/now/attachment?sysparm_query=table_sys_id=%1%5Efile_name=listed.txt"_s.arg(m_incidentId));
    const HttpResult none = m_client->get(u"/api/now/attachment?sysparm_query=table_sys_id=0123456789abcdef0123456789abcdef"_s);

    QCOMPARE(list.status, 200);
    QCOMPARE(results(list).size(), 1);
    QVERIFY(list.hasHeader("Link"));
    QCOMPARE(results(none).size(), 0);
}

void OtherApisTest::multipartUpload()
{
    const QByteArray boundary = "----snowscopeBoundary";
    QByteArray body;
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"table_sys_id\"\r\n\r\n" + m_incidentId.toLatin1() + "\r\n";
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadFile\"; filename=\"notes.txt\"\r\n"
                              "Content-Type: text/plain\r\n\r\nmultipart content\r\n";
    body += "--" + boundary + "--\r\n";

    const HttpResult created = m_client->send("POST", u"/api/now/attachment/upload"_s, body,
                                              {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    QCOMPARE(created.status, 201);
    QCOMPARE(result(created).value(u"file_name"_s).toString(), u"notes.txt"_s);
    QCOMPARE(result(created).value(u"content_type"_s).toString(), u"text/plain"_s);
    QCOMPARE(m_client->sendUrl("GET", QUrl(result(created).value(u"download_link"_s).toString())).body, QByteArray("multipart content"));
}

void OtherApisTest::multipartFileMustBeLast()
{
    const QByteArray boundary = "xyz";
    QByteArray body;
    body += "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nA\r\n";
    body += "--xyz\r\nContent-Disposition: form-data; name=\"table_name\"\r\n\r\nincident\r\n--xyz--\r\n";

    const HttpResult result = m_client->send("POST", u"/api/now/attachment/upload"_s, body,
                                             {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    QCOMPARE(result.status, 400);
}

void OtherApisTest::uploadErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");

    QTest::newRow("missing Content-Type") << u"table_name=incident&table_sys_id=%1&file_name=a.txt"_s << QByteArray() << 400;
    QTest::newRow("missing file name") << u"table_name=incident&table_sys_id=%1"_s << QByteArray("text/plain") << 400;
    QTest::newRow("missing record") << u"table_name=problem&table_sys_id=%1&file_name=a.txt"_s << QByteArray("text/plain") << 404;
}

void OtherApisTest::uploadErrors()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);

    RawHeaders headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const HttpResult reply = m_client->send("POST", u"/api/now/attachment/file?"_s + query.arg(m_incidentId), "x", headers);
    QCOMPARE(reply.status, status);
    QVERIFY(reply.json().object().contains(u"error"_s));
}

void OtherApisTest::tooLargeUploadRejected()
{
    const HttpResult reply = upload(u"big.bin"_s, QByteArray(2 * 1024 * 1024 + 1, 'x'));

    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json().object().value(u"error"_s).toObject().value(u"detail"_s).toString().contains(u"2097152"_s));
}

void OtherApisTest::deleteAttachment()
{
    const QString sysId = result(upload(u"gone.txt"_s, "bye", "text/plain")).value(u"sys_id"_s).toString();

    QCOMPARE(m_client->send("DELETE", u"/api/now/attachment/"_s + sysId).status, 204);
    QCOMPARE(m_client->get(u"/api/now/attachment/"_s + sysId).status, 404);
    QCOMPARE(m_client->get(u"/api/now/attachment/"_s + sysId + u"/file"_s).status, 404);
}

void OtherApisTest::attachmentAttributes()
{
    const QString base = u"/api/now/attachment/"_s + result(upload(u"attr.txt"_s, "a", "text/plain")).value(u"sys_id"_s).toString()
        + u"/attributes"_s;

    QCOMPARE(m_client->sendJson("POST", base, R"({"key":"color","value":"blue"})").status, 201);
    QCOMPARE(result(m_client->get(base + u"/color"_s)).value(u"value"_s).toString(), u"blue"_s);
    QCOMPARE(m_client->sendJson("PUT", base + u"/color"_s, R"({"value":"red"})").status, 200);
    QCOMPARE(results(m_client->get(base)).size(), 1);
    QCOMPARE(results(m_client->get(base)).first().toObject().value(u"value"_s).toString(), u"red"_s);
    QCOMPARE(m_client->send("DELETE", base + u"/color"_s).status, 204);
    QCOMPARE(results(m_client->get(base)).size(), 0);
}

void OtherApisTest::aggregateCount()
{
    const HttpResult reply = m_client->get(u"/api/now/stats/incident?sysparm_count=true"_s);
    const HttpResult active = m_client->get(u"/api/now/stats/incident?sysparm_count=true&sysparm_query=active=true"_s);
    const HttpResult listed = m_client->get(u"/api/now/table/incident?sysparm_limit=1&sysparm_query=active=true"_s);

    QCOMPARE(reply.status, 200);
    QCOMPARE(result(reply).value(u"stats"_s).toObject().value(u"count"_s).toString(), u"300"_s);
    QCOMPARE(result(active).value(u"stats"_s).toObject().value(u"count"_s).toString(), QString::fromLatin1(listed.header("X-Total-Count")));
}

void OtherApisTest::aggregateGroupBy()
{
    const HttpResult reply = m_client->get(u"/api/now/stats/incident?sysparm_count=true&sysparm_group_by=state&sysparm_display_value=true"_s);
    int total = 0;
    for (const QJsonValue &group : results(reply)) {
        const QJsonObject object = group.toObject();
        total += object.value(u"stats"_s).toObject().value(u"count"_s).toString().toInt();
        const QJsonObject field = object.value(u"groupby_fields"_s).toArray().first().toObject();
        QCOMPARE(field.value(u"field"_s).toString(), u"state"_s);
        QVERIFY(!field.value(u"display_value"_s).toString().isEmpty());
    }
    QCOMPARE(total, 300);
}

void OtherApisTest::aggregateAverages()
{
    const HttpResult reply = m_client->get(
        u"/api/now/stats/incident?sysparm_avg_fields=reassignment_count&sysparm_min_fields=priority&sysparm_max_fields=priority&sysparm_sum_fields=reassignment_count"_s);
    const QJsonObject stats = result(reply).value(u"stats"_s).toObject();
    const QString average = stats.value(u"avg"_s).toObject().value(u"reassignment_count"_s).toString();

    QVERIFY2(QRegularExpression(u"^\\d+\\.\\d{4}$"_s).match(average).hasMatch(), qPrintable(average));
    QCOMPARE(stats.value(u"min"_s).toObject().value(u"priority"_s).toString(), u"1"_s);
    QCOMPARE(stats.value(u"max"_s).toObject().value(u"priority"_s).toString(), u"5"_s);
    QCOMPARE(QString::number(stats.value(u"sum"_s).toObject().value(u"reassignment_count"_s).toString().toDouble() / 300.0, 'f', 4), average);
    QVERIFY(!stats.contains(u"count"_s));
}

void OtherApisTest::aggregateOrderAndHaving()
{
    const HttpResult reply = m_client->get(
        u"/api/now/stats/incident?sysparm_count=true&sysparm_group_by=priority&sysparm_order_by=COUNT%5EDESC&sysparm_having=count%5Epriority%5E%3E%5E10"_s);
    int previous = std::numeric_limits<int>::max();
    const QJsonArray groups = results(reply);
    QVERIFY(!groups.isEmpty());
    for (const QJsonValue &group : groups) {
        const int count = group.toObject().value(u"stats"_s).toObject().value(u"count"_s).toString().toInt();
        QVERIFY(count <= previous);
        QVERIFY(count > 10);
        previous = count;
    }
}

HttpResult OtherApisTest::token(const QByteArray &form)
{
    TestClient anonymous(m_server->baseUrl());
    anonymous.clearAuth();
    return anonymous.send("POST", u"/oauth_token.do"_s, form, {{"Content-Type", "application/x-www-form-urlencoded"}});
}

void OtherApisTest::passwordGrant()
{
    const HttpResult reply = token("grant_type=password&client_id=snowscope&client_secret=snowscope&username=admin&password=admin");
    const QJsonObject body = reply.json().object();

    QCOMPARE(reply.status, 200);
    QCOMPARE(body.keys(), QStringList({u"access_token"_s, u"expires_in"_s, u"refresh_token"_s, u"scope"_s, u"token_type"_s}));
    QCOMPARE(body.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(body.value(u"expires_in"_s).toInt(), 1799);
    QVERIFY(body.value(u"expires_in"_s).isDouble());
}

void OtherApisTest::bearerTokenAuthenticates()
{
    const QString accessToken = token("grant_type=password&client_id=snowscope&client_secret=snowscope&username=reader&password=reader")
                                    .json()
                                    .object()
                                    .value(u"access_token"_s)
                                    .toString();
    TestClient client(m_server->baseUrl());
    client.setBearerToken(accessToken);

    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);
    QCOMPARE(client.sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"x"})").status, 403);
    client.setBearerToken(u"not-a-token"_s);
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 401);
}

void OtherApisTest::refreshGrantKeepsRefreshToken()
{
    const QJsonObject first = token("grant_type=password&client_id=snowscope&client_secret=snowscope&username=admin&password=admin").json().object();
    const QString refreshToken = first.value(u"refresh_token"_s).toString();
    const HttpResult refreshed = token("grant_type=refresh_token&client_id=snowscope&client_secret=snowscope&refresh_token="
                                       + QUrl::toPercentEncoding(refreshToken));
    const QJsonObject second = refreshed.json().object();

    QCOMPARE(refreshed.status, 200);
    QCOMPARE(second.value(u"refresh_token"_s).toString(), refreshToken);
    QVERIFY(second.value(u"access_token"_s).toString() != first.value(u"access_token"_s).toString());
}

void OtherApisTest::clientCredentialsGrant()
{
    const HttpResult reply = token("grant_type=client_credentials&client_id=snowscope&client_secret=snowscope");

    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json().object().value(u"access_token"_s).toString().isEmpty());
    QVERIFY(!reply.json().object().contains(u"refresh_token"_s));
}

void OtherApisTest::oauthErrors_data()
{
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QTest::newRow("wrong client secret") << QByteArray("grant_type=password&client_id=snowscope&client_secret=x&username=admin&password=admin")
                                         << 401 << u"invalid_client"_s;
    QTest::newRow("wrong password") << QByteArray("grant_type=password&client_id=snowscope&client_secret=snowscope&username=admin&password=x")
                                    << 401 << u"invalid_grant"_s;
    QTest::newRow("unknown refresh token") << QByteArray("grant_type=refresh_token&client_id=snowscope&client_secret=snowscope&refresh_token=x")
                                           << 401 << u"invalid_grant"_s;
    QTest::newRow("unknown grant") << QByteArray("grant_type=magic&client_id=snowscope&client_secret=snowscope") << 400
                                   << u"unsupported_grant_type"_s;
}

void OtherApisTest::oauthErrors()
{
    QFETCH(QByteArray, form);
    QFETCH(int, status);
    QFETCH(QString, error);

    const HttpResult reply = token(form);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().object().value(u"error"_s).toString(), error);
    QVERIFY(reply.json().object().value(u"error_description"_s).isString());
}

void OtherApisTest::expiredTokenRejected()
{
    m_server->setTokenLifetimes(1, 1);
    const QJsonObject issued = token("grant_type=password&client_id=snowscope&client_secret=snowscope&username=admin&password=admin").json().object();
    m_server->setTokenLifetimes(1800, 8640000);

    TestClient client(m_server->baseUrl());
    client.setBearerToken(issued.value(u"access_token"_s).toString());
    QTest::qWait(2100);
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 401);
    const HttpResult refreshed = token("grant_type=refresh_token&client_id=snowscope&client_secret=snowscope&refresh_token="
                                       + QUrl::toPercentEncoding(issued.value(u"refresh_token"_s).toString()));
    QCOMPARE(refreshed.status, 401);
}

void OtherApisTest::pkceAuthorizationCode()
{
    const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const QByteArray challenge = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    TestClient anonymous(m_server->baseUrl());
    anonymous.clearAuth();

    const HttpResult authorize = anonymous.get(u"/oauth_auth.do?response_type=code&client_id=snowscope&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&state=xyz%20123&code_challenge="_s
                                               + QString::fromLatin1(challenge) + u"&code_challenge_method=S256"_s);
    QCOMPARE(authorize.status, 302);
    const QUrl location(QString::fromUtf8(authorize.header("Location")));
    QCOMPARE(location.toString(QUrl::RemoveQuery), u"http://127.0.0.1:5000/callback"_s);
    const QUrlQuery query(location);
    QCOMPARE(query.queryItemValue(u"state"_s, QUrl::FullyDecoded), u"xyz 123"_s);
    const QByteArray code = query.queryItemValue(u"code"_s).toLatin1();
    QVERIFY(!code.isEmpty());

    const QByteArray form = "grant_type=authorization_code&client_id=snowscope&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&code=" + code;
    const HttpResult wrong = token(form + "&code_verifier=wrong-verifier");
    QCOMPARE(wrong.status, 400);

    // A failed exchange uses the code up, so a fresh one is needed.
    const QUrl second(QString::fromUtf8(anonymous.get(u"/oauth_auth.do?response_type=code&client_id=snowscope&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&code_challenge="_s
                                                      + QString::fromLatin1(challenge) + u"&code_challenge_method=S256"_s)
                                            .header("Location")));
    const QByteArray secondCode = QUrlQuery(second).queryItemValue(u"code"_s).toLatin1();
    const HttpResult exchanged = token("grant_type=authorization_code&client_id=snowscope&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&code="
                                       + secondCode + "&code_verifier=" + verifier);
    QCOMPARE(exchanged.status, 200);
    QVERIFY(!exchanged.json().object().value(u"access_token"_s).toString().isEmpty());
}

void OtherApisTest::tableObjectsDescribeInheritance()
{
    const QJsonObject incident = results(m_client->get(u"/api/now/table/sys_db_object?sysparm_query=name=incident"_s)).first().toObject();
    const QJsonObject task = results(m_client->get(u"/api/now/table/sys_db_object?sysparm_query=name=task"_s)).first().toObject();

    QCOMPARE(incident.value(u"label"_s).toString(), u"Incident"_s);
    QCOMPARE(incident.value(u"super_class"_s).toObject().value(u"value"_s).toString(), task.value(u"sys_id"_s).toString());
    QCOMPARE(task.value(u"super_class"_s).toString(), QString());
    QCOMPARE(task.value(u"is_extendable"_s).toString(), u"true"_s);
}

void OtherApisTest::dictionaryStoresInheritedColumnsOnAncestor()
{
    const HttpResult incident = m_client->get(u"/api/now/table/sys_dictionary?sysparm_query=name=incident%5Eelement=number"_s);
    const HttpResult task = m_client->get(
        u"/api/now/table/sys_dictionary?sysparm_query=name=task%5Eelement=number&sysparm_exclude_reference_link=true"_s);
    const HttpResult caller = m_client->get(u"/api/now/table/sys_dictionary?sysparm_query=name=incident%5Eelement=caller_id"_s);

    QCOMPARE(results(incident).size(), 0);
    QCOMPARE(results(task).size(), 1);
    QCOMPARE(results(task).first().toObject().value(u"internal_type"_s).toString(), u"string"_s);
    const QJsonObject callerColumn = results(caller).first().toObject();
    QCOMPARE(callerColumn.value(u"internal_type"_s).toObject().value(u"value"_s).toString(), u"reference"_s);
    QCOMPARE(callerColumn.value(u"reference"_s).toObject().value(u"value"_s).toString(), u"sys_user"_s);
    QCOMPARE(callerColumn.value(u"mandatory"_s).toString(), u"true"_s);
    QCOMPARE(callerColumn.value(u"column_label"_s).toString(), u"Caller"_s);
}

void OtherApisTest::choicesAreListed()
{
    const HttpResult reply = m_client->get(u"/api/now/table/sys_choice?sysparm_query=name=incident%5Eelement=state%5EORDERBYsequence&sysparm_fields=value,label"_s);
    QStringList labels;
    for (const QJsonValue &choice : results(reply))
        labels.append(choice.toObject().value(u"label"_s).toString());

    QCOMPARE(labels, QStringList({u"New"_s, u"In Progress"_s, u"On Hold"_s, u"Resolved"_s, u"Closed"_s, u"Canceled"_s}));
}

void OtherApisTest::taskListsChildRows()
{
    const HttpResult tasks = m_client->get(u"/api/now/stats/task?sysparm_count=true&sysparm_group_by=sys_class_name"_s);
    QStringList classes;
    for (const QJsonValue &group : results(tasks))
        classes.append(group.toObject().value(u"groupby_fields"_s).toArray().first().toObject().value(u"value"_s).toString());
    QCOMPARE(classes, QStringList({u"change_request"_s, u"incident"_s, u"problem"_s}));

    const HttpResult list = m_client->get(u"/api/now/table/task?sysparm_limit=1&sysparm_query=sys_class_name=problem"_s);
    const QJsonObject problem = results(list).first().toObject();
    QVERIFY(problem.value(u"number"_s).toString().startsWith(u"PRB"_s));
    QVERIFY(!problem.contains(u"caller_id"_s));
    QCOMPARE(m_client->get(u"/api/now/table/task/"_s + m_incidentId).status, 200);
}

void OtherApisTest::attachmentSizeProperty()
{
    const HttpResult reply = m_client->get(u"/api/now/table/sys_properties?sysparm_query=name=com.glide.attachment.max_size"_s);

    QCOMPARE(results(reply).first().toObject().value(u"value"_s).toString(), u"2"_s);
}

void OtherApisTest::currentUser()
{
    TestClient reader(m_server->baseUrl());
    reader.setBasicAuth(u"reader"_s, u"reader"_s);
    const QJsonObject me = result(reader.get(u"/api/now/ui/user/current_user"_s));
    const QJsonArray users = results(reader.get(u"/api/now/table/sys_user?sysparm_query=user_name=reader"_s));

    QCOMPARE(me.value(u"user_name"_s).toString(), u"reader"_s);
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().toObject().value(u"sys_id"_s).toString(), me.value(u"user_sys_id"_s).toString());
}

QTEST_GUILESS_MAIN(OtherApisTest)
#include "tst_emulator_otherapis.moc"
