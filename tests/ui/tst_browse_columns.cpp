// Columns: defaults per table, the column chooser (search, check, reorder), choices
// saved per table and profile, dictionary labels as headers, raw values.

#include "app/session.h"
#include "browse/browsesettings.h"
#include "browse/columnchoice.h"
#include "browse/columnchooserdialog.h"
#include "metadata/schemacache.h"
#include "models/recordtablemodel.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStandardPaths>
#include <QtCore/QUrlQuery>
#include <QtGui/QAction>
#include <QtGui/QStandardItemModel>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

class BrowseColumnsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultColumnsPerTable_data();
    void defaultColumnsPerTable();
    void unknownSavedFieldsDropped();
    void chooserListsChosenFirst();
    void chooserSearchFilters();
    void chooserReordersWithKeys();
    void chooserSpaceChecksField();
    void chooserDefaultsRestore();
    void chooserShowsWholeLabels();
    void browserAppliesChosenColumns();
    void columnsKeptPerProfile();
    void otherTableUsesDictionary();
    void rawValuesActionShowsRaw();

private:
    snow::ClientOptions clientOptions() const;
    std::shared_ptr<const TableSchema> loadSchema(Session &session, const QString &table);
    QStringList requestedFields() const;

    std::unique_ptr<snowemu::Server> m_server;
};

void BrowseColumnsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SnowscopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_browse_columns"_s);

    snowemu::Options options;
    options.incidents = 300;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowseColumnsTest::init()
{
    QSettings().clear();
    m_server->clearRequestLog();
}

snow::ClientOptions BrowseColumnsTest::clientOptions() const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server);
    return options;
}

std::shared_ptr<const TableSchema> BrowseColumnsTest::loadSchema(Session &session, const QString &table)
{
    if (auto schema = session.schemas()->schema(table))
        return schema;
    QSignalSpy loaded(session.schemas(), &SchemaCache::schemaLoaded);
    if (!loaded.wait(10000))
        return nullptr;
    return session.schemas()->cached(table);
}

// The sysparm_fields of the last Table API request for incident.
QStringList BrowseColumnsTest::requestedFields() const
{
    const QList<snowemu::RequestRecord> log = m_server->requestLog();
    for (auto request = log.crbegin(); request != log.crend(); ++request) {
        if (request->path == u"/api/now/table/incident")
            return QUrlQuery(request->query).queryItemValue(u"sysparm_fields"_s, QUrl::FullyDecoded).split(u',');
    }
    return {};
}

void BrowseColumnsTest::defaultColumnsPerTable_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("withSchema");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("incident") << u"incident"_s << false
                              << QStringList{u"number"_s, u"short_description"_s, u"state"_s, u"priority"_s,
                                             u"assigned_to"_s, u"sys_updated_on"_s};
    QTest::newRow("user") << u"sys_user"_s << true << QStringList{u"name"_s, u"user_name"_s, u"email"_s, u"sys_updated_on"_s};
    QTest::newRow("no schema") << u"sys_user"_s << false << QStringList{u"sys_id"_s, u"sys_updated_on"_s};
}

void BrowseColumnsTest::defaultColumnsPerTable()
{
    QFETCH(QString, table);
    QFETCH(bool, withSchema);
    QFETCH(QStringList, expected);

    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    std::shared_ptr<const TableSchema> schema = withSchema ? loadSchema(session, table) : nullptr;
    QCOMPARE(bool(schema), withSchema);

    const QStringList fields = defaultColumnFields(table, schema.get());
    // The dictionary decides which common columns exist: the display field leads, the
    // update time ends the list, and every expected field is in it.
    for (const QString &field : expected)
        QVERIFY2(fields.contains(field), qPrintable(field));
    QCOMPARE(fields.first(), expected.first());
    QCOMPARE(fields.last(), expected.last());
    QVERIFY(fields.size() <= 6);
}

void BrowseColumnsTest::unknownSavedFieldsDropped()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);

    const QList<RecordColumn> columns = columnsFor({u"number"_s, u"u_deleted_column"_s, u"sys_id"_s}, schema.get(), true);
    QCOMPARE(columns.size(), 2);
    QCOMPARE(columns.at(0).field, u"number"_s);
    QCOMPARE(columns.at(0).label, schema->field(u"number"_s)->label);
    QCOMPARE(columns.at(1).field, u"sys_id"_s);

    const QList<RecordColumn> unchecked = columnsFor({u"u_deleted_column"_s}, nullptr);
    QCOMPARE(unchecked.size(), 1);
    QCOMPARE(unchecked.first().label, u"u_deleted_column"_s);
}

void BrowseColumnsTest::chooserListsChosenFirst()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);

    ColumnChooserDialog dialog(*schema, {u"state"_s, u"number"_s}, {}, nullptr);
    QStandardItemModel *model = dialog.fieldModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->item(0)->data(Qt::UserRole + 1).toString(), u"state"_s);
    QCOMPARE(model->item(1)->data(Qt::UserRole + 1).toString(), u"number"_s);
    QCOMPARE(model->item(0)->checkState(), Qt::Checked);
    QCOMPARE(model->item(2)->checkState(), Qt::Unchecked);
    QCOMPARE(dialog.chosenFields(), (QStringList{u"state"_s, u"number"_s}));
    // Every column of incident and its ancestor task is offered.
    QVERIFY(model->rowCount() >= schema->fields.size());
}

void BrowseColumnsTest::chooserSearchFilters()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);
    ColumnChooserDialog dialog(*schema, {u"number"_s, u"state"_s}, {}, nullptr);
    dialog.show();

    QTest::keyClicks(dialog.searchField(), u"assign"_s);
    QAbstractItemModel *visible = dialog.list()->model();
    QVERIFY(visible->rowCount() >= 2);
    QStringList fields;
    for (int row = 0; row < visible->rowCount(); ++row)
        fields.append(visible->index(row, 0).data(Qt::UserRole + 1).toString());
    QVERIFY(fields.contains(u"assigned_to"_s));
    QVERIFY(fields.contains(u"assignment_group"_s));
    QVERIFY(!fields.contains(u"number"_s));

    // Moving is off while a search hides part of the list.
    QVERIFY(!dialog.moveCurrent(1));

    // Checking a found field adds it at its place after the chosen ones.
    QVERIFY(dialog.setFieldChosen(u"assigned_to"_s, true));
    dialog.searchField()->clear();
    QCOMPARE(dialog.chosenFields().value(2), u"assigned_to"_s);
}

void BrowseColumnsTest::chooserReordersWithKeys()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);
    ColumnChooserDialog dialog(*schema, {u"number"_s, u"state"_s, u"priority"_s}, {}, nullptr);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    dialog.list()->setFocus();
    dialog.list()->setCurrentIndex(dialog.list()->model()->index(2, 0));
    // A button's shortcut clicks it after a short animation, hence the waits.
    QTest::keyClick(dialog.list(), Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(dialog.chosenFields(), (QStringList{u"number"_s, u"priority"_s, u"state"_s}));
    QTest::keyClick(dialog.list(), Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(dialog.chosenFields(), (QStringList{u"priority"_s, u"number"_s, u"state"_s}));
    QVERIFY(!dialog.moveCurrent(-1));
    QVERIFY(dialog.moveCurrent(1));
    QCOMPARE(dialog.chosenFields(), (QStringList{u"number"_s, u"priority"_s, u"state"_s}));
}

void BrowseColumnsTest::chooserSpaceChecksField()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);
    ColumnChooserDialog dialog(*schema, {u"number"_s}, {}, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    dialog.list()->setFocus();
    dialog.list()->setCurrentIndex(dialog.list()->model()->index(1, 0));
    const QString second = dialog.list()->currentIndex().data(Qt::UserRole + 1).toString();
    QTest::keyClick(dialog.list(), Qt::Key_Space);
    QCOMPARE(dialog.chosenFields(), (QStringList{u"number"_s, second}));
    QTest::keyClick(dialog.list(), Qt::Key_Space);
    QCOMPARE(dialog.chosenFields(), QStringList{u"number"_s});
}

void BrowseColumnsTest::chooserDefaultsRestore()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);
    const QStringList defaults = defaultColumnFields(u"incident"_s, schema.get());
    ColumnChooserDialog dialog(*schema, {u"state"_s}, defaults, nullptr);

    QPushButton *restore = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().remove(u'&') == u"Defaults")
            restore = button;
    }
    QVERIFY(restore);
    restore->click();
    QCOMPARE(dialog.chosenFields(), defaults);
}

void BrowseColumnsTest::chooserShowsWholeLabels()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    const auto schema = loadSchema(session, u"incident"_s);
    QVERIFY(schema);
    QStringList chosen = defaultColumnFields(u"incident"_s, schema.get());
    chosen.append(u"category"_s);
    ColumnChooserDialog dialog(*schema, chosen, {}, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.list()->setCurrentIndex(dialog.list()->model()->index(0, 0));
    // QListView lays its items out from the event loop.
    QTest::qWait(100);

    // Without a horizontal scroll range, every "Label (field)" line fits.
    QCOMPARE(dialog.list()->horizontalScrollBar()->maximum(), 0);

    // SNOWSCOPE_SCREENSHOT_DIR=docs/screenshots saves the picture for the documentation.
    const QString folder = qEnvironmentVariable("SNOWSCOPE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(dialog.grab().save(QDir(folder).filePath(u"column-chooser.png"_s), "PNG"));
}

void BrowseColumnsTest::browserAppliesChosenColumns()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s, u"columns-profile"_s);
    TableBrowser browser(&session);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.show();
    browser.open(u"incident"_s);
    QVERIFY(shown.wait(10000));

    browser.action(u"chooseColumnsAction"_s)->trigger();
    ColumnChooserDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = browser.findChild<ColumnChooserDialog *>()) && dialog->isVisible(), 10000);
    QVERIFY(dialog->setFieldChosen(u"category"_s, true));
    QVERIFY(dialog->setFieldChosen(u"sys_updated_on"_s, false));
    dialog->accept();
    QVERIFY(shown.wait(10000));

    const QStringList expected = {u"number"_s, u"short_description"_s, u"state"_s, u"priority"_s, u"assigned_to"_s, u"category"_s};
    QStringList fields;
    for (const RecordColumn &column : browser.model()->columns())
        fields.append(column.field);
    QCOMPARE(fields, expected);
    QCOMPARE(BrowseSettings(u"columns-profile"_s).columns(u"incident"_s), expected);
    QVERIFY(requestedFields().contains(u"category"_s));
    QVERIFY(!requestedFields().contains(u"sys_updated_on"_s));

    // Headers are the dictionary's labels.
    const auto schema = session.schemas()->cached(u"incident"_s);
    QVERIFY(schema);
    QCOMPARE(browser.model()->headerData(5, Qt::Horizontal).toString(), schema->field(u"category"_s)->label);

    // A new browser of the same profile shows the saved columns.
    TableBrowser again(&session);
    QSignalSpy shownAgain(&again, &TableBrowser::firstRowsShown);
    again.open(u"incident"_s);
    QVERIFY(shownAgain.wait(10000));
    QCOMPARE(again.columns().size(), expected.size());
    QCOMPARE(again.columns().last().field, u"category"_s);
}

void BrowseColumnsTest::columnsKeptPerProfile()
{
    BrowseSettings(u"first"_s).setColumns(u"incident"_s, {u"number"_s});
    QCOMPARE(BrowseSettings(u"first"_s).columns(u"incident"_s), QStringList{u"number"_s});
    QVERIFY(BrowseSettings(u"second"_s).columns(u"incident"_s).isEmpty());
    QVERIFY(BrowseSettings(u"first"_s).columns(u"problem"_s).isEmpty());

    BrowseSettings(u"first"_s).setColumns(u"incident"_s, {});
    QVERIFY(BrowseSettings(u"first"_s).columns(u"incident"_s).isEmpty());
}

void BrowseColumnsTest::otherTableUsesDictionary()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.open(u"sys_user"_s);
    QVERIFY(shown.wait(10000));

    const auto schema = session.schemas()->cached(u"sys_user"_s);
    QVERIFY(schema);
    QCOMPARE(browser.columns().first().field, u"name"_s);
    QCOMPARE(browser.model()->headerData(0, Qt::Horizontal).toString(), schema->field(u"name"_s)->label);
    QVERIFY(!browser.model()->index(0, 0).data().toString().isEmpty());
    // Without an ordering in the query, rows come by the display field.
    QCOMPARE(browser.effectiveQuery(), u"ORDERBYname"_s);
}

void BrowseColumnsTest::rawValuesActionShowsRaw()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s);
    TableBrowser browser(&session);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.open(u"incident"_s);
    QVERIFY(shown.wait(10000));

    // assigned_to is a reference; find a row that has one.
    const int column = 4;
    QCOMPARE(browser.columns().at(column).field, u"assigned_to"_s);
    int row = 0;
    while (row < browser.model()->rowCount() && browser.model()->index(row, column).data(RecordTableModel::RawValueRole).toString().isEmpty())
        ++row;
    QVERIFY(row < browser.model()->rowCount());
    const QModelIndex cell = browser.model()->index(row, column);
    const QString name = cell.data().toString();

    QAction *raw = browser.action(u"rawValuesAction"_s);
    raw->trigger();
    QVERIFY(raw->isChecked());
    QCOMPARE(cell.data().toString().size(), 32);
    raw->trigger();
    QCOMPARE(cell.data().toString(), name);
}

QTEST_MAIN(BrowseColumnsTest)
#include "tst_browse_columns.moc"
