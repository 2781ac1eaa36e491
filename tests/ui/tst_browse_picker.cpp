// The table picker: the table list from sys_db_object, search by label and name,
// recent tables per profile, and Ctrl+T in the main window.

#include "app/session.h"
#include "browse/browsesettings.h"
#include "browse/tablepickerdialog.h"
#include "models/tablelistmodel.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snowemu/server.h>

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>

using namespace Qt::StringLiterals;

class BrowsePickerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void listPutsIncidentFirst();
    void listSortsOthersByLabel();
    void recentTablesComeFirst();
    void searchMatchesLabelOrName_data();
    void searchMatchesLabelOrName();
    void searchRanksRecentTables();
    void recentTablesKeptPerProfile();
    void recentTablesAreCapped();
    void typedNameOpensUnlistedTable();
    void arrowKeysMoveInList();
    void ctrlTOpensPicker();

private:
    snow::ClientOptions clientOptions(const QString &password = u"admin"_s) const;
    std::unique_ptr<TableListModel> loadedList(snow::Client *client);

    std::unique_ptr<snowemu::Server> m_server;
};

void BrowsePickerTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SnowscopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_browse_picker"_s);

    snowemu::Options options;
    options.incidents = 300;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());
}

void BrowsePickerTest::init()
{
    QSettings().clear();
}

snow::ClientOptions BrowsePickerTest::clientOptions(const QString &password) const
{
    snow::ClientOptions options = uitest::clientOptions(*m_server, u"admin"_s, password);
    return options;
}

std::unique_ptr<TableListModel> BrowsePickerTest::loadedList(snow::Client *client)
{
    auto list = std::make_unique<TableListModel>(client);
    QSignalSpy loaded(list.get(), &TableListModel::loaded);
    list->load();
    if (!loaded.wait(10000))
        return nullptr;
    return list;
}

void BrowsePickerTest::listPutsIncidentFirst()
{
    snow::Client client(clientOptions());
    TableListModel list(&client);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Before loading, incident is there so that it can be picked at once.
    QCOMPARE(list.rowCount(), 1);
    QCOMPARE(list.index(0).data(TableListModel::NameRole).toString(), u"incident"_s);

    QSignalSpy loaded(&list, &TableListModel::loaded);
    list.load();
    QVERIFY(list.isLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(list.isLoaded());
    QVERIFY(list.rowCount() > 10);
    QCOMPARE(list.index(0).data(TableListModel::NameRole).toString(), u"incident"_s);
    QCOMPARE(list.index(0).data().toString(), u"Incident (incident)"_s);
    QCOMPARE(list.labelOf(u"sys_user"_s), u"User"_s);
}

void BrowsePickerTest::listSortsOthersByLabel()
{
    snow::Client client(clientOptions());
    auto list = loadedList(&client);
    QVERIFY(list);

    QStringList labels;
    for (int row = 1; row < list->rowCount(); ++row)
        labels.append(list->index(row).data(TableListModel::LabelRole).toString());
    QStringList sorted = labels;
    std::sort(sorted.begin(), sorted.end(), [](const QString &left, const QString &right) {
        return QString::compare(left, right, Qt::CaseInsensitive) < 0;
    });
    QCOMPARE(labels, sorted);
    QCOMPARE(list->rowOf(u"incident"_s), 0);
}

void BrowsePickerTest::recentTablesComeFirst()
{
    snow::Client client(clientOptions());
    auto list = loadedList(&client);
    QVERIFY(list);
    QAbstractItemModelTester tester(list.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    list->setRecentTables({u"sys_user"_s, u"cmdb_ci"_s});
    QCOMPARE(list->index(0).data(TableListModel::NameRole).toString(), u"sys_user"_s);
    QCOMPARE(list->index(1).data(TableListModel::NameRole).toString(), u"cmdb_ci"_s);
    QCOMPARE(list->index(2).data(TableListModel::NameRole).toString(), u"incident"_s);
    QCOMPARE(list->index(0).data(TableListModel::RecentRole).toBool(), true);
    QCOMPARE(list->index(2).data(TableListModel::RecentRole).toBool(), false);

    // A recent table the instance does not list is still offered.
    list->setRecentTables({u"u_gone"_s});
    QCOMPARE(list->rowOf(u"u_gone"_s), 0);
}

void BrowsePickerTest::searchMatchesLabelOrName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<bool>("includesIncident");

    QTest::newRow("name") << u"incident"_s << u"incident"_s << true;
    QTest::newRow("label exact") << u"user"_s << u"sys_user"_s << false;
    QTest::newRow("name prefix") << u"sys_user_gr"_s << u"sys_user_group"_s << false;
    QTest::newRow("two words") << u"configuration item"_s << u"cmdb_ci"_s << false;
    QTest::newRow("upper case") << u"DICTIONARY"_s << u"sys_dictionary"_s << false;
    QTest::newRow("part of label") << u"cident"_s << u"incident"_s << true;
}

void BrowsePickerTest::searchMatchesLabelOrName()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(bool, includesIncident);

    snow::Client client(clientOptions());
    auto list = loadedList(&client);
    QVERIFY(list);
    TableFilterModel filter;
    filter.setSourceModel(list.get());
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    filter.setSearchText(text);
    QVERIFY(filter.rowCount() > 0);
    QCOMPARE(filter.index(0, 0).data(TableListModel::NameRole).toString(), first);

    bool incident = false;
    for (int row = 0; row < filter.rowCount(); ++row)
        incident = incident || filter.index(row, 0).data(TableListModel::NameRole).toString() == u"incident";
    QCOMPARE(incident, includesIncident);

    filter.setSearchText(u"zzzz-no-table"_s);
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText(QString());
    QCOMPARE(filter.rowCount(), list->rowCount());
}

void BrowsePickerTest::searchRanksRecentTables()
{
    snow::Client client(clientOptions());
    auto list = loadedList(&client);
    QVERIFY(list);
    list->setRecentTables({u"sys_user_group"_s});
    TableFilterModel filter;
    filter.setSourceModel(list.get());

    // "sys" matches many tables; the recent one ranks above names that merely start with it.
    filter.setSearchText(u"sys"_s);
    QCOMPARE(filter.index(0, 0).data(TableListModel::NameRole).toString(), u"sys_user_group"_s);
}

void BrowsePickerTest::recentTablesKeptPerProfile()
{
    BrowseSettings first(u"dev12345.service-now.com"_s);
    BrowseSettings second(u"demo"_s);
    first.addRecentTable(u"problem"_s);
    first.addRecentTable(u"sys_user"_s);
    first.addRecentTable(u"problem"_s);
    second.addRecentTable(u"cmdb_ci"_s);

    QCOMPARE(first.recentTables(), (QStringList{u"problem"_s, u"sys_user"_s}));
    QCOMPARE(second.recentTables(), QStringList{u"cmdb_ci"_s});
    QCOMPARE(BrowseSettings(u"dev12345.service-now.com"_s).recentTables().size(), 2);
}

void BrowsePickerTest::recentTablesAreCapped()
{
    BrowseSettings settings(u"a/b:c"_s);
    for (int i = 0; i < BrowseSettings::MaxRecentTables + 5; ++i)
        settings.addRecentTable(u"u_table_%1"_s.arg(i));

    const QStringList recent = settings.recentTables();
    QCOMPARE(recent.size(), BrowseSettings::MaxRecentTables);
    QCOMPARE(recent.first(), u"u_table_%1"_s.arg(BrowseSettings::MaxRecentTables + 4));
}

void BrowsePickerTest::typedNameOpensUnlistedTable()
{
    snow::Client client(clientOptions(u"wrong"_s));
    TableListModel list(&client);
    TablePickerDialog dialog(&list);
    QSignalSpy failed(&list, &TableListModel::failed);
    QVERIFY(failed.wait(10000));

    auto *status = dialog.findChild<QLabel *>(u"tablePickerStatus"_s);
    QVERIFY(status);
    QVERIFY(status->text().contains(u"could not be loaded"));

    dialog.searchField()->setText(u"u_custom_table"_s);
    QCOMPARE(dialog.filterModel()->rowCount(), 0);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedTable(), u"u_custom_table"_s);

    // Text that cannot be a table name is not accepted.
    TablePickerDialog second(&list);
    second.searchField()->setText(u"no such; table"_s);
    second.accept();
    QCOMPARE(second.result(), int(QDialog::Rejected));
}

void BrowsePickerTest::arrowKeysMoveInList()
{
    snow::Client client(clientOptions());
    auto list = loadedList(&client);
    QVERIFY(list);
    TablePickerDialog dialog(list.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.list()->currentIndex().row(), 0);
    QTest::keyClick(dialog.searchField(), Qt::Key_Down);
    QCOMPARE(dialog.list()->currentIndex().row(), 1);
    QCOMPARE(QApplication::focusWidget(), dialog.searchField());

    const QString second = dialog.list()->currentIndex().data(TableListModel::NameRole).toString();
    QTest::keyClick(dialog.searchField(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedTable(), second);
}

void BrowsePickerTest::ctrlTOpensPicker()
{
    snow::Client client(clientOptions());
    Session session(&client, u"Test"_s, u"picker-profile"_s);
    MainWindow window(&session);
    QSignalSpy shown(window.browser(), &TableBrowser::firstRowsShown);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(shown.wait(10000));

    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    TablePickerDialog *picker = nullptr;
    QTRY_VERIFY((picker = window.findChild<TablePickerDialog *>()) && picker->isVisible());
    QTRY_VERIFY(window.browser()->tableList()->isLoaded());

    QTest::keyClicks(picker->searchField(), u"user"_s);
    QCOMPARE(picker->list()->currentIndex().data(TableListModel::NameRole).toString(), u"sys_user"_s);
    QSignalSpy changed(window.browser(), &TableBrowser::queryChanged);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    QTRY_COMPARE(window.browser()->table(), u"sys_user"_s);
    QVERIFY(shown.wait(10000));
    QCOMPARE(changed.first().at(0).toString(), u"sys_user"_s);

    const QStringList recent = BrowseSettings(u"picker-profile"_s).recentTables();
    QCOMPARE(recent.value(0), u"sys_user"_s);
    QCOMPARE(recent.value(1), u"incident"_s);
    QCOMPARE(window.browser()->tableList()->index(0).data(TableListModel::NameRole).toString(), u"sys_user"_s);
}

QTEST_MAIN(BrowsePickerTest)
#include "tst_browse_picker.moc"
