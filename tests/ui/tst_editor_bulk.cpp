// Bulk edit against the emulator: one field set on many records, one failure among
// them, and a retry that sends only to the failed ones.

#include "tst_editor_support.h"

#include "app/session.h"
#include "editor/bulkeditdialog.h"
#include "editor/bulkeditjob.h"
#include "editor/bulkeditmodel.h"
#include "editor/choiceeditor.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorBulkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void setsFieldOnAll();
    void oneFailureAmongMany();
    void retrySendsOnlyFailed();
    void cancelStopsSending();
    void dialogAppliesChoice();
    void dialogRejectsEmptyMandatory();

private:
    QList<snow::Record> records(const QStringList &ids) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
    QStringList m_ids;
};

void EditorBulkTest::initTestCase()
{
    m_server = startEmulator(150);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
    m_ids = sysIds(m_client.get(), u"incident"_s, 40, u"active=true^ORDERBYnumber"_s);
    QCOMPARE(m_ids.size(), 40);
}

void EditorBulkTest::init()
{
    m_server->setFaults({});
    m_server->clearRequestLog();
}

QList<snow::Record> EditorBulkTest::records(const QStringList &ids) const
{
    QList<snow::Record> result;
    for (const QString &id : ids)
        result.append(snow::Record::fromValues({{u"sys_id"_s, id}, {u"number"_s, u"#"_s + id.left(6)}}));
    return result;
}

void EditorBulkTest::setsFieldOnAll()
{
    const QStringList ids = m_ids.mid(0, 8);
    BulkEditJob job(m_client.get(), u"incident"_s, records(ids), u"number"_s);
    BulkEditModel model(&job);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&job, &BulkEditJob::finished);
    QSignalSpy saved(&job, &BulkEditJob::recordSaved);

    job.start(u"close_notes"_s, {u"Bulk note"_s, u"Bulk note"_s});
    QVERIFY(finished.wait(15000));

    QCOMPARE(job.count(BulkEditEntry::State::Saved), 8);
    QCOMPARE(saved.size(), 8);
    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 8);
    for (const snowemu::RequestRecord &patch : patches)
        QCOMPARE(bodyOf(patch), (QJsonObject{{u"close_notes"_s, u"Bulk note"_s}}));
    for (const QString &id : ids)
        QCOMPARE(readRecord(m_client.get(), u"incident"_s, id).value(u"close_notes"), u"Bulk note"_s);
    QCOMPARE(model.index(0, BulkEditModel::ResultColumn).data().toString(), u"Saved"_s);
    // The saved records come back with display values, as the table view keeps them.
    QVERIFY(saved.first().at(0).value<snow::Record>().hasDisplayValue(u"close_notes"));
}

void EditorBulkTest::oneFailureAmongMany()
{
    const QStringList ids = m_ids.mid(8, 10);
    // One of the records is deleted by someone else before the bulk edit reaches it.
    std::unique_ptr<snow::Response> removal(m_client->resource(u"/table/incident"_s).removeRecord(ids.at(4)));
    QVERIFY(removal->waitForFinished(10000));
    QVERIFY(removal->isSuccess());

    BulkEditJob job(m_client.get(), u"incident"_s, records(ids), u"number"_s);
    BulkEditModel model(&job);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&job, &BulkEditJob::finished);
    job.start(u"urgency"_s, {u"2"_s, u"2 - Medium"_s});
    QVERIFY(finished.wait(15000));

    QCOMPARE(job.count(BulkEditEntry::State::Saved), 9);
    QCOMPARE(job.count(BulkEditEntry::State::Failed), 1);
    const BulkEditEntry &failed = job.entries().at(4);
    QCOMPARE(failed.state, BulkEditEntry::State::Failed);
    QCOMPARE(failed.error.httpStatus(), 404);
    QCOMPARE(model.index(4, BulkEditModel::ResultColumn).data().toString(), u"Failed"_s);
    QVERIFY(model.index(4, BulkEditModel::MessageColumn).data().toString().contains(u"No Record found"));
    QVERIFY(model.index(3, BulkEditModel::MessageColumn).data().toString().isEmpty());
}

void EditorBulkTest::retrySendsOnlyFailed()
{
    const QStringList ids = m_ids.mid(18, 6);
    BulkEditJob job(m_client.get(), u"incident"_s, records(ids), u"number"_s);
    job.setMaxInFlight(1);
    // The first update fails with a server error; PATCH is never retried on its own.
    snowemu::Faults faults;
    faults.serverErrorBurst = 1;
    faults.serverErrorStatus = 500;
    m_server->setFaults(faults);

    QSignalSpy finished(&job, &BulkEditJob::finished);
    job.start(u"close_notes"_s, {u"Retried note"_s, u"Retried note"_s});
    QVERIFY(finished.wait(15000));
    QCOMPARE(job.count(BulkEditEntry::State::Failed), 1);
    QCOMPARE(job.count(BulkEditEntry::State::Saved), 5);
    QCOMPARE(job.entries().at(0).state, BulkEditEntry::State::Failed);

    m_server->clearRequestLog();
    finished.clear();
    job.retryFailed();
    QVERIFY(finished.wait(15000));

    const QList<snowemu::RequestRecord> patches = requests(*m_server, "PATCH");
    QCOMPARE(patches.size(), 1);
    QVERIFY(patches.first().path.endsWith(ids.at(0)));
    QCOMPARE(job.count(BulkEditEntry::State::Saved), 6);
    QCOMPARE(readRecord(m_client.get(), u"incident"_s, ids.at(0)).value(u"close_notes"), u"Retried note"_s);
}

void EditorBulkTest::cancelStopsSending()
{
    const QStringList ids = m_ids.mid(24, 10);
    BulkEditJob job(m_client.get(), u"incident"_s, records(ids), u"number"_s);
    job.setMaxInFlight(1);
    snowemu::Faults slow;
    slow.latencyMs = 100;
    m_server->setFaults(slow);

    QSignalSpy finished(&job, &BulkEditJob::finished);
    QSignalSpy saved(&job, &BulkEditJob::recordSaved);
    job.start(u"close_notes"_s, {u"Cancelled run"_s, u"Cancelled run"_s});
    QVERIFY(saved.wait(10000));
    job.cancel();
    QVERIFY(finished.wait(10000) || !job.isRunning());

    const int saves = job.count(BulkEditEntry::State::Saved);
    QVERIFY(saves >= 1);
    QVERIFY(saves < 10);
    QCOMPARE(saves + job.count(BulkEditEntry::State::Cancelled), 10);
    QCOMPARE(requests(*m_server, "PATCH").size(), saves);
}

void EditorBulkTest::dialogAppliesChoice()
{
    const QStringList ids = m_ids.mid(34, 4);
    BulkEditDialog dialog(m_session.get(), u"incident"_s, records(ids));
    QSignalSpy ready(&dialog, &BulkEditDialog::ready);
    dialog.show();
    QVERIFY(dialog.valueEditor() || ready.wait(10000));

    QVERIFY(!dialog.selectField(u"number"_s)); // read-only
    QVERIFY(!dialog.selectField(u"sys_updated_on"_s));
    QVERIFY(dialog.selectField(u"impact"_s));
    auto *editor = qobject_cast<ChoiceFieldEditor *>(dialog.valueEditor());
    QVERIFY(editor);
    editor->comboBox()->setCurrentIndex(editor->comboBox()->findData(u"1"_s));

    QSignalSpy saved(&dialog, &BulkEditDialog::recordSaved);
    QSignalSpy finished(dialog.job(), &BulkEditJob::finished);
    dialog.applyButton()->click();
    QVERIFY(finished.wait(15000));
    QCOMPARE(saved.size(), 4);
    QVERIFY(dialog.summaryLabel()->text().contains(u"4 saved"));
    QVERIFY(!dialog.retryButton()->isEnabled());
    for (const QString &id : ids)
        QCOMPARE(readRecord(m_client.get(), u"incident"_s, id).value(u"impact"), u"1"_s);
}

void EditorBulkTest::dialogRejectsEmptyMandatory()
{
    BulkEditDialog dialog(m_session.get(), u"incident"_s, records(m_ids.mid(0, 2)));
    QSignalSpy ready(&dialog, &BulkEditDialog::ready);
    dialog.show();
    QVERIFY(dialog.valueEditor() || ready.wait(10000));

    QVERIFY(dialog.selectField(u"caller_id"_s));
    dialog.apply();
    QVERIFY(requests(*m_server, "PATCH").isEmpty());
    QVERIFY(!dialog.job()->isRunning());
    QCOMPARE(dialog.job()->count(BulkEditEntry::State::Saved), 0);
}

QTEST_MAIN(EditorBulkTest)
#include "tst_editor_bulk.moc"
