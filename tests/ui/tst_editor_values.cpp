// The record editor's pure logic: wire formats, drafts as JSON, conflict detection,
// the conflict model and the form's field order.

#include "editor/conflictmodel.h"
#include "editor/conflicts.h"
#include "editor/fieldpanel.h"
#include "editor/fieldvalue.h"
#include "editor/recorddraft.h"

#include <snow/record.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <optional>

using namespace Qt::StringLiterals;

class EditorValuesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dateTimeParse_data();
    void dateTimeParse();
    void dateTimeFormatConvertsToUtc();
    void dateParse_data();
    void dateParse();
    void durationRoundTrip_data();
    void durationRoundTrip();
    void durationRejectsText();
    void fieldValueOfRecord();
    void draftJsonRoundTrip();
    void draftRejectsBadJson_data();
    void draftRejectsBadJson();
    void conflictsFindsBothSides();
    void conflictsSkipsSameValue();
    void conflictsSkipsSystemFields();
    void conflictModelRadioChoice();
    void conflictModelAllChoices();
    void layoutPlanCommonFirst();
    void layoutPlanSkipsPlainState();
    void layoutPlanJournals();

private:
    static TableSchema sampleSchema();
};

TableSchema EditorValuesTest::sampleSchema()
{
    TableSchema schema;
    schema.table = u"incident"_s;
    schema.label = u"Incident"_s;
    const auto add = [&schema](const QString &name, const QString &label, FieldType type, const QString &internalType,
                               bool mandatory = false, bool readOnly = false) {
        FieldInfo info;
        info.name = name;
        info.label = label;
        info.type = type;
        info.internalType = internalType;
        info.mandatory = mandatory;
        info.readOnly = readOnly;
        info.isDisplay = name == u"number";
        schema.fields.append(info);
    };
    // Sorted by label, as SchemaCache sorts them.
    add(u"comments"_s, u"Additional comments"_s, FieldType::Journal, u"journal_input"_s);
    add(u"caller_id"_s, u"Caller"_s, FieldType::Reference, u"reference"_s, true);
    add(u"category"_s, u"Category"_s, FieldType::Choice, u"string"_s);
    add(u"comments_and_work_notes"_s, u"Comments and Work notes"_s, FieldType::Journal, u"journal_list"_s);
    add(u"business_stc"_s, u"Business resolve time"_s, FieldType::Integer, u"integer"_s);
    add(u"description"_s, u"Description"_s, FieldType::String, u"string"_s);
    add(u"location"_s, u"Location"_s, FieldType::Reference, u"reference"_s);
    add(u"number"_s, u"Number"_s, FieldType::String, u"string"_s, false, true);
    add(u"short_description"_s, u"Short description"_s, FieldType::String, u"string"_s);
    add(u"state"_s, u"State"_s, FieldType::Choice, u"integer"_s);
    add(u"sys_mod_count"_s, u"Updates"_s, FieldType::Integer, u"integer"_s, false, true);
    add(u"urgency"_s, u"Urgency"_s, FieldType::Choice, u"integer"_s);
    add(u"work_notes"_s, u"Work notes"_s, FieldType::Journal, u"journal_input"_s);
    add(u"u_vendor"_s, u"Vendor"_s, FieldType::String, u"string"_s, true);
    return schema;
}

void EditorValuesTest::dateTimeParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("epochSeconds");

    QTest::newRow("epoch") << u"1970-01-01 00:00:00"_s << true << qint64(0);
    QTest::newRow("summer") << u"2024-07-01 16:30:00"_s << true << qint64(1719851400);
    QTest::newRow("leap day") << u"2024-02-29 23:59:59"_s << true << qint64(1709251199);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("date only") << u"2024-07-01"_s << false << qint64(0);
    QTest::newRow("T separator") << u"2024-07-01T16:30:00"_s << false << qint64(0);
    QTest::newRow("bad month") << u"2024-13-01 00:00:00"_s << false << qint64(0);
    QTest::newRow("bad hour") << u"2024-01-01 24:00:00"_s << false << qint64(0);
    QTest::newRow("trailing zone") << u"2024-07-01 16:30:00Z"_s << false << qint64(0);
}

void EditorValuesTest::dateTimeParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, epochSeconds);

    const QDateTime parsed = WireValues::parseDateTime(text);
    QCOMPARE(parsed.isValid(), valid);
    if (valid) {
        QCOMPARE(parsed.toSecsSinceEpoch(), epochSeconds);
        QCOMPARE(WireValues::formatDateTime(parsed), text);
    }
}

void EditorValuesTest::dateTimeFormatConvertsToUtc()
{
    const QTimeZone losAngeles("America/Los_Angeles");
    QVERIFY(losAngeles.isValid());
    // 09:30 in Los Angeles is 16:30 UTC in summer (PDT) and 17:30 in winter (PST).
    QCOMPARE(WireValues::formatDateTime(QDateTime(QDate(2024, 7, 1), QTime(9, 30), losAngeles)), u"2024-07-01 16:30:00"_s);
    QCOMPARE(WireValues::formatDateTime(QDateTime(QDate(2024, 1, 15), QTime(9, 30), losAngeles)), u"2024-01-15 17:30:00"_s);
    QCOMPARE(WireValues::formatDateTime(QDateTime()), QString());
}

void EditorValuesTest::dateParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");

    QTest::newRow("plain") << u"2025-03-04"_s << QDate(2025, 3, 4);
    QTest::newRow("empty") << QString() << QDate();
    QTest::newRow("with time") << u"2025-03-04 00:00:00"_s << QDate();
    QTest::newRow("invalid day") << u"2025-02-30"_s << QDate();
    QTest::newRow("slashes") << u"2025/03/04"_s << QDate();
}

void EditorValuesTest::dateParse()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);

    QCOMPARE(WireValues::parseDate(text), date);
    if (date.isValid())
        QCOMPARE(WireValues::formatDate(date), text);
}

void EditorValuesTest::durationRoundTrip_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<qint64>("seconds");

    QTest::newRow("zero") << u"1970-01-01 00:00:00"_s << qint64(0);
    QTest::newRow("minutes") << u"1970-01-01 00:05:30"_s << qint64(330);
    QTest::newRow("one day three hours") << u"1970-01-02 03:00:00"_s << qint64(97200);
    QTest::newRow("forty days") << u"1970-02-10 01:00:00"_s << qint64(40 * 86400 + 3600);
}

void EditorValuesTest::durationRoundTrip()
{
    QFETCH(QString, stored);
    QFETCH(qint64, seconds);

    QCOMPARE(WireValues::parseDuration(stored), std::optional<qint64>(seconds));
    QCOMPARE(WireValues::formatDuration(seconds), stored);
}

void EditorValuesTest::durationRejectsText()
{
    QCOMPARE(WireValues::parseDuration(u"2 days"_s), std::nullopt);
    QCOMPARE(WireValues::parseDuration(QString()), std::nullopt);
    QCOMPARE(WireValues::parseDuration(u"1969-12-31 23:59:59"_s), std::nullopt);
    QCOMPARE(WireValues::formatDuration(-5), u"1970-01-01 00:00:00"_s);
}

void EditorValuesTest::fieldValueOfRecord()
{
    const snow::Record record = snow::Record::fromValues({{u"number"_s, u"INC0010001"_s}});
    QCOMPARE(fieldValueOf(record, u"number"_s), (FieldValue{u"INC0010001"_s, u"INC0010001"_s}));
    QCOMPARE(fieldValueOf(record, u"missing"_s), FieldValue());
}

void EditorValuesTest::draftJsonRoundTrip()
{
    RecordDraft draft;
    draft.id = u"0f6b3a52-5c1e-4a4b-9a3e-1d2c3b4a5f60"_s;
    draft.profileId = u"demo"_s;
    draft.instanceLabel = u"Demo instance"_s;
    draft.table = u"incident"_s;
    draft.tableLabel = u"Incident"_s;
    draft.sysId = u"1aa8b49d875c0e5452e6d7973d781405"_s;
    draft.title = u"INC0010001"_s;
    draft.loadedModCount = u"6"_s;
    draft.loadedUpdatedOn = u"2024-05-01 10:00:00"_s;
    draft.loadedValues.insert(u"caller_id"_s, {u"aaa"_s, u"Abel Tuter"_s});
    draft.edits.insert(u"caller_id"_s, {u"bbb"_s, u"Beth Anglin"_s});
    draft.edits.insert(u"comments"_s, {u"Line one\nLine \"two\""_s, u"Line one\nLine \"two\""_s});
    draft.savedAt = QDateTime(QDate(2025, 3, 4), QTime(10, 15, 0), QTimeZone::utc());

    const QByteArray text = QJsonDocument(draft.toJson()).toJson();
    QString error;
    const std::optional<RecordDraft> read = RecordDraft::fromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->id, draft.id);
    QCOMPARE(read->profileId, draft.profileId);
    QCOMPARE(read->instanceLabel, draft.instanceLabel);
    QCOMPARE(read->table, draft.table);
    QCOMPARE(read->tableLabel, draft.tableLabel);
    QCOMPARE(read->sysId, draft.sysId);
    QCOMPARE(read->title, draft.title);
    QCOMPARE(read->loadedModCount, draft.loadedModCount);
    QCOMPARE(read->loadedUpdatedOn, draft.loadedUpdatedOn);
    QCOMPARE(read->loadedValues, draft.loadedValues);
    QCOMPARE(read->edits, draft.edits);
    QCOMPARE(read->savedAt, draft.savedAt);
    QVERIFY(!read->isNewRecord());
}

void EditorValuesTest::draftRejectsBadJson_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("newer format") << QByteArray(R"({"format": 99, "id": "a", "table": "incident", "edits": {}})");
    QTest::newRow("no id") << QByteArray(R"({"format": 1, "table": "incident", "edits": {}})");
    QTest::newRow("no table") << QByteArray(R"({"format": 1, "id": "a", "edits": {}})");
    QTest::newRow("edits not object") << QByteArray(R"({"format": 1, "id": "a", "table": "incident", "edits": []})");
}

void EditorValuesTest::draftRejectsBadJson()
{
    QFETCH(QByteArray, json);

    QString error;
    QVERIFY(!RecordDraft::fromJson(QJsonDocument::fromJson(json).object(), &error));
    QVERIFY(!error.isEmpty());
}

void EditorValuesTest::conflictsFindsBothSides()
{
    const TableSchema schema = sampleSchema();
    const QHash<QString, FieldValue> loaded = {
        {u"short_description"_s, {u"Printer jam"_s, u"Printer jam"_s}},
        {u"urgency"_s, {u"3"_s, u"3 - Low"_s}},
        {u"category"_s, {u"hardware"_s, u"Hardware"_s}},
    };
    const snow::Record theirs = snow::Record::fromValues({
        {u"short_description"_s, u"Printer jam on floor 2"_s},
        {u"urgency"_s, u"1"_s},
        {u"category"_s, u"hardware"_s},
    });
    const QMap<QString, FieldValue> edits = {
        {u"short_description"_s, {u"Printer jam, tray 3"_s, u"Printer jam, tray 3"_s}},
        {u"category"_s, {u"software"_s, u"Software"_s}},
    };

    const QList<FieldConflict> conflicts = findConflicts(schema, loaded, theirs, edits);
    QCOMPARE(conflicts.size(), 2);
    QCOMPARE(conflicts.at(0).field, u"short_description"_s);
    QVERIFY(conflicts.at(0).edited);
    QCOMPARE(conflicts.at(0).loaded.value, u"Printer jam"_s);
    QCOMPARE(conflicts.at(0).theirs.value, u"Printer jam on floor 2"_s);
    QCOMPARE(conflicts.at(0).mine.value, u"Printer jam, tray 3"_s);
    QCOMPARE(conflicts.at(1).field, u"urgency"_s);
    QVERIFY(!conflicts.at(1).edited);
    QCOMPARE(conflicts.at(1).theirs.value, u"1"_s);
}

void EditorValuesTest::conflictsSkipsSameValue()
{
    const TableSchema schema = sampleSchema();
    const QHash<QString, FieldValue> loaded = {{u"urgency"_s, {u"3"_s, u"3 - Low"_s}}};
    const snow::Record theirs = snow::Record::fromValues({{u"urgency"_s, u"1"_s}});
    const QMap<QString, FieldValue> edits = {{u"urgency"_s, {u"1"_s, u"1 - High"_s}}};

    QVERIFY(findConflicts(schema, loaded, theirs, edits).isEmpty());
}

void EditorValuesTest::conflictsSkipsSystemFields()
{
    const TableSchema schema = sampleSchema();
    const QHash<QString, FieldValue> loaded = {{u"sys_mod_count"_s, {u"4"_s, u"4"_s}}, {u"comments"_s, {}}};
    const snow::Record theirs = snow::Record::fromValues({{u"sys_mod_count"_s, u"5"_s}, {u"comments"_s, u"new entry"_s}});

    QVERIFY(findConflicts(schema, loaded, theirs, {}).isEmpty());
}

void EditorValuesTest::conflictModelRadioChoice()
{
    FieldConflict edited;
    edited.field = u"short_description"_s;
    edited.label = u"Short description"_s;
    edited.loaded = {u"a"_s, u"a"_s};
    edited.theirs = {u"b"_s, u"b"_s};
    edited.mine = {u"c"_s, u"c"_s};
    edited.edited = true;
    FieldConflict theirsOnly;
    theirsOnly.field = u"urgency"_s;
    theirsOnly.label = u"Urgency"_s;
    theirsOnly.loaded = {u"3"_s, u"3 - Low"_s};
    theirsOnly.theirs = {u"1"_s, u"1 - High"_s};

    ConflictModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConflicts({edited, theirsOnly});

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.choiceCount(), 1);
    QCOMPARE(model.choice(0), ConflictModel::Choice::Mine);
    QCOMPARE(model.index(0, ConflictModel::MineColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, ConflictModel::MineColumn).data().toString(), u"(not edited)"_s);
    QCOMPARE(model.index(1, ConflictModel::TheirsColumn).data().toString(), u"1 - High"_s);
    QVERIFY(!(model.flags(model.index(1, ConflictModel::TheirsColumn)) & Qt::ItemIsUserCheckable));

    QVERIFY(model.setData(model.index(0, ConflictModel::TheirsColumn), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.choice(0), ConflictModel::Choice::Theirs);
    QCOMPARE(model.index(0, ConflictModel::MineColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model.fieldsKeepingTheirs(), QStringList{u"short_description"_s});

    QVERIFY(model.setData(model.index(0, ConflictModel::TheirsColumn), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.choice(0), ConflictModel::Choice::Mine);
    QVERIFY(!model.setData(model.index(1, ConflictModel::MineColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.fieldsKeepingTheirs().isEmpty());
}

void EditorValuesTest::conflictModelAllChoices()
{
    QList<FieldConflict> conflicts;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s}) {
        FieldConflict conflict;
        conflict.field = name;
        conflict.label = name.toUpper();
        conflict.edited = true;
        conflicts.append(conflict);
    }
    ConflictModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConflicts(conflicts);

    model.setAllChoices(ConflictModel::Choice::Theirs);
    QCOMPARE(model.fieldsKeepingTheirs(), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    model.setAllChoices(ConflictModel::Choice::Mine);
    QVERIFY(model.fieldsKeepingTheirs().isEmpty());
}

void EditorValuesTest::layoutPlanCommonFirst()
{
    const FormLayoutPlan plan = planFormLayout(sampleSchema());
    QCOMPARE(plan.mainFields,
             (QStringList{u"number"_s, u"caller_id"_s, u"state"_s, u"urgency"_s, u"category"_s, u"short_description"_s,
                          u"description"_s, u"u_vendor"_s}));
    QVERIFY(!plan.otherFields.contains(u"number"_s));
    QVERIFY(plan.otherFields.contains(u"location"_s));
    QCOMPARE(plan.mainFields.size() + plan.journalFields.size() + plan.otherFields.size(), sampleSchema().fields.size());
}

void EditorValuesTest::layoutPlanSkipsPlainState()
{
    // A user's "state" is part of an address, not a task state, so it stays with the others.
    TableSchema schema = sampleSchema();
    for (FieldInfo &info : schema.fields) {
        if (info.name == u"state")
            info.type = FieldType::String;
    }
    const FormLayoutPlan plan = planFormLayout(schema);
    QVERIFY(!plan.mainFields.contains(u"state"_s));
    QVERIFY(plan.otherFields.contains(u"state"_s));
    QVERIFY(plan.mainFields.contains(u"urgency"_s));
}

void EditorValuesTest::layoutPlanJournals()
{
    const FormLayoutPlan plan = planFormLayout(sampleSchema());
    QCOMPARE(plan.journalFields, (QStringList{u"comments"_s, u"work_notes"_s}));
    // A journal list takes no entries, so it goes with the other fields, read-only.
    QVERIFY(plan.otherFields.contains(u"comments_and_work_notes"_s));
}

QTEST_GUILESS_MAIN(EditorValuesTest)
#include "tst_editor_values.moc"
