// Tests of snow::ParamsBuilder: pysnow's type rules and the parameters each kind of
// request carries.

#include <snow/paramsbuilder.h>

#include <QtCore/QUrlQuery>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Property = snow::ParamsBuilder::Property;
using Kind = snow::ParamsBuilder::RequestKind;

Q_DECLARE_METATYPE(Property)
Q_DECLARE_METATYPE(Kind)

namespace {

QMap<QString, QString> items(const snow::ParamsBuilder &parameters, Kind kind)
{
    QMap<QString, QString> map;
    for (const auto &[key, value] : parameters.toUrlQuery(kind)->queryItems(QUrl::FullyDecoded))
        map.insert(key, value);
    return map;
}

} // namespace

class ParamsBuilderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void typeRules_data();
    void typeRules();
    void customOverridesSysparm();
    void kindsCarryTheirParameters_data();
    void kindsCarryTheirParameters();
    void invalidQueryBuilderFails();
    void copiesAreIndependent();
};

void ParamsBuilderTest::defaults()
{
    const snow::ParamsBuilder parameters;
    QCOMPARE(parameters.limit(), qint64(10000));
    QVERIFY(!parameters.offset().has_value());
    QCOMPARE(parameters.displayValue(), snow::ParamsBuilder::DisplayValue::False);
    QVERIFY(parameters.fields().isEmpty());
    QVERIFY(!parameters.error().isError());

    const QMap<QString, QString> list = items(parameters, Kind::List);
    QCOMPARE(list.keys(), QStringList{u"sysparm_limit"_s});
    QCOMPARE(list.value(u"sysparm_limit"_s), u"10000"_s);
}

void ParamsBuilderTest::typeRules_data()
{
    QTest::addColumn<Property>("property");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("limit int") << Property::Limit << QVariant(25) << true;
    QTest::newRow("limit long") << Property::Limit << QVariant(qint64(1) << 40) << true;
    QTest::newRow("limit bool") << Property::Limit << QVariant(true) << false;
    QTest::newRow("limit string") << Property::Limit << QVariant(u"25"_s) << false;
    QTest::newRow("limit double") << Property::Limit << QVariant(2.5) << false;
    QTest::newRow("offset int") << Property::Offset << QVariant(3) << true;
    QTest::newRow("offset bool") << Property::Offset << QVariant(false) << false;
    QTest::newRow("display bool") << Property::DisplayValue << QVariant(true) << true;
    QTest::newRow("display all") << Property::DisplayValue << QVariant(u"all"_s) << true;
    QTest::newRow("display other string") << Property::DisplayValue << QVariant(u"yes"_s) << false;
    QTest::newRow("display int") << Property::DisplayValue << QVariant(1) << false;
    QTest::newRow("fields list") << Property::Fields << QVariant(QStringList{u"a"_s}) << true;
    QTest::newRow("fields variant list") << Property::Fields << QVariant(QVariantList{u"a"_s, u"b"_s}) << true;
    QTest::newRow("fields with number") << Property::Fields << QVariant(QVariantList{u"a"_s, 2}) << false;
    QTest::newRow("fields string") << Property::Fields << QVariant(u"a,b"_s) << false;
    QTest::newRow("exclude bool") << Property::ExcludeReferenceLink << QVariant(true) << true;
    QTest::newRow("exclude string") << Property::ExcludeReferenceLink << QVariant(u"true"_s) << false;
    QTest::newRow("suppress bool") << Property::SuppressPaginationHeader << QVariant(true) << true;
    QTest::newRow("suppress int") << Property::SuppressPaginationHeader << QVariant(1) << false;
    QTest::newRow("no count bool") << Property::NoCount << QVariant(true) << true;
    QTest::newRow("view string") << Property::View << QVariant(u"mobile"_s) << true;
    QTest::newRow("view int") << Property::View << QVariant(3) << false;
    QTest::newRow("input display bool") << Property::InputDisplayValue << QVariant(true) << true;
    QTest::newRow("no domain bool") << Property::QueryNoDomain << QVariant(true) << true;
    QTest::newRow("query string") << Property::Query << QVariant(u"active=true"_s) << true;
    QTest::newRow("query map") << Property::Query << QVariant(QVariantMap{{u"active"_s, true}}) << true;
    QTest::newRow("query list") << Property::Query << QVariant(QStringList{u"a"_s}) << false;
    QTest::newRow("custom map") << Property::Custom << QVariant(QVariantMap{{u"foo"_s, u"bar"_s}}) << true;
    QTest::newRow("custom string") << Property::Custom << QVariant(u"foo=bar"_s) << false;
    QTest::newRow("invalid variant") << Property::Limit << QVariant() << false;
}

void ParamsBuilderTest::typeRules()
{
    QFETCH(Property, property);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);

    snow::ParamsBuilder parameters;
    const QMap<QString, QString> before = items(parameters, Kind::Custom);
    QCOMPARE(parameters.set(property, value), accepted);
    QCOMPARE(parameters.error().isError(), !accepted);
    if (!accepted) {
        QCOMPARE(parameters.error().kind(), snow::Error::InvalidUsage);
        QVERIFY(parameters.error().message().startsWith(u"ParamsBuilder: "));
        QCOMPARE(items(parameters, Kind::Custom), before);
    }
}

void ParamsBuilderTest::customOverridesSysparm()
{
    snow::ParamsBuilder parameters;
    parameters.setLimit(50);
    parameters.addCustom({{u"sysparm_limit"_s, 7}, {u"foo"_s, u"a b&c"_s}, {u"flag"_s, true}});
    const QMap<QString, QString> list = items(parameters, Kind::List);
    QCOMPARE(list.value(u"sysparm_limit"_s), u"7"_s);
    QCOMPARE(list.value(u"foo"_s), u"a b&c"_s);
    QCOMPARE(list.value(u"flag"_s), u"true"_s);
    QCOMPARE(parameters.customParameters().size(), 3);
}

void ParamsBuilderTest::kindsCarryTheirParameters_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QStringList>("expected");

    const QStringList reads = {u"sysparm_display_value"_s, u"sysparm_exclude_reference_link"_s, u"sysparm_fields"_s,
                               u"sysparm_query_no_domain"_s, u"sysparm_view"_s};
    QStringList list = reads + QStringList{u"sysparm_limit"_s, u"sysparm_no_count"_s, u"sysparm_offset"_s, u"sysparm_query"_s,
                                           u"sysparm_suppress_pagination_header"_s};
    list.sort();
    QStringList write = reads + QStringList{u"sysparm_input_display_value"_s};
    write.sort();
    QStringList custom = list + QStringList{u"sysparm_input_display_value"_s};
    custom.sort();

    QTest::newRow("list") << Kind::List << list;
    QTest::newRow("read") << Kind::Read << reads;
    QTest::newRow("write") << Kind::Write << write;
    QTest::newRow("delete") << Kind::Delete << QStringList{u"sysparm_query_no_domain"_s};
    QTest::newRow("custom") << Kind::Custom << custom;
}

void ParamsBuilderTest::kindsCarryTheirParameters()
{
    QFETCH(Kind, kind);
    QFETCH(QStringList, expected);

    snow::ParamsBuilder parameters;
    parameters.setQuery(u"active=true"_s);
    parameters.setOffset(20);
    parameters.setFields({u"number"_s, u"state"_s});
    parameters.setDisplayValue(snow::ParamsBuilder::DisplayValue::All);
    parameters.setExcludeReferenceLink(true);
    parameters.setSuppressPaginationHeader(true);
    parameters.setNoCount(true);
    parameters.setView(u"desktop"_s);
    parameters.setInputDisplayValue(true);
    parameters.setQueryNoDomain(true);

    const QMap<QString, QString> carried = items(parameters, kind);
    QCOMPARE(carried.keys(), expected);
    if (carried.contains(u"sysparm_fields"_s))
        QCOMPARE(carried.value(u"sysparm_fields"_s), u"number,state"_s);
    if (carried.contains(u"sysparm_display_value"_s))
        QCOMPARE(carried.value(u"sysparm_display_value"_s), u"all"_s);
}

void ParamsBuilderTest::invalidQueryBuilderFails()
{
    snow::ParamsBuilder parameters;
    parameters.setQuery(snow::QueryBuilder().field(u"active"_s).equals(u"true"_s).AND().field(u"number"_s));
    const snow::Result<QUrlQuery> query = parameters.toUrlQuery(Kind::List);
    QVERIFY(!query);
    QCOMPARE(query.error().kind(), snow::Error::QueryExpressionError);
    QVERIFY(parameters.toUrlQuery(Kind::Write));
}

void ParamsBuilderTest::copiesAreIndependent()
{
    snow::ParamsBuilder original;
    original.setLimit(5);
    snow::ParamsBuilder copy = original;
    copy.setLimit(9);
    copy.addCustom({{u"x"_s, 1}});
    QCOMPARE(original.limit(), qint64(5));
    QVERIFY(original.customParameters().isEmpty());
}

QTEST_GUILESS_MAIN(ParamsBuilderTest)
#include "tst_paramsbuilder.moc"
