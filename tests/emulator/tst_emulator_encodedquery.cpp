// The encoded query evaluator, checked over real HTTP against a small set of
// incidents whose fields the test controls.

#include "emulatortestclient.h"

#include <snowemu/server.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

class EncodedQueryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void query_data();
    void query();
    void orderByIsStableMultiKey();
    void nameValueFilter();
    void textSearchFindsWords();

private:
    QStringList keysFor(const QString &query, const QString &extra = QString());

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<TestClient> m_client;
};

void EncodedQueryTest::initTestCase()
{
    snowemu::Options options;
    options.incidents = 0;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
    m_client = std::make_unique<TestClient>(m_server->baseUrl());

    // The records are sent with sysparm_input_display_value=true, so their dates are in the
    // admin account's time zone, America/Los_Angeles, like the dateGenerate bounds:
    // "2016-02-01 00:00:00" is stored as 08:00:00 UTC.
    const QList<QByteArray> records = {
        R"({"short_description":"Alpha email outage","category":"software","impact":"1","urgency":"1","opened_at":"2016-01-10 08:00:00","caller_id":"Abel Tuter","description":"Mail server^down"})",
        R"({"short_description":"Beta VPN drops","category":"network","impact":"2","urgency":"2","opened_at":"2016-02-01 12:00:00","caller_id":"Beth Anglin"})",
        R"({"short_description":"Gamma printer jam","category":"hardware","impact":"3","urgency":"3","opened_at":"2016-03-15 00:00:00","caller_id":"Abel Tuter"})",
        R"({"short_description":"Delta database slow","category":"database","impact":"2","urgency":"3","opened_at":"2015-10-07 10:00:00","caller_id":"Fred Luddy"})",
        R"({"short_description":"epsilon email quota","category":"software","impact":"3","urgency":"2","opened_at":"2016-02-01 00:00:00","caller_id":"Beth Anglin"})",
        R"({"short_description":"Zeta created today","caller_id":"Fred Luddy"})",
    };
    for (const QByteArray &record : records) {
        const HttpResult result = m_client->sendJson("POST", u"/api/now/table/incident?sysparm_input_display_value=true"_s, record);
        QCOMPARE(result.status, 201);
    }
}

QStringList EncodedQueryTest::keysFor(const QString &query, const QString &extra)
{
    const QString path = u"/api/now/table/incident?sysparm_fields=short_description&sysparm_query="_s
        + QString::fromLatin1(QUrl::toPercentEncoding(query)) + extra;
    const HttpResult result = m_client->get(path);
    QStringList keys;
    for (const QJsonValue &row : result.json().object().value(u"result"_s).toArray())
        keys.append(row.toObject().value(u"short_description"_s).toString().section(u' ', 0, 0));
    return keys;
}

void EncodedQueryTest::query_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    const QStringList all = {u"Alpha"_s, u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("empty query") << QString() << all;
    QTest::newRow("equals") << u"category=software"_s << QStringList{u"Alpha"_s, u"epsilon"_s};
    QTest::newRow("equals ignores case") << u"category=SOFTWARE"_s << QStringList{u"Alpha"_s, u"epsilon"_s};
    QTest::newRow("not equals") << u"category!=software"_s << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"Zeta"_s};
    QTest::newRow("less") << u"impact<2"_s << QStringList{u"Alpha"_s};
    QTest::newRow("less or equal") << u"impact<=2"_s << QStringList{u"Alpha"_s, u"Beta"_s, u"Delta"_s};
    QTest::newRow("greater") << u"impact>2"_s << QStringList{u"Gamma"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("greater or equal") << u"impact>=2"_s << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("starts with") << u"short_descriptionSTARTSWITHbeta"_s << QStringList{u"Beta"_s};
    QTest::newRow("ends with") << u"short_descriptionENDSWITHslow"_s << QStringList{u"Delta"_s};
    QTest::newRow("like") << u"short_descriptionLIKEemail"_s << QStringList{u"Alpha"_s, u"epsilon"_s};
    QTest::newRow("not like") << u"short_descriptionNOT LIKEemail"_s << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"Zeta"_s};
    QTest::newRow("is empty") << u"descriptionISEMPTY"_s << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("is not empty") << u"descriptionISNOTEMPTY"_s << QStringList{u"Alpha"_s};
    QTest::newRow("in") << u"categoryINnetwork,hardware"_s << QStringList{u"Beta"_s, u"Gamma"_s};
    QTest::newRow("not in") << u"categoryNOT INnetwork,hardware"_s << QStringList{u"Alpha"_s, u"Delta"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("between numbers") << u"impactBETWEEN2@3"_s << QStringList{u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"epsilon"_s, u"Zeta"_s};
    QTest::newRow("between strings") << u"short_descriptionBETWEENb@e"_s << QStringList{u"Beta"_s, u"Delta"_s};
    QTest::newRow("between dateGenerate")
        << u"opened_atBETWEENjavascript:gs.dateGenerate('2016-01-01','00:00:00')@javascript:gs.dateGenerate('2016-02-15','end')"_s
        << QStringList{u"Alpha"_s, u"Beta"_s, u"epsilon"_s};
    QTest::newRow("between pysnow dateGenerate")
        << u"opened_atBETWEENjavascript:gs.dateGenerate(\"2016-02-01 00:00:00\")@javascript:gs.dateGenerate(\"2016-03-01 00:00:00\")"_s
        << QStringList{u"Beta"_s, u"epsilon"_s};
    QTest::newRow("UTC literal") << u"opened_at=2016-02-01 08:00:00"_s << QStringList{u"epsilon"_s};
    QTest::newRow("date before") << u"opened_at<2016-01-01 00:00:00"_s << QStringList{u"Delta"_s};
    QTest::newRow("date on today") << u"opened_atONToday@javascript:gs.daysAgoStart(0)@javascript:gs.daysAgoEnd(0)"_s
                                   << QStringList{u"Zeta"_s};
    QTest::newRow("date after days ago") << u"opened_at>javascript:gs.daysAgo(1)"_s << QStringList{u"Zeta"_s};
    QTest::newRow("relative greater") << u"opened_atRELATIVEGT@day@ago@2"_s << QStringList{u"Zeta"_s};
    QTest::newRow("before beginning of today") << u"opened_at<javascript:gs.beginningOfToday()"_s
                                               << QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s, u"Delta"_s, u"epsilon"_s};
    QTest::newRow("or") << u"category=software^ORcategory=network"_s << QStringList{u"Alpha"_s, u"Beta"_s, u"epsilon"_s};
    QTest::newRow("and") << u"category=software^impact=1"_s << QStringList{u"Alpha"_s};
    QTest::newRow("and with or") << u"impact=3^category=software^ORcategory=hardware"_s << QStringList{u"Gamma"_s, u"epsilon"_s};
    QTest::newRow("new query") << u"impact=1^NQimpact=3^category!=inquiry"_s << QStringList{u"Alpha"_s, u"Gamma"_s, u"epsilon"_s};
    QTest::newRow("dot-walk equals") << u"caller_id.name=Abel Tuter"_s << QStringList{u"Alpha"_s, u"Gamma"_s};
    QTest::newRow("dot-walk starts with") << u"caller_id.nameSTARTSWITHbeth"_s << QStringList{u"Beta"_s, u"epsilon"_s};
    QTest::newRow("reference by display value") << u"caller_id=Fred Luddy"_s << QStringList{u"Delta"_s, u"Zeta"_s};
    QTest::newRow("reference like") << u"caller_idLIKEanglin"_s << QStringList{u"Beta"_s, u"epsilon"_s};
    QTest::newRow("text search") << u"123TEXTQUERY321=printer"_s << QStringList{u"Gamma"_s};
    QTest::newRow("escaped caret") << u"description=Mail server^^down"_s << QStringList{u"Alpha"_s};
    QTest::newRow("EQ ends the query") << u"category=software^EQ^category=network"_s << QStringList{u"Alpha"_s, u"epsilon"_s};
    QTest::newRow("unknown field ignored") << u"no_such_field=1^category=hardware"_s << QStringList{u"Gamma"_s};
    QTest::newRow("unknown field in or") << u"impact=1^ORno_such_field=2"_s << QStringList{u"Alpha"_s};
    QTest::newRow("same as") << u"impactSAMEASurgency"_s << QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s, u"Zeta"_s};
    QTest::newRow("greater than field") << u"impactGT_FIELDurgency"_s << QStringList{u"epsilon"_s};
    QTest::newRow("anything") << u"categoryANYTHING"_s << all;
    QTest::newRow("dynamic me") << u"opened_byDYNAMIC90d1921e5f510100a9ad2572f2b477fe"_s << all;
    QTest::newRow("choice default") << u"category=inquiry"_s << QStringList{u"Zeta"_s};
}

void EncodedQueryTest::query()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);

    QCOMPARE(keysFor(query), expected);
}

void EncodedQueryTest::orderByIsStableMultiKey()
{
    QCOMPARE(keysFor(u"ORDERBYimpact^ORDERBYDESCshort_description"_s),
             QStringList({u"Alpha"_s, u"Delta"_s, u"Beta"_s, u"Zeta"_s, u"Gamma"_s, u"epsilon"_s}));
    QCOMPARE(keysFor(u"category=software^ORDERBYDESCopened_at"_s), QStringList({u"epsilon"_s, u"Alpha"_s}));
    QCOMPARE(keysFor(u"ORDERBYcaller_id^ORDERBYshort_description"_s),
             QStringList({u"Alpha"_s, u"Gamma"_s, u"Beta"_s, u"epsilon"_s, u"Delta"_s, u"Zeta"_s}));
}

void EncodedQueryTest::nameValueFilter()
{
    QCOMPARE(keysFor(QString(), u"&category=network"_s), QStringList{u"Beta"_s});
    QCOMPARE(keysFor(u"impact=2"_s, u"&category=Database"_s), QStringList{u"Delta"_s});
}

void EncodedQueryTest::textSearchFindsWords()
{
    QCOMPARE(keysFor(u"123TEXTQUERY321=email quota"_s), QStringList{u"epsilon"_s});
    QCOMPARE(keysFor(u"123TEXTQUERY321=nothing-matches"_s), QStringList());
}

QTEST_GUILESS_MAIN(EncodedQueryTest)
#include "tst_emulator_encodedquery.moc"
