// Tests of SnowCore's write calls, custom requests and request parameters, checked
// against what the emulator received.

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QStringList parameterNames(const snowemu::RequestRecord &request)
{
    QStringList names;
    for (const auto &[key, value] : QUrlQuery(request.query).queryItems(QUrl::FullyDecoded))
        names.append(key);
    names.sort();
    return names;
}

QString parameter(const snowemu::RequestRecord &request, const QString &name)
{
    return QUrlQuery(request.query).queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray header(const snowemu::RequestRecord &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

} // namespace

class RequestsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createReturnsRecord();
    void updateByQueryPatchesOne();
    void updateNeedsExactlyOne_data();
    void updateNeedsExactlyOne();
    void removeByQuery();
    void updateRecordSendsPayloadOnly();
    void customRequest();
    void parametersPerRequestKind_data();
    void parametersPerRequestKind();
    void resourceOverridesClientDefaults();
    void userInputStaysInItsParameter_data();
    void userInputStaysInItsParameter();
    void userAgentNamesSnowscope();
    void callerSuppliedNetworkManager();
    void readerCannotWrite();
    void displayValueShapes();

private:
    std::unique_ptr<snow::Client> makeClient(const QString &user = u"admin"_s) const;
    snow::Response *wait(snow::Response *response) const;
    snowemu::RequestRecord lastRequest() const;

    std::unique_ptr<snowemu::Server> m_server;
};

void RequestsTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 60;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void RequestsTest::init()
{
    m_server->clearRequestLog();
}

std::unique_ptr<snow::Client> RequestsTest::makeClient(const QString &user) const
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    options.useSsl = false;
    options.user = user;
    options.password = user;
    return std::make_unique<snow::Client>(options);
}

snow::Response *RequestsTest::wait(snow::Response *response) const
{
    response->waitForFinished(20000);
    return response;
}

snowemu::RequestRecord RequestsTest::lastRequest() const
{
    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    return log.isEmpty() ? snowemu::RequestRecord() : log.last();
}

void RequestsTest::createReturnsRecord()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    const QJsonObject payload{{u"short_description"_s, u"Printer on fire ^ now"_s}, {u"urgency"_s, u"1"_s},
                              {u"caller_id"_s, u"Abel Tuter"_s}};

    snow::Resource byDisplay = incidents;
    byDisplay.parameters().setInputDisplayValue(true);
    std::unique_ptr<snow::Response> response(wait(byDisplay.create(payload)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(response->httpStatus(), 201);
    QVERIFY(!response->header("Location").isEmpty());

    const snow::Record created = response->one().value();
    QCOMPARE(created.value(u"short_description"), u"Printer on fire ^ now"_s);
    QCOMPARE(created.value(u"sys_mod_count"), u"0"_s);
    QVERIFY(created.value(u"number").startsWith(u"INC"));

    const snowemu::RequestRecord request = lastRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), payload);
    QCOMPARE(header(request, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(parameterNames(request), QStringList{u"sysparm_input_display_value"_s});
}

void RequestsTest::updateByQueryPatchesOne()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> some(wait(incidents.get(snow::Query(), 1, 5)));
    const snow::Record target = some->records().first();
    m_server->clearRequestLog();

    std::unique_ptr<snow::Response> response(
        wait(incidents.update({{u"number"_s, target.value(u"number")}}, QJsonObject{{u"short_description"_s, u"Updated"_s}})));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    const snow::Record updated = response->one().value();
    QCOMPARE(updated.sysId(), target.sysId());
    QCOMPARE(updated.value(u"short_description"), u"Updated"_s);
    QCOMPARE(updated.value(u"sys_mod_count").toInt(), target.value(u"sys_mod_count").toInt() + 1);

    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).method, QByteArray("GET"));
    QCOMPARE(log.at(1).method, QByteArray("PATCH"));
    QCOMPARE(log.at(1).path, u"/api/now/table/incident/"_s + target.sysId());
    QCOMPARE(QJsonDocument::fromJson(log.at(1).body).object(), (QJsonObject{{u"short_description"_s, u"Updated"_s}}));
    QVERIFY(!parameterNames(log.at(1)).contains(u"sysparm_query"_s));
    QVERIFY(!parameterNames(log.at(1)).contains(u"sysparm_limit"_s));
}

void RequestsTest::updateNeedsExactlyOne_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("errorKind");
    QTest::newRow("no match") << u"number=INC9999999"_s << int(snow::Error::NoResults);
    QTest::newRow("many matches") << u"active=true^ORactive=false"_s << int(snow::Error::MultipleResults);
    QTest::newRow("empty query") << QString() << int(snow::Error::InvalidUsage);
}

void RequestsTest::updateNeedsExactlyOne()
{
    QFETCH(QString, query);
    QFETCH(int, errorKind);

    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> update(wait(incidents.update(query, QJsonObject{{u"state"_s, u"2"_s}})));
    QCOMPARE(int(update->error().kind()), errorKind);
    std::unique_ptr<snow::Response> remove(wait(incidents.remove(query)));
    QCOMPARE(int(remove->error().kind()), errorKind);

    for (const snowemu::RequestRecord &request : m_server->requestLog())
        QCOMPARE(request.method, QByteArray("GET"));
}

void RequestsTest::removeByQuery()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> created(wait(incidents.create(QJsonObject{{u"short_description"_s, u"To delete"_s},
                                                                              {u"caller_id"_s, u"62826bf03710200044e0bfc8bcbe5df1"_s}})));
    QVERIFY2(created->isSuccess(), qPrintable(created->error().toString()));
    const QString number = created->one()->value(u"number");

    std::unique_ptr<snow::Response> removed(wait(incidents.remove({{u"number"_s, number}})));
    QVERIFY2(removed->isSuccess(), qPrintable(removed->error().toString()));
    QCOMPARE(removed->httpStatus(), 204);
    QCOMPARE(lastRequest().method, QByteArray("DELETE"));

    std::unique_ptr<snow::Response> gone(wait(incidents.get({{u"number"_s, number}})));
    QCOMPARE(gone->records().size(), 0);
}

void RequestsTest::updateRecordSendsPayloadOnly()
{
    auto client = makeClient();
    snow::Resource incidents = client->resource(u"/table/incident"_s);
    incidents.parameters().setQuery(u"active=true"_s);
    incidents.parameters().setLimit(5);
    incidents.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::All);
    std::unique_ptr<snow::Response> some(wait(incidents.get(snow::Query(), 1)));
    const QString sysId = some->records().first().sysId();
    m_server->clearRequestLog();

    std::unique_ptr<snow::Response> patched(wait(incidents.updateRecord(sysId, QJsonObject{{u"impact"_s, u"2"_s}})));
    QVERIFY2(patched->isSuccess(), qPrintable(patched->error().toString()));
    QCOMPARE(patched->one()->displayValue(u"impact"), u"2 - Medium"_s);

    const snowemu::RequestRecord request = lastRequest();
    QCOMPARE(request.body, QByteArray(R"({"impact":"2"})"));
    QCOMPARE(parameterNames(request), QStringList{u"sysparm_display_value"_s});
}

void RequestsTest::customRequest()
{
    auto client = makeClient();
    const snow::Resource stats = client->resource(u"/stats/incident"_s);
    snow::Resource counting = stats;
    counting.parameters().addCustom({{u"sysparm_count"_s, true}});
    std::unique_ptr<snow::Response> response(wait(counting.request("GET")));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(response->one()->value(u"stats").contains(u"\"count\""));

    const snow::Resource table = client->resource(u"/table"_s);
    std::unique_ptr<snow::Response> custom(wait(table.request("get", u"incident"_s, {{"X-Custom", "yes"}})));
    QVERIFY2(custom->isSuccess(), qPrintable(custom->error().toString()));
    QCOMPARE(header(lastRequest(), "X-Custom"), QByteArray("yes"));
    QCOMPARE(lastRequest().path, u"/api/now/table/incident"_s);

    std::unique_ptr<snow::Response> invalid(wait(table.request("GET", u"../secret"_s)));
    QCOMPARE(invalid->error().kind(), snow::Error::InvalidUsage);
}

void RequestsTest::parametersPerRequestKind_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("list") << u"get"_s
                          << QStringList{u"sysparm_display_value"_s, u"sysparm_exclude_reference_link"_s, u"sysparm_fields"_s,
                                         u"sysparm_limit"_s, u"sysparm_no_count"_s, u"sysparm_offset"_s, u"sysparm_query"_s,
                                         u"sysparm_query_no_domain"_s, u"sysparm_suppress_pagination_header"_s,
                                         u"sysparm_view"_s};
    QTest::newRow("read one") << u"getRecord"_s
                              << QStringList{u"sysparm_display_value"_s, u"sysparm_exclude_reference_link"_s,
                                             u"sysparm_fields"_s, u"sysparm_query_no_domain"_s, u"sysparm_view"_s};
    QTest::newRow("patch") << u"updateRecord"_s
                           << QStringList{u"sysparm_display_value"_s, u"sysparm_exclude_reference_link"_s,
                                          u"sysparm_fields"_s, u"sysparm_input_display_value"_s,
                                          u"sysparm_query_no_domain"_s, u"sysparm_view"_s};
    QTest::newRow("delete") << u"removeRecord"_s << QStringList{u"sysparm_query_no_domain"_s};
}

void RequestsTest::parametersPerRequestKind()
{
    QFETCH(QString, call);
    QFETCH(QStringList, expected);

    auto client = makeClient();
    snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> some(wait(incidents.get(snow::Query(), 1, 10)));
    const QString sysId = some->records().first().sysId();
    m_server->clearRequestLog();

    snow::ParamsBuilder &parameters = incidents.parameters();
    parameters.setQuery(u"active=true"_s);
    parameters.setLimit(3);
    parameters.setOffset(1);
    parameters.setFields({u"number"_s, u"sys_id"_s});
    parameters.setDisplayValue(snow::ParamsBuilder::DisplayValue::All);
    parameters.setExcludeReferenceLink(true);
    parameters.setSuppressPaginationHeader(true);
    parameters.setNoCount(true);
    parameters.setView(u"desktop"_s);
    parameters.setInputDisplayValue(true);
    parameters.setQueryNoDomain(true);

    std::unique_ptr<snow::Response> response;
    if (call == u"get")
        response.reset(incidents.get());
    else if (call == u"getRecord")
        response.reset(incidents.getRecord(sysId));
    else if (call == u"updateRecord")
        response.reset(incidents.updateRecord(sysId, QJsonObject{{u"impact"_s, u"3"_s}}));
    else
        response.reset(incidents.removeRecord(sysId));
    wait(response.get());
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(parameterNames(lastRequest()), expected);
}

void RequestsTest::resourceOverridesClientDefaults()
{
    auto client = makeClient();
    client->parameters().setFields({u"number"_s});
    client->parameters().setLimit(4);
    const snow::Resource inherited = client->resource(u"/table/incident"_s);
    snow::Resource overridden = client->resource(u"/table/incident"_s);
    overridden.parameters().setFields({u"state"_s});

    std::unique_ptr<snow::Response> first(wait(inherited.get()));
    QCOMPARE(first->records().size(), 4);
    QCOMPARE(first->records().first().fieldNames(), QStringList{u"number"_s});

    std::unique_ptr<snow::Response> second(wait(overridden.get()));
    QCOMPARE(second->records().first().fieldNames(), QStringList{u"state"_s});

    // Changing the client afterwards does not change existing resources.
    client->parameters().setLimit(2);
    std::unique_ptr<snow::Response> third(wait(inherited.get()));
    QCOMPARE(third->records().size(), 4);
}

void RequestsTest::userInputStaysInItsParameter_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("caret") << u"printer^active=false"_s;
    QTest::newRow("ampersand") << u"a&sysparm_limit=1"_s;
    QTest::newRow("hash and plus") << u"C# + C++ #1"_s;
    QTest::newRow("percent") << u"100%25 done"_s;
    QTest::newRow("unicode") << u"Ünïcødé 😀"_s;
    QTest::newRow("or operator") << u"x^ORnumber=INC0010001"_s;
    QTest::newRow("new query") << u"x^NQactive=true"_s;
}

void RequestsTest::userInputStaysInItsParameter()
{
    QFETCH(QString, typed);
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);

    std::unique_ptr<snow::Response> byPairs(wait(incidents.get({{u"short_description"_s, typed}})));
    QVERIFY2(byPairs->isSuccess(), qPrintable(byPairs->error().toString()));
    QCOMPARE(byPairs->records().size(), 0);
    QCOMPARE(parameter(lastRequest(), u"sysparm_query"_s), u"short_description="_s + snow::QueryBuilder::escapeValue(typed));
    QCOMPARE(parameter(lastRequest(), u"sysparm_limit"_s), u"10000"_s);

    std::unique_ptr<snow::Response> byBuilder(wait(incidents.get(snow::QueryBuilder().field(u"short_description"_s).contains(typed))));
    QCOMPARE(byBuilder->records().size(), 0);
    QCOMPARE(parameter(lastRequest(), u"sysparm_query"_s), u"short_descriptionLIKE"_s + snow::QueryBuilder::escapeValue(typed));
}

void RequestsTest::userAgentNamesSnowscope()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(wait(client->resource(u"/table/incident"_s).get(snow::Query(), 1)));
    const QByteArray agent = header(lastRequest(), "User-Agent");
    QVERIFY2(agent.startsWith("Snowscope/"), agent.constData());
    QVERIFY(agent.contains("SnowCore/"));
    QCOMPARE(header(lastRequest(), "Accept"), QByteArray("application/json"));
}

void RequestsTest::callerSuppliedNetworkManager()
{
    QNetworkAccessManager network;
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    options.useSsl = false;
    options.networkAccessManager = &network;
    snow::Client client(options);
    QVERIFY(client.isValid());
    QCOMPARE(client.networkAccessManager(), &network);

    // Without credentials of its own, the request is the caller's to authenticate.
    std::unique_ptr<snow::Response> anonymous(wait(client.resource(u"/table/incident"_s).get(snow::Query(), 1)));
    QCOMPARE(anonymous->error().httpStatus(), 401);

    snow::ClientOptions both = options;
    both.user = u"admin"_s;
    both.password = u"admin"_s;
    snow::Client invalid(both);
    QVERIFY(!invalid.isValid());
}

void RequestsTest::readerCannotWrite()
{
    auto client = makeClient(u"reader"_s);
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    std::unique_ptr<snow::Response> response(wait(incidents.create(QJsonObject{{u"short_description"_s, u"x"_s}})));
    QCOMPARE(response->error().kind(), snow::Error::HttpError);
    QCOMPARE(response->error().httpStatus(), 403);
    QVERIFY(!response->error().message().isEmpty());
}

void RequestsTest::displayValueShapes()
{
    auto client = makeClient();
    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"state"_s, u"caller_id"_s};

    options.displayValue = snow::ParamsBuilder::DisplayValue::All;
    std::unique_ptr<snow::Response> all(wait(client->resource(u"/table/incident"_s).get(snow::Query(), options)));
    const snow::Record both = all->records().first();
    QVERIFY(both.hasDisplayValue(u"state"));
    QVERIFY(both.displayValue(u"state") != both.value(u"state"));
    QVERIFY(both.hasLink(u"caller_id"));

    options.displayValue = snow::ParamsBuilder::DisplayValue::True;
    options.excludeReferenceLink = true;
    std::unique_ptr<snow::Response> display(wait(client->resource(u"/table/incident"_s).get(snow::Query(), options)));
    const snow::Record shown = display->records().first();
    QCOMPARE(shown.kind(u"caller_id"), snow::FieldKind::String);
    QCOMPARE(shown.value(u"state"), both.displayValue(u"state"));
    QCOMPARE(shown.value(u"caller_id"), both.displayValue(u"caller_id"));
}

QTEST_GUILESS_MAIN(RequestsTest)
#include "tst_requests.moc"
