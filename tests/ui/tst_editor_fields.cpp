// Each field type of the record form against the emulator: the editor chosen, the
// value shown after loading, and the value sent after typing into it.

#include "tst_editor_support.h"

#include "app/session.h"
#include "widgets/messagebanner.h"
#include "editor/choiceeditor.h"
#include "editor/datetimeeditors.h"
#include "editor/fieldpanel.h"
#include "editor/journaleditor.h"
#include "editor/referenceeditor.h"
#include "editor/texteditors.h"

#include <QtGui/QStandardItemModel>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTimeEdit>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorFieldsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void editorTypes_data();
    void editorTypes();
    void loadedFieldsUnchanged();
    void dateTimeShownInUserZone();
    void journalShowsHistory();
    void choiceShowsLabels();
    void editSendsWireValue_data();
    void editSendsWireValue();
    void referenceTypeAhead();
    void referenceUnknownTextInvalid();
    void referenceExactNamePicked();

private:
    RecordForm *openForm(const QString &table, const QString &sysId);
    void enterInput(FieldEditor *editor, const QString &input);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<RecordForm> m_form;
};

void EditorFieldsTest::initTestCase()
{
    m_server = startEmulator(40);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
}

void EditorFieldsTest::init()
{
    m_form.reset();
    m_server->clearRequestLog();
}

RecordForm *EditorFieldsTest::openForm(const QString &table, const QString &sysId)
{
    m_form = std::make_unique<RecordForm>(m_session.get());
    m_form->resize(1000, 800);
    m_form->show();
    m_form->openRecord(table, sysId);
    if (!waitForLoaded(m_form.get()))
        return nullptr;
    return m_form.get();
}

// Types @p input into @p editor as a user would, through its widgets.
void EditorFieldsTest::enterInput(FieldEditor *editor, const QString &input)
{
    if (auto *choice = qobject_cast<ChoiceFieldEditor *>(editor)) {
        const int index = choice->comboBox()->findText(input);
        QVERIFY2(index >= 0, qPrintable(u"no choice labelled "_s + input));
        choice->comboBox()->setCurrentIndex(index);
    } else if (auto *journal = qobject_cast<JournalFieldEditor *>(editor)) {
        journal->entryEdit()->setFocus();
        QTest::keyClicks(journal->entryEdit(), input);
    } else if (auto *duration = qobject_cast<DurationFieldEditor *>(editor)) {
        const QStringList parts = input.split(u' ');
        duration->daysBox()->setValue(parts.at(0).toInt());
        duration->timeEdit()->setTime(QTime::fromString(parts.at(1), u"HH:mm:ss"_s));
    } else if (auto *reference = qobject_cast<ReferenceFieldEditor *>(editor)) {
        QSignalSpy ready(reference, &ReferenceFieldEditor::suggestionsReady);
        reference->lineEdit()->setFocus();
        reference->lineEdit()->selectAll();
        QTest::keyClicks(reference->lineEdit(), input);
        QVERIFY(ready.wait(10000));
        QVERIFY(reference->suggestions()->rowCount() > 0);
        reference->chooseSuggestion(0);
    } else if (auto *boolean = qobject_cast<BooleanFieldEditor *>(editor)) {
        auto *checkBox = boolean->findChild<QCheckBox *>();
        if (checkBox->isChecked() != (input == u"true"))
            QTest::mouseClick(checkBox, Qt::LeftButton, {}, QPoint(4, checkBox->height() / 2));
    } else {
        auto *line = editor->findChild<QLineEdit *>();
        if (line) {
            line->setFocus();
            line->selectAll();
            QTest::keyClick(line, Qt::Key_Backspace);
            QTest::keyClicks(line, input);
        } else {
            auto *text = editor->findChild<QPlainTextEdit *>();
            QVERIFY(text);
            text->setFocus();
            text->selectAll();
            QTest::keyClick(text, Qt::Key_Backspace);
            QTest::keyClicks(text, input);
        }
    }
}

void EditorFieldsTest::editorTypes_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("editorClass");
    QTest::addColumn<bool>("readOnly");

    QTest::newRow("string") << u"incident"_s << u"short_description"_s << u"TextFieldEditor"_s << false;
    QTest::newRow("read-only string") << u"incident"_s << u"number"_s << u"TextFieldEditor"_s << true;
    QTest::newRow("long string") << u"incident"_s << u"close_notes"_s << u"TextFieldEditor"_s << false;
    QTest::newRow("integer") << u"incident"_s << u"reopen_count"_s << u"NumberFieldEditor"_s << false;
    QTest::newRow("read-only integer") << u"incident"_s << u"sys_mod_count"_s << u"NumberFieldEditor"_s << true;
    QTest::newRow("decimal") << u"cmdb_ci"_s << u"cost"_s << u"NumberFieldEditor"_s << false;
    QTest::newRow("boolean") << u"incident"_s << u"knowledge"_s << u"BooleanFieldEditor"_s << false;
    QTest::newRow("choice") << u"incident"_s << u"state"_s << u"ChoiceFieldEditor"_s << false;
    QTest::newRow("reference") << u"incident"_s << u"caller_id"_s << u"ReferenceFieldEditor"_s << false;
    QTest::newRow("date-time") << u"incident"_s << u"opened_at"_s << u"DateTimeFieldEditor"_s << false;
    QTest::newRow("due date") << u"incident"_s << u"sla_due"_s << u"DateTimeFieldEditor"_s << false;
    QTest::newRow("date") << u"change_request"_s << u"cab_date"_s << u"DateFieldEditor"_s << false;
    QTest::newRow("duration") << u"incident"_s << u"business_duration"_s << u"DurationFieldEditor"_s << false;
    QTest::newRow("journal input") << u"incident"_s << u"work_notes"_s << u"JournalFieldEditor"_s << false;
    QTest::newRow("journal list") << u"incident"_s << u"comments_and_work_notes"_s << u"JournalFieldEditor"_s << true;
    QTest::newRow("glide list") << u"incident"_s << u"watch_list"_s << u"ListFieldEditor"_s << false;
}

void EditorFieldsTest::editorTypes()
{
    QFETCH(QString, table);
    QFETCH(QString, field);
    QFETCH(QString, editorClass);
    QFETCH(bool, readOnly);

    const QStringList ids = sysIds(m_client.get(), table, 1, QString());
    QCOMPARE(ids.size(), 1);
    RecordForm *form = openForm(table, ids.first());
    QVERIFY(form);

    FieldEditor *editor = form->editor(field);
    QVERIFY(editor);
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
    QCOMPARE(editor->isReadOnly(), readOnly);
}

void EditorFieldsTest::loadedFieldsUnchanged()
{
    const QStringList ids = sysIds(m_client.get(), u"incident"_s, 3);
    QCOMPARE(ids.size(), 3);
    for (const QString &sysId : ids) {
        RecordForm *form = openForm(u"incident"_s, sysId);
        QVERIFY(form);
        QCOMPARE(form->fields()->editors().size(), 106);
        for (FieldEditor *editor : form->fields()->editors())
            QVERIFY2(!editor->isChanged(), qPrintable(editor->field().name));
        QVERIFY(!form->hasUnsavedChanges());
    }
}

void EditorFieldsTest::dateTimeShownInUserZone()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);

    auto *editor = qobject_cast<DateTimeFieldEditor *>(form->editor(u"opened_at"_s));
    QVERIFY(editor);
    // The emulator's admin lives in America/Los_Angeles.
    QCOMPARE(editor->timeZone().id(), QByteArray("America/Los_Angeles"));
    const QString stored = form->record().value(u"opened_at");
    const QString shown = form->record().displayValue(u"opened_at");
    QVERIFY(stored != shown);
    QCOMPARE(editor->lineEdit()->text(), shown);
    QCOMPARE(editor->value().value, stored);
}

void EditorFieldsTest::journalShowsHistory()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    QVERIFY(patchRecord(m_client.get(), u"incident"_s, sysId, {{u"comments"_s, u"Printer restarted"_s}}));
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);

    auto *editor = qobject_cast<JournalFieldEditor *>(form->editor(u"comments"_s));
    QVERIFY(editor);
    QVERIFY(editor->historyView()->toPlainText().contains(u"Printer restarted"));
    QVERIFY(editor->historyView()->isReadOnly());
    QVERIFY(editor->entryEdit()->toPlainText().isEmpty());
    QVERIFY(!editor->isChanged());
}

void EditorFieldsTest::choiceShowsLabels()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);

    auto *editor = qobject_cast<ChoiceFieldEditor *>(form->editor(u"urgency"_s));
    QVERIFY(editor);
    QCOMPARE(editor->comboBox()->currentText(), form->record().displayValue(u"urgency"));
    QCOMPARE(editor->comboBox()->currentData().toString(), form->record().value(u"urgency"));
    QCOMPARE(editor->comboBox()->itemText(0), u"-- None --"_s);
    QVERIFY(editor->comboBox()->findText(u"1 - High"_s) > 0);
}

void EditorFieldsTest::editSendsWireValue_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("sent");

    QTest::newRow("string") << u"incident"_s << u"short_description"_s << u"Mail stuck in outbox"_s
                            << u"Mail stuck in outbox"_s;
    QTest::newRow("multi-line") << u"incident"_s << u"close_notes"_s << u"Cleared the queue"_s << u"Cleared the queue"_s;
    QTest::newRow("integer") << u"incident"_s << u"reopen_count"_s << u"42"_s << u"42"_s;
    QTest::newRow("decimal") << u"cmdb_ci"_s << u"cost"_s << u"1234.5"_s << u"1234.5"_s;
    QTest::newRow("boolean") << u"incident"_s << u"knowledge"_s << u"true"_s << u"true"_s;
    QTest::newRow("choice") << u"incident"_s << u"urgency"_s << u"1 - High"_s << u"1"_s;
    QTest::newRow("date-time summer") << u"incident"_s << u"follow_up"_s << u"2024-07-01 09:30:00"_s
                                      << u"2024-07-01 16:30:00"_s;
    QTest::newRow("date-time winter") << u"incident"_s << u"follow_up"_s << u"2024-01-15 08:00:00"_s
                                      << u"2024-01-15 16:00:00"_s;
    QTest::newRow("date-time cleared") << u"incident"_s << u"opened_at"_s << QString() << QString();
    QTest::newRow("date") << u"change_request"_s << u"cab_date"_s << u"2025-03-04"_s << u"2025-03-04"_s;
    QTest::newRow("duration") << u"incident"_s << u"business_duration"_s << u"2 03:04:05"_s << u"1970-01-03 03:04:05"_s;
    QTest::newRow("journal") << u"incident"_s << u"work_notes"_s << u"Called the vendor"_s << u"Called the vendor"_s;
    QTest::newRow("glide list") << u"incident"_s << u"watch_list"_s << u"abc,def"_s << u"abc,def"_s;
}

void EditorFieldsTest::editSendsWireValue()
{
    QFETCH(QString, table);
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, sent);

    const QStringList ids = sysIds(m_client.get(), table, 3, QString());
    QVERIFY(!ids.isEmpty());
    RecordForm *form = openForm(table, ids.last());
    QVERIFY(form);
    FieldEditor *editor = form->editor(field);
    QVERIFY(editor);

    enterInput(editor, input);
    QVERIFY(editor->isChanged());
    QCOMPARE(editor->value().value, sent);
    QCOMPARE(form->edits().keys(), QStringList{field});

    QSignalSpy saved(form, &RecordForm::saved);
    m_server->clearRequestLog();
    form->save();
    QVERIFY(saved.wait(10000));

    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 1);
    QCOMPARE(bodyOf(patches.first()), (QJsonObject{{field, sent}}));

    // The form shows the record as the instance returned it, with nothing left to save.
    QVERIFY(!form->hasUnsavedChanges());
    if (editor->field().type != FieldType::Journal)
        QCOMPARE(form->record().value(field), sent);
    else
        QVERIFY(form->record().displayValue(field).contains(input));
}

void EditorFieldsTest::referenceTypeAhead()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);
    auto *editor = qobject_cast<ReferenceFieldEditor *>(form->editor(u"caller_id"_s));
    QVERIFY(editor);
    QCOMPARE(editor->lineEdit()->text(), form->record().displayValue(u"caller_id"));

    editor->setSearchDelay(10);
    QSignalSpy ready(editor, &ReferenceFieldEditor::suggestionsReady);
    editor->lineEdit()->setFocus();
    editor->lineEdit()->selectAll();
    QTest::keyClicks(editor->lineEdit(), u"Beth"_s);
    QVERIFY(ready.wait(10000));

    QStandardItemModel *suggestions = editor->suggestions();
    QVERIFY(suggestions->rowCount() >= 2);
    for (int row = 0; row < suggestions->rowCount(); ++row)
        QVERIFY(suggestions->item(row)->text().contains(u"Beth", Qt::CaseInsensitive));
    // Typed text refers to no record until a suggestion is picked.
    QVERIFY(!editor->validationError().isEmpty());

    const QString name = suggestions->item(0)->text();
    const QString id = suggestions->item(0)->data(Qt::UserRole).toString();
    editor->chooseSuggestion(0);
    QCOMPARE(editor->value(), (FieldValue{id, name}));
    QVERIFY(editor->validationError().isEmpty());

    const QList<snowemu::RequestRecord> lookups = requests(*m_server, "GET");
    QVERIFY(std::any_of(lookups.cbegin(), lookups.cend(), [](const snowemu::RequestRecord &request) {
        return request.path == u"/api/now/table/sys_user" && request.query.contains(u"nameLIKEBeth");
    }));
}

void EditorFieldsTest::referenceUnknownTextInvalid()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);
    auto *editor = qobject_cast<ReferenceFieldEditor *>(form->editor(u"assigned_to"_s));
    QVERIFY(editor);

    QSignalSpy ready(editor, &ReferenceFieldEditor::suggestionsReady);
    editor->lineEdit()->setFocus();
    editor->lineEdit()->selectAll();
    QTest::keyClicks(editor->lineEdit(), u"Nobody Byname"_s);
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.last().at(0).toInt(), 0);

    const QString error = editor->validationError();
    QVERIFY(error.contains(u"Nobody Byname"));
    QVERIFY(error.contains(u"Assigned to"));

    // Saving is refused with the reason, and nothing is sent.
    form->save();
    QVERIFY(form->banner()->isVisible());
    QVERIFY(form->banner()->text().contains(u"Nobody Byname"));
    QVERIFY(requests(*m_server, "PATCH").isEmpty());
    QVERIFY(form->hasUnsavedChanges());
}

void EditorFieldsTest::referenceExactNamePicked()
{
    const QString sysId = sysIds(m_client.get(), u"incident"_s, 1).value(0);
    RecordForm *form = openForm(u"incident"_s, sysId);
    QVERIFY(form);
    auto *editor = qobject_cast<ReferenceFieldEditor *>(form->editor(u"assigned_to"_s));
    QVERIFY(editor);

    QSignalSpy ready(editor, &ReferenceFieldEditor::suggestionsReady);
    editor->lineEdit()->setFocus();
    editor->lineEdit()->selectAll();
    QTest::keyClicks(editor->lineEdit(), u"fred luddy"_s);
    // Leaving the field picks the one record with exactly that name.
    form->editor(u"short_description"_s)->setFocus();
    QVERIFY(ready.wait(10000));
    QTRY_COMPARE(editor->lineEdit()->text(), u"Fred Luddy"_s);
    QCOMPARE(editor->value().value.size(), 32);
    QVERIFY(editor->validationError().isEmpty());
}

QTEST_MAIN(EditorFieldsTest)
#include "tst_editor_fields.moc"
