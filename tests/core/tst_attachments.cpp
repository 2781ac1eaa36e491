// Tests of snow::Attachments against the emulator: byte-exact round trips, file
// names, content types, hash checks, cancel and retry, and broken transfers.

#include <snow/attachments.h>
#include <snow/client.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray everyByteValue(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = i < 512 ? char(i % 256) : char(random.bounded(256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class AttachmentsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void roundTripEveryByte_data();
    void roundTripEveryByte();
    void specialFileNames_data();
    void specialFileNames();
    void contentTypes_data();
    void contentTypes();
    void listAndRemove();
    void missingRecordIsNotFound();
    void missingLocalFileFails();
    void uploadHashMismatch();
    void downloadHashMismatchKeepsTarget();
    void truncatedDownloadWritesNothing();
    void cancelUploadThenRetry();
    void cancelDownload();
    void progressReachesSize();

private:
    snow::Response *wait(snow::Response *response) const;
    QString recordSysId();
    snow::Record upload(const QString &path, const snow::UploadOptions &options = {});

    std::unique_ptr<snowemu::Server> m_server;
    std::unique_ptr<snow::Client> m_client;
    QTemporaryDir m_folder;
    QString m_record;
};

void AttachmentsTest::initTestCase()
{
    QVERIFY(m_folder.isValid());
    snowemu::Options options;
    options.incidents = 5;
    m_server = std::make_unique<snowemu::Server>(options);
    QVERIFY(m_server->start());

    snow::ClientOptions clientOptions;
    clientOptions.host = u"127.0.0.1:%1"_s.arg(m_server->port());
    clientOptions.useSsl = false;
    clientOptions.user = u"admin"_s;
    clientOptions.password = u"admin"_s;
    m_client = std::make_unique<snow::Client>(clientOptions);
    m_record = recordSysId();
    QCOMPARE(m_record.size(), 32);
}

void AttachmentsTest::cleanup()
{
    m_server->setFaults(snowemu::Faults());
}

snow::Response *AttachmentsTest::wait(snow::Response *response) const
{
    if (!response->waitForFinished(60000))
        qWarning("The response did not finish within 60 s");
    return response;
}

QString AttachmentsTest::recordSysId()
{
    std::unique_ptr<snow::Response> response(wait(m_client->resource(u"/table/incident"_s).get(snow::Query(), 1)));
    return response->isSuccess() && !response->records().isEmpty() ? response->records().first().sysId() : QString();
}

snow::Record AttachmentsTest::upload(const QString &path, const snow::UploadOptions &options)
{
    std::unique_ptr<snow::Response> response(wait(m_client->attachments().upload(u"incident"_s, m_record, path, options)));
    if (!response->isSuccess()) {
        qWarning() << response->error().toString();
        return snow::Record();
    }
    return response->records().value(0);
}

void AttachmentsTest::roundTripEveryByte_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("multipart");

    for (const bool multipart : {false, true}) {
        const char *form = multipart ? "multipart" : "binary";
        QTest::addRow("%s 1 byte", form) << qint64(1) << multipart;
        QTest::addRow("%s 256 bytes", form) << qint64(256) << multipart;
        QTest::addRow("%s 200 KB", form) << qint64(200 * 1024 + 7) << multipart;
        QTest::addRow("%s 3 MB", form) << qint64(3 * 1024 * 1024 + 13) << multipart;
    }
}

void AttachmentsTest::roundTripEveryByte()
{
    QFETCH(qint64, size);
    QFETCH(bool, multipart);

    const QByteArray content = everyByteValue(size, quint32(size));
    const QString source = m_folder.filePath(u"source.bin"_s);
    QVERIFY(writeFile(source, content));

    snow::UploadOptions options;
    options.multipart = multipart;
    const snow::Record stored = upload(source, options);
    QVERIFY(!stored.isEmpty());
    QCOMPARE(stored.value(u"size_bytes").toLongLong(), size);
    QCOMPARE(stored.value(u"hash"), QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(stored.value(u"table_name"), u"incident"_s);
    QCOMPARE(stored.value(u"table_sys_id"), m_record);

    const QString target = m_folder.filePath(u"downloaded.bin"_s);
    std::unique_ptr<snow::Response> download(wait(m_client->attachments().download(stored.sysId(), target)));
    QVERIFY2(download->isSuccess(), qPrintable(download->error().toString()));
    QCOMPARE(download->savedFilePath(), target);
    QCOMPARE(readFile(target), content);
}

void AttachmentsTest::specialFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("multipart");

    const QStringList names = {u"report final.txt"_s, u"résumé ñandú.txt"_s, u"😀 smile.txt"_s, u"say \"cheese\".txt"_s,
                               u"a&b=c+d.txt"_s, u"100% sure #1?.txt"_s, u"日本語のファイル.txt"_s, u"semi;colon's.txt"_s};
    for (const QString &name : names) {
        QTest::addRow("binary %s", qPrintable(name)) << name << false;
        QTest::addRow("multipart %s", qPrintable(name)) << name << true;
    }
}

void AttachmentsTest::specialFileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, multipart);

    const QString source = m_folder.filePath(u"named.txt"_s);
    QVERIFY(writeFile(source, "content of " + name.toUtf8()));

    snow::UploadOptions options;
    options.fileName = name;
    options.multipart = multipart;
    const snow::Record stored = upload(source, options);
    QVERIFY(!stored.isEmpty());
    QCOMPARE(stored.value(u"file_name"), name);

    std::unique_ptr<snow::Response> metadata(wait(m_client->attachments().metadata(stored.sysId())));
    QVERIFY(metadata->isSuccess());
    QCOMPARE(metadata->records().first().value(u"file_name"), name);

    const QString target = m_folder.filePath(QString::fromLatin1(name.toUtf8().toHex().left(40)) + u".out"_s);
    std::unique_ptr<snow::Response> download(wait(m_client->attachments().download(stored.sysId(), target)));
    QVERIFY(download->isSuccess());
    QCOMPARE(readFile(target), "content of " + name.toUtf8());
}

void AttachmentsTest::contentTypes_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("contentType");

    QTest::newRow("png") << u"screen.png"_s << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << u"image/png"_s;
    QTest::newRow("jpeg") << u"photo.jpg"_s << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF\0", 11) << u"image/jpeg"_s;
    QTest::newRow("pdf") << u"manual.pdf"_s << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << u"application/pdf"_s;
    QTest::newRow("text") << u"notes.txt"_s << QByteArray("plain text\n") << u"text/plain"_s;
    QTest::newRow("json") << u"data.json"_s << QByteArray("{\"a\":1}") << u"application/json"_s;
    QTest::newRow("csv") << u"export.csv"_s << QByteArray("a,b\n1,2\n") << u"text/csv"_s;
    QTest::newRow("zip") << u"archive.zip"_s << QByteArray("PK\x03\x04\x14\0\0\0", 8) << u"application/zip"_s;
    QTest::newRow("log") << u"server.log"_s << QByteArray("2024-01-01 ERROR x\n") << u"text/x-log"_s;
}

void AttachmentsTest::contentTypes()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, contentType);

    const QString source = m_folder.filePath(fileName);
    QVERIFY(writeFile(source, content));
    QCOMPARE(snow::Attachments::contentTypeFor(source), contentType);

    const snow::Record stored = upload(source);
    QVERIFY(!stored.isEmpty());
    QCOMPARE(stored.value(u"content_type"), contentType);
}

void AttachmentsTest::listAndRemove()
{
    std::unique_ptr<snow::Response> other(wait(m_client->resource(u"/table/incident"_s).get(snow::Query(), 1, 3)));
    const QString record = other->records().first().sysId();

    const QString source = m_folder.filePath(u"one.txt"_s);
    QVERIFY(writeFile(source, "one"));
    QStringList uploaded;
    for (int i = 0; i < 3; ++i) {
        std::unique_ptr<snow::Response> response(wait(m_client->attachments().upload(u"incident"_s, record, source)));
        QVERIFY(response->isSuccess());
        uploaded.append(response->records().first().sysId());
    }

    std::unique_ptr<snow::Response> list(wait(m_client->attachments().list(u"incident"_s, record)));
    QVERIFY(list->isSuccess());
    QCOMPARE(list->records().size(), 3);

    std::unique_ptr<snow::Response> removed(wait(m_client->attachments().remove(uploaded.first())));
    QVERIFY2(removed->isSuccess(), qPrintable(removed->error().toString()));
    QCOMPARE(removed->httpStatus(), 204);

    std::unique_ptr<snow::Response> gone(wait(m_client->attachments().metadata(uploaded.first())));
    QCOMPARE(gone->error().httpStatus(), 404);
    std::unique_ptr<snow::Response> after(wait(m_client->attachments().list(u"incident"_s, record)));
    QCOMPARE(after->records().size(), 2);
}

void AttachmentsTest::missingRecordIsNotFound()
{
    const QString source = m_folder.filePath(u"orphan.txt"_s);
    QVERIFY(writeFile(source, "x"));
    std::unique_ptr<snow::Response> response(
        wait(m_client->attachments().upload(u"incident"_s, u"0123456789abcdef0123456789abcdef"_s, source)));
    QCOMPARE(response->error().kind(), snow::Error::HttpError);
    QCOMPARE(response->error().httpStatus(), 404);
}

void AttachmentsTest::missingLocalFileFails()
{
    std::unique_ptr<snow::Response> response(
        wait(m_client->attachments().upload(u"incident"_s, m_record, m_folder.filePath(u"does-not-exist.bin"_s))));
    QCOMPARE(response->error().kind(), snow::Error::FileError);
    QVERIFY(response->error().message().contains(u"does-not-exist.bin"));
}

void AttachmentsTest::uploadHashMismatch()
{
    const QString source = m_folder.filePath(u"damaged.bin"_s);
    QVERIFY(writeFile(source, everyByteValue(4096, 5)));

    snowemu::Faults faults;
    faults.corruptAttachments = true;
    m_server->setFaults(faults);

    std::unique_ptr<snow::Response> response(wait(m_client->attachments().upload(u"incident"_s, m_record, source)));
    QCOMPARE(response->error().kind(), snow::Error::HashMismatch);
    QVERIFY(response->error().message().contains(u"SHA-256"));
    // The metadata stays available, so the damaged attachment can be deleted.
    QCOMPARE(response->records().size(), 1);
}

void AttachmentsTest::downloadHashMismatchKeepsTarget()
{
    const QString source = m_folder.filePath(u"good.bin"_s);
    QVERIFY(writeFile(source, everyByteValue(8192, 6)));
    const snow::Record stored = upload(source);
    QVERIFY(!stored.isEmpty());

    const QString target = m_folder.filePath(u"existing-target.bin"_s);
    QVERIFY(writeFile(target, "previous content"));

    snowemu::Faults faults;
    faults.corruptAttachments = true;
    m_server->setFaults(faults);
    std::unique_ptr<snow::Response> download(wait(m_client->attachments().download(stored.sysId(), target)));
    QCOMPARE(download->error().kind(), snow::Error::HashMismatch);
    QCOMPARE(readFile(target), QByteArray("previous content"));
    QCOMPARE(QDir(m_folder.path()).entryList({u"existing-target.bin.*"_s}, QDir::Files | QDir::Hidden).size(), 0);
}

void AttachmentsTest::truncatedDownloadWritesNothing()
{
    const QString source = m_folder.filePath(u"long.bin"_s);
    QVERIFY(writeFile(source, everyByteValue(500000, 7)));
    const snow::Record stored = upload(source);
    QVERIFY(!stored.isEmpty());

    snowemu::Faults faults;
    faults.truncateBodyAfterBytes = 100000;
    m_server->setFaults(faults);
    const QString target = m_folder.filePath(u"truncated.bin"_s);
    std::unique_ptr<snow::Response> download(wait(m_client->attachments().download(stored.sysId(), target)));
    QVERIFY(download->error().isError());
    QVERIFY(download->error().kind() == snow::Error::IncompleteBody || download->error().kind() == snow::Error::NetworkError);
    QVERIFY(!QFile::exists(target));
}

void AttachmentsTest::cancelUploadThenRetry()
{
    const QByteArray content = everyByteValue(2 * 1024 * 1024, 8);
    const QString source = m_folder.filePath(u"big.bin"_s);
    QVERIFY(writeFile(source, content));

    std::unique_ptr<snow::Response> before(wait(m_client->attachments().list(u"incident"_s, m_record)));
    const qsizetype countBefore = before->records().size();

    // A slow server answer keeps the upload in flight long enough to cancel it.
    snowemu::Faults faults;
    faults.latencyMs = 3000;
    m_server->setFaults(faults);
    std::unique_ptr<snow::Response> first(m_client->attachments().upload(u"incident"_s, m_record, source));
    QSignalSpy progress(first.get(), &snow::Response::transferProgress);
    QVERIFY(progress.wait(10000));
    first->abort();
    QCOMPARE(first->error().kind(), snow::Error::Aborted);

    m_server->setFaults(snowemu::Faults());
    QTest::qWait(3500);
    std::unique_ptr<snow::Response> listed(wait(m_client->attachments().list(u"incident"_s, m_record)));
    const qsizetype countAfterCancel = listed->records().size();
    QVERIFY(countAfterCancel <= countBefore + 1);

    const snow::Record stored = upload(source);
    QVERIFY(!stored.isEmpty());
    QCOMPARE(stored.value(u"size_bytes").toLongLong(), content.size());
}

void AttachmentsTest::cancelDownload()
{
    const QByteArray content = everyByteValue(3 * 1024 * 1024, 9);
    const QString source = m_folder.filePath(u"slow.bin"_s);
    QVERIFY(writeFile(source, content));
    const snow::Record stored = upload(source);
    QVERIFY(!stored.isEmpty());

    snowemu::Faults faults;
    faults.bandwidthBytesPerSecond = 512 * 1024;
    m_server->setFaults(faults);
    const QString target = m_folder.filePath(u"cancelled.bin"_s);
    std::unique_ptr<snow::Response> download(m_client->attachments().download(stored.sysId(), target));
    QSignalSpy progress(download.get(), &snow::Response::transferProgress);
    QVERIFY(progress.wait(10000));
    download->abort();
    QCOMPARE(download->error().kind(), snow::Error::Aborted);
    QVERIFY(!QFile::exists(target));
    QCOMPARE(QDir(m_folder.path()).entryList({u"cancelled.bin*"_s}, QDir::Files | QDir::Hidden).size(), 0);
}

void AttachmentsTest::progressReachesSize()
{
    const qint64 size = 1024 * 1024 + 3;
    const QString source = m_folder.filePath(u"progress.bin"_s);
    QVERIFY(writeFile(source, everyByteValue(size, 10)));

    std::unique_ptr<snow::Response> response(m_client->attachments().upload(u"incident"_s, m_record, source));
    QSignalSpy progress(response.get(), &snow::Response::transferProgress);
    wait(response.get());
    QVERIFY(response->isSuccess());
    QVERIFY(progress.count() >= 1);
    qint64 last = 0;
    for (const QList<QVariant> &arguments : std::as_const(progress)) {
        QVERIFY(arguments.at(0).toLongLong() >= last);
        last = arguments.at(0).toLongLong();
    }
    QCOMPARE(last, size);
}

QTEST_GUILESS_MAIN(AttachmentsTest)
#include "tst_attachments.moc"
