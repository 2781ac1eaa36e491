// Encoded-query edits of the table browser: sorting, adding and removing conditions.

#include "browse/querytext.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class BrowseQueryTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortKeysReadOrdering_data();
    void sortKeysReadOrdering();
    void withSortReplacesOrdering_data();
    void withSortReplacesOrdering();
    void withoutOrderingKeepsFilter_data();
    void withoutOrderingKeepsFilter();
    void withConditionNarrowsAll_data();
    void withConditionNarrowsAll();
    void withoutConditionUndoes_data();
    void withoutConditionUndoes();
    void conditionsEscapeValues_data();
    void conditionsEscapeValues();
};

void BrowseQueryTextTest::sortKeysReadOrdering_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QList<bool>>("descending");

    QTest::newRow("empty") << QString() << QStringList() << QList<bool>();
    QTest::newRow("no ordering") << u"active=true"_s << QStringList() << QList<bool>();
    QTest::newRow("ascending") << u"active=true^ORDERBYnumber"_s << QStringList{u"number"_s} << QList<bool>{false};
    QTest::newRow("descending") << u"ORDERBYDESCsys_updated_on"_s << QStringList{u"sys_updated_on"_s} << QList<bool>{true};
    QTest::newRow("two keys") << u"priority=1^ORDERBYDESCpriority^ORDERBYnumber"_s << QStringList{u"priority"_s, u"number"_s}
                              << QList<bool>{true, false};
    QTest::newRow("ordering first") << u"ORDERBYnumber^active=true"_s << QStringList{u"number"_s} << QList<bool>{false};
}

void BrowseQueryTextTest::sortKeysReadOrdering()
{
    QFETCH(QString, query);
    QFETCH(QStringList, fields);
    QFETCH(QList<bool>, descending);

    const QList<querytext::SortKey> keys = querytext::sortKeys(query);
    QCOMPARE(keys.size(), fields.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QCOMPARE(keys.at(i).field, fields.at(i));
        QCOMPARE(keys.at(i).descending, descending.at(i));
    }
}

void BrowseQueryTextTest::withSortReplacesOrdering_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty query") << QString() << u"number"_s << false << u"ORDERBYnumber"_s;
    QTest::newRow("filter only") << u"active=true"_s << u"priority"_s << true << u"active=true^ORDERBYDESCpriority"_s;
    QTest::newRow("replaces order") << u"active=true^ORDERBYnumber"_s << u"number"_s << true
                                    << u"active=true^ORDERBYDESCnumber"_s;
    QTest::newRow("replaces two keys") << u"a=1^ORDERBYb^ORDERBYDESCc"_s << u"d"_s << false << u"a=1^ORDERBYd"_s;
    QTest::newRow("order moved last") << u"ORDERBYb^a=1"_s << u"b"_s << true << u"a=1^ORDERBYDESCb"_s;
    QTest::newRow("keeps OR and NQ") << u"a=1^ORa=2^NQb=3"_s << u"c"_s << false << u"a=1^ORa=2^NQb=3^ORDERBYc"_s;
    QTest::newRow("end marker stays last") << u"active=true^EQ"_s << u"number"_s << false << u"active=true^ORDERBYnumber^EQ"_s;
    QTest::newRow("keeps escaped caret") << u"short_descriptionLIKEa^^b"_s << u"number"_s << false
                                         << u"short_descriptionLIKEa^^b^ORDERBYnumber"_s;
}

void BrowseQueryTextTest::withSortReplacesOrdering()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(bool, descending);
    QFETCH(QString, expected);

    QCOMPARE(querytext::withSort(query, field, descending), expected);
}

void BrowseQueryTextTest::withoutOrderingKeepsFilter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ordering only") << u"ORDERBYnumber"_s << QString();
    QTest::newRow("filter and ordering") << u"active=true^ORDERBYDESCnumber"_s << u"active=true"_s;
    QTest::newRow("text search") << u"123TEXTQUERY321=email^ORDERBYnumber"_s << u"123TEXTQUERY321=email"_s;
}

void BrowseQueryTextTest::withoutOrderingKeepsFilter()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);

    QCOMPARE(querytext::withoutOrdering(query), expected);
}

void BrowseQueryTextTest::withConditionNarrowsAll_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty query") << QString() << u"state=2"_s << u"state=2"_s;
    QTest::newRow("empty condition") << u"active=true"_s << QString() << u"active=true"_s;
    QTest::newRow("before ordering") << u"active=true^ORDERBYnumber"_s << u"state=2"_s << u"active=true^state=2^ORDERBYnumber"_s;
    QTest::newRow("ordering only") << u"ORDERBYDESCnumber"_s << u"state=2"_s << u"state=2^ORDERBYDESCnumber"_s;
    QTest::newRow("after OR group") << u"priority=1^ORpriority=2"_s << u"active=true"_s << u"priority=1^ORpriority=2^active=true"_s;
    QTest::newRow("every NQ block") << u"a=1^NQb=2^ORDERBYc"_s << u"d=4"_s << u"a=1^d=4^NQb=2^d=4^ORDERBYc"_s;
    QTest::newRow("not twice") << u"state=2^ORDERBYnumber"_s << u"state=2"_s << u"state=2^ORDERBYnumber"_s;
    QTest::newRow("two terms") << u"a=1"_s << u"b=2^c=3"_s << u"a=1^b=2^c=3"_s;
}

void BrowseQueryTextTest::withConditionNarrowsAll()
{
    QFETCH(QString, query);
    QFETCH(QString, condition);
    QFETCH(QString, expected);

    QCOMPARE(querytext::withCondition(query, condition), expected);
}

void BrowseQueryTextTest::withoutConditionUndoes_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("expected");

    QTest::newRow("only term") << u"numberLIKE001"_s << u"numberLIKE001"_s << QString();
    QTest::newRow("last term") << u"active=true^numberLIKE001^ORDERBYnumber"_s << u"numberLIKE001"_s << u"active=true^ORDERBYnumber"_s;
    QTest::newRow("first term") << u"numberLIKE001^active=true"_s << u"numberLIKE001"_s << u"active=true"_s;
    QTest::newRow("absent") << u"active=true"_s << u"numberLIKE001"_s << u"active=true"_s;
    QTest::newRow("every NQ block") << u"a=1^d=4^NQb=2^d=4"_s << u"d=4"_s << u"a=1^NQb=2"_s;
    QTest::newRow("OR-joined stays") << u"a=1^ORd=4"_s << u"d=4"_s << u"a=1^ORd=4"_s;
    QTest::newRow("OR partner stays") << u"d=4^ORa=1"_s << u"d=4"_s << u"d=4^ORa=1"_s;
    QTest::newRow("emptied block matches all") << u"d=4^NQb=2"_s << u"d=4"_s << QString();
    QTest::newRow("keeps ordering") << u"d=4^ORDERBYDESCnumber"_s << u"d=4"_s << u"ORDERBYDESCnumber"_s;
    QTest::newRow("round trip") << querytext::withCondition(u"a=1^NQb=2^ORDERBYc"_s, u"123TEXTQUERY321=mail"_s)
                                << u"123TEXTQUERY321=mail"_s << u"a=1^NQb=2^ORDERBYc"_s;
}

void BrowseQueryTextTest::withoutConditionUndoes()
{
    QFETCH(QString, query);
    QFETCH(QString, condition);
    QFETCH(QString, expected);

    QCOMPARE(querytext::withoutCondition(query, condition), expected);
}

void BrowseQueryTextTest::conditionsEscapeValues_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("keywords") << u"text"_s << QString() << u" printer jam "_s << u"123TEXTQUERY321=printer jam"_s;
    QTest::newRow("keywords blank") << u"text"_s << QString() << u"   "_s << QString();
    QTest::newRow("keywords caret") << u"text"_s << QString() << u"a^b"_s << u"123TEXTQUERY321=a^^b"_s;
    QTest::newRow("contains") << u"like"_s << u"short_description"_s << u"disk"_s << u"short_descriptionLIKEdisk"_s;
    QTest::newRow("contains caret") << u"like"_s << u"number"_s << u"^NQactive=false"_s << u"numberLIKE^^NQactive=false"_s;
    QTest::newRow("contains blank") << u"like"_s << u"number"_s << QString() << QString();
    QTest::newRow("equals") << u"equals"_s << u"state"_s << u"2"_s << u"state=2"_s;
    QTest::newRow("equals empty") << u"equals"_s << u"assigned_to"_s << QString() << u"assigned_toISEMPTY"_s;
    QTest::newRow("equals caret") << u"equals"_s << u"short_description"_s << u"x^y"_s << u"short_description=x^^y"_s;
}

void BrowseQueryTextTest::conditionsEscapeValues()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QString condition;
    if (kind == u"text")
        condition = querytext::textSearchCondition(value);
    else if (kind == u"like")
        condition = querytext::containsCondition(field, value);
    else
        condition = querytext::equalsCondition(field, value);
    QCOMPARE(condition, expected);
}

QTEST_GUILESS_MAIN(BrowseQueryTextTest)
#include "tst_browse_querytext.moc"
