// Crash recovery: drafts written on each change, removed on save and discard, and
// offered back after a "restart"; and the prompts about unsaved changes.

#include "tst_editor_support.h"

#include "app/session.h"
#include "widgets/messagebanner.h"
#include "editor/recordediting.h"
#include "editor/recordtabs.h"
#include "editor/recoverydialog.h"
#include "editor/conflictdialog.h"
#include "editor/conflictmodel.h"
#include "editor/recoverystore.h"
#include "widgets/mainwindow.h"

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtCore/QSysInfo>
#include <QtCore/QTemporaryDir>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorRecoveryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void storeWritesAfterDebounce();
    void storeKeepsLatestDraft();
    void storeRemovesDraft();
    void storeFiltersByProfile();
    void storeSkipsBrokenFiles();
    void storeHidesHeldDrafts();
    void storeTakesOverStaleLock();
    void formWritesDraftOnEdit();
    void formRemovesDraftOnSave();
    void restartOffersDraft();
    void restoredDraftDetectsConflict();
    void newRecordDraftRestored();
    void recoveryDialogDiscards();
    void closeTabAsksFirst_data();
    void closeTabAsksFirst();
    void closeWindowAsksFirst();
    void closeWindowSavesThenCloses();

private:
    RecordDraft sampleDraft(const QString &id, const QString &profile = u"test"_s) const;
    void type(FieldEditor *editor, const QString &text);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<snow::Client> m_otherClient;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QTemporaryDir> m_directory;
    QStringList m_ids;
};

void EditorRecoveryTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = startEmulator(30);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_otherClient = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
    m_ids = sysIds(m_client.get(), u"incident"_s, 10, u"active=true^ORDERBYnumber"_s);
    QCOMPARE(m_ids.size(), 10);
}

void EditorRecoveryTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    QDir(RecoveryStore::defaultDirectory()).removeRecursively();
    m_server->clearRequestLog();
}

RecordDraft EditorRecoveryTest::sampleDraft(const QString &id, const QString &profile) const
{
    RecordDraft draft;
    draft.id = id;
    draft.profileId = profile;
    draft.table = u"incident"_s;
    draft.tableLabel = u"Incident"_s;
    draft.sysId = m_ids.first();
    draft.title = u"INC0010001"_s;
    draft.edits.insert(u"short_description"_s, {u"Draft text"_s, u"Draft text"_s});
    draft.savedAt = QDateTime::currentDateTimeUtc();
    return draft;
}

void EditorRecoveryTest::type(FieldEditor *editor, const QString &text)
{
    if (auto *line = editor->findChild<QLineEdit *>()) {
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, text);
        return;
    }
    auto *plain = editor->findChild<QPlainTextEdit *>();
    plain->setFocus();
    plain->selectAll();
    QTest::keyClicks(plain, text);
}

void EditorRecoveryTest::storeWritesAfterDebounce()
{
    RecoveryStore store(m_directory->path());
    store.setDebounceInterval(50);
    store.schedule(sampleDraft(u"draft-a"_s));

    const QString file = m_directory->filePath(u"draft-a.json"_s);
    QVERIFY(!QFile::exists(file));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 2000);
}

void EditorRecoveryTest::storeKeepsLatestDraft()
{
    {
        RecoveryStore store(m_directory->path());
        store.setDebounceInterval(10000);
        RecordDraft draft = sampleDraft(u"draft-b"_s);
        store.schedule(draft);
        draft.edits.insert(u"short_description"_s, {u"Second version"_s, u"Second version"_s});
        store.schedule(draft);
        // Destroying the store writes what is queued, as a normal exit does.
    }

    RecoveryStore restarted(m_directory->path());
    const QList<RecordDraft> drafts = restarted.drafts();
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(drafts.first().edits.value(u"short_description"_s).value, u"Second version"_s);
}

void EditorRecoveryTest::storeRemovesDraft()
{
    RecoveryStore store(m_directory->path());
    store.schedule(sampleDraft(u"draft-c"_s));
    QVERIFY(store.flush());
    QVERIFY(QFile::exists(m_directory->filePath(u"draft-c.json"_s)));

    store.remove(u"draft-c"_s);
    QVERIFY(!QFile::exists(m_directory->filePath(u"draft-c.json"_s)));
    QVERIFY(!QFile::exists(m_directory->filePath(u"draft-c.lock"_s)));
}

void EditorRecoveryTest::storeFiltersByProfile()
{
    {
        RecoveryStore store(m_directory->path());
        store.schedule(sampleDraft(u"draft-d"_s, u"test"_s));
        store.schedule(sampleDraft(u"draft-e"_s, u"production"_s));
    }
    RecoveryStore restarted(m_directory->path());
    QCOMPARE(restarted.drafts().size(), 2);
    QCOMPARE(restarted.drafts(u"production"_s).size(), 1);
    QCOMPARE(restarted.drafts(u"production"_s).first().id, u"draft-e"_s);
}

void EditorRecoveryTest::storeSkipsBrokenFiles()
{
    QFile broken(m_directory->filePath(u"broken.json"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    QFile otherId(m_directory->filePath(u"renamed.json"_s));
    QVERIFY(otherId.open(QIODevice::WriteOnly));
    otherId.write(QJsonDocument(sampleDraft(u"original-name"_s).toJson()).toJson());
    otherId.close();

    RecoveryStore store(m_directory->path());
    QVERIFY(store.drafts().isEmpty());
}

void EditorRecoveryTest::storeHidesHeldDrafts()
{
    RecoveryStore first(m_directory->path());
    first.schedule(sampleDraft(u"draft-f"_s));
    QVERIFY(first.flush());

    // A second store, as a second Snowscope would have, does not offer a draft that a
    // running process holds.
    RecoveryStore second(m_directory->path());
    QVERIFY(second.drafts().isEmpty());
    QVERIFY(!second.claim(u"draft-f"_s));
}

void EditorRecoveryTest::storeTakesOverStaleLock()
{
    {
        RecoveryStore store(m_directory->path());
        store.schedule(sampleDraft(u"draft-h"_s));
    }
    // A crashed process leaves its lock behind. QLockFile writes the process id, the
    // application name and the host name, one per line.
    QFile lock(m_directory->filePath(u"draft-h.lock"_s));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number(0x7ffffff0) + '\n' + QCoreApplication::applicationName().toUtf8() + '\n'
               + QSysInfo::machineHostName().toUtf8() + '\n');
    lock.close();

    RecoveryStore restarted(m_directory->path());
    QCOMPARE(restarted.drafts().size(), 1);
    QVERIFY(restarted.claim(u"draft-h"_s));
}

void EditorRecoveryTest::formWritesDraftOnEdit()
{
    RecoveryStore store(m_directory->path());
    store.setDebounceInterval(20);
    RecordForm form(m_session.get());
    form.setRecoveryStore(&store);
    form.show();
    form.openRecord(u"incident"_s, m_ids.at(0));
    QVERIFY(waitForLoaded(&form));
    const QString file = m_directory->filePath(form.draftId() + u".json"_s);
    QVERIFY(!QFile::exists(file));

    type(form.editor(u"short_description"_s), u"Unsaved text"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 2000);

    QVERIFY(file.size() > 0);
    QFile json(file);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const std::optional<RecordDraft> draft = RecordDraft::fromJson(QJsonDocument::fromJson(json.readAll()).object());
    QVERIFY(draft);
    QCOMPARE(draft->sysId, m_ids.at(0));
    QCOMPARE(draft->profileId, u"test"_s);
    QCOMPARE(draft->edits.value(u"short_description"_s).value, u"Unsaved text"_s);
    QCOMPARE(draft->loadedModCount, form.record().value(u"sys_mod_count"));
    QCOMPARE(draft->loadedValues.value(u"short_description"_s).value, form.record().value(u"short_description"));

    // Undoing the edit removes the draft: nothing is left to recover.
    form.revertFocusedField();
    QVERIFY(!QFile::exists(file));
}

void EditorRecoveryTest::formRemovesDraftOnSave()
{
    RecoveryStore store(m_directory->path());
    store.setDebounceInterval(10);
    RecordForm form(m_session.get());
    form.setRecoveryStore(&store);
    form.show();
    form.openRecord(u"incident"_s, m_ids.at(1));
    QVERIFY(waitForLoaded(&form));
    type(form.editor(u"short_description"_s), u"Saved soon"_s);
    const QString file = m_directory->filePath(form.draftId() + u".json"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 2000);

    QSignalSpy saved(&form, &RecordForm::saved);
    form.save();
    QVERIFY(saved.wait(10000));
    QVERIFY(!QFile::exists(file));
}

void EditorRecoveryTest::restartOffersDraft()
{
    const QString directory = RecoveryStore::defaultDirectory();
    QString draftId;
    {
        // The first run: an edit, then the process "crashes": the form goes without
        // asking and without saving.
        RecoveryStore store(directory);
        store.setDebounceInterval(10);
        RecordForm form(m_session.get());
        form.setRecoveryStore(&store);
        form.openRecord(u"incident"_s, m_ids.at(2));
        QVERIFY(waitForLoaded(&form));
        type(form.editor(u"short_description"_s), u"Typed before the crash"_s);
        type(form.editor(u"work_notes"_s), u"Note before the crash"_s);
        draftId = form.draftId();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(directory + u'/' + draftId + u".json"_s), 2000);
    }
    QVERIFY(QFile::exists(directory + u'/' + draftId + u".json"_s));

    // The next start: the main window offers the draft, and restoring opens the form
    // with the edits.
    MainWindow window(m_session.get());
    RecordEditing *editing = window.recordEditing();
    window.show();
    editing->offerRecovery();
    auto *dialog = window.findChild<RecoveryDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->list()->count(), 1);
    QVERIFY(dialog->list()->item(0)->text().contains(u"2 changed fields"));
    dialog->restoreButton()->click();

    QTRY_COMPARE(editing->tabs()->count(), 1);
    RecordForm *form = editing->tabs()->currentForm();
    QVERIFY(waitForLoaded(form));
    QCOMPARE(form->draftId(), draftId);
    QCOMPARE(form->edits().value(u"short_description"_s).value, u"Typed before the crash"_s);
    QCOMPARE(form->edits().value(u"work_notes"_s).value, u"Note before the crash"_s);
    QVERIFY(form->banner()->text().contains(u"Restored 2 unsaved changes"));
    QVERIFY(editing->dock()->isVisible());

    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    QVERIFY(saved.wait(10000));
    QVERIFY(!QFile::exists(directory + u'/' + draftId + u".json"_s));
    QCOMPARE(readRecord(m_client.get(), u"incident"_s, m_ids.at(2)).value(u"short_description"), u"Typed before the crash"_s);
}

void EditorRecoveryTest::restoredDraftDetectsConflict()
{
    RecordDraft draft;
    {
        RecordForm form(m_session.get());
        form.openRecord(u"incident"_s, m_ids.at(3));
        QVERIFY(waitForLoaded(&form));
        type(form.editor(u"short_description"_s), u"Mine from before the crash"_s);
        draft = form.draft();
    }
    // Someone changes the record while Snowscope is down.
    QVERIFY(patchRecord(m_otherClient.get(), u"incident"_s, m_ids.at(3), {{u"short_description"_s, u"Theirs meanwhile"_s}}));

    RecordForm form(m_session.get());
    form.show();
    form.restoreDraft(draft);
    QVERIFY(waitForLoaded(&form));
    QCOMPARE(form.editor(u"short_description"_s)->value().value, u"Mine from before the crash"_s);

    QSignalSpy shown(&form, &RecordForm::conflictShown);
    form.save();
    QVERIFY(shown.wait(10000));
    auto *dialog = shown.first().at(0).value<ConflictDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->index(0, ConflictModel::TheirsColumn).data().toString(), u"Theirs meanwhile"_s);
    dialog->reject();
    QTRY_COMPARE(form.state(), RecordForm::State::Ready);
}

void EditorRecoveryTest::newRecordDraftRestored()
{
    RecordDraft draft = sampleDraft(u"new-record-draft"_s);
    draft.sysId.clear();
    draft.title = u"New Incident"_s;

    RecordForm form(m_session.get());
    form.show();
    form.restoreDraft(draft);
    QVERIFY(waitForLoaded(&form));
    QVERIFY(form.isNewRecord());
    QCOMPARE(form.draftId(), u"new-record-draft"_s);
    QCOMPARE(form.edits().value(u"short_description"_s).value, u"Draft text"_s);
}

void EditorRecoveryTest::recoveryDialogDiscards()
{
    {
        RecoveryStore store(m_directory->path());
        store.schedule(sampleDraft(u"draft-g"_s));
    }
    RecoveryStore restarted(m_directory->path());
    const QList<RecordDraft> drafts = restarted.drafts();
    QCOMPARE(drafts.size(), 1);

    RecoveryDialog dialog(drafts, &restarted);
    dialog.show();
    answerNextMessageBox(QMessageBox::Discard);
    dialog.discardButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QFile::exists(m_directory->filePath(u"draft-g.json"_s)));
    QVERIFY(restarted.drafts().isEmpty());
}

void EditorRecoveryTest::closeTabAsksFirst_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("tabStays");
    QTest::addColumn<bool>("draftStays");

    QTest::newRow("cancel") << int(QMessageBox::Cancel) << true << true;
    QTest::newRow("discard") << int(QMessageBox::Discard) << false << false;
    QTest::newRow("save") << int(QMessageBox::Save) << false << false;
}

void EditorRecoveryTest::closeTabAsksFirst()
{
    QFETCH(int, answer);
    QFETCH(bool, tabStays);
    QFETCH(bool, draftStays);

    RecoveryStore store(m_directory->path());
    store.setDebounceInterval(10);
    RecordTabs tabs(m_session.get(), &store);
    tabs.show();
    RecordForm *form = tabs.openRecord(u"incident"_s, m_ids.at(4));
    QVERIFY(waitForLoaded(form));
    type(form->editor(u"close_notes"_s), u"Close me?"_s);
    QVERIFY(store.flush());
    const QString file = m_directory->filePath(form->draftId() + u".json"_s);
    QVERIFY(QFile::exists(file));

    QString question;
    answerNextMessageBox(QMessageBox::StandardButton(answer), &question);
    tabs.requestClose(form);
    QVERIFY(question.contains(u"not saved"));
    QTRY_COMPARE_WITH_TIMEOUT(tabs.count(), tabStays ? 1 : 0, 10000);
    QCOMPARE(QFile::exists(file), draftStays);
    if (answer == QMessageBox::Save)
        QCOMPARE(readRecord(m_client.get(), u"incident"_s, m_ids.at(4)).value(u"close_notes"), u"Close me?"_s);
}

void EditorRecoveryTest::closeWindowAsksFirst()
{
    MainWindow window(m_session.get());
    RecordEditing &editing = *window.recordEditing();
    window.show();
    editing.openRecord(u"incident"_s, m_ids.at(5));
    RecordForm *form = editing.tabs()->currentForm();
    QVERIFY(waitForLoaded(form));
    type(form->editor(u"close_notes"_s), u"Do not lose me"_s);

    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!editing.confirmWindowClose());
    QCOMPARE(form->edits().size(), 1);

    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(editing.confirmWindowClose());
    QVERIFY(!form->hasUnsavedChanges());
}

void EditorRecoveryTest::closeWindowSavesThenCloses()
{
    MainWindow window(m_session.get());
    RecordEditing &editing = *window.recordEditing();
    window.show();
    editing.openRecord(u"incident"_s, m_ids.at(6));
    RecordForm *form = editing.tabs()->currentForm();
    QVERIFY(waitForLoaded(form));
    type(form->editor(u"close_notes"_s), u"Saved on the way out"_s);

    QSignalSpy mayClose(editing.tabs(), &RecordTabs::windowMayClose);
    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(!editing.confirmWindowClose());
    QVERIFY(mayClose.wait(10000));
    QCOMPARE(readRecord(m_client.get(), u"incident"_s, m_ids.at(6)).value(u"close_notes"), u"Saved on the way out"_s);
}

QTEST_MAIN(EditorRecoveryTest)
#include "tst_editor_recovery.moc"
