// The record form's save paths against the emulator: only changed fields are sent,
// new records, deletion, keys, and failures that keep every edit.

#include "tst_editor_support.h"

#include "app/session.h"
#include "editor/choiceeditor.h"
#include "editor/fieldpanel.h"
#include "editor/recoverystore.h"
#include "editor/referenceeditor.h"
#include "widgets/messagebanner.h"

#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorFormTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sendsOnlyChangedFields();
    void nothingChangedSendsNothing();
    void editDuringSaveKept();
    void ctrlSSaves();
    void escapeRevertsField();
    void revertedFieldNotSent();
    void newRecordNeedsMandatory();
    void newRecordCreated();
    void deleteAsksFirst();
    void deleteRemovesRecord();
    void failureKeepsEdits_data();
    void failureKeepsEdits();
    void loadFailureShowsBanner();

private:
    RecordForm *openForm(const QString &sysId, snow::Client *client = nullptr);
    void type(FieldEditor *editor, const QString &text);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Session> m_readerSession;
    std::unique_ptr<snow::Client> m_readerClient;
    std::unique_ptr<RecordForm> m_form;
    QTemporaryDir m_recoveryDir;
    std::unique_ptr<RecoveryStore> m_recovery;
    QStringList m_ids;
};

void EditorFormTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = startEmulator(40);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
    m_readerClient = makeClient(*m_server, u"reader"_s);
    m_readerSession = std::make_unique<Session>(m_readerClient.get(), u"Test reader"_s, u"reader"_s);
    // Open incidents only, so that no business rule on closed incidents interferes.
    m_ids = sysIds(m_client.get(), u"incident"_s, 12, u"active=true^ORDERBYnumber"_s);
    QCOMPARE(m_ids.size(), 12);
    QVERIFY(m_recoveryDir.isValid());
}

void EditorFormTest::init()
{
    m_form.reset();
    m_recovery = std::make_unique<RecoveryStore>(m_recoveryDir.path());
    m_recovery->setDebounceInterval(10);
    m_server->setFaults({});
    m_server->clearRequestLog();
}

RecordForm *EditorFormTest::openForm(const QString &sysId, snow::Client *client)
{
    Session *session = client == m_readerClient.get() ? m_readerSession.get() : m_session.get();
    m_form = std::make_unique<RecordForm>(session);
    m_form->setRecoveryStore(m_recovery.get());
    m_form->resize(1000, 800);
    m_form->show();
    QApplication::setActiveWindow(m_form.get());
    if (!sysId.isEmpty())
        m_form->openRecord(u"incident"_s, sysId);
    else
        m_form->newRecord(u"incident"_s);
    if (!waitForLoaded(m_form.get()))
        return nullptr;
    return m_form.get();
}

void EditorFormTest::type(FieldEditor *editor, const QString &text)
{
    if (auto *line = editor->findChild<QLineEdit *>()) {
        line->setFocus();
        line->selectAll();
        QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClicks(line, text);
        return;
    }
    auto *plain = editor->findChild<QPlainTextEdit *>();
    plain->setFocus();
    plain->selectAll();
    QTest::keyClick(plain, Qt::Key_Backspace);
    QTest::keyClicks(plain, text);
}

void EditorFormTest::sendsOnlyChangedFields()
{
    RecordForm *form = openForm(m_ids.at(0));
    QVERIFY(form);
    const QString loadedModCount = form->record().value(u"sys_mod_count");

    type(form->editor(u"short_description"_s), u"VPN drops every hour"_s);
    auto *urgency = qobject_cast<ChoiceFieldEditor *>(form->editor(u"urgency"_s));
    urgency->comboBox()->setCurrentIndex(urgency->comboBox()->findData(u"1"_s));
    QCOMPARE(form->edits().keys(), (QStringList{u"short_description"_s, u"urgency"_s}));

    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    QVERIFY(saved.wait(10000));

    // A fresh read for the conflict check, then one PATCH with the two fields.
    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 1);
    QCOMPARE(bodyOf(patches.first()), (QJsonObject{{u"short_description"_s, u"VPN drops every hour"_s}, {u"urgency"_s, u"1"_s}}));
    QVERIFY(patches.first().query.contains(u"sysparm_display_value=all"));
    QVERIFY(patches.first().path.endsWith(m_ids.at(0)));
    const QList<snowemu::RequestRecord> reads = requests(*m_server, "GET");
    QVERIFY(std::any_of(reads.cbegin(), reads.cend(), [this](const auto &request) { return request.path.endsWith(m_ids.at(0)); }));

    // The form shows the record as returned: the instance recomputed the priority.
    const snow::Record record = saved.first().at(0).value<snow::Record>();
    QCOMPARE(form->record(), record);
    QCOMPARE(record.value(u"sys_mod_count").toInt(), loadedModCount.toInt() + 1);
    QCOMPARE(form->editor(u"priority"_s)->value().value, record.value(u"priority"));
    QVERIFY(!form->hasUnsavedChanges());
    QCOMPARE(form->state(), RecordForm::State::Ready);
}

void EditorFormTest::nothingChangedSendsNothing()
{
    RecordForm *form = openForm(m_ids.at(1));
    QVERIFY(form);

    form->save();
    QVERIFY(form->banner()->isVisible());
    QVERIFY(form->banner()->text().contains(u"no changes"));
    QVERIFY(requests(*m_server, "PATCH").isEmpty());
}

void EditorFormTest::editDuringSaveKept()
{
    RecordForm *form = openForm(m_ids.at(2));
    QVERIFY(form);
    type(form->editor(u"short_description"_s), u"First edit"_s);

    snowemu::Faults slow;
    slow.latencyMs = 300;
    m_server->setFaults(slow);
    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    // Edits made while the PATCH is in flight are not part of it.
    QTRY_COMPARE(form->state(), RecordForm::State::Saving);
    type(form->editor(u"close_notes"_s), u"Typed while saving"_s);
    QVERIFY(saved.wait(10000));

    QCOMPARE(bodyOf(requests(*m_server, "PATCH").first()), (QJsonObject{{u"short_description"_s, u"First edit"_s}}));
    QCOMPARE(form->edits().keys(), QStringList{u"close_notes"_s});
    QCOMPARE(form->edits().value(u"close_notes"_s).value, u"Typed while saving"_s);
}

void EditorFormTest::ctrlSSaves()
{
    RecordForm *form = openForm(m_ids.at(3));
    QVERIFY(form);
    type(form->editor(u"short_description"_s), u"Saved with the keyboard"_s);

    QSignalSpy saved(form, &RecordForm::saved);
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Save);
    QVERIFY(saved.wait(10000));
    QCOMPARE(form->record().value(u"short_description"), u"Saved with the keyboard"_s);
}

void EditorFormTest::escapeRevertsField()
{
    RecordForm *form = openForm(m_ids.at(4));
    QVERIFY(form);
    FieldEditor *editor = form->editor(u"short_description"_s);
    const FieldValue loaded = editor->value();
    type(editor, u"Not wanted"_s);
    type(form->editor(u"close_notes"_s), u"Wanted"_s);
    QCOMPARE(form->edits().size(), 2);

    editor->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(editor->value(), loaded);
    QCOMPARE(form->edits().keys(), QStringList{u"close_notes"_s});
}

void EditorFormTest::revertedFieldNotSent()
{
    RecordForm *form = openForm(m_ids.at(5));
    QVERIFY(form);
    FieldEditor *editor = form->editor(u"short_description"_s);
    const QString original = editor->value().value;
    type(editor, u"Changed"_s);
    type(editor, original);
    QVERIFY(!editor->isChanged());
    QVERIFY(!form->hasUnsavedChanges());
}

void EditorFormTest::newRecordNeedsMandatory()
{
    RecordForm *form = openForm(QString());
    QVERIFY(form);
    QVERIFY(form->isNewRecord());
    QCOMPARE(form->title(), u"New Incident"_s);
    type(form->editor(u"short_description"_s), u"Laptop will not boot"_s);

    form->save();
    QVERIFY(form->banner()->isVisible());
    QVERIFY(form->banner()->text().contains(u"mandatory"));
    QVERIFY(form->banner()->text().contains(u"Caller"));
    QVERIFY(requests(*m_server, "POST").isEmpty());
    QCOMPARE(form->fields()->firstProblem(), form->editor(u"caller_id"_s));
    QVERIFY(form->fields()->label(u"caller_id"_s)->text().contains(u"#c62828"));
}

void EditorFormTest::newRecordCreated()
{
    RecordForm *form = openForm(QString());
    QVERIFY(form);
    type(form->editor(u"short_description"_s), u"Laptop will not boot"_s);
    auto *caller = qobject_cast<ReferenceFieldEditor *>(form->editor(u"caller_id"_s));
    QSignalSpy ready(caller, &ReferenceFieldEditor::suggestionsReady);
    caller->search(u"Abel Tuter"_s);
    QVERIFY(ready.wait(10000));
    caller->chooseSuggestion(0);

    QSignalSpy created(form, &RecordForm::created);
    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    QVERIFY(created.wait(10000));
    QCOMPARE(saved.size(), 1);

    const QList<snowemu::RequestRecord> posts = requests(*m_server, "POST");
    QCOMPARE(posts.size(), 1);
    const QJsonObject body = bodyOf(posts.first());
    QCOMPARE(body.keys(), (QStringList{u"caller_id"_s, u"short_description"_s}));
    QCOMPARE(body.value(u"caller_id"_s).toString(), caller->value().value);
    QVERIFY(!form->isNewRecord());
    QVERIFY(form->title().startsWith(u"INC"));
    QCOMPARE(form->record().displayValue(u"caller_id"), u"Abel Tuter"_s);
    QVERIFY(!form->hasUnsavedChanges());
}

void EditorFormTest::deleteAsksFirst()
{
    RecordForm *form = openForm(m_ids.at(6));
    QVERIFY(form);

    QString question;
    answerNextMessageBox(QMessageBox::Cancel, &question);
    form->deleteRecord();
    QVERIFY(question.contains(form->title()));
    QVERIFY(requests(*m_server, "DELETE").isEmpty());
    QCOMPARE(form->state(), RecordForm::State::Ready);
}

void EditorFormTest::deleteRemovesRecord()
{
    RecordForm *form = openForm(m_ids.at(7));
    QVERIFY(form);

    QSignalSpy deleted(form, &RecordForm::deleted);
    answerNextMessageBox(QMessageBox::Yes);
    form->deleteRecord();
    QVERIFY(deleted.wait(10000));
    QCOMPARE(deleted.first().at(1).toString(), m_ids.at(7));
    QCOMPARE(requests(*m_server, "DELETE").size(), 1);
    QCOMPARE(form->state(), RecordForm::State::Deleted);
    QVERIFY(readRecord(m_client.get(), u"incident"_s, m_ids.at(7)).isEmpty());
}

void EditorFormTest::failureKeepsEdits_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("data policy") << u"admin"_s << u"short_description"_s << QString() << QString() << 403
                                 << u"Data Policy Exception: The following fields are mandatory: Short description"_s;
    QTest::newRow("business rule") << u"admin"_s << u"state"_s << u"7"_s << QString() << 403
                                   << u"cannot be closed without a resolution code"_s;
    QTest::newRow("read-only user") << u"reader"_s << u"short_description"_s << u"Reader edit"_s << QString() << 403
                                    << u"User Not Authorized"_s;
    QTest::newRow("server error") << u"admin"_s << u"short_description"_s << u"Edit during an outage"_s << u"error500"_s
                                  << 500 << u"HTTP 500"_s;
    QTest::newRow("instance gone") << u"admin"_s << u"short_description"_s << u"Edit while offline"_s << u"gone"_s << 0
                                   << u"could not be reached"_s;
}

void EditorFormTest::failureKeepsEdits()
{
    QFETCH(QString, user);
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QString, message);

    // For the network failure, an instance of its own that stops after loading.
    std::unique_ptr<snowemu::Server> ownServer;
    std::unique_ptr<snow::Client> ownClient;
    std::unique_ptr<Session> ownSession;
    snow::Client *client = user == u"reader" ? m_readerClient.get() : m_client.get();
    Session *session = user == u"reader" ? m_readerSession.get() : m_session.get();
    if (fault == u"gone") {
        ownServer = startEmulator(10);
        QVERIFY(ownServer);
        ownClient = makeClient(*ownServer);
        ownSession = std::make_unique<Session>(ownClient.get(), u"Gone"_s, u"gone"_s);
        client = ownClient.get();
        session = ownSession.get();
    }

    // An open incident without a close code, so that closing it breaks the business rule.
    const QStringList open = sysIds(client, u"incident"_s, 1, u"active=true^close_codeISEMPTY^ORDERBYnumber"_s);
    QCOMPARE(open.size(), 1);
    m_form = std::make_unique<RecordForm>(session);
    RecordForm *form = m_form.get();
    form->setRecoveryStore(m_recovery.get());
    form->show();
    form->openRecord(u"incident"_s, open.first());
    QVERIFY(waitForLoaded(form));

    FieldEditor *editor = form->editor(field);
    if (auto *choice = qobject_cast<ChoiceFieldEditor *>(editor))
        choice->comboBox()->setCurrentIndex(choice->comboBox()->findData(input));
    else
        type(editor, input);
    type(form->editor(u"work_notes"_s), u"Kept after the failure"_s);
    const QMap<QString, FieldValue> before = form->edits();
    QCOMPARE(before.size(), 2);

    if (fault == u"error500") {
        snowemu::Faults faults;
        faults.serverErrorBurst = 2;
        faults.serverErrorStatus = 500;
        m_server->setFaults(faults);
    } else if (fault == u"gone") {
        ownServer.reset();
    }

    QSignalSpy failed(form, &RecordForm::failed);
    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    QVERIFY(failed.wait(15000));
    m_server->setFaults({});

    const snow::Error error = failed.first().at(0).value<snow::Error>();
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(saved.size(), 0);
    QVERIFY(form->banner()->isVisible());
    QVERIFY2(form->banner()->text().contains(message), qPrintable(form->banner()->text()));
    QVERIFY(form->banner()->text().contains(u"kept"));
    QVERIFY(form->banner()->details().contains(u"Request:"));
    QCOMPARE(form->state(), RecordForm::State::Ready);
    QCOMPARE(form->edits(), before);
    QVERIFY(form->hasUnsavedChanges());

    // The draft on disk contains the same edits.
    QVERIFY(m_recovery->flush());
    QFile file(m_recoveryDir.filePath(form->draftId() + u".json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::optional<RecordDraft> draft = RecordDraft::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    QVERIFY(draft);
    QCOMPARE(draft->edits, before);
    m_form.reset();
}

void EditorFormTest::loadFailureShowsBanner()
{
    m_form = std::make_unique<RecordForm>(m_session.get());
    m_form->show();
    QSignalSpy failed(m_form.get(), &RecordForm::failed);
    m_form->openRecord(u"incident"_s, u"0123456789abcdef0123456789abcdef"_s);
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_form->state(), RecordForm::State::Failed);
    QVERIFY(m_form->banner()->isVisible());
    QVERIFY(m_form->banner()->text().contains(u"could not be loaded"));
    QCOMPARE(failed.first().at(0).value<snow::Error>().httpStatus(), 404);
}

QTEST_MAIN(EditorFormTest)
#include "tst_editor_form.moc"
