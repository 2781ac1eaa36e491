// UploadManager, AttachmentSizeLimit, AttachmentCounts and RecordTableLookup against
// the emulator: queueing, limits, cancel and retry, damaged uploads, deletes, counts
// and the real table of a record.

#include "attachments/attachmentcounts.h"
#include "attachments/attachmentsizelimit.h"
#include "attachments/attachmenttarget.h"
#include "attachments/uploadmanager.h"

#include <snow/client.h>
#include <snow/record.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(i);
    return bytes;
}

QString writeFile(const QTemporaryDir &folder, const QString &name, const QByteArray &content)
{
    const QString path = folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

struct Emulator
{
    std::unique_ptr<snowemu::Server> server;
    std::unique_ptr<snow::Client> client;

    bool start(const snowemu::Options &options)
    {
        server = std::make_unique<snowemu::Server>(options);
        if (!server->start())
            return false;
        snow::ClientOptions clientOptions;
        clientOptions.host = u"127.0.0.1:%1"_s.arg(server->port());
        clientOptions.useSsl = false;
        clientOptions.user = u"admin"_s;
        clientOptions.password = u"admin"_s;
        client = std::make_unique<snow::Client>(clientOptions);
        return true;
    }
};

} // namespace

class AttachmentUploadsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void uploadAddsAttachment();
    void stateOrderOfUpload();
    void progressReachesFileSize();
    void concurrencyStaysWithinLimit();
    void cancelThenRetry();
    void missingFileFailsThenRetries();
    void folderFails();
    void nonLocalUrlFails();
    void damagedUploadIsDeleted();
    void limitRejectsBeforeSending();
    void limitReadFromProperty_data();
    void limitReadFromProperty();
    void limitDefaultsWhenPropertyMissing();
    void limitMessageNamesEverything();
    void removeAttachmentDeletes();
    void removeMissingCountsAsRemoved();
    void countsPerRecord();
    void countsFollowUploads();
    void countsBatchRequests();
    void countQueryText();
    void countsSkipInvalidIds();
    void tableOfRecord_data();
    void tableOfRecord();
    void lookupFindsRealTable();

private:
    QStringList recordSysIds(const QString &table, int count) const;
    QList<snow::Record> listAttachments(const QString &table, const QString &recordSysId) const;

    Emulator m_emulator;
    Emulator m_small;
    QTemporaryDir m_folder;
    QStringList m_incidents;
};

void AttachmentUploadsTest::initTestCase()
{
    QVERIFY(m_folder.isValid());

    snowemu::Options options;
    options.incidents = 20;
    QVERIFY(m_emulator.start(options));

    // com.glide.attachment.max_size is 1 (MB) on this instance.
    snowemu::Options small;
    small.incidents = 5;
    small.maxAttachmentBytes = MiB;
    QVERIFY(m_small.start(small));

    m_incidents = recordSysIds(u"incident"_s, 8);
    QCOMPARE(m_incidents.size(), 8);
}

void AttachmentUploadsTest::init()
{
    m_emulator.server->setFaults({});
    m_emulator.server->clearRequestLog();
}

void AttachmentUploadsTest::cleanup()
{
    // Each test starts on records without attachments.
    for (const QString &sysId : std::as_const(m_incidents)) {
        for (const snow::Record &attachment : listAttachments(u"incident"_s, sysId)) {
            std::unique_ptr<snow::Response> removal(m_emulator.client->attachments().remove(attachment.sysId()));
            removal->waitForFinished(10000);
        }
    }
}

QStringList AttachmentUploadsTest::recordSysIds(const QString &table, int count) const
{
    std::unique_ptr<snow::Response> response(
        m_emulator.client->resource(u"/table/"_s + table).get(snow::Query(), count, std::nullopt, {u"sys_id"_s}));
    response->waitForFinished(10000);
    QStringList ids;
    for (const snow::Record &record : response->records())
        ids.append(record.sysId());
    return ids;
}

QList<snow::Record> AttachmentUploadsTest::listAttachments(const QString &table, const QString &recordSysId) const
{
    std::unique_ptr<snow::Response> response(m_emulator.client->attachments().list(table, recordSysId));
    response->waitForFinished(10000);
    return response->records();
}

void AttachmentUploadsTest::uploadAddsAttachment()
{
    const QByteArray content = randomBytes(300 * 1024 + 7, 1);
    const QString path = writeFile(m_folder, u"report.pdf"_s, content);
    QVERIFY(!path.isEmpty());

    UploadManager uploads(m_emulator.client.get());
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    const int id = uploads.addFile(u"incident"_s, m_incidents.at(0), path);
    QVERIFY(id > 0);
    QVERIFY(added.wait(30000));

    const auto attachment = added.first().first().value<AttachmentInfo>();
    QCOMPARE(attachment.fileName, u"report.pdf"_s);
    QCOMPARE(attachment.sizeBytes, content.size());
    QCOMPARE(attachment.contentType, u"application/pdf"_s);
    QCOMPARE(attachment.tableName, u"incident"_s);
    QCOMPARE(attachment.tableSysId, m_incidents.at(0));
    QCOMPARE(attachment.hash, QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(attachment.createdBy, u"admin"_s);
    QVERIFY(attachment.createdOn.isValid());

    const QList<snow::Record> stored = listAttachments(u"incident"_s, m_incidents.at(0));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().sysId(), attachment.sysId);
}

void AttachmentUploadsTest::stateOrderOfUpload()
{
    const QString path = writeFile(m_folder, u"order.txt"_s, "state order");
    UploadManager uploads(m_emulator.client.get());

    QList<UploadState> states;
    QStringList events;
    connect(&uploads, &UploadManager::itemAdded, this, [&](int) { events.append(u"added"_s); });
    connect(&uploads, &UploadManager::itemChanged, this, [&](int id) {
        const UploadState state = uploads.item(id).state;
        if (states.isEmpty() || states.last() != state)
            states.append(state);
        events.append(u"changed"_s);
    });
    connect(&uploads, &UploadManager::attachmentAdded, this, [&] { events.append(u"attachment"_s); });
    connect(&uploads, &UploadManager::itemRemoved, this, [&] { events.append(u"removed"_s); });

    QSignalSpy removed(&uploads, &UploadManager::itemRemoved);
    const int id = uploads.addFile(u"incident"_s, m_incidents.at(0), path);
    QCOMPARE(uploads.item(id).state, UploadState::Queued);
    QVERIFY(removed.wait(30000));

    QCOMPARE(states, (QList<UploadState>{UploadState::Uploading, UploadState::Done}));
    QCOMPARE(events.first(), u"added"_s);
    QCOMPARE(events.mid(events.size() - 3), (QStringList{u"changed"_s, u"attachment"_s, u"removed"_s}));
    QVERIFY(!uploads.contains(id));
    QCOMPARE(uploads.pendingCount(), 0);
}

void AttachmentUploadsTest::progressReachesFileSize()
{
    const QByteArray content = randomBytes(8 * MiB, 2);
    const QString path = writeFile(m_folder, u"progress.bin"_s, content);
    UploadManager uploads(m_emulator.client.get());

    qint64 lastSent = -1;
    qint64 lastTotal = -1;
    bool decreased = false;
    connect(&uploads, &UploadManager::itemChanged, this, [&](int id) {
        const UploadItem item = uploads.item(id);
        if (item.state != UploadState::Uploading)
            return;
        decreased = decreased || item.bytesSent < lastSent;
        lastSent = item.bytesSent;
        lastTotal = item.bytesTotal;
    });
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    uploads.addFile(u"incident"_s, m_incidents.at(0), path);
    QVERIFY(added.wait(30000));

    QCOMPARE(lastTotal, content.size());
    QCOMPARE(lastSent, content.size());
    QVERIFY(!decreased);
}

void AttachmentUploadsTest::concurrencyStaysWithinLimit()
{
    // The latency keeps each upload open long enough for the next ones to start.
    snowemu::Faults faults;
    faults.latencyMs = 300;
    m_emulator.server->setFaults(faults);

    UploadManager uploads(m_emulator.client.get());
    uploads.setMaxConcurrentUploads(2);
    int running = 0;
    int maxRunning = 0;
    connect(&uploads, &UploadManager::itemChanged, this, [&] {
        running = 0;
        for (const int id : uploads.itemIds()) {
            if (uploads.item(id).state == UploadState::Uploading)
                ++running;
        }
        maxRunning = qMax(maxRunning, running);
    });

    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    for (int i = 0; i < 5; ++i)
        uploads.addFile(u"incident"_s, m_incidents.at(1), writeFile(m_folder, u"queued-%1.txt"_s.arg(i), QByteArray(1000 + i, 'q')));
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 5, 30000);

    QCOMPARE(maxRunning, 2);
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(1)).size(), 5);
}

void AttachmentUploadsTest::cancelThenRetry()
{
    const QByteArray content = randomBytes(64 * MiB, 3);
    const QString path = writeFile(m_folder, u"cancelled.bin"_s, content);
    UploadManager uploads(m_emulator.client.get());

    // Cancel as soon as the upload starts, before its body is complete.
    bool cancelled = false;
    connect(&uploads, &UploadManager::itemChanged, this, [&](int id) {
        if (!cancelled && uploads.item(id).state == UploadState::Uploading) {
            cancelled = true;
            uploads.cancel(id);
        }
    });
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    const int id = uploads.addFile(u"incident"_s, m_incidents.at(2), path);
    QTRY_COMPARE_WITH_TIMEOUT(uploads.item(id).state, UploadState::Cancelled, 10000);

    QCOMPARE(uploads.item(id).error.kind(), snow::Error::Aborted);
    QTest::qWait(300);
    QCOMPARE(added.size(), 0);
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(2)).size(), 0);

    QVERIFY(uploads.retry(id));
    QCOMPARE(uploads.item(id).state, UploadState::Uploading);
    QVERIFY(added.wait(60000));
    QCOMPARE(added.first().first().value<AttachmentInfo>().sizeBytes, content.size());
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(2)).size(), 1);
}

void AttachmentUploadsTest::missingFileFailsThenRetries()
{
    const QString path = m_folder.filePath(u"appears-later.txt"_s);
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    const int id = uploads.addFile(u"incident"_s, m_incidents.at(3), path);
    QVERIFY(failed.wait(10000));

    const UploadItem item = uploads.item(id);
    QCOMPARE(item.state, UploadState::Failed);
    QCOMPARE(item.error.kind(), snow::Error::FileError);
    QVERIFY(item.error.message().contains(u"appears-later.txt"));
    QVERIFY(item.error.message().contains(u"does not exist"));

    QVERIFY(!writeFile(m_folder, u"appears-later.txt"_s, "now it exists").isEmpty());
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    QVERIFY(uploads.retry(id));
    QVERIFY(added.wait(30000));
    QCOMPARE(added.first().first().value<AttachmentInfo>().sizeBytes, 13);
}

void AttachmentUploadsTest::folderFails()
{
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    const int id = uploads.uploadFiles(u"incident"_s, m_incidents.at(3), {QUrl::fromLocalFile(m_folder.path())}).value(0);
    QVERIFY(failed.wait(10000));

    QCOMPARE(uploads.item(id).state, UploadState::Failed);
    QVERIFY(uploads.item(id).error.message().contains(u"is a folder"));
}

void AttachmentUploadsTest::nonLocalUrlFails()
{
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    const QList<int> ids = uploads.uploadFiles(u"incident"_s, m_incidents.at(3), {QUrl(u"https://example.com/files/plan.pdf"_s)});
    QCOMPARE(ids.size(), 1);
    QCOMPARE(failed.size(), 1);

    const UploadItem item = uploads.item(ids.first());
    QCOMPARE(item.state, UploadState::Failed);
    QCOMPARE(item.fileName, u"plan.pdf"_s);
    QVERIFY(item.error.message().contains(u"not a file on this computer"));
    QVERIFY(!uploads.retry(ids.first()));
    QVERIFY(uploads.dismiss(ids.first()));
    QVERIFY(!uploads.contains(ids.first()));
}

void AttachmentUploadsTest::damagedUploadIsDeleted()
{
    snowemu::Faults faults;
    faults.corruptAttachments = true;
    m_emulator.server->setFaults(faults);

    const QString path = writeFile(m_folder, u"damaged.bin"_s, randomBytes(50000, 4));
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    const int id = uploads.addFile(u"incident"_s, m_incidents.at(4), path);
    QVERIFY(failed.wait(30000));

    const UploadItem item = uploads.item(id);
    QCOMPARE(item.state, UploadState::Failed);
    QCOMPARE(item.error.kind(), snow::Error::HashMismatch);
    QVERIFY(item.error.message().contains(u"damaged attachment was deleted"));
    QCOMPARE(added.size(), 0);

    m_emulator.server->setFaults({});
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(4)).size(), 0);

    QVERIFY(uploads.retry(id));
    QVERIFY(added.wait(30000));
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(4)).size(), 1);
}

void AttachmentUploadsTest::limitRejectsBeforeSending()
{
    const QString path = writeFile(m_folder, u"too-large.iso"_s, QByteArray(2 * MiB, 'x'));
    const QString record = [this] {
        std::unique_ptr<snow::Response> response(
            m_small.client->resource(u"/table/incident"_s).get(snow::Query(), 1, std::nullopt, {u"sys_id"_s}));
        response->waitForFinished(10000);
        return response->records().value(0).sysId();
    }();
    QVERIFY(!record.isEmpty());
    m_small.server->clearRequestLog();

    UploadManager uploads(m_small.client.get());
    QSignalSpy failed(&uploads, &UploadManager::uploadFailed);
    const int id = uploads.addFile(u"incident"_s, record, path);
    QVERIFY(failed.wait(10000));

    const UploadItem item = uploads.item(id);
    QCOMPARE(item.state, UploadState::Failed);
    QCOMPARE(item.fileBytes, 2 * MiB);
    QVERIFY(item.error.message().contains(u"\"too-large.iso\""));
    QVERIFY(item.error.message().contains(u"1 MB"));
    QVERIFY(item.error.message().contains(u"com.glide.attachment.max_size"));

    bool sent = false;
    for (const snowemu::RequestRecord &request : m_small.server->requestLog())
        sent = sent || request.path.startsWith(u"/api/now/attachment");
    QVERIFY(!sent);
}

void AttachmentUploadsTest::limitReadFromProperty_data()
{
    QTest::addColumn<bool>("small");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("default instance") << false << 1024 * MiB;
    QTest::newRow("small instance") << true << MiB;
}

void AttachmentUploadsTest::limitReadFromProperty()
{
    QFETCH(bool, small);
    QFETCH(qint64, expected);

    AttachmentSizeLimit limit(small ? m_small.client.get() : m_emulator.client.get());
    QCOMPARE(limit.maxBytes(), AttachmentSizeLimit::DefaultMegabytes * MiB);
    QSignalSpy loaded(&limit, &AttachmentSizeLimit::loaded);
    limit.load();
    QVERIFY(limit.isLoading());
    QVERIFY(loaded.wait(10000));

    QVERIFY(limit.isLoaded());
    QCOMPARE(limit.maxBytes(), expected);
    QCOMPARE(loaded.first().first().toLongLong(), expected);
    QVERIFY(!limit.lastError().isError());
}

void AttachmentUploadsTest::limitDefaultsWhenPropertyMissing()
{
    // A server of its own, because the property is deleted.
    snowemu::Options options;
    options.incidents = 1;
    options.maxAttachmentBytes = 5 * MiB;
    Emulator emulator;
    QVERIFY(emulator.start(options));

    snow::Resource properties = emulator.client->resource(u"/table/sys_properties"_s);
    std::unique_ptr<snow::Response> found(properties.get({{u"name"_s, AttachmentSizeLimit::PropertyName}}));
    QVERIFY(found->waitForFinished(10000));
    QCOMPARE(found->records().size(), 1);
    std::unique_ptr<snow::Response> removal(properties.removeRecord(found->records().first().sysId()));
    QVERIFY(removal->waitForFinished(10000));
    QVERIFY2(removal->isSuccess(), qPrintable(removal->error().toString()));

    AttachmentSizeLimit limit(emulator.client.get());
    QSignalSpy loaded(&limit, &AttachmentSizeLimit::loaded);
    limit.load();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(limit.maxBytes(), 1024 * MiB);
    QVERIFY(!limit.lastError().isError());
}

void AttachmentUploadsTest::limitMessageNamesEverything()
{
    QVERIFY(AttachmentSizeLimit::checkFile(u"a.txt"_s, MiB, MiB).isEmpty());

    const QString message = AttachmentSizeLimit::checkFile(u"video.mp4"_s, 3 * MiB + 1, 2 * MiB);
    QVERIFY(message.contains(u"\"video.mp4\""));
    QVERIFY(message.contains(u"3.0 MB"));
    QVERIFY(message.contains(QLocale().toString(3 * MiB + 1)));
    QVERIFY(message.contains(u"2 MB"));
    QVERIFY(message.contains(u"ask an administrator"));

    const QString odd = AttachmentSizeLimit::checkFile(u"a.bin"_s, 2000, 1000);
    QVERIFY(odd.contains(QLocale().toString(1000) + u" bytes"_s));
}

void AttachmentUploadsTest::removeAttachmentDeletes()
{
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    uploads.addFile(u"incident"_s, m_incidents.at(5), writeFile(m_folder, u"delete-me.txt"_s, "bye"));
    QVERIFY(added.wait(30000));
    const auto attachment = added.first().first().value<AttachmentInfo>();

    QSignalSpy removed(&uploads, &UploadManager::attachmentRemoved);
    QSignalSpy removeFailed(&uploads, &UploadManager::removeFailed);
    uploads.removeAttachment(attachment);
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.first().first().value<AttachmentInfo>().sysId, attachment.sysId);
    QCOMPARE(removeFailed.size(), 0);
    QCOMPARE(listAttachments(u"incident"_s, m_incidents.at(5)).size(), 0);
}

void AttachmentUploadsTest::removeMissingCountsAsRemoved()
{
    UploadManager uploads(m_emulator.client.get());
    AttachmentInfo gone;
    gone.sysId = u"0123456789abcdef0123456789abcdef"_s;
    gone.tableName = u"incident"_s;
    gone.tableSysId = m_incidents.at(5);

    QSignalSpy removed(&uploads, &UploadManager::attachmentRemoved);
    QSignalSpy removeFailed(&uploads, &UploadManager::removeFailed);
    uploads.removeAttachment(gone);
    QVERIFY(removed.wait(10000));
    QCOMPARE(removeFailed.size(), 0);
}

void AttachmentUploadsTest::countsPerRecord()
{
    UploadManager uploads(m_emulator.client.get());
    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    uploads.addFile(u"incident"_s, m_incidents.at(6), writeFile(m_folder, u"one.txt"_s, "1"));
    uploads.addFile(u"incident"_s, m_incidents.at(6), writeFile(m_folder, u"two.txt"_s, "2"));
    uploads.addFile(u"incident"_s, m_incidents.at(7), writeFile(m_folder, u"three.txt"_s, "3"));
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 3, 30000);

    AttachmentCounts counts(m_emulator.client.get());
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(6)), -1);
    QSignalSpy changed(&counts, &AttachmentCounts::countsChanged);
    counts.fetch(u"incident"_s, {m_incidents.at(6), m_incidents.at(7), m_incidents.at(0)});
    QVERIFY(counts.isFetching());
    QVERIFY(changed.wait(10000));

    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(6)), 2);
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(7)), 1);
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(0)), 0);
    // The counts belong to the real table: the same records counted as "task" have none.
    QCOMPARE(counts.count(u"task"_s, m_incidents.at(6)), -1);
    QVERIFY(!counts.isFetching());
}

void AttachmentUploadsTest::countsFollowUploads()
{
    UploadManager uploads(m_emulator.client.get());
    AttachmentCounts counts(m_emulator.client.get());
    counts.trackChanges(&uploads);
    QSignalSpy changed(&counts, &AttachmentCounts::countsChanged);
    counts.fetch(u"incident"_s, {m_incidents.at(6)});
    QVERIFY(changed.wait(10000));
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(6)), 0);

    QSignalSpy added(&uploads, &UploadManager::attachmentAdded);
    uploads.addFile(u"incident"_s, m_incidents.at(6), writeFile(m_folder, u"tracked.txt"_s, "t"));
    QVERIFY(added.wait(30000));
    m_emulator.server->clearRequestLog();
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(6)), 1);

    QSignalSpy removed(&uploads, &UploadManager::attachmentRemoved);
    uploads.removeAttachment(added.first().first().value<AttachmentInfo>());
    QVERIFY(removed.wait(10000));
    QCOMPARE(counts.count(u"incident"_s, m_incidents.at(6)), 0);

    for (const snowemu::RequestRecord &request : m_emulator.server->requestLog())
        QVERIFY(!request.path.startsWith(u"/api/now/stats"));
}

void AttachmentUploadsTest::countsBatchRequests()
{
    QStringList ids = m_incidents;
    for (int i = 0; ids.size() < 2 * AttachmentCounts::BatchSize + 10; ++i)
        ids.append(u"%1"_s.arg(i, 32, 16, QLatin1Char('0')));

    AttachmentCounts counts(m_emulator.client.get());
    QSignalSpy changed(&counts, &AttachmentCounts::countsChanged);
    counts.fetch(u"incident"_s, ids);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 10000);

    int requests = 0;
    for (const snowemu::RequestRecord &request : m_emulator.server->requestLog())
        requests += request.path == u"/api/now/stats/sys_attachment" ? 1 : 0;
    QCOMPARE(requests, 3);
    QCOMPARE(counts.count(u"incident"_s, ids.last()), 0);
}

void AttachmentUploadsTest::countQueryText()
{
    QCOMPARE(AttachmentCounts::countQuery(u"incident"_s, {u"a1"_s, u"b2"_s}), u"table_name=incident^table_sys_idINa1,b2"_s);
    // An empty table counts under any table.
    QCOMPARE(AttachmentCounts::countQuery(QString(), {u"a1"_s}), u"table_sys_idINa1^table_nameNOT LIKEZZ_YY"_s);
}

void AttachmentUploadsTest::countsSkipInvalidIds()
{
    AttachmentCounts counts(m_emulator.client.get());
    QSignalSpy changed(&counts, &AttachmentCounts::countsChanged);
    counts.fetch(u"incident"_s, {u"a,b"_s, u"x^ORactive=true"_s, m_incidents.at(0), m_incidents.at(0)});
    QVERIFY(changed.wait(10000));

    QCOMPARE(changed.first().at(1).toStringList(), QStringList{m_incidents.at(0)});
    QCOMPARE(counts.count(u"incident"_s, u"a,b"_s), -1);
}

void AttachmentUploadsTest::tableOfRecord_data()
{
    QTest::addColumn<QString>("className");
    QTest::addColumn<QString>("expected");
    QTest::newRow("extended table") << u"incident"_s << u"incident"_s;
    QTest::newRow("no class name") << QString() << u"task"_s;
}

void AttachmentUploadsTest::tableOfRecord()
{
    QFETCH(QString, className);
    QFETCH(QString, expected);

    QList<std::pair<QString, QString>> values = {{u"sys_id"_s, u"abc"_s}};
    if (!className.isEmpty())
        values.append({u"sys_class_name"_s, className});
    QCOMPARE(attachmenttarget::tableOf(snow::Record::fromValues(values), u"task"_s), expected);
}

void AttachmentUploadsTest::lookupFindsRealTable()
{
    RecordTableLookup lookup(m_emulator.client.get());
    QSignalSpy resolved(&lookup, &RecordTableLookup::resolved);
    lookup.lookUp(u"task"_s, m_incidents.at(0));
    QVERIFY(resolved.wait(10000));

    QCOMPARE(resolved.first().at(0).toString(), u"task"_s);
    QCOMPARE(resolved.first().at(1).toString(), m_incidents.at(0));
    QCOMPARE(resolved.first().at(2).toString(), u"incident"_s);

    QSignalSpy failed(&lookup, &RecordTableLookup::failed);
    lookup.lookUp(u"task"_s, u"0123456789abcdef0123456789abcdef"_s);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(2).value<snow::Error>().httpStatus(), 404);
}

QTEST_GUILESS_MAIN(AttachmentUploadsTest)
#include "tst_attachments_uploads.moc"
