// Tests of SchemaCache against the emulator's metadata tables.

#include "metadata/schemacache.h"

#include <snow/client.h>
#include <snowemu/server.h>

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class SchemaCacheTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void incidentInheritsTask();
    void fieldTypes_data();
    void fieldTypes();
    void unknownTableFails();
    void loadsOnce();

private:
    std::shared_ptr<const TableSchema> loadIncident();

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<SchemaCache> m_cache;
};

void SchemaCacheTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 10;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions clientOptions;
    clientOptions.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    clientOptions.useSsl = false;
    clientOptions.user = u"admin"_s;
    clientOptions.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(clientOptions);
    m_cache = std::make_unique<SchemaCache>(m_client.get());
}

std::shared_ptr<const TableSchema> SchemaCacheTest::loadIncident()
{
    if (auto schema = m_cache->cached(u"incident"_s))
        return schema;
    QSignalSpy loaded(m_cache.get(), &SchemaCache::schemaLoaded);
    if (!m_cache->schema(u"incident"_s) && !loaded.wait(10000))
        return nullptr;
    return m_cache->cached(u"incident"_s);
}

void SchemaCacheTest::incidentInheritsTask()
{
    const auto schema = loadIncident();
    QVERIFY(schema);
    QCOMPARE(schema->ancestry, (QStringList{u"incident"_s, u"task"_s}));
    QCOMPARE(schema->label, u"Incident"_s);
    QCOMPARE(schema->fields.size(), 106);
    QCOMPARE(schema->displayField(), u"number"_s);

    const FieldInfo *state = schema->field(u"state"_s);
    QVERIFY(state);
    QCOMPARE(state->definedOn, u"task"_s);
    QVERIFY(schema->choices.contains(u"state"_s));
    QCOMPARE(schema->choiceLabel(u"state"_s, u"1"_s), u"New"_s);
    QCOMPARE(schema->choiceLabel(u"state"_s, u"unknown"_s), u"unknown"_s);
}

void SchemaCacheTest::fieldTypes_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QString>("reference");

    QTest::newRow("caller") << u"caller_id"_s << FieldType::Reference << u"sys_user"_s;
    QTest::newRow("state") << u"state"_s << FieldType::Choice << QString();
    QTest::newRow("short description") << u"short_description"_s << FieldType::String << QString();
    QTest::newRow("active") << u"active"_s << FieldType::Boolean << QString();
    QTest::newRow("opened at") << u"opened_at"_s << FieldType::DateTime << QString();
    QTest::newRow("business duration") << u"business_duration"_s << FieldType::Duration << QString();
    QTest::newRow("comments") << u"comments"_s << FieldType::Journal << QString();
    QTest::newRow("reassignment count") << u"reassignment_count"_s << FieldType::Integer << QString();
    QTest::newRow("watch list") << u"watch_list"_s << FieldType::List << QString();
}

void SchemaCacheTest::fieldTypes()
{
    QFETCH(QString, field);
    QFETCH(FieldType, type);
    QFETCH(QString, reference);

    const auto schema = loadIncident();
    QVERIFY(schema);
    const FieldInfo *info = schema->field(field);
    QVERIFY2(info, qPrintable(field));
    QCOMPARE(info->type, type);
    QCOMPARE(info->referenceTable, reference);
    QVERIFY(!info->label.isEmpty());
}

void SchemaCacheTest::unknownTableFails()
{
    QSignalSpy failed(m_cache.get(), &SchemaCache::schemaFailed);
    QVERIFY(!m_cache->schema(u"no_such_table"_s));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), u"no_such_table"_s);
    QVERIFY(failed.first().at(1).value<snow::Error>().message().contains(u"no_such_table"));
}

void SchemaCacheTest::loadsOnce()
{
    m_cache->clear();
    m_server->clearRequestLog();
    QSignalSpy loaded(m_cache.get(), &SchemaCache::schemaLoaded);
    m_cache->load(u"incident"_s);
    m_cache->load(u"incident"_s);
    QVERIFY(m_cache->isLoading(u"incident"_s));
    QVERIFY(loaded.wait(10000));
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 1);
    // sys_db_object twice (incident, task), sys_dictionary, sys_choice.
    QCOMPARE(m_server->requestLog().size(), 4);
}

QTEST_GUILESS_MAIN(SchemaCacheTest)
#include "tst_schemacache.moc"
