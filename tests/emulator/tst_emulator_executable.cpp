// The snow-emulator program: its first output line, its options and --database.

#include "emulatortestclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class ExecutableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstLineNamesPort();
    void helpListsEveryOption();
    void invalidOptionValueFails_data();
    void invalidOptionValueFails();
    void faultOptionApplies();
    void databaseKeepsWrites();

private:
    // Starts the program and returns its base URL from the first line, or an empty URL.
    QUrl start(QProcess &process, const QStringList &arguments);
};

QUrl ExecutableTest::start(QProcess &process, const QStringList &arguments)
{
    process.setProgram(QStringLiteral(SNOW_EMULATOR_EXECUTABLE));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return {};
    }
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpressionMatch match = QRegularExpression(u"^Listening on (http://127\\.0\\.0\\.1:\\d+)$"_s).match(line);
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

void ExecutableTest::firstLineNamesPort()
{
    QProcess process;
    const QUrl baseUrl = start(process, {u"--incidents"_s, u"25"_s});
    QVERIFY(baseUrl.isValid());

    TestClient client(baseUrl);
    const HttpResult result = client.get(u"/api/now/table/incident?sysparm_limit=1"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("X-Total-Count"), QByteArray("25"));

    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void ExecutableTest::helpListsEveryOption()
{
    QProcess process;
    process.start(QStringLiteral(SNOW_EMULATOR_EXECUTABLE), {u"--help"_s});
    QVERIFY(process.waitForFinished(5000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput());

    const QStringList options = {u"--port <N>"_s, u"--incidents <N>"_s, u"--database <FILE>"_s, u"--latency <MS>"_s,
                                 u"--bandwidth <BYTES_PER_SECOND>"_s, u"--rate-limit-after <N>"_s, u"--retry-after <SECONDS>"_s,
                                 u"--error-burst <N>"_s, u"--error-status <CODE>"_s, u"--truncate-after <BYTES>"_s,
                                 u"--reset-after <BYTES>"_s, u"--hibernate"_s, u"--stall"_s, u"--token-lifetime <SECONDS>"_s,
                                 u"--record-cache-mb <N>"_s};
    for (const QString &option : options)
        QVERIFY2(help.contains(option), qPrintable(option));
}

void ExecutableTest::invalidOptionValueFails_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("too many incidents") << QStringList{u"--incidents"_s, u"2000000"_s};
    QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s};
    QTest::newRow("error status out of range") << QStringList{u"--error-status"_s, u"200"_s};
    QTest::newRow("negative record cache") << QStringList{u"--record-cache-mb"_s, u"-1"_s};
}

void ExecutableTest::invalidOptionValueFails()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(QStringLiteral(SNOW_EMULATOR_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(5000));

    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("Invalid value"));
}

void ExecutableTest::faultOptionApplies()
{
    QProcess process;
    const QUrl baseUrl = start(process, {u"--error-burst"_s, u"1"_s, u"--error-status"_s, u"502"_s});
    QVERIFY(baseUrl.isValid());

    TestClient client(baseUrl);
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 502);
    QCOMPARE(client.get(u"/api/now/table/incident?sysparm_limit=1"_s).status, 200);
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void ExecutableTest::databaseKeepsWrites()
{
    QTemporaryDir folder;
    const QStringList arguments = {u"--database"_s, folder.filePath(u"demo.sqlite"_s)};
    QString sysId;
    {
        QProcess process;
        const QUrl baseUrl = start(process, arguments);
        QVERIFY(baseUrl.isValid());
        TestClient client(baseUrl);
        sysId = client.sendJson("POST", u"/api/now/table/incident"_s, R"({"short_description":"Survives"})")
                    .json()["result"_L1]["sys_id"_L1]
                    .toString();
        QVERIFY(!sysId.isEmpty());
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    QProcess process;
    const QUrl baseUrl = start(process, arguments);
    QVERIFY(baseUrl.isValid());
    TestClient client(baseUrl);
    QCOMPARE(client.get(u"/api/now/table/incident/"_s + sysId).json()["result"_L1]["short_description"_L1].toString(), u"Survives"_s);
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(ExecutableTest)
#include "tst_emulator_executable.moc"
