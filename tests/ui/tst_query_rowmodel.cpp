// Tests of QueryRowModel: encoded queries come back unchanged through the rows, and
// editing, inserting, removing and moving rows gives the expected query.

#include "query/queryrowmodel.h"
#include "tst_query_samples.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

namespace {

QString rowKinds(const QueryRowModel &model)
{
    QString kinds;
    for (int row = 0; row < model.rowCount(); ++row) {
        switch (Term::Kind(model.index(row).data(QueryRowModel::KindRole).toInt())) {
        case Term::Kind::Condition:
            kinds += u'C';
            break;
        case Term::Kind::OrderBy:
            kinds += u'O';
            break;
        case Term::Kind::Verbatim:
            kinds += u'V';
            break;
        }
    }
    return kinds;
}

Term condition(const QString &field, QueryBuilder::Operator op, const QStringList &values,
               QueryBuilder::Join join = QueryBuilder::Join::And)
{
    Term term;
    term.field = field;
    term.op = op;
    term.values = values;
    term.join = join;
    return term;
}

} // namespace

class QueryRowModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastedQueryRoundTrip_data();
    void pastedQueryRoundTrip();
    void rowsRebuildQuery_data();
    void rowsRebuildQuery();
    void rolesDescribeTerm();
    void unfinishedRowsSkipped();
    void insertAndRemove();
    void moveKeepsJoins();
    void moveOutOfRangeRejected();
    void setDataTakesTerm();
    void typedCaretEscaped();
    void queryUpToRow_data();
    void queryUpToRow();
    void changeSignalOnce();
    void describerSetsDisplay();
};

void QueryRowModelTest::pastedQueryRoundTrip_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("kinds");
    const QList<QuerySample> samples = querySamples();
    QVERIFY(samples.size() >= 60);
    for (const QuerySample &sample : samples)
        QTest::newRow(sample.name) << sample.encoded << sample.rowKinds;
}

void QueryRowModelTest::pastedQueryRoundTrip()
{
    QFETCH(QString, encoded);
    QFETCH(QString, kinds);

    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(encoded);

    QCOMPARE(rowKinds(model), kinds);
    QCOMPARE(model.encodedQuery(), encoded);
}

void QueryRowModelTest::rowsRebuildQuery_data()
{
    pastedQueryRoundTrip_data();
}

void QueryRowModelTest::rowsRebuildQuery()
{
    QFETCH(QString, encoded);

    // Rows appended one by one, as the builder adds them, give the same query.
    QueryRowModel source;
    source.setEncodedQuery(encoded);

    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int row = 0; row < source.rowCount(); ++row)
        model.appendTerm(source.index(row).data(QueryRowModel::TermRole).value<Term>());
    QCOMPARE(model.encodedQuery(), encoded);
}

void QueryRowModelTest::rolesDescribeTerm()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"active=true^ORpriorityIN1,2^123TEXTQUERY321=disk"_s);

    QCOMPARE(model.rowCount(), 3);
    const QModelIndex second = model.index(1);
    QCOMPARE(second.data(QueryRowModel::JoinRole).toInt(), int(QueryBuilder::Join::Or));
    QCOMPARE(second.data(QueryRowModel::FieldRole).toString(), u"priority"_s);
    QCOMPARE(second.data(QueryRowModel::OperatorRole).toInt(), int(QueryBuilder::Operator::In));
    QCOMPARE(second.data(QueryRowModel::ValuesRole).toStringList(), (QStringList{u"1"_s, u"2"_s}));
    QCOMPARE(second.data(QueryRowModel::EncodedRole).toString(), u"priorityIN1,2"_s);
    QCOMPARE(second.data(Qt::DisplayRole).toString(), u"priorityIN1,2"_s);
    QCOMPARE(model.index(2).data(QueryRowModel::EncodedRole).toString(), u"123TEXTQUERY321=disk"_s);
}

void QueryRowModelTest::unfinishedRowsSkipped()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    Term unfinished;
    model.appendTerm(unfinished);
    QCOMPARE(model.encodedQuery(), QString());

    model.appendTerm(condition(u"active"_s, QueryBuilder::Operator::Equals, {u"true"_s}, QueryBuilder::Join::Or));
    Term ordering;
    ordering.kind = Term::Kind::OrderBy;
    model.appendTerm(ordering);

    // The first finished row's join is not written, and the ordering without a field is left out.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.encodedQuery(), u"active=true"_s);
}

void QueryRowModelTest::insertAndRemove()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"active=true^ORDERBYnumber"_s);

    model.insertTerm(1, condition(u"priority"_s, QueryBuilder::Operator::LessThanOrEqual, {u"2"_s}));
    QCOMPARE(model.encodedQuery(), u"active=true^priority<=2^ORDERBYnumber"_s);

    model.removeTerm(0);
    QCOMPARE(model.encodedQuery(), u"priority<=2^ORDERBYnumber"_s);

    QVERIFY(!model.removeRows(5, 1));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.encodedQuery(), QString());
}

void QueryRowModelTest::moveKeepsJoins()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"active=true^priority=1^ORpriority=2"_s);

    QVERIFY(model.moveTerm(0, 2));
    QCOMPARE(model.encodedQuery(), u"priority=1^ORpriority=2^active=true"_s);

    QVERIFY(model.moveTerm(2, 0));
    QCOMPARE(model.encodedQuery(), u"active=true^priority=1^ORpriority=2"_s);

    QVERIFY(model.moveTerm(1, 2));
    QCOMPARE(model.encodedQuery(), u"active=true^ORpriority=2^priority=1"_s);
}

void QueryRowModelTest::moveOutOfRangeRejected()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"a=1^b=2"_s);

    QVERIFY(!model.moveTerm(0, 0));
    QVERIFY(!model.moveTerm(-1, 1));
    QVERIFY(!model.moveTerm(1, 2));
    QCOMPARE(model.encodedQuery(), u"a=1^b=2"_s);
}

void QueryRowModelTest::setDataTakesTerm()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"state=1"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(model.index(0), QVariant::fromValue(condition(u"state"_s, QueryBuilder::Operator::NotEquals, {u"7"_s})),
                          QueryRowModel::TermRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.encodedQuery(), u"state!=7"_s);
    QVERIFY(!model.setData(model.index(0), u"state=2"_s, Qt::EditRole));
}

void QueryRowModelTest::typedCaretEscaped()
{
    QueryRowModel model;
    model.appendTerm(condition(u"short_description"_s, QueryBuilder::Operator::Contains, {u"x^active=false"_s}));
    QCOMPARE(model.encodedQuery(), u"short_descriptionLIKEx^^active=false"_s);

    QueryRowModel reparsed;
    reparsed.setEncodedQuery(model.encodedQuery());
    QCOMPARE(reparsed.rowCount(), 1);
    QCOMPARE(reparsed.term(0).values, QStringList{u"x^active=false"_s});
}

void QueryRowModelTest::queryUpToRow_data()
{
    QTest::addColumn<int>("lastRow");
    QTest::addColumn<QString>("expected");

    QTest::newRow("only orderings") << -1 << u"ORDERBYDESCnumber"_s;
    QTest::newRow("first condition") << 0 << u"active=true^ORDERBYDESCnumber"_s;
    QTest::newRow("or group") << 2 << u"active=true^priority=1^ORpriority=2^ORDERBYDESCnumber"_s;
    QTest::newRow("everything") << 4 << u"active=true^priority=1^ORpriority=2^ORDERBYDESCnumber^stateIN1,2"_s;
}

void QueryRowModelTest::queryUpToRow()
{
    QFETCH(int, lastRow);
    QFETCH(QString, expected);

    QueryRowModel model;
    model.setEncodedQuery(u"active=true^priority=1^ORpriority=2^ORDERBYDESCnumber^stateIN1,2"_s);
    QCOMPARE(model.encodedQueryUpTo(lastRow), expected);
}

void QueryRowModelTest::changeSignalOnce()
{
    QueryRowModel model;
    QSignalSpy changed(&model, &QueryRowModel::encodedQueryChanged);

    model.setEncodedQuery(u"active=true"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toString(), u"active=true"_s);

    // An unfinished row changes the rows but not the query.
    model.appendTerm(Term());
    QCOMPARE(changed.count(), 1);
}

void QueryRowModelTest::describerSetsDisplay()
{
    QueryRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEncodedQuery(u"active=true"_s);
    model.setDescriber([](const Term &term) -> QString { return u"Field "_s + term.field; });
    QCOMPARE(model.index(0).data().toString(), u"Field active"_s);
}

QTEST_GUILESS_MAIN(QueryRowModelTest)
#include "tst_query_rowmodel.moc"
