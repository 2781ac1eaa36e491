// Tests of snow::Client, Resource and Response over real HTTP against the emulator.

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

class ClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void firstPageOfIncidents();
    void recordsArriveBeforeFinished();
    void pagedFetchFollowsTotal_data();
    void pagedFetchFollowsTotal();
    void unlimitedFetchReadsEverything();
    void compressionOffOnLoopback();
    void compressedBodyMatches_data();
    void compressedBodyMatches();
    void equalityQuery();
    void fieldsSelection();
    void wrongPasswordIsHttpError();
    void missingRecordIsNotFound();
    void negativeOffsetIsBadRequest();
    void invalidClientOptions_data();
    void invalidClientOptions();
    void invalidPathFailsRequest_data();
    void invalidPathFailsRequest();
    void oneAndFirstHelpers();
    void abortFinishesOnce();

private:
    std::unique_ptr<snow::Client> makeClient(const QString &user = u"admin"_s, const QString &password = u"admin"_s) const;
    snow::Response *run(snow::Response *response) const;

    std::unique_ptr<snowemu::Server> m_server;
    int m_incidents = 321;
};

void ClientTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = m_incidents;
    m_server = std::make_unique<snowemu::Server>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void ClientTest::cleanup()
{
    m_server->setFaults(snowemu::Faults());
}

std::unique_ptr<snow::Client> ClientTest::makeClient(const QString &user, const QString &password) const
{
    snow::ClientOptions options;
    options.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    options.useSsl = false;
    options.user = user;
    options.password = password;
    return std::make_unique<snow::Client>(options);
}

snow::Response *ClientTest::run(snow::Response *response) const
{
    if (!response->waitForFinished(30000))
        qWarning("The response did not finish within 30 s");
    return response;
}

void ClientTest::firstPageOfIncidents()
{
    auto client = makeClient();
    QVERIFY(client->isValid());
    const snow::Resource incidents = client->resource(u"/table/incident"_s);
    QVERIFY(incidents.isValid());

    std::unique_ptr<snow::Response> response(run(incidents.get(snow::Query(), 20)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(response->httpStatus(), 200);
    QCOMPARE(response->records().size(), 20);
    QCOMPARE(response->totalCount(), qint64(m_incidents));
    QVERIFY(!response->header("Link").isEmpty());

    const snow::Record first = response->records().first();
    QVERIFY(first.value(u"number").startsWith(u"INC"));
    QCOMPARE(first.sysId().size(), 32);
    QVERIFY(first.hasLink(u"caller_id"));
    QVERIFY(first.link(u"caller_id").contains(u"/api/now/table/sys_user/"));
    QCOMPARE(first.size(), 106);
}

void ClientTest::recordsArriveBeforeFinished()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(snow::Query(), 0));
    QSignalSpy headers(response.get(), &snow::Response::headersReceived);
    QSignalSpy records(response.get(), &snow::Response::recordsReceived);
    QSignalSpy finished(response.get(), &snow::Response::finished);

    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(headers.count(), 1);
    QVERIFY(records.count() >= 1);

    qint64 received = 0;
    for (const QList<QVariant> &arguments : std::as_const(records))
        received += arguments.first().value<QList<snow::Record>>().size();
    QCOMPARE(received, qint64(m_incidents));

    // finished() is emitted once only, even after more event-loop turns.
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void ClientTest::pagedFetchFollowsTotal_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<qint64>("pageSize");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("expectedRecords");
    QTest::addColumn<int>("expectedPages");

    QTest::newRow("three pages") << qint64(250) << qint64(100) << qint64(0) << 250 << 3;
    QTest::newRow("exact pages") << qint64(200) << qint64(100) << qint64(0) << 200 << 2;
    QTest::newRow("limit beyond total") << qint64(1000) << qint64(100) << qint64(0) << m_incidents << 4;
    QTest::newRow("with offset") << qint64(100) << qint64(30) << qint64(300) << m_incidents - 300 << 1;
    QTest::newRow("single page") << qint64(50) << qint64(0) << qint64(10) << 50 << 1;
}

void ClientTest::pagedFetchFollowsTotal()
{
    QFETCH(qint64, limit);
    QFETCH(qint64, pageSize);
    QFETCH(qint64, offset);
    QFETCH(int, expectedRecords);
    QFETCH(int, expectedPages);

    auto client = makeClient();
    snow::GetOptions options;
    options.limit = limit;
    options.pageSize = pageSize;
    options.offset = offset;
    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).get(snow::Query(), options)));

    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(response->records().size(), expectedRecords);
    QCOMPARE(response->pageCount(), expectedPages);

    QSet<QString> sysIds;
    for (const snow::Record &record : response->records())
        sysIds.insert(record.sysId());
    QCOMPARE(sysIds.size(), expectedRecords);
}

void ClientTest::unlimitedFetchReadsEverything()
{
    auto client = makeClient();
    snow::GetOptions options;
    options.limit = 0;
    options.pageSize = 64;
    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).get(snow::Query(), options)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QCOMPARE(response->recordCount(), qint64(m_incidents));
    QCOMPARE(response->pageCount(), (m_incidents + 63) / 64);
}

void ClientTest::compressionOffOnLoopback()
{
    auto client = makeClient();
    QVERIFY(!client->isCompressionEnabled());

    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).get(snow::Query(), 5)));
    QVERIFY2(response->isSuccess(), qPrintable(response->error().toString()));
    QVERIFY(response->header("Content-Encoding").isEmpty());
}

void ClientTest::compressedBodyMatches_data()
{
    QTest::addColumn<snow::ParamsBuilder::DisplayValue>("displayValue");

    QTest::newRow("raw values") << snow::ParamsBuilder::DisplayValue::False;
    QTest::newRow("display values") << snow::ParamsBuilder::DisplayValue::True;
    QTest::newRow("both") << snow::ParamsBuilder::DisplayValue::All;
}

// A gzip body read by Qt's inflater gives the same records as the identity body.
void ClientTest::compressedBodyMatches()
{
    QFETCH(snow::ParamsBuilder::DisplayValue, displayValue);

    const auto fetchAll = [&](bool compression) {
        auto client = makeClient();
        client->setCompressionEnabled(compression);
        snow::Resource incidents = client->resource(u"/table/incident"_s);
        incidents.parameters().setDisplayValue(displayValue);
        snow::GetOptions options;
        options.limit = 0;
        options.pageSize = 200;
        return std::unique_ptr<snow::Response>(run(incidents.get(snow::QueryBuilder().field(u"sys_id"_s).orderAscending(), options)));
    };

    const std::unique_ptr<snow::Response> compressed = fetchAll(true);
    const std::unique_ptr<snow::Response> identity = fetchAll(false);
    QVERIFY2(compressed->isSuccess(), qPrintable(compressed->error().toString()));
    QVERIFY2(identity->isSuccess(), qPrintable(identity->error().toString()));
    QCOMPARE(compressed->header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(compressed->recordCount(), qint64(m_incidents));
    QCOMPARE(compressed->records(), identity->records());
}

void ClientTest::equalityQuery()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);

    std::unique_ptr<snow::Response> some(run(incidents.get(snow::Query(), 1)));
    QVERIFY(some->isSuccess());
    const QString number = some->records().first().value(u"number");

    std::unique_ptr<snow::Response> byPairs(run(incidents.get({{u"number"_s, number}})));
    QVERIFY2(byPairs->isSuccess(), qPrintable(byPairs->error().toString()));
    QCOMPARE(byPairs->records().size(), 1);
    QCOMPARE(byPairs->records().first().value(u"number"), number);

    std::unique_ptr<snow::Response> byBuilder(run(incidents.get(snow::QueryBuilder().field(u"number"_s).equals(number))));
    QCOMPARE(byBuilder->records().size(), 1);

    std::unique_ptr<snow::Response> none(run(incidents.get(u"number=INC9999999"_s)));
    QVERIFY(none->isSuccess());
    QCOMPARE(none->records().size(), 0);
    QCOMPARE(none->totalCount(), qint64(0));
}

void ClientTest::fieldsSelection()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(
        run(client->resource(u"/table/incident"_s).get(snow::Query(), 5, std::nullopt, {u"number"_s, u"state"_s})));
    QVERIFY(response->isSuccess());
    QCOMPARE(response->records().size(), 5);
    QCOMPARE(response->records().first().fieldNames(), (QStringList{u"number"_s, u"state"_s}));
}

void ClientTest::wrongPasswordIsHttpError()
{
    auto client = makeClient(u"admin"_s, u"wrong"_s);
    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).get()));
    QVERIFY(response->isFinished());
    QVERIFY(!response->isSuccess());
    QCOMPARE(response->error().kind(), snow::Error::HttpError);
    QCOMPARE(response->error().httpStatus(), 401);
    QCOMPARE(response->error().message(), u"User Not Authenticated"_s);
    QCOMPARE(response->error().detail(), u"Required to provide Auth information"_s);
    QVERIFY(!response->error().bodySample().isEmpty());
    QVERIFY(!response->error().toString().contains(u"wrong"));
}

void ClientTest::missingRecordIsNotFound()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).getRecord(u"0123456789abcdef0123456789abcdef"_s)));
    QCOMPARE(response->error().kind(), snow::Error::HttpError);
    QCOMPARE(response->error().httpStatus(), 404);
    QCOMPARE(response->error().message(), u"No Record found"_s);
}

void ClientTest::negativeOffsetIsBadRequest()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(run(client->resource(u"/table/incident"_s).get(snow::Query(), 10, -1)));
    QCOMPARE(response->error().httpStatus(), 400);
    QCOMPARE(response->error().message(), u"offset is -1"_s);
    QCOMPARE(response->error().detail(), u"Negative offset is not supported"_s);
}

void ClientTest::invalidClientOptions_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("useSsl");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("neither instance nor host") << QString() << QString() << u"u"_s << u"p"_s << true << u"instance name or a host"_s;
    QTest::newRow("both instance and host") << u"dev1"_s << u"h.example.com"_s << u"u"_s << u"p"_s << true << u"mutually exclusive"_s;
    QTest::newRow("instance with domain") << u"dev1.service-now.com"_s << QString() << u"u"_s << u"p"_s << true << u"instance"_s;
    QTest::newRow("host with scheme") << QString() << u"https://h.example.com"_s << u"u"_s << u"p"_s << true << u"host"_s;
    QTest::newRow("host with path") << QString() << u"h.example.com/api"_s << u"u"_s << u"p"_s << true << u"host"_s;
    QTest::newRow("missing user") << u"dev1"_s << QString() << QString() << u"p"_s << true << u"user"_s;
    QTest::newRow("missing password") << u"dev1"_s << QString() << u"u"_s << QString() << true << u"password"_s;
    QTest::newRow("http to remote host") << QString() << u"example.com"_s << u"u"_s << u"p"_s << false << u"loopback"_s;
}

void ClientTest::invalidClientOptions()
{
    QFETCH(QString, instance);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, useSsl);
    QFETCH(QString, messagePart);

    snow::ClientOptions options;
    options.instance = instance;
    options.host = host;
    options.user = user;
    options.password = password;
    options.useSsl = useSsl;
    snow::Client client(options);

    QVERIFY(!client.isValid());
    QCOMPARE(client.validationError().kind(), snow::Error::InvalidUsage);
    QVERIFY2(client.validationError().message().contains(messagePart), qPrintable(client.validationError().message()));

    std::unique_ptr<snow::Response> response(run(client.resource(u"/table/incident"_s).get()));
    QVERIFY(response->isFinished());
    QCOMPARE(response->error().kind(), snow::Error::InvalidUsage);
}

void ClientTest::invalidPathFailsRequest_data()
{
    QTest::addColumn<QString>("apiPath");
    QTest::newRow("no leading slash") << u"table/incident"_s;
    QTest::newRow("trailing slash") << u"/table/incident/"_s;
    QTest::newRow("empty segment") << u"/table//incident"_s;
    QTest::newRow("dot dot") << u"/table/../incident"_s;
    QTest::newRow("too short") << u"/a"_s;
    QTest::newRow("space") << u"/table/inc ident"_s;
    QTest::newRow("query") << u"/table/incident?x=1"_s;
}

void ClientTest::invalidPathFailsRequest()
{
    QFETCH(QString, apiPath);
    auto client = makeClient();
    const snow::Resource resource = client->resource(apiPath);
    QVERIFY(!resource.isValid());
    QVERIFY(resource.error().message().contains(u"Path validation failed"));

    std::unique_ptr<snow::Response> response(run(resource.get()));
    QCOMPARE(response->error().kind(), snow::Error::InvalidUsage);
}

void ClientTest::oneAndFirstHelpers()
{
    auto client = makeClient();
    const snow::Resource incidents = client->resource(u"/table/incident"_s);

    std::unique_ptr<snow::Response> many(run(incidents.get(snow::Query(), 3)));
    QCOMPARE(many->one().error().kind(), snow::Error::MultipleResults);
    QVERIFY(many->first());
    QCOMPARE(many->first()->sysId(), many->records().first().sysId());
    QCOMPARE(many->oneOrNone().error().kind(), snow::Error::MultipleResults);

    std::unique_ptr<snow::Response> none(run(incidents.get(u"number=NOPE"_s)));
    QCOMPARE(none->one().error().kind(), snow::Error::NoResults);
    QCOMPARE(none->first().error().kind(), snow::Error::NoResults);
    QVERIFY(!none->firstOrNone().has_value());
    QVERIFY(none->oneOrNone());
    QVERIFY(!none->oneOrNone()->has_value());
}

void ClientTest::abortFinishesOnce()
{
    auto client = makeClient();
    std::unique_ptr<snow::Response> response(client->resource(u"/table/incident"_s).get(snow::Query(), 0));
    QSignalSpy finished(response.get(), &snow::Response::finished);
    response->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(response->error().kind(), snow::Error::Aborted);
    response->abort();
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(ClientTest)
#include "tst_client.moc"
