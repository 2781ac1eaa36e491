// Exporting a query to CSV and JSON: contents, streaming, cancel and failure leave no
// file under the target name, and the browser's progress dialog.

#include "app/session.h"
#include "browse/recordexporter.h"
#include "widgets/messagebanner.h"
#include "widgets/tablebrowser.h"

#include "uitestsupport.h"
#include <snow/client.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QProgressDialog>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace {

const QList<RecordColumn> Columns = {
    {u"number"_s, u"Number"_s},
    {u"short_description"_s, u"Short description"_s},
    {u"priority"_s, u"Priority"_s},
    {u"assigned_to"_s, u"Assigned to"_s},
};

// Splits CSV text into records of fields, following RFC 4180 quoting.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            fields.append(field);
            records.append(fields);
            fields.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

} // namespace

class BrowseExportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void csvFieldQuotes_data();
    void csvFieldQuotes();
    void csvHasEveryRecord();
    void csvRawValuesAreStored();
    void jsonIsArrayOfRecords();
    void emptyResultWritesHeaderOnly();
    void progressCountsRecords();
    void cancelLeavesNoFile();
    void cancelKeepsExistingFile();
    void brokenBodyLeavesNoFile();
    void missingFolderFails();
    void browserExportShowsProgress();
    void browserExportCancels();

private:
    RecordExporter::Request request(const QString &query, RecordExporter::Format format, const QString &path) const;
    qint64 countOf(const QString &query) const;
    QStringList filesIn(const QString &folder) const;

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    QTemporaryDir m_folder;
};

void BrowseExportTest::initTestCase()
{
    uitest::isolateSettings(u"tst_browse_export"_s);
    QVERIFY(m_folder.isValid());

    snowemu::Options options;
    options.incidents = 3000;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions client;
    client.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    client.useSsl = false;
    client.user = u"admin"_s;
    client.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(client);
    m_client->setRetryPolicy(snow::RetryPolicy::none());
}

void BrowseExportTest::init()
{
    m_server->setFaults(snowemu::Faults());
    for (const QString &name : filesIn(m_folder.path()))
        QFile::remove(m_folder.filePath(name));
}

RecordExporter::Request BrowseExportTest::request(const QString &query, RecordExporter::Format format, const QString &path) const
{
    RecordExporter::Request request;
    request.resource = m_client->resource(u"/table/incident"_s);
    request.encodedQuery = query;
    request.columns = Columns;
    request.format = format;
    request.path = path;
    request.pageSize = 40;
    return request;
}

// The number of incidents matching @p query, from X-Total-Count.
qint64 BrowseExportTest::countOf(const QString &query) const
{
    std::unique_ptr<snow::Response> response(m_client->resource(u"/table/incident"_s).get(query, 1));
    response->waitForFinished(10000);
    return response->totalCount();
}

QStringList BrowseExportTest::filesIn(const QString &folder) const
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

void BrowseExportTest::csvFieldQuotes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"INC0010001"_s << u"INC0010001"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a, b"_s << u"\"a, b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line break") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    QTest::newRow("carriage return") << u"one\rtwo"_s << u"\"one\rtwo\""_s;
    QTest::newRow("tab stays plain") << u"a\tb"_s << u"a\tb"_s;
}

void BrowseExportTest::csvFieldQuotes()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QCOMPARE(RecordExporter::csvField(value), expected);
}

void BrowseExportTest::csvHasEveryRecord()
{
    const QString path = m_folder.filePath(u"priority3.csv"_s);
    const QString query = u"priority=3^ORDERBYnumber"_s;
    RecordExporter exporter;
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(request(query, RecordExporter::Format::Csv, path)));
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().at(0).value<snow::Error>().isError());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.endsWith(u"\r\n"));
    const QList<QStringList> records = parseCsv(text);
    const qint64 total = countOf(query);
    QVERIFY(total > 40);
    QCOMPARE(records.size(), total + 1);
    QCOMPARE(exporter.writtenCount(), total);
    QCOMPARE(records.first(), (QStringList{u"number"_s, u"short_description"_s, u"priority"_s, u"assigned_to"_s}));
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records.at(i).size(), 4);
        QCOMPARE(records.at(i).at(2), u"3 - Moderate"_s);
    }
    QVERIFY(records.at(1).at(0) < records.at(2).at(0));
    QCOMPARE(filesIn(m_folder.path()), QStringList{u"priority3.csv"_s});
}

void BrowseExportTest::csvRawValuesAreStored()
{
    const QString path = m_folder.filePath(u"raw.csv"_s);
    RecordExporter::Request raw = request(u"assigned_toISNOTEMPTY^priority=2"_s, RecordExporter::Format::Csv, path);
    raw.rawValues = true;
    RecordExporter exporter;
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(raw));
    QVERIFY(finished.wait(30000));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(records.size() > 1);
    for (qsizetype i = 1; i < records.size(); ++i) {
        QCOMPARE(records.at(i).at(2), u"2"_s);
        QCOMPARE(records.at(i).at(3).size(), 32);
    }
}

void BrowseExportTest::jsonIsArrayOfRecords()
{
    const QString path = m_folder.filePath(u"priority1.json"_s);
    const QString query = u"priority=1^ORDERBYnumber"_s;
    RecordExporter exporter;
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(request(query, RecordExporter::Format::Json, path)));
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().at(0).value<snow::Error>().isError());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray records = document.array();
    QCOMPARE(records.size(), countOf(query));

    // With display values on, each field carries both values; sys_id names the record.
    const QJsonObject first = records.first().toObject();
    QCOMPARE(first.value(u"number"_s).toObject().value(u"value"_s).toString().left(3), u"INC"_s);
    QCOMPARE(first.value(u"priority"_s).toObject().value(u"display_value"_s).toString(), u"1 - Critical"_s);
    QCOMPARE(first.value(u"priority"_s).toObject().value(u"value"_s).toString(), u"1"_s);
    QVERIFY(first.contains(u"sys_id"_s));
}

void BrowseExportTest::emptyResultWritesHeaderOnly()
{
    const QString csvPath = m_folder.filePath(u"none.csv"_s);
    const QString jsonPath = m_folder.filePath(u"none.json"_s);
    for (const auto &[path, format] : {std::pair{csvPath, RecordExporter::Format::Csv}, std::pair{jsonPath, RecordExporter::Format::Json}}) {
        RecordExporter exporter;
        QSignalSpy finished(&exporter, &RecordExporter::finished);
        QVERIFY(exporter.start(request(u"number=NOPE"_s, format, path)));
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.first().at(0).value<snow::Error>().isError());
    }

    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), QByteArray("number,short_description,priority,assigned_to\r\n"));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(json.readAll()).array().size(), 0);
}

void BrowseExportTest::progressCountsRecords()
{
    const QString path = m_folder.filePath(u"all.csv"_s);
    RecordExporter exporter;
    QSignalSpy progress(&exporter, &RecordExporter::progress);
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Csv, path)));
    QVERIFY(exporter.isRunning());
    QVERIFY(!exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Csv, path)));
    QVERIFY(finished.wait(30000));

    QVERIFY(progress.size() >= 75);
    qint64 previous = -1;
    for (const QList<QVariant> &arguments : std::as_const(progress)) {
        QVERIFY(arguments.at(0).toLongLong() >= previous);
        previous = arguments.at(0).toLongLong();
    }
    QCOMPARE(progress.last().at(0).toLongLong(), 3000);
    QCOMPARE(progress.last().at(1).toLongLong(), 3000);
    QCOMPARE(finished.size(), 1);
}

void BrowseExportTest::cancelLeavesNoFile()
{
    snowemu::Faults slow;
    slow.bandwidthBytesPerSecond = 200000;
    m_server->setFaults(slow);

    const QString path = m_folder.filePath(u"cancelled.csv"_s);
    RecordExporter exporter;
    QSignalSpy progress(&exporter, &RecordExporter::progress);
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Csv, path)));
    QTRY_VERIFY_WITH_TIMEOUT(exporter.writtenCount() > 0, 10000);

    exporter.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<snow::Error>().kind(), snow::Error::Aborted);
    QVERIFY(!exporter.isRunning());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(filesIn(m_folder.path()), QStringList());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
}

void BrowseExportTest::cancelKeepsExistingFile()
{
    const QString path = m_folder.filePath(u"existing.json"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old export");
    }
    snowemu::Faults slow;
    slow.bandwidthBytesPerSecond = 200000;
    m_server->setFaults(slow);

    RecordExporter exporter;
    QVERIFY(exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Json, path)));
    QTRY_VERIFY_WITH_TIMEOUT(exporter.writtenCount() > 0, 10000);
    exporter.cancel();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old export"));
    QCOMPARE(filesIn(m_folder.path()), QStringList{u"existing.json"_s});
}

void BrowseExportTest::brokenBodyLeavesNoFile()
{
    snowemu::Faults broken;
    // Bytes as sent: the pages are gzip-compressed to a few kilobytes.
    broken.truncateBodyAfterBytes = 500;
    m_server->setFaults(broken);

    const QString path = m_folder.filePath(u"broken.csv"_s);
    RecordExporter exporter;
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Csv, path)));
    QVERIFY(finished.wait(30000));

    const snow::Error error = finished.first().at(0).value<snow::Error>();
    QVERIFY(error.isError());
    QVERIFY(error.kind() != snow::Error::Aborted);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(filesIn(m_folder.path()), QStringList());
}

void BrowseExportTest::missingFolderFails()
{
    const QString path = m_folder.filePath(u"no/such/folder/out.csv"_s);
    RecordExporter exporter;
    QSignalSpy finished(&exporter, &RecordExporter::finished);
    QVERIFY(!exporter.start(request(u"ORDERBYnumber"_s, RecordExporter::Format::Csv, path)));
    QVERIFY(finished.wait(5000));

    const snow::Error error = finished.first().at(0).value<snow::Error>();
    QCOMPARE(error.kind(), snow::Error::FileError);
    QVERIFY(error.message().contains(u"out.csv"));
}

void BrowseExportTest::browserExportShowsProgress()
{
    Session session(m_client.get(), u"Test"_s);
    TableBrowser browser(&session);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.show();
    browser.open(u"incident"_s, u"priority=1"_s);
    QVERIFY(shown.wait(10000));

    const QString path = m_folder.filePath(u"browser.csv"_s);
    QSignalSpy exported(&browser, &TableBrowser::exportFinished);
    QVERIFY(browser.exportTo(path, RecordExporter::Format::Csv));
    auto *progress = browser.findChild<QProgressDialog *>(u"exportProgress"_s);
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    QVERIFY(exported.wait(30000));

    QCOMPARE(exported.first().at(0).toString(), path);
    QVERIFY(!exported.first().at(1).value<snow::Error>().isError());
    QVERIFY(browser.banner()->isVisible());
    QVERIFY(browser.banner()->text().startsWith(u"Exported "_s));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(records.size(), countOf(u"priority=1"_s) + 1);
    QCOMPARE(records.first().size(), browser.columns().size());
}

void BrowseExportTest::browserExportCancels()
{
    Session session(m_client.get(), u"Test"_s);
    TableBrowser browser(&session);
    QSignalSpy shown(&browser, &TableBrowser::firstRowsShown);
    browser.show();
    browser.open(u"incident"_s);
    QVERIFY(shown.wait(10000));

    snowemu::Faults slow;
    slow.bandwidthBytesPerSecond = 100000;
    m_server->setFaults(slow);

    const QString path = m_folder.filePath(u"browser-cancelled.json"_s);
    QSignalSpy exported(&browser, &TableBrowser::exportFinished);
    QVERIFY(browser.exportTo(path, RecordExporter::Format::Json));
    QTRY_VERIFY_WITH_TIMEOUT(browser.exporter()->writtenCount() > 0, 10000);

    auto *progress = browser.findChild<QProgressDialog *>(u"exportProgress"_s);
    QVERIFY(progress);
    QVERIFY(progress->labelText().contains(u"of 3,000"));
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(exported.size() == 1 || exported.wait(5000));

    QCOMPARE(exported.first().at(1).value<snow::Error>().kind(), snow::Error::Aborted);
    QVERIFY(!QFile::exists(path));
    QVERIFY(browser.banner()->text().contains(u"cancelled"));
}

QTEST_MAIN(BrowseExportTest)
#include "tst_browse_export.moc"
