// Save conflicts: another client changes the record between load and save, and the
// form shows the conflict dialog instead of overwriting.

#include "tst_editor_support.h"

#include "app/session.h"
#include "editor/choiceeditor.h"
#include "editor/conflictdialog.h"
#include "editor/conflictmodel.h"
#include "editor/fieldpanel.h"
#include "widgets/messagebanner.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtCore/QDir>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorConflictTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dialogShowsThreeValues();
    void keepMineSends();
    void keepTheirsDropsEdit();
    void editInFormRebases();
    void cancelKeepsEdits();
    void otherFieldsOnlyMerges();

private:
    /// Opens a form, edits short_description and close_notes in it, then lets the
    /// other client change short_description and urgency. Returns the form.
    RecordForm *prepareConflict(const QString &sysId);
    ConflictDialog *saveUntilConflict(RecordForm *form);
    void type(FieldEditor *editor, const QString &text);
    void saveScreenshot(QWidget *widget, const QString &name);

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<snow::Client> m_otherClient;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<RecordForm> m_form;
    QStringList m_ids;
};

void EditorConflictTest::initTestCase()
{
    m_server = startEmulator(30);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_otherClient = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
    m_ids = sysIds(m_client.get(), u"incident"_s, 8, u"active=true^ORDERBYnumber"_s);
    QCOMPARE(m_ids.size(), 8);
}

void EditorConflictTest::init()
{
    m_server->clearRequestLog();
}

void EditorConflictTest::cleanup()
{
    m_form.reset();
}

void EditorConflictTest::type(FieldEditor *editor, const QString &text)
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

RecordForm *EditorConflictTest::prepareConflict(const QString &sysId)
{
    m_form = std::make_unique<RecordForm>(m_session.get());
    m_form->resize(1000, 800);
    m_form->show();
    m_form->openRecord(u"incident"_s, sysId);
    if (!waitForLoaded(m_form.get()))
        return nullptr;

    type(m_form->editor(u"short_description"_s), u"Mine: disk full on the mail server"_s);
    type(m_form->editor(u"close_notes"_s), u"Mine: moved old mail to the archive"_s);
    const QJsonObject theirs{{u"short_description"_s, u"Theirs: mail server slow"_s}, {u"urgency"_s, u"1"_s}};
    if (!patchRecord(m_otherClient.get(), u"incident"_s, sysId, theirs))
        return nullptr;
    m_server->clearRequestLog();
    return m_form.get();
}

ConflictDialog *EditorConflictTest::saveUntilConflict(RecordForm *form)
{
    QSignalSpy shown(form, &RecordForm::conflictShown);
    form->save();
    if (!shown.wait(10000))
        return nullptr;
    return shown.first().at(0).value<ConflictDialog *>();
}

void EditorConflictTest::saveScreenshot(QWidget *widget, const QString &name)
{
    // Run with SNOWSCOPE_SCREENSHOT_DIR set to refresh the documentation's pictures.
    const QString directory = qEnvironmentVariable("SNOWSCOPE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(directory + u'/' + name, "PNG"));
}

void EditorConflictTest::dialogShowsThreeValues()
{
    const QString loadedText = readRecord(m_client.get(), u"incident"_s, m_ids.at(0)).value(u"short_description");
    RecordForm *form = prepareConflict(m_ids.at(0));
    QVERIFY(form);
    ConflictDialog *dialog = saveUntilConflict(form);
    QVERIFY(dialog);
    QCOMPARE(form->state(), RecordForm::State::Resolving);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains(form->title()));

    ConflictModel *model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Short description (both changed), then urgency and the priority the instance
    // derived from it (only they changed).
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->choiceCount(), 1);

    // Row 0: both changed the short description.
    QCOMPARE(model->index(0, ConflictModel::FieldColumn).data().toString(), u"Short description"_s);
    QCOMPARE(model->index(0, ConflictModel::LoadedColumn).data().toString(), loadedText);
    QCOMPARE(model->index(0, ConflictModel::TheirsColumn).data().toString(), u"Theirs: mail server slow"_s);
    QCOMPARE(model->index(0, ConflictModel::MineColumn).data().toString(), u"Mine: disk full on the mail server"_s);
    // The other rows: only they changed the urgency (and with it the priority), so
    // those keep their value.
    int urgencyRow = -1;
    int priorityRow = -1;
    for (int row = 1; row < model->rowCount(); ++row) {
        const QString field = model->index(row, ConflictModel::FieldColumn).data(Qt::UserRole).toString();
        if (field == u"urgency")
            urgencyRow = row;
        if (field == u"priority")
            priorityRow = row;
    }
    QVERIFY(urgencyRow > 0);
    QVERIFY(priorityRow > 0);
    QCOMPARE(model->index(urgencyRow, ConflictModel::FieldColumn).data().toString(), u"Urgency"_s);
    QCOMPARE(model->index(urgencyRow, ConflictModel::TheirsColumn).data().toString(), u"1 - High"_s);
    QCOMPARE(model->index(urgencyRow, ConflictModel::MineColumn).data().toString(), u"(not edited)"_s);
    QVERIFY(!(model->flags(model->index(urgencyRow, ConflictModel::MineColumn)) & Qt::ItemIsUserCheckable));

    // Nothing was written while the dialog is open.
    QVERIFY(requests(*m_server, "PATCH").isEmpty());

    dialog->resize(900, 300);
    saveScreenshot(dialog, u"conflict-dialog.png"_s);
    dialog->button(ConflictDialog::Outcome::Cancel)->click();
}

void EditorConflictTest::keepMineSends()
{
    RecordForm *form = prepareConflict(m_ids.at(1));
    QVERIFY(form);
    ConflictDialog *dialog = saveUntilConflict(form);
    QVERIFY(dialog);

    QSignalSpy saved(form, &RecordForm::saved);
    dialog->button(ConflictDialog::Outcome::Save)->click();
    QVERIFY(saved.wait(10000));

    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 1);
    QCOMPARE(bodyOf(patches.first()), (QJsonObject{{u"close_notes"_s, u"Mine: moved old mail to the archive"_s},
                                                   {u"short_description"_s, u"Mine: disk full on the mail server"_s}}));
    // Their change to a field the user did not edit survives.
    const snow::Record stored = readRecord(m_client.get(), u"incident"_s, m_ids.at(1));
    QCOMPARE(stored.value(u"urgency"), u"1"_s);
    QCOMPARE(stored.value(u"short_description"), u"Mine: disk full on the mail server"_s);
    QVERIFY(!form->hasUnsavedChanges());
}

void EditorConflictTest::keepTheirsDropsEdit()
{
    RecordForm *form = prepareConflict(m_ids.at(2));
    QVERIFY(form);
    ConflictDialog *dialog = saveUntilConflict(form);
    QVERIFY(dialog);

    QVERIFY(dialog->model()->setData(dialog->model()->index(0, ConflictModel::TheirsColumn), Qt::Checked,
                                     Qt::CheckStateRole));
    QSignalSpy saved(form, &RecordForm::saved);
    dialog->button(ConflictDialog::Outcome::Save)->click();
    QVERIFY(saved.wait(10000));

    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 1);
    QCOMPARE(bodyOf(patches.first()), (QJsonObject{{u"close_notes"_s, u"Mine: moved old mail to the archive"_s}}));
    const snow::Record stored = readRecord(m_client.get(), u"incident"_s, m_ids.at(2));
    QCOMPARE(stored.value(u"short_description"), u"Theirs: mail server slow"_s);
    QCOMPARE(form->editor(u"short_description"_s)->value().value, u"Theirs: mail server slow"_s);
}

void EditorConflictTest::editInFormRebases()
{
    RecordForm *form = prepareConflict(m_ids.at(3));
    QVERIFY(form);
    ConflictDialog *dialog = saveUntilConflict(form);
    QVERIFY(dialog);

    dialog->button(ConflictDialog::Outcome::EditInForm)->click();
    QTRY_COMPARE(form->state(), RecordForm::State::Ready);
    QVERIFY(requests(*m_server, "PATCH").isEmpty());

    // The form now starts from their record: their urgency is loaded, the user's
    // edits are still edits, and the fields they changed are marked.
    auto *urgency = qobject_cast<ChoiceFieldEditor *>(form->editor(u"urgency"_s));
    QCOMPARE(urgency->comboBox()->currentData().toString(), u"1"_s);
    QVERIFY(!urgency->isChanged());
    FieldEditor *shortDescription = form->editor(u"short_description"_s);
    QCOMPARE(shortDescription->loadedValue().value, u"Theirs: mail server slow"_s);
    QCOMPARE(shortDescription->value().value, u"Mine: disk full on the mail server"_s);
    QVERIFY(form->fields()->label(u"short_description"_s)->toolTip().contains(u"Changed on the instance"));

    type(shortDescription, u"Merged: mail server slow, disk full"_s);
    QSignalSpy saved(form, &RecordForm::saved);
    QSignalSpy shown(form, &RecordForm::conflictShown);
    form->save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(shown.size(), 0);
    QCOMPARE(readRecord(m_client.get(), u"incident"_s, m_ids.at(3)).value(u"short_description"),
             u"Merged: mail server slow, disk full"_s);
}

void EditorConflictTest::cancelKeepsEdits()
{
    RecordForm *form = prepareConflict(m_ids.at(4));
    QVERIFY(form);
    const QMap<QString, FieldValue> before = form->edits();
    ConflictDialog *dialog = saveUntilConflict(form);
    QVERIFY(dialog);

    dialog->button(ConflictDialog::Outcome::Cancel)->click();
    QTRY_COMPARE(form->state(), RecordForm::State::Ready);
    QCOMPARE(form->edits(), before);
    QVERIFY(form->banner()->isVisible());
    QVERIFY(form->banner()->text().contains(u"changed on the instance"));
    QVERIFY(requests(*m_server, "PATCH").isEmpty());
    QCOMPARE(readRecord(m_client.get(), u"incident"_s, m_ids.at(4)).value(u"short_description"),
             u"Theirs: mail server slow"_s);

    // Saving again compares again: the instance still differs from what was loaded.
    ConflictDialog *again = saveUntilConflict(form);
    QVERIFY(again);
    again->button(ConflictDialog::Outcome::Cancel)->click();
}

void EditorConflictTest::otherFieldsOnlyMerges()
{
    m_form = std::make_unique<RecordForm>(m_session.get());
    m_form->show();
    m_form->openRecord(u"incident"_s, m_ids.at(5));
    QVERIFY(waitForLoaded(m_form.get()));
    type(m_form->editor(u"close_notes"_s), u"Only my field"_s);
    // They add a work note: no field the form compares changes.
    QVERIFY(patchRecord(m_otherClient.get(), u"incident"_s, m_ids.at(5), {{u"work_notes"_s, u"Their note"_s}}));
    m_server->clearRequestLog();

    QSignalSpy saved(m_form.get(), &RecordForm::saved);
    QSignalSpy shown(m_form.get(), &RecordForm::conflictShown);
    m_form->save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(shown.size(), 0);
    QCOMPARE(bodyOf(requests(*m_server, "PATCH").first()), (QJsonObject{{u"close_notes"_s, u"Only my field"_s}}));
    QVERIFY(m_form->record().displayValue(u"work_notes").contains(u"Their note"));
}

QTEST_MAIN(EditorConflictTest)
#include "tst_editor_conflict.moc"
