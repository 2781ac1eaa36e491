// The cache of serialized Table API records: on its own (hits, stale stamps,
// least-recently-used eviction, the byte budget) and over HTTP, where cached
// responses must equal uncached ones and writes must show at once.

#include "emulatortestclient.h"

#include "api/recordcache.h"

#include <snowemu/server.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr snowemu::RowRef kRowA{0, 0};
constexpr snowemu::RowRef kRowB{0, 1};

QByteArray recordBytes(char fill, qsizetype size)
{
    return QByteArray(size, fill);
}

std::unique_ptr<snowemu::Server> startServer(int incidents, int recordCacheMegabytes)
{
    snowemu::Options options;
    options.incidents = incidents;
    options.recordCacheMegabytes = recordCacheMegabytes;
    auto server = std::make_unique<snowemu::Server>(options);
    QString error;
    if (!server->start(&error)) {
        qWarning("The emulator did not start: %s", qPrintable(error));
        return nullptr;
    }
    return server;
}

} // namespace

class RecordCacheTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void cacheFindsInsertedRecord();
    void cacheKeepsShapesApart();
    void cacheDropsStaleRecord_data();
    void cacheDropsStaleRecord();
    void cacheEvictsLeastRecentlyUsed();
    void cacheSkipsOversizedRecord();
    void disabledCacheStoresNothing();
    void clearRenumbersShapes();

    void cachedAnswerMatchesUncached_data();
    void cachedAnswerMatchesUncached();
    void warmReadHitsCache();
    void singleRecordMatchesList();
    void updateShowsAtOnce();
    void deleteShowsAtOnce();
    void insertShowsAtOnce();
    void journalShowsAtOnce();
    void referenceRenameShowsAtOnce_data();
    void referenceRenameShowsAtOnce();
    void smallBudgetStaysBounded();
    void disabledServerCachesNothing();
    void negativeBudgetFailsStart();

private:
    // The body of `pathAndQuery` from `server`, with its base URL written as the
    // cached server's, so bodies of two servers compare byte for byte.
    QByteArray bodyFrom(snowemu::Server &server, const QString &pathAndQuery, const QString &user = u"admin"_s);

    QJsonArray resultOf(snowemu::Server &server, const QString &pathAndQuery);

    std::unique_ptr<snowemu::Server> m_cached;
    std::unique_ptr<snowemu::Server> m_uncached;
    std::unique_ptr<snowemu::Server> m_writable;
};

void RecordCacheTest::initTestCase()
{
    m_cached = startServer(300, 256);
    QVERIFY(m_cached);
    m_uncached = startServer(300, 0);
    QVERIFY(m_uncached);
    m_writable = startServer(300, 256);
    QVERIFY(m_writable);
}

QByteArray RecordCacheTest::bodyFrom(snowemu::Server &server, const QString &pathAndQuery, const QString &user)
{
    TestClient client(server.baseUrl());
    client.setBasicAuth(user, user);
    const HttpResult result = client.get(pathAndQuery);
    if (result.status != 200)
        qWarning("GET %s answered %d", qPrintable(pathAndQuery), result.status);
    QByteArray body = result.body;
    return body.replace(server.baseUrl().toEncoded(), m_cached->baseUrl().toEncoded());
}

QJsonArray RecordCacheTest::resultOf(snowemu::Server &server, const QString &pathAndQuery)
{
    TestClient client(server.baseUrl());
    return client.get(pathAndQuery).json().object().value(u"result"_s).toArray();
}

void RecordCacheTest::cacheFindsInsertedRecord()
{
    snowemu::RecordCache cache(1024 * 1024);
    const int shape = cache.shapeId("incident");
    cache.insert(shape, kRowA, 0, 0, "{\"number\":\"INC0010001\"}");

    const QByteArrayView found = cache.find(shape, kRowA, 0, 0);
    QVERIFY(!found.isNull());
    QCOMPARE(found.toByteArray(), QByteArray("{\"number\":\"INC0010001\"}"));
    QVERIFY(cache.find(shape, kRowB, 0, 0).isNull());
    QCOMPARE(cache.hits(), 1u);
    QCOMPARE(cache.misses(), 1u);
}

void RecordCacheTest::cacheKeepsShapesApart()
{
    snowemu::RecordCache cache(1024 * 1024);
    const int values = cache.shapeId("incident values");
    const int displays = cache.shapeId("incident displays");
    QVERIFY(values != displays);
    QCOMPARE(cache.shapeId("incident values"), values);

    cache.insert(values, kRowA, 0, 0, "value bytes");
    cache.insert(displays, kRowA, 0, 0, "display bytes");

    QCOMPARE(cache.find(values, kRowA, 0, 0).toByteArray(), QByteArray("value bytes"));
    QCOMPARE(cache.find(displays, kRowA, 0, 0).toByteArray(), QByteArray("display bytes"));
}

void RecordCacheTest::cacheDropsStaleRecord_data()
{
    QTest::addColumn<quint64>("rowRevision");
    QTest::addColumn<quint64>("otherRowsStamp");

    QTest::newRow("row written") << quint64(7) << quint64(0);
    QTest::newRow("referenced row written") << quint64(0) << quint64(3);
}

void RecordCacheTest::cacheDropsStaleRecord()
{
    QFETCH(quint64, rowRevision);
    QFETCH(quint64, otherRowsStamp);

    snowemu::RecordCache cache(1024 * 1024);
    const int shape = cache.shapeId("incident");
    cache.insert(shape, kRowA, 0, 0, "old bytes");

    QVERIFY(cache.find(shape, kRowA, rowRevision, otherRowsStamp).isNull());
    QCOMPARE(cache.recordCount(), 0);
    QVERIFY(cache.find(shape, kRowA, 0, 0).isNull());
}

void RecordCacheTest::cacheEvictsLeastRecentlyUsed()
{
    // A budget of 1 MiB fills blocks of 64 KiB, so each record of 40,000 bytes has
    // a block of its own and the budget holds fewer than 32 of them.
    snowemu::RecordCache cache(1024 * 1024);
    const int shape = cache.shapeId("incident");
    for (int row = 0; row < 32; ++row) {
        cache.insert(shape, {0, row}, 0, 0, recordBytes(char('a' + row % 26), 40000));
        // Reading row 0 again and again keeps its block the most recently used.
        QVERIFY(!cache.find(shape, kRowA, 0, 0).isNull());
    }

    QVERIFY(cache.recordCount() < 32);
    QVERIFY(cache.usedBytes() <= cache.capacityBytes());
    QCOMPARE(cache.find(shape, kRowA, 0, 0).toByteArray(), recordBytes('a', 40000));
    QVERIFY(cache.find(shape, kRowB, 0, 0).isNull());
    QCOMPARE(cache.find(shape, {0, 31}, 0, 0).toByteArray(), recordBytes(char('a' + 31 % 26), 40000));
}

void RecordCacheTest::cacheSkipsOversizedRecord()
{
    // No record may take more than a quarter of the budget.
    snowemu::RecordCache cache(100000);
    const int shape = cache.shapeId("incident");
    cache.insert(shape, kRowA, 0, 0, recordBytes('a', 30000));
    cache.insert(shape, kRowB, 0, 0, recordBytes('b', 20000));

    QVERIFY(cache.find(shape, kRowA, 0, 0).isNull());
    QVERIFY(!cache.find(shape, kRowB, 0, 0).isNull());
}

void RecordCacheTest::disabledCacheStoresNothing()
{
    snowemu::RecordCache cache(0);
    QVERIFY(!cache.isEnabled());
    const int shape = cache.shapeId("incident");
    cache.insert(shape, kRowA, 0, 0, "bytes");

    QVERIFY(cache.find(shape, kRowA, 0, 0).isNull());
    QCOMPARE(cache.recordCount(), 0);
    QCOMPARE(cache.usedBytes(), 0);
}

void RecordCacheTest::clearRenumbersShapes()
{
    snowemu::RecordCache cache(1024 * 1024);
    const int shape = cache.shapeId("incident");
    cache.insert(shape, kRowA, 0, 0, "bytes");
    const quint64 generation = cache.generation();

    cache.clear();

    QVERIFY(cache.generation() != generation);
    QCOMPARE(cache.recordCount(), 0);
    QCOMPARE(cache.usedBytes(), 0);
    QVERIFY(cache.find(shape, kRowA, 0, 0).isNull());
}

void RecordCacheTest::cachedAnswerMatchesUncached_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("pathAndQuery");

    const QString incidents = u"/api/now/table/incident?sysparm_limit=200"_s;
    QTest::newRow("values") << u"admin"_s << incidents;
    QTest::newRow("display values") << u"admin"_s << incidents + u"&sysparm_display_value=true"_s;
    QTest::newRow("display all") << u"admin"_s << incidents + u"&sysparm_display_value=all"_s;
    QTest::newRow("display all without links")
        << u"admin"_s << incidents + u"&sysparm_display_value=all&sysparm_exclude_reference_link=true"_s;
    QTest::newRow("dot-walked fields")
        << u"admin"_s
        << incidents + u"&sysparm_fields=number,caller_id.name,caller_id.location.city,state&sysparm_display_value=all"_s;
    QTest::newRow("desktop view") << u"admin"_s << incidents + u"&sysparm_view=desktop"_s;
    QTest::newRow("other time zone") << u"reader"_s << incidents + u"&sysparm_display_value=all"_s;
    QTest::newRow("task rows of three tables") << u"admin"_s << u"/api/now/table/task?sysparm_display_value=all"_s;
    QTest::newRow("users") << u"admin"_s << u"/api/now/table/sys_user?sysparm_display_value=true"_s;
    QTest::newRow("offset page") << u"admin"_s << incidents + u"&sysparm_offset=150"_s;
}

void RecordCacheTest::cachedAnswerMatchesUncached()
{
    QFETCH(QString, user);
    QFETCH(QString, pathAndQuery);

    const QByteArray cold = bodyFrom(*m_cached, pathAndQuery, user);
    const QByteArray warm = bodyFrom(*m_cached, pathAndQuery, user);
    const QByteArray uncached = bodyFrom(*m_uncached, pathAndQuery, user);

    QVERIFY(cold.startsWith("{\"result\":[{"));
    QCOMPARE(warm, cold);
    QCOMPARE(warm, uncached);
}

void RecordCacheTest::warmReadHitsCache()
{
    const QString pathAndQuery = u"/api/now/table/incident?sysparm_limit=50&sysparm_fields=number,short_description"_s;
    bodyFrom(*m_cached, pathAndQuery);
    const snowemu::RecordCacheStatistics before = m_cached->recordCacheStatistics();

    bodyFrom(*m_cached, pathAndQuery);
    const snowemu::RecordCacheStatistics after = m_cached->recordCacheStatistics();

    QCOMPARE(after.hits - before.hits, 50u);
    QCOMPARE(after.misses, before.misses);
}

void RecordCacheTest::singleRecordMatchesList()
{
    const QJsonArray list = resultOf(*m_cached, u"/api/now/table/incident?sysparm_limit=1&sysparm_display_value=all"_s);
    QCOMPARE(list.size(), 1);
    const QString sysId = list.first()[u"sys_id"_s][u"value"_s].toString();

    TestClient client(m_cached->baseUrl());
    const QJsonObject single =
        client.get(u"/api/now/table/incident/"_s + sysId + u"?sysparm_display_value=all"_s).json().object().value(u"result"_s).toObject();

    QCOMPARE(single, list.first().toObject());
}

void RecordCacheTest::updateShowsAtOnce()
{
    const QString page = u"/api/now/table/incident?sysparm_limit=5&sysparm_fields=sys_id,short_description"_s;
    const QJsonArray before = resultOf(*m_writable, page);
    resultOf(*m_writable, page);
    const QString sysId = before.first()[u"sys_id"_s].toString();
    QVERIFY(!sysId.isEmpty());

    TestClient client(m_writable->baseUrl());
    const HttpResult patched =
        client.sendJson("PATCH", u"/api/now/table/incident/"_s + sysId, R"({"short_description":"Updated while cached"})");
    QCOMPARE(patched.status, 200);

    QCOMPARE(resultOf(*m_writable, page).first()[u"short_description"_s].toString(), u"Updated while cached"_s);
}

void RecordCacheTest::deleteShowsAtOnce()
{
    const QString page = u"/api/now/table/incident?sysparm_limit=5&sysparm_offset=20&sysparm_fields=sys_id"_s;
    const QJsonArray before = resultOf(*m_writable, page);
    resultOf(*m_writable, page);
    const QString sysId = before.first()[u"sys_id"_s].toString();

    TestClient client(m_writable->baseUrl());
    QCOMPARE(client.send("DELETE", u"/api/now/table/incident/"_s + sysId).status, 204);

    const QJsonArray after = resultOf(*m_writable, page);
    QCOMPARE(after.size(), 5);
    for (const QJsonValue &record : after)
        QVERIFY(record[u"sys_id"_s].toString() != sysId);
}

void RecordCacheTest::insertShowsAtOnce()
{
    const QString page = u"/api/now/table/incident?sysparm_query=short_descriptionSTARTSWITHInserted%20while&sysparm_fields=short_description"_s;
    QCOMPARE(resultOf(*m_writable, page).size(), 0);

    TestClient client(m_writable->baseUrl());
    QCOMPARE(client.sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Inserted while cached"})").status, 201);

    const QJsonArray after = resultOf(*m_writable, page);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first()[u"short_description"_s].toString(), u"Inserted while cached"_s);
}

void RecordCacheTest::journalShowsAtOnce()
{
    const QString page = u"/api/now/table/incident?sysparm_limit=3&sysparm_offset=40&sysparm_fields=sys_id,comments&sysparm_display_value=true"_s;
    const QJsonArray before = resultOf(*m_writable, page);
    resultOf(*m_writable, page);
    const QString sysId = before.first()[u"sys_id"_s].toString();
    QCOMPARE(before.first()[u"comments"_s].toString(), QString());

    TestClient client(m_writable->baseUrl());
    QCOMPARE(client.sendJson("PATCH", u"/api/now/table/incident/"_s + sysId, R"({"comments":"Seen at once"})").status, 200);

    QVERIFY(resultOf(*m_writable, page).first()[u"comments"_s].toString().contains(u"Seen at once"_s));
}

void RecordCacheTest::referenceRenameShowsAtOnce_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("displayObject");

    // The caller's name reaches an incident's bytes through the display value of
    // the reference, or through a dot-walk in any display mode.
    QTest::newRow("reference display value") << u"sysparm_fields=caller_id&sysparm_display_value=true"_s << u"caller_id"_s << true;
    QTest::newRow("dot-walked value") << u"sysparm_fields=caller_id.name"_s << u"caller_id.name"_s << false;
}

void RecordCacheTest::referenceRenameShowsAtOnce()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(bool, displayObject);

    const QString callerId =
        resultOf(*m_writable, u"/api/now/table/incident?sysparm_limit=1&sysparm_offset=60&sysparm_fields=caller_id"_s)
            .first()[u"caller_id"_s][u"value"_s]
            .toString();
    QVERIFY(!callerId.isEmpty());

    const QString page = u"/api/now/table/incident?sysparm_limit=1&sysparm_offset=60&"_s + query;
    resultOf(*m_writable, page);
    resultOf(*m_writable, page);

    const QString newName = u"Renamed for "_s + QString::fromLatin1(QTest::currentDataTag());
    TestClient client(m_writable->baseUrl());
    const QByteArray change = "{\"name\":\"" + newName.toUtf8() + "\"}";
    QCOMPARE(client.sendJson("PATCH", u"/api/now/table/sys_user/"_s + callerId, change).status, 200);

    const QJsonValue value = resultOf(*m_writable, page).first()[field];
    QCOMPARE(displayObject ? value[u"display_value"_s].toString() : value.toString(), newName);
}

void RecordCacheTest::smallBudgetStaysBounded()
{
    const std::unique_ptr<snowemu::Server> small = startServer(2000, 1);
    QVERIFY(small);
    const QString pathAndQuery = u"/api/now/table/incident?sysparm_limit=2000"_s;

    const QByteArray first = bodyFrom(*small, pathAndQuery);
    const QByteArray second = bodyFrom(*small, pathAndQuery);
    const snowemu::RecordCacheStatistics statistics = small->recordCacheStatistics();

    // The page is several megabytes; the cache keeps its newest records only.
    QVERIFY(first.size() > 4 * 1024 * 1024);
    QCOMPARE(second, first);
    QCOMPARE(statistics.capacityBytes, 1024 * 1024);
    QVERIFY(statistics.usedBytes <= statistics.capacityBytes);
    QVERIFY(statistics.records > 0);
    QVERIFY(statistics.records < 2000);
}

void RecordCacheTest::disabledServerCachesNothing()
{
    bodyFrom(*m_uncached, u"/api/now/table/incident?sysparm_limit=20"_s);
    bodyFrom(*m_uncached, u"/api/now/table/incident?sysparm_limit=20"_s);
    const snowemu::RecordCacheStatistics statistics = m_uncached->recordCacheStatistics();

    QCOMPARE(statistics.capacityBytes, 0);
    QCOMPARE(statistics.records, 0);
    QCOMPARE(statistics.hits, 0u);
}

void RecordCacheTest::negativeBudgetFailsStart()
{
    snowemu::Options options;
    options.recordCacheMegabytes = -1;
    snowemu::Server server(options);
    QString error;

    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(u"record cache"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(RecordCacheTest)
#include "tst_emulator_recordcache.moc"
