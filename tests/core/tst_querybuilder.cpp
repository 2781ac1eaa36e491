// Tests of snow::QueryBuilder and snow::Query: pysnow's chain encodings and errors,
// escaping, date-times in other time zones, and the round trip of encoded queries
// through fromString(), terms() and toString().

#include <snow/query.h>
#include <snow/querybuilder.h>

#include <QtCore/QTimeZone>
#include <QtTest/QTest>

#include <functional>

using namespace Qt::StringLiterals;

using Chain = std::function<void(snow::QueryBuilder &)>;
using Pairs = QList<std::pair<QString, QVariant>>;
Q_DECLARE_METATYPE(Chain)
Q_DECLARE_METATYPE(Pairs)

namespace {

using snow::QueryBuilder;
using Term = QueryBuilder::Term;
using Operator = QueryBuilder::Operator;

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
}

QString joinText(QueryBuilder::Join join)
{
    switch (join) {
    case QueryBuilder::Join::And:
        return u"^"_s;
    case QueryBuilder::Join::Or:
        return u"^OR"_s;
    case QueryBuilder::Join::NewQuery:
        return u"^NQ"_s;
    }
    return QString();
}

// One line per term, such as "^OR priority [=] 1" or "^ verbatim{EQ}". The first
// term's join is left out because toString() does not write it.
QStringList describe(const QList<Term> &terms)
{
    QStringList lines;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const Term &term = terms.at(i);
        QString line = i == 0 ? QString() : joinText(term.join) + u' ';
        switch (term.kind) {
        case Term::Kind::Condition:
            line += term.field + u" [" + QueryBuilder::operatorText(term.op) + u"] " + term.values.join(u'|');
            break;
        case Term::Kind::OrderBy:
            line += (term.descending ? u"order desc "_s : u"order "_s) + term.field;
            break;
        case Term::Kind::Verbatim:
            line += u"verbatim{" + term.text + u'}';
            break;
        }
        lines.append(line.trimmed());
    }
    return lines;
}

} // namespace

class QueryBuilderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chainEncoding_data();
    void chainEncoding();
    void chainErrors_data();
    void chainErrors();
    void invalidQueryEncodesEmpty();
    void firstErrorWins();
    void escapedValues_data();
    void escapedValues();
    void typedCaretAddsNoCondition();
    void keyValuePairs_data();
    void keyValuePairs();
    void keyValueErrors_data();
    void keyValueErrors();
    void dateTimeZones_data();
    void dateTimeZones();
    void betweenDateZones();
    void roundTrip_data();
    void roundTrip();
    void parsedValuesUnescaped_data();
    void parsedValuesUnescaped();
    void termsEncodeAlone_data();
    void termsEncodeAlone();
    void addTermContinuesChain();
    void hasOrderByDetection_data();
    void hasOrderByDetection();
    void emptyStringParsesEmpty();
};

void QueryBuilderTest::chainEncoding_data()
{
    QTest::addColumn<Chain>("chain");
    QTest::addColumn<QString>("expected");

    QTest::newRow("equals string") << Chain([](QueryBuilder &q) { q.field(u"number"_s).equals(u"INC0010001"_s); })
                                   << u"number=INC0010001"_s;
    QTest::newRow("equals list") << Chain([](QueryBuilder &q) { q.field(u"state"_s).equals(QStringList{u"1"_s, u"2"_s, u"3"_s}); })
                                 << u"stateIN1,2,3"_s;
    QTest::newRow("equals variant list") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).equals(QVariantList{1, u"2"_s}); })
                                         << u"priorityIN1,2"_s;
    QTest::newRow("equals empty string") << Chain([](QueryBuilder &q) { q.field(u"short_description"_s).equals(QString()); })
                                         << u"short_description="_s;
    QTest::newRow("equals empty list") << Chain([](QueryBuilder &q) { q.field(u"state"_s).equals(QStringList()); })
                                       << u"stateIN"_s;
    QTest::newRow("not equals string") << Chain([](QueryBuilder &q) { q.field(u"state"_s).notEquals(u"7"_s); })
                                       << u"state!=7"_s;
    QTest::newRow("not equals list") << Chain([](QueryBuilder &q) { q.field(u"state"_s).notEquals(QStringList{u"6"_s, u"7"_s}); })
                                     << u"stateNOT IN6,7"_s;
    QTest::newRow("starts with") << Chain([](QueryBuilder &q) { q.field(u"number"_s).startsWith(u"INC001"_s); })
                                 << u"numberSTARTSWITHINC001"_s;
    QTest::newRow("ends with") << Chain([](QueryBuilder &q) { q.field(u"short_description"_s).endsWith(u"down"_s); })
                               << u"short_descriptionENDSWITHdown"_s;
    QTest::newRow("contains") << Chain([](QueryBuilder &q) { q.field(u"short_description"_s).contains(u"email"_s); })
                              << u"short_descriptionLIKEemail"_s;
    QTest::newRow("not contains") << Chain([](QueryBuilder &q) { q.field(u"short_description"_s).notContains(u"test"_s); })
                                  << u"short_descriptionNOT LIKEtest"_s;
    QTest::newRow("is empty") << Chain([](QueryBuilder &q) { q.field(u"assigned_to"_s).isEmpty(); })
                              << u"assigned_toISEMPTY"_s;
    QTest::newRow("is not empty") << Chain([](QueryBuilder &q) { q.field(u"assigned_to"_s).isNotEmpty(); })
                                  << u"assigned_toISNOTEMPTY"_s;
    QTest::newRow("greater than int") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).greaterThan(1); })
                                      << u"priority>1"_s;
    QTest::newRow("greater or equal") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).greaterThanOrEqual(2); })
                                      << u"priority>=2"_s;
    QTest::newRow("less than") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).lessThan(3); })
                               << u"priority<3"_s;
    QTest::newRow("less or equal") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).lessThanOrEqual(4); })
                                   << u"priority<=4"_s;
    QTest::newRow("greater than int64") << Chain([](QueryBuilder &q) { q.field(u"size_bytes"_s).greaterThan(qint64(5000000000)); })
                                        << u"size_bytes>5000000000"_s;
    QTest::newRow("greater than double") << Chain([](QueryBuilder &q) { q.field(u"cost"_s).greaterThan(1.5); })
                                         << u"cost>1.5"_s;
    QTest::newRow("greater than date") << Chain([](QueryBuilder &q) { q.field(u"opened_at"_s).greaterThan(utc(2016, 2, 1)); })
                                       << u"opened_at>2016-02-01 00:00:00"_s;
    QTest::newRow("less than date") << Chain([](QueryBuilder &q) { q.field(u"opened_at"_s).lessThan(utc(2016, 2, 1, 13, 5, 9)); })
                                    << u"opened_at<2016-02-01 13:05:09"_s;
    QTest::newRow("between ints") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).between(1, 3); })
                                  << u"priorityBETWEEN1@3"_s;
    QTest::newRow("between dates")
        << Chain([](QueryBuilder &q) { q.field(u"sys_created_on"_s).between(utc(2016, 2, 1), utc(2016, 2, 10)); })
        << u"sys_created_onBETWEENjavascript:gs.dateGenerate(\"2016-02-01 00:00:00\")@javascript:gs.dateGenerate(\"2016-02-10 00:00:00\")"_s;
    QTest::newRow("order ascending") << Chain([](QueryBuilder &q) { q.field(u"number"_s).orderAscending(); })
                                     << u"ORDERBYnumber"_s;
    QTest::newRow("order descending") << Chain([](QueryBuilder &q) { q.field(u"sys_created_on"_s).orderDescending(); })
                                      << u"ORDERBYDESCsys_created_on"_s;
    QTest::newRow("and") << Chain([](QueryBuilder &q) { q.field(u"active"_s).equals(u"true"_s).AND().field(u"priority"_s).equals(u"1"_s); })
                         << u"active=true^priority=1"_s;
    QTest::newRow("or") << Chain([](QueryBuilder &q) { q.field(u"priority"_s).equals(u"1"_s).OR().field(u"priority"_s).equals(u"2"_s); })
                        << u"priority=1^ORpriority=2"_s;
    QTest::newRow("new query") << Chain([](QueryBuilder &q) { q.field(u"active"_s).equals(u"true"_s).NQ().field(u"priority"_s).equals(u"1"_s); })
                               << u"active=true^NQpriority=1"_s;
    QTest::newRow("condition then order") << Chain([](QueryBuilder &q) {
        q.field(u"active"_s).equals(u"true"_s).AND().field(u"number"_s).orderDescending();
    }) << u"active=true^ORDERBYDESCnumber"_s;
    QTest::newRow("dot-walk") << Chain([](QueryBuilder &q) { q.field(u"caller_id.name"_s).equals(u"Abel Tuter"_s); })
                              << u"caller_id.name=Abel Tuter"_s;
    QTest::newRow("header example") << Chain([](QueryBuilder &q) {
        q.field(u"number"_s).startsWith(u"INC0123"_s)
            .AND().field(u"sys_created_on"_s).between(utc(2024, 1, 1), utc(2024, 3, 1))
            .AND().field(u"sys_updated_on"_s).orderDescending();
    }) << u"numberSTARTSWITHINC0123^sys_created_onBETWEENjavascript:gs.dateGenerate(\"2024-01-01 00:00:00\")"
          "@javascript:gs.dateGenerate(\"2024-03-01 00:00:00\")^ORDERBYDESCsys_updated_on"_s;
    QTest::newRow("three joins") << Chain([](QueryBuilder &q) {
        q.field(u"active"_s).equals(u"true"_s)
            .AND().field(u"priority"_s).lessThanOrEqual(2)
            .OR().field(u"urgency"_s).equals(u"1"_s)
            .NQ().field(u"state"_s).equals(QStringList{u"6"_s, u"7"_s});
    }) << u"active=true^priority<=2^ORurgency=1^NQstateIN6,7"_s;
    QTest::newRow("added relative term") << Chain([](QueryBuilder &q) {
        Term term;
        term.field = u"sys_updated_on"_s;
        term.op = Operator::RelativeGreaterThan;
        term.values = {u"hour"_s, u"ago"_s, u"3"_s};
        q.addTerm(term);
    }) << u"sys_updated_onRELATIVEGT@hour@ago@3"_s;
    QTest::newRow("added verbatim term") << Chain([](QueryBuilder &q) {
        q.field(u"active"_s).equals(u"true"_s);
        Term term;
        term.kind = Term::Kind::Verbatim;
        term.text = u"123TEXTQUERY321=email"_s;
        q.addTerm(term);
    }) << u"active=true^123TEXTQUERY321=email"_s;
}

void QueryBuilderTest::chainEncoding()
{
    QFETCH(Chain, chain);
    QFETCH(QString, expected);

    QueryBuilder query;
    chain(query);
    QVERIFY2(query.isValid(), qPrintable(query.error().message()));
    QCOMPARE(query.toString(), expected);
}

void QueryBuilderTest::chainErrors_data()
{
    QTest::addColumn<Chain>("chain");
    QTest::addColumn<snow::Error::Kind>("kind");
    QTest::addColumn<QString>("messagePart");

    using K = snow::Error;
    const QDateTime date = utc(2024, 1, 1);

    QTest::newRow("nothing") << Chain([](QueryBuilder &) {}) << K::QueryEmpty << u"no condition"_s;
    QTest::newRow("field only") << Chain([](QueryBuilder &q) { q.field(u"active"_s); }) << K::QueryEmpty << u"no condition"_s;
    QTest::newRow("equals without field") << Chain([](QueryBuilder &q) { q.equals(u"x"_s); })
                                          << K::QueryMissingField << u"QueryBuilder::equals()"_s;
    QTest::newRow("starts with without field") << Chain([](QueryBuilder &q) { q.startsWith(u"x"_s); })
                                               << K::QueryMissingField << u"QueryBuilder::startsWith()"_s;
    QTest::newRow("is empty without field") << Chain([](QueryBuilder &q) { q.isEmpty(); })
                                            << K::QueryMissingField << u"QueryBuilder::isEmpty()"_s;
    QTest::newRow("order without field") << Chain([](QueryBuilder &q) { q.orderAscending(); })
                                         << K::QueryMissingField << u"QueryBuilder::orderAscending()"_s;
    QTest::newRow("order desc without field") << Chain([](QueryBuilder &q) { q.orderDescending(); })
                                              << K::QueryMissingField << u"QueryBuilder::orderDescending()"_s;
    QTest::newRow("between without field") << Chain([](QueryBuilder &q) { q.between(1, 2); })
                                           << K::QueryMissingField << u"QueryBuilder::between()"_s;
    QTest::newRow("empty field name") << Chain([](QueryBuilder &q) { q.field(QString()).equals(u"x"_s); })
                                      << K::QueryMissingField << u"QueryBuilder::field()"_s;
    QTest::newRow("caret in field name") << Chain([](QueryBuilder &q) { q.field(u"active=true^priority"_s).equals(u"1"_s); })
                                         << K::InvalidUsage << u"QueryBuilder::field()"_s;
    QTest::newRow("two conditions") << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(u"x"_s).equals(u"y"_s); })
                                    << K::QueryMultipleExpressions << u"QueryBuilder::equals()"_s;
    QTest::newRow("empty then contains") << Chain([](QueryBuilder &q) { q.field(u"a"_s).isEmpty().contains(u"x"_s); })
                                         << K::QueryMultipleExpressions << u"QueryBuilder::contains()"_s;
    QTest::newRow("order then condition") << Chain([](QueryBuilder &q) { q.field(u"a"_s).orderAscending().endsWith(u"x"_s); })
                                          << K::QueryMultipleExpressions << u"QueryBuilder::endsWith()"_s;
    QTest::newRow("equals int") << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(5); })
                                << K::QueryTypeError << u"QueryBuilder::equals()"_s;
    QTest::newRow("not equals bool") << Chain([](QueryBuilder &q) { q.field(u"a"_s).notEquals(true); })
                                     << K::QueryTypeError << u"QueryBuilder::notEquals()"_s;
    QTest::newRow("greater than string") << Chain([](QueryBuilder &q) { q.field(u"a"_s).greaterThan(u"5"_s); })
                                         << K::QueryTypeError << u"QueryBuilder::greaterThan()"_s;
    QTest::newRow("greater or equal string") << Chain([](QueryBuilder &q) { q.field(u"a"_s).greaterThanOrEqual(u"5"_s); })
                                             << K::QueryTypeError << u"QueryBuilder::greaterThanOrEqual()"_s;
    QTest::newRow("less than invalid") << Chain([](QueryBuilder &q) { q.field(u"a"_s).lessThan(QVariant()); })
                                       << K::QueryTypeError << u"QueryBuilder::lessThan()"_s;
    QTest::newRow("less or equal date") << Chain([](QueryBuilder &q) { q.field(u"a"_s).lessThanOrEqual(QDate(2024, 1, 1)); })
                                        << K::QueryTypeError << u"QueryBuilder::lessThanOrEqual()"_s;
    QTest::newRow("greater than invalid date") << Chain([](QueryBuilder &q) { q.field(u"a"_s).greaterThan(QDateTime()); })
                                               << K::QueryTypeError << u"invalid QDateTime"_s;
    QTest::newRow("between int and string") << Chain([](QueryBuilder &q) { q.field(u"a"_s).between(1, u"2"_s); })
                                            << K::QueryTypeError << u"QueryBuilder::between()"_s;
    QTest::newRow("between doubles") << Chain([](QueryBuilder &q) { q.field(u"a"_s).between(1.5, 2.5); })
                                     << K::QueryTypeError << u"QueryBuilder::between()"_s;
    QTest::newRow("between int and date") << Chain([date](QueryBuilder &q) { q.field(u"a"_s).between(1, date); })
                                          << K::QueryTypeError << u"QueryBuilder::between()"_s;
    QTest::newRow("between invalid date") << Chain([date](QueryBuilder &q) { q.field(u"a"_s).between(date, QDateTime()); })
                                          << K::QueryTypeError << u"invalid QDateTime"_s;
    QTest::newRow("type before field") << Chain([](QueryBuilder &q) { q.equals(5); })
                                       << K::QueryTypeError << u"QueryBuilder::equals()"_s;
    QTest::newRow("type before second condition")
        << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(u"x"_s).greaterThan(u"1"_s); })
        << K::QueryTypeError << u"QueryBuilder::greaterThan()"_s;
    QTest::newRow("and first") << Chain([](QueryBuilder &q) { q.AND(); })
                               << K::QueryExpressionError << u"QueryBuilder::AND()"_s;
    QTest::newRow("or after field") << Chain([](QueryBuilder &q) { q.field(u"a"_s).OR(); })
                                    << K::QueryExpressionError << u"QueryBuilder::OR()"_s;
    QTest::newRow("two new queries") << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(u"x"_s).NQ().NQ(); })
                                     << K::QueryExpressionError << u"QueryBuilder::NQ()"_s;
    QTest::newRow("trailing and") << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(u"x"_s).AND(); })
                                  << K::QueryMissingField << u"ends with a logical operator"_s;
    QTest::newRow("trailing field") << Chain([](QueryBuilder &q) { q.field(u"a"_s).equals(u"x"_s).AND().field(u"b"_s); })
                                    << K::QueryExpressionError << u"field(\"b\")"_s;
    QTest::newRow("added term without field") << Chain([](QueryBuilder &q) { q.addTerm(Term()); })
                                              << K::QueryMissingField << u"QueryBuilder::addTerm()"_s;
    QTest::newRow("added term with caret field") << Chain([](QueryBuilder &q) {
        Term term;
        term.field = u"a^b"_s;
        q.addTerm(term);
    }) << K::InvalidUsage << u"QueryBuilder::addTerm()"_s;
}

void QueryBuilderTest::chainErrors()
{
    QFETCH(Chain, chain);
    QFETCH(snow::Error::Kind, kind);
    QFETCH(QString, messagePart);

    QueryBuilder query;
    chain(query);
    QVERIFY(!query.isValid());
    QCOMPARE(query.error().kind(), kind);
    QVERIFY2(query.error().message().contains(messagePart), qPrintable(query.error().message()));
}

void QueryBuilderTest::invalidQueryEncodesEmpty()
{
    QueryBuilder query;
    query.field(u"a"_s).equals(u"x"_s).equals(u"y"_s);
    QCOMPARE(query.toString(), QString());

    const snow::Result<QString> encoded = snow::Query(query).encoded();
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().kind(), snow::Error::QueryMultipleExpressions);
}

void QueryBuilderTest::firstErrorWins()
{
    QueryBuilder query;
    query.field(u"a"_s).equals(5).AND().field(u"b"_s).equals(u"x"_s).equals(u"y"_s);
    QCOMPARE(query.error().kind(), snow::Error::QueryTypeError);
    QVERIFY(query.error().message().contains(u"QueryBuilder::equals()"));
    QCOMPARE(query.terms().size(), 0);
}

void QueryBuilderTest::escapedValues_data()
{
    QTest::addColumn<Chain>("chain");
    QTest::addColumn<QString>("expected");

    const QString value = u"a^b"_s;
    QTest::newRow("equals") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).equals(value); }) << u"f=a^^b"_s;
    QTest::newRow("not equals") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).notEquals(value); }) << u"f!=a^^b"_s;
    QTest::newRow("in") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).equals(QStringList{value, u"c"_s}); }) << u"fINa^^b,c"_s;
    QTest::newRow("not in") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).notEquals(QStringList{u"c"_s, value}); })
                            << u"fNOT INc,a^^b"_s;
    QTest::newRow("starts with") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).startsWith(value); }) << u"fSTARTSWITHa^^b"_s;
    QTest::newRow("ends with") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).endsWith(value); }) << u"fENDSWITHa^^b"_s;
    QTest::newRow("contains") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).contains(value); }) << u"fLIKEa^^b"_s;
    QTest::newRow("not contains") << Chain([value](QueryBuilder &q) { q.field(u"f"_s).notContains(value); }) << u"fNOT LIKEa^^b"_s;
    QTest::newRow("caret alone") << Chain([](QueryBuilder &q) { q.field(u"f"_s).equals(u"^"_s); }) << u"f=^^"_s;
    QTest::newRow("two carets") << Chain([](QueryBuilder &q) { q.field(u"f"_s).equals(u"^^"_s); }) << u"f=^^^^"_s;
    QTest::newRow("trailing caret then and") << Chain([](QueryBuilder &q) {
        q.field(u"f"_s).contains(u"x^"_s).AND().field(u"g"_s).equals(u"1"_s);
    }) << u"fLIKEx^^^g=1"_s;
    QTest::newRow("caret and or") << Chain([](QueryBuilder &q) { q.field(u"f"_s).equals(u"x^ORactive=false"_s); })
                                  << u"f=x^^ORactive=false"_s;
    QTest::newRow("caret and new query") << Chain([](QueryBuilder &q) { q.field(u"f"_s).equals(u"x^NQactive=false"_s); })
                                         << u"f=x^^NQactive=false"_s;

    const auto added = [](Operator op, const QStringList &values) {
        return Chain([op, values](QueryBuilder &q) {
            Term term;
            term.field = u"f"_s;
            term.op = op;
            term.values = values;
            q.addTerm(term);
        });
    };
    QTest::newRow("between bounds") << added(Operator::Between, {u"a^"_s, u"^b"_s}) << u"fBETWEENa^^@^^b"_s;
    QTest::newRow("greater than") << added(Operator::GreaterThan, {value}) << u"f>a^^b"_s;
    QTest::newRow("less or equal") << added(Operator::LessThanOrEqual, {value}) << u"f<=a^^b"_s;
    QTest::newRow("same as") << added(Operator::SameAs, {value}) << u"fSAMEASa^^b"_s;
    QTest::newRow("on") << added(Operator::On, {u"x^y@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s})
                        << u"fONx^^y@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s;
    QTest::newRow("dynamic") << added(Operator::Dynamic, {value}) << u"fDYNAMICa^^b"_s;
    QTest::newRow("relative") << added(Operator::RelativeLessThan, {u"day"_s, u"ago"_s, u"1^"_s}) << u"fRELATIVELT@day@ago@1^^"_s;
    QTest::newRow("no value operator") << added(Operator::IsEmpty, {value}) << u"fISEMPTY"_s;
}

void QueryBuilderTest::escapedValues()
{
    QFETCH(Chain, chain);
    QFETCH(QString, expected);

    QueryBuilder query;
    chain(query);
    QVERIFY2(query.isValid(), qPrintable(query.error().message()));
    QCOMPARE(query.toString(), expected);
}

void QueryBuilderTest::typedCaretAddsNoCondition()
{
    // Whatever a user types as a value, the query parses back to one condition with
    // exactly that value.
    const QStringList typed = {u"x^active=false"_s, u"^"_s, u"x^"_s, u"^ORpriority=1"_s, u"^NQactive=true"_s,
                               u"^^"_s, u"a^^^b"_s, u"RLQUERY^ENDRLQUERY"_s, u"^EQ"_s};
    for (const QString &value : typed) {
        QueryBuilder query;
        query.field(u"short_description"_s).contains(value);
        const QueryBuilder parsed = QueryBuilder::fromString(query.toString());
        QCOMPARE(parsed.terms().size(), 1);
        QCOMPARE(parsed.terms().first().kind, Term::Kind::Condition);
        QCOMPARE(parsed.terms().first().values, QStringList{value});
    }
}

void QueryBuilderTest::keyValuePairs_data()
{
    QTest::addColumn<Pairs>("pairs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one string") << Pairs{{u"number"_s, u"INC0010001"_s}} << u"number=INC0010001"_s;
    QTest::newRow("two in order") << Pairs{{u"state"_s, u"2"_s}, {u"active"_s, u"true"_s}} << u"state=2^active=true"_s;
    QTest::newRow("caret escaped") << Pairs{{u"short_description"_s, u"a^b"_s}} << u"short_description=a^^b"_s;
    QTest::newRow("injection escaped") << Pairs{{u"short_description"_s, u"x^active=false"_s}}
                                       << u"short_description=x^^active=false"_s;
    QTest::newRow("bool") << Pairs{{u"active"_s, true}, {u"knowledge"_s, false}} << u"active=true^knowledge=false"_s;
    QTest::newRow("integer") << Pairs{{u"priority"_s, 1}} << u"priority=1"_s;
    QTest::newRow("date-time in UTC") << Pairs{{u"opened_at"_s, utc(2024, 5, 6, 7, 8, 9)}} << u"opened_at=2024-05-06 07:08:09"_s;
    QTest::newRow("date-time with offset")
        << Pairs{{u"opened_at"_s, QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9), QTimeZone(7200))}}
        << u"opened_at=2024-05-06 07:08:09"_s;
    QTest::newRow("empty value") << Pairs{{u"assigned_to"_s, QString()}} << u"assigned_to="_s;
    QTest::newRow("dot-walk key") << Pairs{{u"caller_id.name"_s, u"Abel Tuter"_s}} << u"caller_id.name=Abel Tuter"_s;
    QTest::newRow("text search key") << Pairs{{u"123TEXTQUERY321"_s, u"email"_s}} << u"123TEXTQUERY321=email"_s;
}

void QueryBuilderTest::keyValuePairs()
{
    QFETCH(Pairs, pairs);
    QFETCH(QString, expected);

    const snow::Result<QString> encoded = snow::Query(pairs).encoded();
    QVERIFY2(encoded, qPrintable(encoded.error().message()));
    QCOMPARE(*encoded, expected);
}

void QueryBuilderTest::keyValueErrors_data()
{
    QTest::addColumn<Pairs>("pairs");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty key") << Pairs{{QString(), u"x"_s}} << u"empty key"_s;
    QTest::newRow("caret in key") << Pairs{{u"active=true^priority"_s, u"1"_s}} << u"active=true^priority"_s;
}

void QueryBuilderTest::keyValueErrors()
{
    QFETCH(Pairs, pairs);
    QFETCH(QString, messagePart);

    const snow::Result<QString> encoded = snow::Query(pairs).encoded();
    QVERIFY(!encoded);
    QCOMPARE(encoded.error().kind(), snow::Error::InvalidUsage);
    QVERIFY2(encoded.error().message().contains(messagePart), qPrintable(encoded.error().message()));
}

void QueryBuilderTest::dateTimeZones_data()
{
    QTest::addColumn<QDateTime>("dateTime");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc") << utc(2016, 2, 1) << u"2016-02-01 00:00:00"_s;
    QTest::newRow("offset ahead") << QDateTime(QDate(2016, 2, 1), QTime(2, 0), QTimeZone(7200))
                                  << u"2016-02-01 00:00:00"_s;
    QTest::newRow("offset behind crosses day")
        << QDateTime(QDate(2016, 1, 31), QTime(19, 0), QTimeZone(-5 * 3600))
        << u"2016-02-01 00:00:00"_s;
    QTest::newRow("los angeles winter") << QDateTime(QDate(2016, 1, 31), QTime(16, 0), QTimeZone("America/Los_Angeles"))
                                        << u"2016-02-01 00:00:00"_s;
    QTest::newRow("los angeles summer") << QDateTime(QDate(2016, 7, 31), QTime(17, 0), QTimeZone("America/Los_Angeles"))
                                        << u"2016-08-01 00:00:00"_s;
    QTest::newRow("berlin summer") << QDateTime(QDate(2016, 7, 1), QTime(2, 0), QTimeZone("Europe/Berlin"))
                                   << u"2016-07-01 00:00:00"_s;
    QTest::newRow("kolkata half hour") << QDateTime(QDate(2016, 2, 1), QTime(5, 30), QTimeZone("Asia/Kolkata"))
                                       << u"2016-02-01 00:00:00"_s;
    QTest::newRow("milliseconds dropped") << QDateTime(QDate(2016, 2, 1), QTime(0, 0, 0, 999), QTimeZone::utc())
                                          << u"2016-02-01 00:00:00"_s;
    QTest::newRow("leap day") << utc(2024, 2, 29, 23, 59, 59) << u"2024-02-29 23:59:59"_s;
}

void QueryBuilderTest::dateTimeZones()
{
    QFETCH(QDateTime, dateTime);
    QFETCH(QString, expected);

    if (!dateTime.timeZone().isValid())
        QSKIP("This system has no time zone database entry for the test's zone");

    QCOMPARE(QueryBuilder::formatDateTime(dateTime), expected);

    QueryBuilder query;
    query.field(u"opened_at"_s).greaterThanOrEqual(dateTime);
    QCOMPARE(query.toString(), u"opened_at>=" + expected);
}

void QueryBuilderTest::betweenDateZones()
{
    const QTimeZone zone("Europe/Berlin");
    if (!zone.isValid())
        QSKIP("This system has no time zone database entry for Europe/Berlin");

    QueryBuilder query;
    query.field(u"opened_at"_s).between(QDateTime(QDate(2016, 2, 1), QTime(1, 0), zone),
                                        QDateTime(QDate(2016, 7, 1), QTime(2, 0), zone));
    QCOMPARE(query.toString(),
             u"opened_atBETWEENjavascript:gs.dateGenerate(\"2016-02-01 00:00:00\")@javascript:gs.dateGenerate(\"2016-07-01 00:00:00\")"_s);

    const QDateTime local(QDate(2016, 2, 1), QTime(12, 0));
    QCOMPARE(QueryBuilder::formatDateTime(local), local.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

void QueryBuilderTest::roundTrip_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QStringList>("terms");

    const auto row = [](const char *name, const QString &encoded, const QStringList &terms) {
        QTest::newRow(name) << encoded << terms;
    };

    // Each operator on its own.
    row("equals", u"active=true"_s, {u"active [=] true"_s});
    row("not equals", u"state!=7"_s, {u"state [!=] 7"_s});
    row("in", u"stateIN1,2,3"_s, {u"state [IN] 1|2|3"_s});
    row("not in", u"stateNOT IN6,7"_s, {u"state [NOT IN] 6|7"_s});
    row("not in with spaces", u"subcategoryNOT INdb2,sql server,oracle"_s, {u"subcategory [NOT IN] db2|sql server|oracle"_s});
    row("starts with", u"numberSTARTSWITHINC001"_s, {u"number [STARTSWITH] INC001"_s});
    row("ends with", u"short_descriptionENDSWITHdown"_s, {u"short_description [ENDSWITH] down"_s});
    row("like", u"short_descriptionLIKEemail"_s, {u"short_description [LIKE] email"_s});
    row("not like", u"short_descriptionNOT LIKEtest"_s, {u"short_description [NOT LIKE] test"_s});
    row("is empty", u"assigned_toISEMPTY"_s, {u"assigned_to [ISEMPTY]"_s});
    row("is not empty", u"assigned_toISNOTEMPTY"_s, {u"assigned_to [ISNOTEMPTY]"_s});
    row("greater than", u"priority>1"_s, {u"priority [>] 1"_s});
    row("greater or equal", u"priority>=2"_s, {u"priority [>=] 2"_s});
    row("less than", u"priority<3"_s, {u"priority [<] 3"_s});
    row("less or equal", u"priority<=4"_s, {u"priority [<=] 4"_s});
    row("between numbers", u"priorityBETWEEN1@3"_s, {u"priority [BETWEEN] 1|3"_s});
    row("anything", u"descriptionANYTHING"_s, {u"description [ANYTHING]"_s});
    row("empty string", u"descriptionEMPTYSTRING"_s, {u"description [EMPTYSTRING]"_s});
    row("same as", u"opened_bySAMEAScaller_id"_s, {u"opened_by [SAMEAS] caller_id"_s});
    row("not same as", u"opened_byNSAMEAScaller_id"_s, {u"opened_by [NSAMEAS] caller_id"_s});
    row("dynamic me", u"assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe"_s,
        {u"assigned_to [DYNAMIC] 90d1921e5f510100a9ad2572f2b477fe"_s});
    row("instance of", u"sys_class_nameINSTANCEOFtask"_s, {u"sys_class_name [INSTANCEOF] task"_s});
    row("impact in", u"impactIN1,2"_s, {u"impact [IN] 1|2"_s});
    row("install status", u"install_status=1"_s, {u"install_status [=] 1"_s});
    row("custom field", u"u_custom_field=1"_s, {u"u_custom_field [=] 1"_s});

    // Joins and groups.
    row("and", u"active=true^priority=1"_s, {u"active [=] true"_s, u"^ priority [=] 1"_s});
    row("or", u"priority=1^ORpriority=2"_s, {u"priority [=] 1"_s, u"^OR priority [=] 2"_s});
    row("new query", u"active=true^NQpriority=1"_s, {u"active [=] true"_s, u"^NQ priority [=] 1"_s});
    row("groups and orders", u"priority>=1^ORpriority=5^NQstate=6^ORDERBYDESCnumber"_s,
        {u"priority [>=] 1"_s, u"^OR priority [=] 5"_s, u"^NQ state [=] 6"_s, u"^ order desc number"_s});
    row("empty or dot-walk", u"assigned_toISEMPTY^ORassigned_to.active=false"_s,
        {u"assigned_to [ISEMPTY]"_s, u"^OR assigned_to.active [=] false"_s});
    row("choice list and order", u"category=software^subcategoryINemail,os^ORDERBYnumber"_s,
        {u"category [=] software"_s, u"^ subcategory [IN] email|os"_s, u"^ order number"_s});

    // Dates as ServiceNow's condition builder writes them.
    row("on today", u"opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s,
        {u"opened_at [ON] Today@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s});
    row("not on yesterday", u"opened_atNOTONYesterday@javascript:gs.beginningOfYesterday()@javascript:gs.endOfYesterday()"_s,
        {u"opened_at [NOTON] Yesterday@javascript:gs.beginningOfYesterday()@javascript:gs.endOfYesterday()"_s});
    row("on last 7 days", u"opened_atONLast 7 days@javascript:gs.daysAgoStart(7)@javascript:gs.daysAgoEnd(0)"_s,
        {u"opened_at [ON] Last 7 days@javascript:gs.daysAgoStart(7)@javascript:gs.daysAgoEnd(0)"_s});
    row("on this month", u"stateIN6,7^resolved_atONThis month@javascript:gs.beginningOfThisMonth()@javascript:gs.endOfThisMonth()"_s,
        {u"state [IN] 6|7"_s, u"^ resolved_at [ON] This month@javascript:gs.beginningOfThisMonth()@javascript:gs.endOfThisMonth()"_s});
    row("on last 30 days", u"sys_created_by=admin^sys_created_onONLast 30 days@javascript:gs.daysAgoStart(30)@javascript:gs.daysAgoEnd(0)"_s,
        {u"sys_created_by [=] admin"_s, u"^ sys_created_on [ON] Last 30 days@javascript:gs.daysAgoStart(30)@javascript:gs.daysAgoEnd(0)"_s});
    row("on a date", u"opened_atON2024-01-15@javascript:gs.dateGenerate('2024-01-15','start')@javascript:gs.dateGenerate('2024-01-15','end')"_s,
        {u"opened_at [ON] 2024-01-15@javascript:gs.dateGenerate('2024-01-15','start')@javascript:gs.dateGenerate('2024-01-15','end')"_s});
    row("days ago start", u"sys_created_on>=javascript:gs.daysAgoStart(7)"_s, {u"sys_created_on [>=] javascript:gs.daysAgoStart(7)"_s});
    row("before today", u"sys_created_on<javascript:gs.daysAgoStart(0)"_s, {u"sys_created_on [<] javascript:gs.daysAgoStart(0)"_s});
    row("between days ago", u"sys_updated_onBETWEENjavascript:gs.daysAgoStart(1)@javascript:gs.daysAgoEnd(0)"_s,
        {u"sys_updated_on [BETWEEN] javascript:gs.daysAgoStart(1)|javascript:gs.daysAgoEnd(0)"_s});
    row("between date generate",
        u"opened_atBETWEENjavascript:gs.dateGenerate('2015-10-07','00:00:00')@javascript:gs.dateGenerate('2015-10-08','23:59:59')"_s,
        {u"opened_at [BETWEEN] javascript:gs.dateGenerate('2015-10-07','00:00:00')|javascript:gs.dateGenerate('2015-10-08','23:59:59')"_s});
    row("between pysnow dates",
        u"sys_created_onBETWEENjavascript:gs.dateGenerate(\"2016-02-01 00:00:00\")@javascript:gs.dateGenerate(\"2016-02-10 00:00:00\")"_s,
        {u"sys_created_on [BETWEEN] javascript:gs.dateGenerate(\"2016-02-01 00:00:00\")|javascript:gs.dateGenerate(\"2016-02-10 00:00:00\")"_s});
    row("after plain date", u"opened_at>2016-02-01 00:00:00"_s, {u"opened_at [>] 2016-02-01 00:00:00"_s});
    row("relative after", u"sys_updated_onRELATIVEGT@hour@ago@1"_s, {u"sys_updated_on [RELATIVEGT] hour|ago|1"_s});
    row("relative ahead", u"due_dateRELATIVELE@day@ahead@2"_s, {u"due_date [RELATIVELE] day|ahead|2"_s});
    row("relative on", u"opened_atRELATIVEEE@week@ago@1"_s, {u"opened_at [RELATIVEEE] week|ago|1"_s});
    row("duration", u"business_duration>1970-01-02 00:00:00"_s, {u"business_duration [>] 1970-01-02 00:00:00"_s});

    // Dot-walks.
    row("dot-walk", u"caller_id.name=Abel Tuter"_s, {u"caller_id.name [=] Abel Tuter"_s});
    row("dot-walk and", u"caller_id.nameSTARTSWITHAbel^active=true"_s,
        {u"caller_id.name [STARTSWITH] Abel"_s, u"^ active [=] true"_s});
    row("dot-walk or", u"assignment_group.name=Service Desk^ORassignment_group.name=Network"_s,
        {u"assignment_group.name [=] Service Desk"_s, u"^OR assignment_group.name [=] Network"_s});
    row("company stock symbol", u"company.stock_symbol=NYX"_s, {u"company.stock_symbol [=] NYX"_s});

    // Escapes.
    row("escaped caret", u"short_descriptionLIKEa^^b"_s, {u"short_description [LIKE] a^b"_s});
    row("caret alone", u"short_description=^^"_s, {u"short_description [=] ^"_s});
    row("trailing caret then and", u"short_descriptionLIKEx^^^priority=1"_s,
        {u"short_description [LIKE] x^"_s, u"^ priority [=] 1"_s});
    row("two escaped carets", u"short_descriptionSTARTSWITH^^^^"_s, {u"short_description [STARTSWITH] ^^"_s});
    row("escape hides and", u"active=true^^priority=1"_s, {u"active [=] true^priority=1"_s});
    row("escape hides or", u"short_description=x^^ORpriority=1"_s, {u"short_description [=] x^ORpriority=1"_s});
    row("escaped caret in list", u"short_descriptionINa^^b,c"_s, {u"short_description [IN] a^b|c"_s});

    // Parts the builder keeps as text.
    row("date part", u"opened_atDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')"_s,
        {u"verbatim{opened_atDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')}"_s});
    row("more than", u"due_dateMORETHANsys_updated_on@day@before@1"_s, {u"verbatim{due_dateMORETHANsys_updated_on@day@before@1}"_s});
    row("greater than field", u"priorityGT_FIELDurgency"_s, {u"verbatim{priorityGT_FIELDurgency}"_s});
    row("less or equal field", u"reassignment_countLT_OR_EQUALS_FIELDreopen_count"_s,
        {u"verbatim{reassignment_countLT_OR_EQUALS_FIELDreopen_count}"_s});
    row("in hierarchy", u"parentIN_HIERARCHYabc"_s, {u"verbatim{parentIN_HIERARCHYabc}"_s});
    row("value changes", u"stateVALCHANGES"_s, {u"verbatim{stateVALCHANGES}"_s});
    row("changes from", u"stateCHANGESFROM1"_s, {u"verbatim{stateCHANGESFROM1}"_s});
    row("changes to", u"active=true^stateCHANGESTO7"_s, {u"active [=] true"_s, u"^ verbatim{stateCHANGESTO7}"_s});
    row("relative without amount", u"opened_atRELATIVEGT@hour@ago"_s, {u"verbatim{opened_atRELATIVEGT@hour@ago}"_s});
    row("end query", u"active=true^EQ"_s, {u"active [=] true"_s, u"^ verbatim{EQ}"_s});
    row("related list query", u"active=true^RLQUERYtask_sla.task,>=1^sla.name=P1 resolution^ENDRLQUERY"_s,
        {u"active [=] true"_s, u"^ verbatim{RLQUERYtask_sla.task,>=1^sla.name=P1 resolution^ENDRLQUERY}"_s});
    row("related list first", u"RLQUERYtask_sla.task,>=1^ENDRLQUERY^active=true"_s,
        {u"verbatim{RLQUERYtask_sla.task,>=1^ENDRLQUERY}"_s, u"^ active [=] true"_s});
    row("text query", u"123TEXTQUERY321=email server"_s, {u"verbatim{123TEXTQUERY321=email server}"_s});
    row("text query after and", u"active=true^123TEXTQUERY321=email"_s,
        {u"active [=] true"_s, u"^ verbatim{123TEXTQUERY321=email}"_s});
    row("go to", u"GOTOnumber>=INC0010001"_s, {u"verbatim{GOTOnumber>=INC0010001}"_s});
    row("group by", u"active=true^GROUPBYstate"_s, {u"active [=] true"_s, u"^ verbatim{GROUPBYstate}"_s});
    row("unknown operator", u"activeISfoo"_s, {u"verbatim{activeISfoo}"_s});
    row("no operator", u"active"_s, {u"verbatim{active}"_s});
    row("upper case field", u"Active=true"_s, {u"verbatim{Active=true}"_s});
    row("three between bounds", u"priorityBETWEEN1@2@3"_s, {u"verbatim{priorityBETWEEN1@2@3}"_s});
    row("value after is empty", u"assigned_toISEMPTYnow"_s, {u"verbatim{assigned_toISEMPTYnow}"_s});
    row("javascript qualifier", u"javascript:'active=true'"_s, {u"verbatim{javascript:'active=true'}"_s});

    // Orderings.
    row("order by", u"ORDERBYnumber"_s, {u"order number"_s});
    row("order by desc", u"ORDERBYDESCsys_created_on"_s, {u"order desc sys_created_on"_s});
    row("two orders", u"active=true^ORDERBYpriority^ORDERBYDESCnumber"_s,
        {u"active [=] true"_s, u"^ order priority"_s, u"^ order desc number"_s});
    row("order first", u"ORDERBYcaller_id.name^active=true"_s, {u"order caller_id.name"_s, u"^ active [=] true"_s});
    row("order without field", u"ORDERBY"_s, {u"verbatim{ORDERBY}"_s});
    row("or order", u"active=true^ORORDERBYnumber"_s, {u"active [=] true"_s, u"^OR order number"_s});

    // Empty values and empty parts.
    row("empty equals", u"short_description="_s, {u"short_description [=]"_s});
    row("empty like", u"short_descriptionLIKE"_s, {u"short_description [LIKE]"_s});
    row("empty in", u"stateIN"_s, {u"state [IN]"_s});
    row("trailing caret", u"active=true^"_s, {u"active [=] true"_s, u"^ verbatim{}"_s});
    row("leading caret", u"^active=true"_s, {u"verbatim{}"_s, u"^ active [=] true"_s});
    row("trailing new query", u"active=true^ORactive=false^NQ"_s,
        {u"active [=] true"_s, u"^OR active [=] false"_s, u"^NQ verbatim{}"_s});
    row("value with at sign", u"short_description=x@y"_s, {u"short_description [=] x@y"_s});
    row("unicode value", u"short_descriptionLIKEcafé ☕"_s, {u"short_description [LIKE] café ☕"_s});
    row("sys_id list", u"sys_idIN46d44a23a9fe19810012d100cca80666,5137153cc611227c000bbd1bd8cd2005"_s,
        {u"sys_id [IN] 46d44a23a9fe19810012d100cca80666|5137153cc611227c000bbd1bd8cd2005"_s});
}

void QueryBuilderTest::roundTrip()
{
    QFETCH(QString, encoded);
    QFETCH(QStringList, terms);

    const QueryBuilder parsed = QueryBuilder::fromString(encoded);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error().message()));
    QCOMPARE(describe(parsed.terms()), terms);
    QCOMPARE(parsed.toString(), encoded);

    // The terms alone rebuild the same query.
    QueryBuilder rebuilt;
    for (const Term &term : parsed.terms())
        rebuilt.addTerm(term);
    QCOMPARE(rebuilt.toString(), encoded);
}

void QueryBuilderTest::parsedValuesUnescaped_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("one caret") << u"f=a^^b"_s << QStringList{u"a^b"_s};
    QTest::newRow("list") << u"fINa^^,^^b"_s << QStringList{u"a^"_s, u"^b"_s};
    QTest::newRow("between") << u"fBETWEEN^^@^^^^"_s << QStringList{u"^"_s, u"^^"_s};
    QTest::newRow("relative") << u"fRELATIVEGT@day@ago@^^"_s << QStringList{u"day"_s, u"ago"_s, u"^"_s};
}

void QueryBuilderTest::parsedValuesUnescaped()
{
    QFETCH(QString, encoded);
    QFETCH(QStringList, values);

    const QList<Term> terms = QueryBuilder::fromString(encoded).terms();
    QCOMPARE(terms.size(), 1);
    QCOMPARE(terms.first().kind, Term::Kind::Condition);
    QCOMPARE(terms.first().values, values);
}

void QueryBuilderTest::termsEncodeAlone_data()
{
    QTest::addColumn<QString>("encoded");

    QTest::newRow("condition") << u"priority<=2"_s;
    QTest::newRow("order") << u"ORDERBYDESCnumber"_s;
    QTest::newRow("verbatim") << u"123TEXTQUERY321=x"_s;
    QTest::newRow("relative") << u"opened_atRELATIVEGE@month@ago@6"_s;
}

void QueryBuilderTest::termsEncodeAlone()
{
    QFETCH(QString, encoded);

    const QList<Term> terms = QueryBuilder::fromString(encoded).terms();
    QCOMPARE(terms.size(), 1);
    QCOMPARE(QueryBuilder::encodeTerm(terms.first()), encoded);
}

void QueryBuilderTest::addTermContinuesChain()
{
    QueryBuilder query = QueryBuilder::fromString(u"active=true^123TEXTQUERY321=disk"_s);
    query.AND().field(u"priority"_s).equals(u"1"_s).OR().field(u"priority"_s).equals(u"2"_s);
    QVERIFY2(query.isValid(), qPrintable(query.error().message()));
    QCOMPARE(query.toString(), u"active=true^123TEXTQUERY321=disk^priority=1^ORpriority=2"_s);
}

void QueryBuilderTest::hasOrderByDetection_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<bool>("ordered");

    QTest::newRow("none") << u"active=true"_s << false;
    QTest::newRow("ascending") << u"active=true^ORDERBYnumber"_s << true;
    QTest::newRow("descending") << u"ORDERBYDESCnumber"_s << true;
    QTest::newRow("verbatim order") << u"ORDERBY"_s << true;
    QTest::newRow("order word in value") << u"short_description=ORDERBYx"_s << false;
}

void QueryBuilderTest::hasOrderByDetection()
{
    QFETCH(QString, encoded);
    QFETCH(bool, ordered);

    QCOMPARE(QueryBuilder::fromString(encoded).hasOrderBy(), ordered);
}

void QueryBuilderTest::emptyStringParsesEmpty()
{
    const QueryBuilder parsed = QueryBuilder::fromString(QString());
    QVERIFY(parsed.terms().isEmpty());
    QCOMPARE(parsed.error().kind(), snow::Error::QueryEmpty);
    QCOMPARE(parsed.toString(), QString());
}

QTEST_GUILESS_MAIN(QueryBuilderTest)
#include "tst_querybuilder.moc"
