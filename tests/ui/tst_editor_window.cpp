// Record editing in the main window: activating a row opens its form in the dock, a
// saved record updates its row, and the Record menu's actions.

#include "tst_editor_support.h"

#include "app/session.h"
#include "widgets/messagebanner.h"
#include "editor/bulkeditdialog.h"
#include "editor/bulkeditjob.h"
#include "editor/choiceeditor.h"
#include "editor/fieldpanel.h"
#include "editor/recordediting.h"
#include "editor/recordtabs.h"
#include "editor/recoverystore.h"
#include "models/recordtablemodel.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDockWidget>
#include <QtCore/QItemSelectionModel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using namespace editortest;

class EditorWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void activatedRowOpensForm();
    void doubleClickOpensForm();
    void sameRecordReusesTab();
    void savedRecordUpdatesRow();
    void newRecordAction();
    void bulkEditSelectedRows();
    void bulkEditNeedsSelection();
    void screenshotRecordForm();

private:
    std::unique_ptr<MainWindow> openWindow();

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    std::unique_ptr<Session> m_session;
};

void EditorWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = startEmulator(50);
    QVERIFY(m_server);
    m_client = makeClient(*m_server);
    m_session = std::make_unique<Session>(m_client.get(), u"Test"_s, u"test"_s);
}

void EditorWindowTest::init()
{
    QDir(RecoveryStore::defaultDirectory()).removeRecursively();
    m_server->clearRequestLog();
}

std::unique_ptr<MainWindow> EditorWindowTest::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_session.get());
    QSignalSpy shown(window->browser(), &TableBrowser::firstRowsShown);
    window->resize(1400, 900);
    window->show();
    if (!shown.wait(10000))
        return nullptr;
    return window;
}

void EditorWindowTest::activatedRowOpensForm()
{
    auto window = openWindow();
    QVERIFY(window);
    RecordEditing *editing = window->recordEditing();
    QVERIFY(!editing->dock()->isVisible());

    QTableView *view = window->browser()->view();
    const QModelIndex row = view->model()->index(2, 0);
    const QString sysId = row.data(RecordTableModel::SysIdRole).toString();
    view->setCurrentIndex(row);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);

    QTRY_VERIFY(editing->dock()->isVisible());
    RecordForm *form = editing->tabs()->currentForm();
    QVERIFY(form);
    QCOMPARE(form->sysId(), sysId);
    QVERIFY(waitForLoaded(form));
    QCOMPARE(form->title(), row.data().toString());
    QCOMPARE(editing->tabs()->tabText(0), form->title());
}

void EditorWindowTest::doubleClickOpensForm()
{
    auto window = openWindow();
    QVERIFY(window);
    RecordEditing *editing = window->recordEditing();

    QTableView *view = window->browser()->view();
    const QModelIndex row = view->model()->index(4, 1);
    const QString sysId = row.data(RecordTableModel::SysIdRole).toString();
    QVERIFY(!sysId.isEmpty());
    const QPoint center = view->visualRect(row).center();
    // QTest sends a widget only the double-click event, and the view opens the row
    // pressed first, so the first click comes separately, as from a real mouse.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);

    QTRY_VERIFY(editing->dock()->isVisible());
    RecordForm *form = editing->tabs()->currentForm();
    QVERIFY(form);
    QCOMPARE(form->sysId(), sysId);
    QVERIFY(waitForLoaded(form));
}

void EditorWindowTest::sameRecordReusesTab()
{
    auto window = openWindow();
    QVERIFY(window);
    TableBrowser *browser = window->browser();
    const QString first = browser->model()->index(0, 0).data(RecordTableModel::SysIdRole).toString();
    const QString second = browser->model()->index(1, 0).data(RecordTableModel::SysIdRole).toString();

    Q_EMIT browser->recordActivated(u"incident"_s, first);
    Q_EMIT browser->recordActivated(u"incident"_s, second);
    Q_EMIT browser->recordActivated(u"incident"_s, first);
    RecordTabs *tabs = window->recordEditing()->tabs();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentForm()->sysId(), first);
}

void EditorWindowTest::savedRecordUpdatesRow()
{
    auto window = openWindow();
    QVERIFY(window);
    TableBrowser *browser = window->browser();
    RecordTableModel *model = browser->model();
    const QString sysId = model->index(3, 0).data(RecordTableModel::SysIdRole).toString();
    const int row = model->rowOf(sysId);
    QCOMPARE(row, 3);

    window->recordEditing()->openRecord(u"incident"_s, sysId);
    RecordForm *form = window->recordEditing()->tabs()->currentForm();
    QVERIFY(waitForLoaded(form));
    auto *line = form->editor(u"short_description"_s)->findChild<QLineEdit *>();
    line->selectAll();
    QTest::keyClicks(line, u"Updated from the form"_s);

    m_server->clearRequestLog();
    QSignalSpy saved(form, &RecordForm::saved);
    form->save();
    QVERIFY(saved.wait(10000));

    // The row shows the new value without a reload of the table.
    int column = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->columns().at(c).field == u"short_description")
            column = c;
    }
    QVERIFY(column >= 0);
    QCOMPARE(model->index(row, column).data().toString(), u"Updated from the form"_s);
    const QList<snowemu::RequestRecord> reads = requests(*m_server, "GET");
    QVERIFY(std::none_of(reads.cbegin(), reads.cend(), [](const auto &request) { return request.path == u"/api/now/table/incident"; }));
}

void EditorWindowTest::newRecordAction()
{
    auto window = openWindow();
    QVERIFY(window);
    RecordEditing *editing = window->recordEditing();
    QCOMPARE(editing->newRecordAction()->shortcut(), QKeySequence(QKeySequence::New));
    editing->newRecordAction()->trigger();

    RecordForm *form = editing->tabs()->currentForm();
    QVERIFY(form);
    QVERIFY(form->isNewRecord());
    QVERIFY(waitForLoaded(form));
    QCOMPARE(editing->tabs()->tabText(0), u"New Incident"_s);
    QVERIFY(editing->dock()->isVisible());
}

void EditorWindowTest::bulkEditSelectedRows()
{
    auto window = openWindow();
    QVERIFY(window);
    TableBrowser *browser = window->browser();
    QTableView *view = browser->view();
    QItemSelectionModel *selection = view->selectionModel();
    for (int row : {5, 6, 7})
        selection->select(view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(browser->selectedRecords().size(), 3);

    window->recordEditing()->bulkEditAction()->trigger();
    auto *dialog = window->findChild<BulkEditDialog *>();
    QVERIFY(dialog);
    QSignalSpy ready(dialog, &BulkEditDialog::ready);
    QVERIFY(dialog->valueEditor() || ready.wait(10000));
    QVERIFY(dialog->selectField(u"priority"_s));
    auto *editor = qobject_cast<ChoiceFieldEditor *>(dialog->valueEditor());
    QVERIFY(editor);
    editor->comboBox()->setCurrentIndex(editor->comboBox()->findData(u"1"_s));

    QSignalSpy finished(dialog->job(), &BulkEditJob::finished);
    dialog->apply();
    QVERIFY(finished.wait(15000));
    QCOMPARE(dialog->job()->count(BulkEditEntry::State::Saved), 3);

    int priorityColumn = -1;
    for (int c = 0; c < browser->model()->columnCount(); ++c) {
        if (browser->model()->columns().at(c).field == u"priority")
            priorityColumn = c;
    }
    QVERIFY(priorityColumn >= 0);
    for (int row : {5, 6, 7})
        QCOMPARE(browser->model()->index(row, priorityColumn).data(RecordTableModel::RawValueRole).toString(), u"1"_s);
}

void EditorWindowTest::bulkEditNeedsSelection()
{
    auto window = openWindow();
    QVERIFY(window);
    window->browser()->view()->clearSelection();
    QVERIFY(!window->recordEditing()->bulkEditSelected());
    QVERIFY(!window->findChild<BulkEditDialog *>());
}

void EditorWindowTest::screenshotRecordForm()
{
    // Run with SNOWSCOPE_SCREENSHOT_DIR set to refresh the documentation's pictures.
    const QString directory = qEnvironmentVariable("SNOWSCOPE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        QSKIP("SNOWSCOPE_SCREENSHOT_DIR is not set");

    auto window = openWindow();
    QVERIFY(window);
    const QString sysId = window->browser()->model()->index(0, 0).data(RecordTableModel::SysIdRole).toString();
    QVERIFY(patchRecord(m_client.get(), u"incident"_s, sysId, {{u"comments"_s, u"The user reports the VPN drops hourly."_s}}));
    window->recordEditing()->openRecord(u"incident"_s, sysId);
    RecordForm *form = window->recordEditing()->tabs()->currentForm();
    QVERIFY(waitForLoaded(form));
    // The form needs the height, so the query builder's dock makes way.
    if (auto *queryDock = window->findChild<QDockWidget *>(u"queryDock"_s))
        queryDock->hide();
    window->resize(1100, 700);
    window->resizeDocks({window->recordEditing()->dock()}, {560}, Qt::Horizontal);

    // Show a pending change and the expanded field list, with a filter that leaves a
    // field of each remaining incident type: boolean, integer, date-time, duration,
    // list, choice and reference. Incidents have no decimal or date field, so a
    // configuration item and a user show those two.
    auto *line = form->editor(u"short_description"_s)->findChild<QLineEdit *>();
    line->selectAll();
    QTest::keyClicks(line, u"VPN drops every hour for the sales team"_s);
    form->fields()->setFilter(u"on"_s);
    QCoreApplication::processEvents();
    QTest::qWait(200);

    QDir().mkpath(directory);
    QVERIFY(form->fields()->grab().save(directory + u"/record-form-fields.png"_s, "PNG"));
    QVERIFY(window->grab().save(directory + u"/record-form-window.png"_s, "PNG"));

    struct Shot
    {
        QString table;
        QString filter;
        QString file;
    };
    for (const Shot &shot : {Shot{u"cmdb_ci"_s, u"cost"_s, u"record-form-decimal.png"_s},
                             Shot{u"sys_user"_s, u"last login"_s, u"record-form-date.png"_s}}) {
        const QString &table = shot.table;
        const QString otherId = sysIds(m_client.get(), table, 1, QString()).value(0);
        QVERIFY(!otherId.isEmpty());
        window->recordEditing()->openRecord(table, otherId);
        RecordForm *other = window->recordEditing()->tabs()->currentForm();
        QVERIFY(waitForLoaded(other));
        other->fields()->setFilter(shot.filter);
        QCoreApplication::processEvents();
        QTest::qWait(200);
        QVERIFY(other->fields()->grab().save(directory + u'/' + shot.file, "PNG"));
    }
}

QTEST_MAIN(EditorWindowTest)
#include "tst_editor_window.moc"
