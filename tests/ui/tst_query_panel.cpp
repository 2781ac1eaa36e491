// The query builder offscreen against the emulator: conditions built through the
// widgets for each field type, the records the emulator returns for them, pasted
// queries coming back unchanged, keyboard control and saved queries.

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/basicvalueeditors.h"
#include "query/conditionrowwidget.h"
#include "query/datevalueeditor.h"
#include "query/fieldpicker.h"
#include "query/orderrowwidget.h"
#include "query/querypanel.h"
#include "query/queryrowmodel.h"
#include "query/referencevalueeditor.h"
#include "query/savedquerystore.h"
#include "tst_query_samples.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QStandardItemModel>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTimeEdit>
#include <QtWidgets/QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

using snow::QueryBuilder;

class QueryPanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void choiceFieldFilters();
    void stringFieldFilters();
    void integerFieldFilters();
    void decimalFieldFilters();
    void booleanFieldFilters();
    void referencePickerSearches();
    void dotWalkFilters();
    void dateTimeAfterFilters();
    void dateBetweenFilters();
    void dateFieldFilters();
    void datePresetsEncode_data();
    void datePresetsEncode();
    void durationFieldFilters();
    void relativeDateFilters();
    void choiceListFilters();
    void orGroupFilters();
    void newQueryGroupFilters();
    void orderingSorts();
    void typedCaretAddsNothing();
    void operatorsFitType_data();
    void operatorsFitType();
    void pastedQueryUnchanged_data();
    void pastedQueryUnchanged();
    void pastedValuesShownFriendly();
    void pastedSysIdShowsName();
    void enterRunsQuery();
    void shortcutsEditRows();
    void rowButtonsMoveAndRemove();
    void fieldSearchByTyping();
    void copyAndPasteShortcuts();
    void unfinishedRowKeptOnReload();
    void savedQueryLoads();
    void recentMenuLists();

private:
    QueryPanel *createPanel(const QString &table = u"incident"_s);
    ConditionRowWidget *addRow(QueryBuilder::Join join = QueryBuilder::Join::And);
    ConditionRowWidget *conditionRow(int index) const;
    void pickField(FieldPicker *picker, const QString &name);
    void pickOperator(ConditionRowWidget *row, QueryBuilder::Operator op);
    void pickComboText(QComboBox *combo, const QString &text);
    QList<snow::Record> runQuery(const QString &query, const QStringList &fields, int limit = 0,
                                 const QString &table = u"incident"_s);
    QString submitted();

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QueryPanel> m_panel;
};

void QueryPanelTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SnowscopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_query_panel"_s);

    snowemu::Options options;
    options.incidents = 400;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions clientOptions;
    clientOptions.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    clientOptions.useSsl = false;
    clientOptions.user = u"admin"_s;
    clientOptions.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(clientOptions);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test-profile"_s);

    // Load the schemas the tests use once, up front.
    SchemaCache *schemas = m_session->schemas();
    for (const QString &table : {u"incident"_s, u"sys_user"_s, u"cmdb_ci"_s}) {
        QSignalSpy loaded(schemas, &SchemaCache::schemaLoaded);
        schemas->load(table);
        QVERIFY(loaded.wait(10000));
        QVERIFY(schemas->cached(table));
    }
}

void QueryPanelTest::init()
{
    QSettings().remove(u"queries"_s);
}

void QueryPanelTest::cleanup()
{
    m_panel.reset();
}

QueryPanel *QueryPanelTest::createPanel(const QString &table)
{
    m_panel = std::make_unique<QueryPanel>(m_session.get());
    m_panel->resize(1000, 400);
    m_panel->setTable(table);
    m_panel->show();
    return m_panel.get();
}

ConditionRowWidget *QueryPanelTest::conditionRow(int index) const
{
    return qobject_cast<ConditionRowWidget *>(m_panel->rows().value(index));
}

ConditionRowWidget *QueryPanelTest::addRow(QueryBuilder::Join join)
{
    m_panel->addCondition(join);
    const int row = m_panel->focusedRow() >= 0 ? m_panel->focusedRow() : int(m_panel->rows().size()) - 1;
    return conditionRow(row);
}

void QueryPanelTest::pickField(FieldPicker *picker, const QString &name)
{
    const int index = picker->findData(name);
    QVERIFY2(index >= 0, qPrintable(name));
    picker->setCurrentIndex(index);
    Q_EMIT picker->activated(index);
}

void QueryPanelTest::pickOperator(ConditionRowWidget *row, QueryBuilder::Operator op)
{
    const int index = row->operatorBox()->findData(int(op));
    QVERIFY2(index >= 0, qPrintable(QueryBuilder::operatorText(op)));
    row->operatorBox()->setCurrentIndex(index);
    Q_EMIT row->operatorBox()->activated(index);
}

void QueryPanelTest::pickComboText(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

QList<snow::Record> QueryPanelTest::runQuery(const QString &query, const QStringList &fields, int limit, const QString &table)
{
    snow::GetOptions options;
    options.limit = limit;
    options.fields = fields;
    options.displayValue = snow::ParamsBuilder::DisplayValue::False;
    options.excludeReferenceLink = true;
    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/"_s + table).get(query, options));
    if (!response->waitForFinished(20000) || response->error().isError()) {
        qWarning() << "The query" << query << "failed:" << response->error().toString();
        return {};
    }
    return response->records();
}

QString QueryPanelTest::submitted()
{
    QSignalSpy spy(m_panel.get(), &QueryPanel::querySubmitted);
    m_panel->submit();
    return spy.count() == 1 ? spy.first().at(0).toString() : QString();
}

void QueryPanelTest::choiceFieldFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    QVERIFY(row);
    pickField(row->fieldPicker(), u"state"_s);
    pickOperator(row, QueryBuilder::Operator::Equals);
    auto *editor = qobject_cast<ComboValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    pickComboText(editor->comboBox(), u"In Progress"_s);

    QCOMPARE(submitted(), u"state=2"_s);
    const QList<snow::Record> records = runQuery(u"state=2"_s, {u"state"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QCOMPARE(record.value(u"state"), u"2"_s);
}

void QueryPanelTest::stringFieldFilters()
{
    const QString word = runQuery(QString(), {u"short_description"_s}, 1).value(0).value(u"short_description").section(u' ', 0, 0);
    QVERIFY(!word.isEmpty());

    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"short_description"_s);
    pickOperator(row, QueryBuilder::Operator::Contains);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QTest::keyClicks(editor->lineEdit(), word);

    const QString query = submitted();
    QCOMPARE(query, u"short_descriptionLIKE"_s + word);
    const QList<snow::Record> records = runQuery(query, {u"short_description"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"short_description").contains(word, Qt::CaseInsensitive));
}

void QueryPanelTest::integerFieldFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"reassignment_count"_s);
    pickOperator(row, QueryBuilder::Operator::GreaterThan);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QTest::keyClicks(editor->lineEdit(), u"x1"_s); // the validator drops the letter

    const QString query = submitted();
    QCOMPARE(query, u"reassignment_count>1"_s);
    const QList<snow::Record> records = runQuery(query, {u"reassignment_count"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"reassignment_count").toInt() > 1);
}

void QueryPanelTest::decimalFieldFilters()
{
    createPanel(u"cmdb_ci"_s);
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"cost"_s);
    pickOperator(row, QueryBuilder::Operator::GreaterThanOrEqual);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QTest::keyClicks(editor->lineEdit(), u"1a2000.5"_s); // the validator drops the letter

    const QString query = submitted();
    QCOMPARE(query, u"cost>=12000.5"_s);
    const QList<snow::Record> records = runQuery(query, {u"cost"_s}, 0, u"cmdb_ci"_s);
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY2(record.value(u"cost").toDouble() >= 12000.5, qPrintable(record.value(u"cost")));

    // The emulator stores costs on both sides of the bound, so the filter removed some.
    const QList<snow::Record> all = runQuery(QString(), {u"cost"_s}, 0, u"cmdb_ci"_s);
    QVERIFY(all.size() > records.size());
}

void QueryPanelTest::booleanFieldFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"active"_s);
    auto *editor = qobject_cast<ComboValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    pickComboText(editor->comboBox(), u"false"_s);

    const QString query = submitted();
    QCOMPARE(query, u"active=false"_s);
    const QList<snow::Record> records = runQuery(query, {u"active"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QCOMPARE(record.value(u"active"), u"false"_s);
}

void QueryPanelTest::referencePickerSearches()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"caller_id"_s);
    auto *editor = qobject_cast<ReferenceValueEditor *>(row->valueEditor());
    QVERIFY(editor);

    m_server->clearRequestLog();
    QSignalSpy ready(editor, &ReferenceValueEditor::resultsReady);
    editor->lineEdit()->setFocus();
    QTest::keyClicks(editor->lineEdit(), u"Abel"_s);
    QVERIFY(ready.wait(5000));

    // Typing four letters sent one debounced search on the display field.
    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    const auto searches = std::count_if(log.cbegin(), log.cend(), [](const snowemu::RequestRecord &request) {
        return request.path == u"/api/now/table/sys_user";
    });
    QCOMPARE(searches, 1);
    QVERIFY(QUrl::fromPercentEncoding(log.last().query.toUtf8()).contains(u"nameSTARTSWITHAbel"));
    int abel = -1;
    for (int result = 0; result < editor->results()->rowCount(); ++result) {
        QVERIFY(editor->results()->item(result)->text().startsWith(u"Abel"));
        if (editor->results()->item(result)->text() == u"Abel Tuter")
            abel = result;
    }
    QVERIFY(abel >= 0);

    editor->pickResult(abel);
    const QString sysId = editor->results()->item(abel)->data(Qt::UserRole).toString();
    QCOMPARE(editor->lineEdit()->text(), u"Abel Tuter"_s);
    QCOMPARE(editor->values(), QStringList{sysId});

    const QString query = submitted();
    QCOMPARE(query, u"caller_id="_s + sysId);
    const QList<snow::Record> records = runQuery(query, {u"caller_id"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QCOMPARE(record.value(u"caller_id"), sysId);
}

void QueryPanelTest::dotWalkFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"caller_id"_s);
    QVERIFY(!row->relatedPicker()->isHidden());
    QTRY_VERIFY(row->relatedPicker()->findData(u"name"_s) >= 0);
    pickField(row->relatedPicker(), u"name"_s);
    pickOperator(row, QueryBuilder::Operator::StartsWith);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QTest::keyClicks(editor->lineEdit(), u"Abel"_s);

    const QString query = submitted();
    QCOMPARE(query, u"caller_id.nameSTARTSWITHAbel"_s);
    const QList<snow::Record> records = runQuery(query, {u"caller_id.name"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"caller_id.name").startsWith(u"Abel"));
}

void QueryPanelTest::dateTimeAfterFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"opened_at"_s);
    pickOperator(row, QueryBuilder::Operator::GreaterThan);
    auto *editor = qobject_cast<DateValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QCOMPARE(editor->rangeBox()->currentIndex(), 0);
    editor->dateEdit()->setDateTime(QDateTime(QDate(2024, 6, 1), QTime(0, 0, 0)));

    const QString query = submitted();
    QCOMPARE(query, u"opened_at>javascript:gs.dateGenerate('2024-06-01','00:00:00')"_s);

    // The admin user's time zone is America/Los_Angeles: midnight there is 07:00 UTC in June.
    const QList<snow::Record> records = runQuery(query, {u"opened_at"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY2(record.value(u"opened_at") > u"2024-06-01 07:00:00"_s, qPrintable(record.value(u"opened_at")));
}

void QueryPanelTest::dateBetweenFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"opened_at"_s);
    pickOperator(row, QueryBuilder::Operator::Between);
    auto *editor = qobject_cast<BetweenValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    auto *start = qobject_cast<DateValueEditor *>(editor->startEditor());
    auto *end = qobject_cast<DateValueEditor *>(editor->endEditor());
    QVERIFY(start);
    QVERIFY(end);
    start->dateEdit()->setDateTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0, 0)));
    end->dateEdit()->setDateTime(QDateTime(QDate(2024, 3, 31), QTime(23, 59, 59)));

    const QString query = submitted();
    QCOMPARE(query, u"opened_atBETWEENjavascript:gs.dateGenerate('2024-01-01','00:00:00')"
                    "@javascript:gs.dateGenerate('2024-03-31','23:59:59')"_s);
    const QList<snow::Record> records = runQuery(query, {u"opened_at"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records) {
        QVERIFY(record.value(u"opened_at") >= u"2024-01-01 08:00:00"_s);
        QVERIFY(record.value(u"opened_at") <= u"2024-04-01 06:59:59"_s);
    }
}

void QueryPanelTest::dateFieldFilters()
{
    // last_login is a date field (glide_date): the editor offers a day without a time.
    const QString day = runQuery(u"last_loginISNOTEMPTY^ORDERBYDESClast_login"_s, {u"last_login"_s}, 1, u"sys_user"_s)
                            .value(0)
                            .value(u"last_login");
    QCOMPARE(day.size(), 10);
    const QDate date = QDate::fromString(day, u"yyyy-MM-dd"_s);
    QVERIFY(date.isValid());

    createPanel(u"sys_user"_s);
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"last_login"_s);
    pickOperator(row, QueryBuilder::Operator::On);
    auto *editor = qobject_cast<DateValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QCOMPARE(editor->dateEdit()->displayFormat(), u"yyyy-MM-dd"_s);
    editor->dateEdit()->setDate(date);

    const QString query = submitted();
    QCOMPARE(query, u"last_loginON%1@javascript:gs.dateGenerate('%1','start')@javascript:gs.dateGenerate('%1','end')"_s.arg(day));
    const QList<snow::Record> records = runQuery(query, {u"last_login"_s}, 0, u"sys_user"_s);
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QCOMPARE(record.value(u"last_login"), day);
}

void QueryPanelTest::datePresetsEncode_data()
{
    QTest::addColumn<QueryBuilder::Operator>("op");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("expected");

    using Op = QueryBuilder::Operator;
    QTest::newRow("on today") << Op::On << u"Today"_s
                              << u"opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s;
    QTest::newRow("not on yesterday") << Op::NotOn << u"Yesterday"_s
                                      << u"opened_atNOTONYesterday@javascript:gs.beginningOfYesterday()@javascript:gs.endOfYesterday()"_s;
    QTest::newRow("on last 7 days") << Op::On << u"Last 7 days"_s
                                    << u"opened_atONLast 7 days@javascript:gs.daysAgoStart(7)@javascript:gs.daysAgoEnd(0)"_s;
    QTest::newRow("at or after last 7 days") << Op::GreaterThanOrEqual << u"Last 7 days"_s
                                             << u"opened_at>=javascript:gs.daysAgoStart(7)"_s;
    QTest::newRow("after this week") << Op::GreaterThan << u"This week"_s << u"opened_at>javascript:gs.endOfThisWeek()"_s;
    QTest::newRow("before this month") << Op::LessThan << u"This month"_s
                                       << u"opened_at<javascript:gs.beginningOfThisMonth()"_s;
    QTest::newRow("at or before last 30 days") << Op::LessThanOrEqual << u"Last 30 days"_s
                                               << u"opened_at<=javascript:gs.daysAgoEnd(0)"_s;
}

void QueryPanelTest::datePresetsEncode()
{
    QFETCH(QueryBuilder::Operator, op);
    QFETCH(QString, preset);
    QFETCH(QString, expected);

    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"opened_at"_s);
    pickOperator(row, op);
    auto *editor = qobject_cast<DateValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    pickComboText(editor->rangeBox(), preset);
    QVERIFY(editor->dateEdit()->isHidden());

    const QString query = submitted();
    QCOMPARE(query, expected);

    // Seeded incidents end before 2025, so these recent ranges match none, without an error.
    snow::GetOptions options;
    options.limit = 5;
    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/incident"_s).get(query, options));
    QVERIFY(response->waitForFinished(10000));
    QVERIFY(!response->error().isError());
}

void QueryPanelTest::durationFieldFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"business_duration"_s);
    pickOperator(row, QueryBuilder::Operator::GreaterThan);
    auto *editor = qobject_cast<DurationValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    editor->daysBox()->setValue(1);
    editor->timeEdit()->setTime(QTime(12, 0, 0));

    const QString query = submitted();
    QCOMPARE(query, u"business_duration>1970-01-02 12:00:00"_s);
    const QList<snow::Record> records = runQuery(query, {u"business_duration"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"business_duration") > u"1970-01-02 12:00:00"_s);
}

void QueryPanelTest::relativeDateFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"opened_at"_s);
    pickOperator(row, QueryBuilder::Operator::RelativeGreaterThan);
    auto *editor = qobject_cast<RelativeValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    editor->amountBox()->setValue(3);
    pickComboText(editor->unitBox(), u"years"_s);

    const QString query = submitted();
    QCOMPARE(query, u"opened_atRELATIVEGT@year@ago@3"_s);

    // The emulator counts a year as 365 days.
    const QString threshold = QDateTime::currentDateTimeUtc().addSecs(-3LL * 365 * 86400).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const QList<snow::Record> records = runQuery(query, {u"opened_at"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"opened_at") > threshold.left(10));
}

void QueryPanelTest::choiceListFilters()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"priority"_s);
    pickOperator(row, QueryBuilder::Operator::In);
    auto *editor = qobject_cast<ChoiceListValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    const QList<QAction *> actions = editor->menu()->actions();
    QVERIFY(actions.size() >= 2);
    actions.at(0)->setChecked(true);
    actions.at(1)->setChecked(true);
    QCOMPARE(editor->button()->text(), u"1 - Critical, 2 - High"_s);

    const QString query = submitted();
    QCOMPARE(query, u"priorityIN1,2"_s);
    const QList<snow::Record> records = runQuery(query, {u"priority"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records)
        QVERIFY(record.value(u"priority") == u"1" || record.value(u"priority") == u"2");
}

void QueryPanelTest::orGroupFilters()
{
    createPanel();
    ConditionRowWidget *first = addRow();
    pickField(first->fieldPicker(), u"priority"_s);
    pickComboText(qobject_cast<ComboValueEditor *>(first->valueEditor())->comboBox(), u"1 - Critical"_s);

    ConditionRowWidget *second = addRow(QueryBuilder::Join::Or);
    QVERIFY(second);
    QCOMPARE(m_panel->rows().size(), 2);
    QVERIFY(!second->joinBox()->isHidden());
    QCOMPARE(second->joinBox()->currentText(), u"or"_s);
    pickField(second->fieldPicker(), u"priority"_s);
    pickComboText(qobject_cast<ComboValueEditor *>(second->valueEditor())->comboBox(), u"5 - Planning"_s);

    const QString query = submitted();
    QCOMPARE(query, u"priority=1^ORpriority=5"_s);
    const QList<snow::Record> records = runQuery(query, {u"priority"_s});
    QVERIFY(!records.isEmpty());
    bool sawPlanning = false;
    for (const snow::Record &record : records) {
        QVERIFY(record.value(u"priority") == u"1" || record.value(u"priority") == u"5");
        sawPlanning = sawPlanning || record.value(u"priority") == u"5";
    }
    QVERIFY(sawPlanning);
}

void QueryPanelTest::newQueryGroupFilters()
{
    createPanel();
    m_panel->pasteEncodedQuery(u"active=true^priority=1"_s);
    m_panel->rows().last()->setFocus();
    ConditionRowWidget *group = addRow(QueryBuilder::Join::NewQuery);
    pickField(group->fieldPicker(), u"state"_s);
    pickComboText(qobject_cast<ComboValueEditor *>(group->valueEditor())->comboBox(), u"Closed"_s);

    const QString query = submitted();
    QCOMPARE(query, u"active=true^priority=1^NQstate=7"_s);
    const QList<snow::Record> records = runQuery(query, {u"active"_s, u"priority"_s, u"state"_s});
    QVERIFY(!records.isEmpty());
    for (const snow::Record &record : records) {
        const bool firstGroup = record.value(u"active") == u"true" && record.value(u"priority") == u"1";
        QVERIFY(firstGroup || record.value(u"state") == u"7");
    }
}

void QueryPanelTest::orderingSorts()
{
    createPanel();
    m_panel->pasteEncodedQuery(u"active=true"_s);
    m_panel->addOrdering();
    auto *order = qobject_cast<OrderRowWidget *>(m_panel->rows().last());
    QVERIFY(order);
    pickField(order->fieldPicker(), u"number"_s);
    pickComboText(order->directionBox(), order->directionBox()->itemText(1));

    const QString query = submitted();
    QCOMPARE(query, u"active=true^ORDERBYDESCnumber"_s);
    const QList<snow::Record> records = runQuery(query, {u"number"_s}, 50);
    QVERIFY(records.size() > 1);
    for (qsizetype i = 1; i < records.size(); ++i)
        QVERIFY(records.at(i - 1).value(u"number") > records.at(i).value(u"number"));
}

void QueryPanelTest::typedCaretAddsNothing()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"short_description"_s);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);
    QTest::keyClicks(editor->lineEdit(), u"x^ORactive=true"_s);

    const QString query = submitted();
    QCOMPARE(query, u"short_description=x^^ORactive=true"_s);
    QCOMPARE(m_panel->queryText()->text(), query);
    // Unescaped, the text would have matched every active incident.
    QVERIFY(runQuery(query, {u"number"_s}).isEmpty());
    QVERIFY(!runQuery(u"short_description=x^ORactive=true"_s, {u"number"_s}).isEmpty());
}

void QueryPanelTest::operatorsFitType_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("mustHave");
    QTest::addColumn<QStringList>("mustLack");

    QTest::newRow("string") << u"short_description"_s
                            << QStringList{u"is"_s, u"is not"_s, u"contains"_s, u"does not contain"_s, u"starts with"_s,
                                           u"ends with"_s, u"is empty"_s, u"is not empty"_s, u"is one of"_s,
                                           u"less than"_s, u"greater than"_s, u"between"_s}
                            << QStringList{u"on"_s, u"before"_s};
    QTest::newRow("integer") << u"reassignment_count"_s
                             << QStringList{u"is"_s, u"less than"_s, u"greater than"_s, u"between"_s, u"is one of"_s}
                             << QStringList{u"contains"_s, u"on"_s};
    QTest::newRow("boolean") << u"active"_s << QStringList{u"is"_s, u"is not"_s, u"is empty"_s}
                             << QStringList{u"contains"_s, u"greater than"_s, u"between"_s};
    QTest::newRow("choice") << u"state"_s << QStringList{u"is"_s, u"is not"_s, u"is one of"_s, u"is not one of"_s}
                            << QStringList{u"on"_s, u"between"_s};
    QTest::newRow("reference") << u"assigned_to"_s
                               << QStringList{u"is"_s, u"is not"_s, u"starts with"_s, u"is empty"_s, u"is (dynamic)"_s}
                               << QStringList{u"between"_s, u"on"_s};
    QTest::newRow("date-time") << u"opened_at"_s
                               << QStringList{u"on"_s, u"not on"_s, u"before"_s, u"after"_s, u"between"_s, u"relative after"_s}
                               << QStringList{u"contains"_s, u"starts with"_s};
    QTest::newRow("duration") << u"business_duration"_s << QStringList{u"less than"_s, u"greater than"_s, u"between"_s}
                              << QStringList{u"contains"_s, u"on"_s};
}

void QueryPanelTest::operatorsFitType()
{
    QFETCH(QString, field);
    QFETCH(QStringList, mustHave);
    QFETCH(QStringList, mustLack);

    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), field);
    QStringList offered;
    for (int i = 0; i < row->operatorBox()->count(); ++i)
        offered.append(row->operatorBox()->itemText(i));
    for (const QString &label : std::as_const(mustHave))
        QVERIFY2(offered.contains(label), qPrintable(label));
    for (const QString &label : std::as_const(mustLack))
        QVERIFY2(!offered.contains(label), qPrintable(label));
}

void QueryPanelTest::pastedQueryUnchanged_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("kinds");
    for (const QuerySample &sample : querySamples())
        QTest::newRow(sample.name) << sample.encoded << sample.rowKinds;
}

void QueryPanelTest::pastedQueryUnchanged()
{
    QFETCH(QString, encoded);
    QFETCH(QString, kinds);

    createPanel();
    QAbstractItemModelTester tester(m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->pasteEncodedQuery(encoded);

    QCOMPARE(m_panel->rows().size(), kinds.size());
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        QueryRowWidget *row = m_panel->rows().at(i);
        const QChar kind = kinds.at(i);
        if (kind == u'C')
            QVERIFY(qobject_cast<ConditionRowWidget *>(row));
        else if (kind == u'O')
            QVERIFY(qobject_cast<OrderRowWidget *>(row));
        else
            QVERIFY(qobject_cast<VerbatimRowWidget *>(row));
    }
    QCOMPARE(m_panel->encodedQuery(), encoded);
    QCOMPARE(m_panel->queryText()->text(), encoded);
    QCOMPARE(submitted(), encoded);
}

void QueryPanelTest::pastedValuesShownFriendly()
{
    createPanel();
    m_panel->pasteEncodedQuery(u"state=2^active=false^priorityIN1,3^opened_atONLast 30 days@javascript:gs.daysAgoStart(30)"
                               "@javascript:gs.daysAgoEnd(0)^business_duration<1970-01-01 04:00:00^state=In Progress"_s);
    QCOMPARE(m_panel->rows().size(), 6);

    auto *state = qobject_cast<ComboValueEditor *>(conditionRow(0)->valueEditor());
    QVERIFY(state);
    QCOMPARE(state->comboBox()->currentText(), u"In Progress"_s);
    auto *active = qobject_cast<ComboValueEditor *>(conditionRow(1)->valueEditor());
    QVERIFY(active);
    QCOMPARE(active->comboBox()->currentText(), u"false"_s);
    auto *priorities = qobject_cast<ChoiceListValueEditor *>(conditionRow(2)->valueEditor());
    QVERIFY(priorities);
    QCOMPARE(priorities->button()->text(), u"1 - Critical, 3 - Moderate"_s);
    auto *opened = qobject_cast<DateValueEditor *>(conditionRow(3)->valueEditor());
    QVERIFY(opened);
    QCOMPARE(opened->rangeBox()->currentText(), u"Last 30 days"_s);
    auto *duration = qobject_cast<DurationValueEditor *>(conditionRow(4)->valueEditor());
    QVERIFY(duration);
    QCOMPARE(duration->timeEdit()->time(), QTime(4, 0));

    // A label where the value belongs does not fit the choice list: it shows as text, unchanged.
    auto *label = qobject_cast<TextValueEditor *>(conditionRow(5)->valueEditor());
    QVERIFY(label);
    QCOMPARE(label->lineEdit()->text(), u"In Progress"_s);
    QCOMPARE(conditionRow(0)->operatorBox()->currentText(), u"is"_s);
}

void QueryPanelTest::pastedSysIdShowsName()
{
    const QList<snow::Record> users = [this] {
        snow::GetOptions options;
        options.limit = 1;
        options.fields = {u"sys_id"_s};
        std::unique_ptr<snow::Response> response(m_client->resource(u"/table/sys_user"_s).get(u"name=Beth Anglin"_s, options));
        response->waitForFinished(10000);
        return response->records();
    }();
    QCOMPARE(users.size(), 1);
    const QString sysId = users.first().sysId();

    createPanel();
    m_panel->pasteEncodedQuery(u"assigned_to="_s + sysId);
    auto *editor = qobject_cast<ReferenceValueEditor *>(conditionRow(0)->valueEditor());
    QVERIFY(editor);
    QTRY_COMPARE_WITH_TIMEOUT(editor->lineEdit()->text(), u"Beth Anglin"_s, 10000);
    QCOMPARE(m_panel->encodedQuery(), u"assigned_to="_s + sysId);
}

void QueryPanelTest::enterRunsQuery()
{
    createPanel();
    ConditionRowWidget *row = addRow();
    pickField(row->fieldPicker(), u"number"_s);
    pickOperator(row, QueryBuilder::Operator::StartsWith);
    auto *editor = qobject_cast<TextValueEditor *>(row->valueEditor());
    QVERIFY(editor);

    QSignalSpy spy(m_panel.get(), &QueryPanel::querySubmitted);
    QTest::keyClicks(editor->lineEdit(), u"INC00101"_s);
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), u"numberSTARTSWITHINC00101"_s);

    // Enter on the operator dropdown runs it too.
    QTest::keyClick(row->operatorBox(), Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(spy.count(), 2);
}

void QueryPanelTest::shortcutsEditRows()
{
    createPanel();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->pasteEncodedQuery(u"active=true^priority=1^ORDERBYnumber"_s);
    m_panel->rows().at(0)->setFocus();
    QCOMPARE(m_panel->focusedRow(), 0);

    // A new row goes after the focused one and takes the focus.
    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QCOMPARE(m_panel->rows().size(), 4);
    QCOMPARE(m_panel->focusedRow(), 1);
    QCOMPARE(m_panel->model()->term(1).join, QueryBuilder::Join::Or);
    QCOMPARE(m_panel->encodedQuery(), u"active=true^priority=1^ORDERBYnumber"_s);

    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QCOMPARE(m_panel->rows().size(), 3);
    QCOMPARE(m_panel->focusedRow(), 1);

    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QCOMPARE(m_panel->encodedQuery(), u"priority=1^active=true^ORDERBYnumber"_s);
    QCOMPARE(m_panel->focusedRow(), 0);

    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    QCOMPARE(m_panel->encodedQuery(), u"active=true^priority=1^ORDERBYnumber"_s);

    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QCOMPARE(m_panel->rows().size(), 4);
    QVERIFY(qobject_cast<OrderRowWidget *>(m_panel->rows().last()));

    m_panel->rows().first()->setFocus();
    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QCOMPARE(m_panel->model()->term(1).join, QueryBuilder::Join::NewQuery);
}

void QueryPanelTest::rowButtonsMoveAndRemove()
{
    createPanel();
    m_panel->pasteEncodedQuery(u"a=1^b=2^c=3"_s);
    QVERIFY(!m_panel->rows().first()->upButton()->isEnabled());
    QVERIFY(!m_panel->rows().last()->downButton()->isEnabled());

    QTest::mouseClick(m_panel->rows().at(0)->downButton(), Qt::LeftButton);
    QCOMPARE(m_panel->encodedQuery(), u"b=2^a=1^c=3"_s);
    QTest::mouseClick(m_panel->rows().at(2)->upButton(), Qt::LeftButton);
    QCOMPARE(m_panel->encodedQuery(), u"b=2^c=3^a=1"_s);
    QTest::mouseClick(m_panel->rows().at(1)->removeButton(), Qt::LeftButton);
    QCOMPARE(m_panel->encodedQuery(), u"b=2^a=1"_s);
}

void QueryPanelTest::fieldSearchByTyping()
{
    createPanel();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    ConditionRowWidget *row = addRow();
    FieldPicker *picker = row->fieldPicker();
    picker->setFocus();
    QTRY_VERIFY(picker->hasFocus());

    // "caller_i" matches the name of the Caller field, not its label.
    QTest::keyClicks(picker, u"caller_i"_s);
    QCompleter *completer = picker->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), u"Caller (caller_id)"_s);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);

    row = conditionRow(0);
    QCOMPARE(row->fieldPicker()->currentField(), u"caller_id"_s);
    QTRY_COMPARE(row->fieldPicker()->currentText(), u"Caller"_s);
    QVERIFY(qobject_cast<ReferenceValueEditor *>(row->valueEditor()));

    // Typing part of a label finds fields by label.
    picker->lineEdit()->clear();
    QTest::keyClicks(picker, u"reassign"_s);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), u"Reassignment count (reassignment_count)"_s);
    QTest::keyClick(completer->popup(), Qt::Key_Escape);
}

void QueryPanelTest::copyAndPasteShortcuts()
{
    createPanel();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->pasteEncodedQuery(u"active=true^priority=1"_s);
    m_panel->queryText()->setFocus();

    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"active=true^priority=1"_s);

    QGuiApplication::clipboard()->setText(u"  stateIN1,2^123TEXTQUERY321=disk\n"_s);
    QTest::keySequence(m_panel.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QCOMPARE(m_panel->encodedQuery(), u"stateIN1,2^123TEXTQUERY321=disk"_s);
    QCOMPARE(m_panel->pasteField()->text(), u"stateIN1,2^123TEXTQUERY321=disk"_s);
    QVERIFY(qobject_cast<VerbatimRowWidget *>(m_panel->rows().at(1)));

    // Enter in the paste field applies the text and runs it.
    QSignalSpy spy(m_panel.get(), &QueryPanel::querySubmitted);
    m_panel->pasteField()->setText(u"priority=2"_s);
    QTest::keyClick(m_panel->pasteField(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), u"priority=2"_s);
}

void QueryPanelTest::unfinishedRowKeptOnReload()
{
    createPanel();
    m_panel->setEncodedQuery(u"active=true"_s);
    m_panel->addCondition(QueryBuilder::Join::And);
    QCOMPARE(m_panel->rows().size(), 2);

    // The browser shows the same query again after a reload: the new row stays.
    m_panel->setEncodedQuery(u"active=true"_s);
    QCOMPARE(m_panel->rows().size(), 2);

    // Another query replaces the rows.
    m_panel->setEncodedQuery(u"priority=1"_s);
    QCOMPARE(m_panel->rows().size(), 1);
    QCOMPARE(m_panel->encodedQuery(), u"priority=1"_s);
}

void QueryPanelTest::savedQueryLoads()
{
    createPanel();
    m_panel->pasteEncodedQuery(u"state=2^ORDERBYnumber"_s);
    QVERIFY(m_panel->saveQuery(u"In progress"_s));
    QVERIFY(!m_panel->saveQuery(u"  "_s));
    QCOMPARE(SavedQueryStore(u"test-profile"_s).savedQuery(u"incident"_s, u"In progress"_s), u"state=2^ORDERBYnumber"_s);

    m_panel->clearRows();
    QSignalSpy spy(m_panel.get(), &QueryPanel::querySubmitted);
    QVERIFY(m_panel->loadSavedQuery(u"In progress"_s));
    QVERIFY(!m_panel->loadSavedQuery(u"Missing"_s));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), u"state=2^ORDERBYnumber"_s);
    QCOMPARE(m_panel->rows().size(), 2);

    // The menu lists the saved query; triggering it loads and runs it again.
    QMenu *menu = m_panel->savedButton()->menu();
    Q_EMIT menu->aboutToShow();
    QAction *load = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == u"In progress")
            load = action;
    }
    QVERIFY(load);
    load->trigger();
    QCOMPARE(spy.count(), 2);
}

void QueryPanelTest::recentMenuLists()
{
    createPanel();
    m_panel->store()->addRecent(u"incident"_s, u"state=2"_s);
    m_panel->store()->addRecent(u"incident"_s, u"active=true^priority=1"_s);

    QMenu *menu = m_panel->recentButton()->menu();
    Q_EMIT menu->aboutToShow();
    QStringList texts;
    for (QAction *action : menu->actions())
        texts.append(action->text());
    QCOMPARE(texts.value(0), u"Active = true > Priority = 1 - Critical"_s);
    QCOMPARE(texts.value(1), u"State = In Progress"_s);

    QSignalSpy spy(m_panel.get(), &QueryPanel::querySubmitted);
    menu->actions().at(1)->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), u"state=2"_s);
}

QTEST_MAIN(QueryPanelTest)
#include "tst_query_panel.moc"
