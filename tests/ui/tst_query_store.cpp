// Tests of SavedQueryStore: saved queries per profile and table, renames, deletes
// and the recent-query list, in a test-mode settings folder.

#include "query/savedqueriesdialog.h"
#include "query/savedquerystore.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>

using namespace Qt::StringLiterals;

class QueryStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void saveAndList();
    void saveReplacesSameName();
    void emptyNameRejected();
    void renameQuery();
    void renameRejected_data();
    void renameRejected();
    void removeQuery();
    void profilesAndTablesSeparate();
    void oddNamesKept_data();
    void oddNamesKept();
    void recentNewestFirst();
    void recentKeepsTen();
    void recentSkipsEmptyAndRepeat();
    void changedSignal();
    void dialogRenames();
    void dialogReportsRenameClash();
    void dialogDeletes();
};

void QueryStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"SnowscopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_query_store"_s);
}

void QueryStoreTest::init()
{
    QSettings settings;
    settings.remove(u"queries"_s);
}

void QueryStoreTest::saveAndList()
{
    SavedQueryStore store(u"demo"_s);
    QVERIFY(store.save(u"incident"_s, u"My open P1"_s, u"active=true^priority=1"_s));
    QVERIFY(store.save(u"incident"_s, u"Unassigned"_s, u"assigned_toISEMPTY"_s));

    const QList<SavedQuery> saved = store.savedQueries(u"incident"_s);
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.at(0), (SavedQuery{u"My open P1"_s, u"active=true^priority=1"_s}));
    QCOMPARE(saved.at(1), (SavedQuery{u"Unassigned"_s, u"assigned_toISEMPTY"_s}));
    QCOMPARE(store.savedQuery(u"incident"_s, u"Unassigned"_s), u"assigned_toISEMPTY"_s);
    QVERIFY(store.contains(u"incident"_s, u"My open P1"_s));
    QVERIFY(!store.contains(u"incident"_s, u"Nothing"_s));
}

void QueryStoreTest::saveReplacesSameName()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"Mine"_s, u"active=true"_s);
    store.save(u"incident"_s, u" Mine "_s, u"active=false"_s);

    QCOMPARE(store.savedQueries(u"incident"_s).size(), 1);
    QCOMPARE(store.savedQuery(u"incident"_s, u"Mine"_s), u"active=false"_s);
}

void QueryStoreTest::emptyNameRejected()
{
    SavedQueryStore store(u"demo"_s);
    QVERIFY(!store.save(u"incident"_s, u"   "_s, u"active=true"_s));
    QVERIFY(store.savedQueries(u"incident"_s).isEmpty());
}

void QueryStoreTest::renameQuery()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"Old"_s, u"active=true"_s);
    store.save(u"incident"_s, u"Other"_s, u"priority=1"_s);

    QVERIFY(store.rename(u"incident"_s, u"Old"_s, u"New"_s));
    QCOMPARE(store.savedQueries(u"incident"_s).first(), (SavedQuery{u"New"_s, u"active=true"_s}));
    QVERIFY(!store.contains(u"incident"_s, u"Old"_s));
}

void QueryStoreTest::renameRejected_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");

    QTest::newRow("missing source") << u"Missing"_s << u"New"_s;
    QTest::newRow("empty target") << u"Old"_s << u" "_s;
    QTest::newRow("taken target") << u"Old"_s << u"Other"_s;
}

void QueryStoreTest::renameRejected()
{
    QFETCH(QString, from);
    QFETCH(QString, to);

    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"Old"_s, u"active=true"_s);
    store.save(u"incident"_s, u"Other"_s, u"priority=1"_s);

    QVERIFY(!store.rename(u"incident"_s, from, to));
    QCOMPARE(store.savedQuery(u"incident"_s, u"Old"_s), u"active=true"_s);
    QCOMPARE(store.savedQuery(u"incident"_s, u"Other"_s), u"priority=1"_s);
}

void QueryStoreTest::removeQuery()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"A"_s, u"a=1"_s);
    store.save(u"incident"_s, u"B"_s, u"b=1"_s);

    QVERIFY(store.remove(u"incident"_s, u"A"_s));
    QVERIFY(!store.remove(u"incident"_s, u"A"_s));
    QCOMPARE(store.savedQueries(u"incident"_s), (QList<SavedQuery>{{u"B"_s, u"b=1"_s}}));
}

void QueryStoreTest::profilesAndTablesSeparate()
{
    SavedQueryStore demo(u"demo"_s);
    SavedQueryStore production(u"prod"_s);
    demo.save(u"incident"_s, u"Q"_s, u"a=1"_s);
    production.save(u"incident"_s, u"Q"_s, u"b=2"_s);
    demo.save(u"problem"_s, u"Q"_s, u"c=3"_s);

    QCOMPARE(demo.savedQuery(u"incident"_s, u"Q"_s), u"a=1"_s);
    QCOMPARE(production.savedQuery(u"incident"_s, u"Q"_s), u"b=2"_s);
    QCOMPARE(demo.savedQuery(u"problem"_s, u"Q"_s), u"c=3"_s);
    QVERIFY(production.savedQueries(u"problem"_s).isEmpty());

    // A second store of the same profile reads the same settings.
    QCOMPARE(SavedQueryStore(u"demo"_s).savedQuery(u"incident"_s, u"Q"_s), u"a=1"_s);
}

void QueryStoreTest::oddNamesKept_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("query");

    QTest::newRow("slashes") << u"https://dev1.service-now.com/admin"_s << u"a/b\\c"_s << u"short_descriptionLIKEa/b"_s;
    QTest::newRow("settings syntax") << u"%General"_s << u"[x]=y;z"_s << u"active=true"_s;
    QTest::newRow("unicode") << u"Préproduction"_s << u"Ärger ☕"_s << u"short_descriptionLIKE☕"_s;
    QTest::newRow("caret query") << u"demo"_s << u"carets"_s << u"short_descriptionLIKEa^^b^priority=1"_s;
}

void QueryStoreTest::oddNamesKept()
{
    QFETCH(QString, profile);
    QFETCH(QString, name);
    QFETCH(QString, query);

    SavedQueryStore store(profile);
    QVERIFY(store.save(u"incident"_s, name, query));
    QCOMPARE(SavedQueryStore(profile).savedQuery(u"incident"_s, name), query);
    store.addRecent(u"incident"_s, query);
    QCOMPARE(SavedQueryStore(profile).recentQueries(u"incident"_s), QStringList{query});
}

void QueryStoreTest::recentNewestFirst()
{
    SavedQueryStore store(u"demo"_s);
    store.addRecent(u"incident"_s, u"a=1"_s);
    store.addRecent(u"incident"_s, u"b=2"_s);
    store.addRecent(u"incident"_s, u"a=1"_s);

    QCOMPARE(store.recentQueries(u"incident"_s), (QStringList{u"a=1"_s, u"b=2"_s}));
    QVERIFY(store.recentQueries(u"problem"_s).isEmpty());
}

void QueryStoreTest::recentKeepsTen()
{
    SavedQueryStore store(u"demo"_s);
    for (int i = 1; i <= 14; ++i)
        store.addRecent(u"incident"_s, u"priority=%1"_s.arg(i));

    const QStringList recent = store.recentQueries(u"incident"_s);
    QCOMPARE(recent.size(), SavedQueryStore::RecentLimit);
    QCOMPARE(recent.first(), u"priority=14"_s);
    QCOMPARE(recent.last(), u"priority=5"_s);

    store.clearRecent(u"incident"_s);
    QVERIFY(store.recentQueries(u"incident"_s).isEmpty());
}

void QueryStoreTest::recentSkipsEmptyAndRepeat()
{
    SavedQueryStore store(u"demo"_s);
    QSignalSpy changed(&store, &SavedQueryStore::changed);
    store.addRecent(u"incident"_s, QString());
    QCOMPARE(changed.count(), 0);

    store.addRecent(u"incident"_s, u"a=1"_s);
    store.addRecent(u"incident"_s, u"a=1"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.recentQueries(u"incident"_s), QStringList{u"a=1"_s});
}

void QueryStoreTest::changedSignal()
{
    SavedQueryStore store(u"demo"_s);
    QSignalSpy changed(&store, &SavedQueryStore::changed);
    store.save(u"incident"_s, u"A"_s, u"a=1"_s);
    store.rename(u"incident"_s, u"A"_s, u"B"_s);
    store.remove(u"incident"_s, u"B"_s);

    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.first().at(0).toString(), u"incident"_s);
}

void QueryStoreTest::dialogRenames()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"A"_s, u"a=1"_s);
    SavedQueriesDialog dialog(&store, u"incident"_s);
    QCOMPARE(dialog.list()->count(), 1);

    QVERIFY(dialog.renameQuery(u"A"_s, u"Renamed"_s));
    QCOMPARE(dialog.list()->item(0)->text(), u"Renamed"_s);
    QVERIFY(store.contains(u"incident"_s, u"Renamed"_s));
}

void QueryStoreTest::dialogReportsRenameClash()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"A"_s, u"a=1"_s);
    store.save(u"incident"_s, u"B"_s, u"b=1"_s);
    SavedQueriesDialog dialog(&store, u"incident"_s);

    QVERIFY(!dialog.renameQuery(u"A"_s, u"B"_s));
    QVERIFY(!dialog.message()->isHidden());
    QVERIFY(dialog.message()->text().contains(u"\"B\" already exists"));
}

void QueryStoreTest::dialogDeletes()
{
    SavedQueryStore store(u"demo"_s);
    store.save(u"incident"_s, u"A"_s, u"a=1"_s);
    store.save(u"incident"_s, u"B"_s, u"b=1"_s);
    SavedQueriesDialog dialog(&store, u"incident"_s);

    QVERIFY(dialog.deleteQuery(u"A"_s));
    QCOMPARE(dialog.list()->count(), 1);
    QCOMPARE(dialog.list()->item(0)->text(), u"B"_s);
}

QTEST_MAIN(QueryStoreTest)
#include "tst_query_store.moc"
