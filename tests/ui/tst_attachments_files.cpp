// Local helpers of the attachments feature: metadata parsing, sizes for people, file
// names for downloads, and pasted images written as PNG files.

#include "attachments/attachmentdownloads.h"
#include "attachments/attachmentinfo.h"
#include "attachments/clipboardfiles.h"

#include <snow/record.h>

#include <QtCore/QFile>
#include <QtCore/QMimeData>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimeZone>
#include <QtGui/QImage>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class AttachmentFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void infoFromRecord();
    void infoWithoutSize();
    void byteSizeText_data();
    void byteSizeText();
    void safeFileName_data();
    void safeFileName();
    void freeFilePathNumbers_data();
    void freeFilePathNumbers();
    void freeFilePathSkipsReserved();
    void imageFileNameFormat();
    void writeImageAsPng();
    void writeImageTwiceInOneSecond();
    void writeEmptyImageFails();
    void urlsBeforeImage();
    void imageBecomesFile();
    void nothingToAttach();
};

void AttachmentFilesTest::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void AttachmentFilesTest::infoFromRecord()
{
    const snow::Record record = snow::Record::fromValues({
        {u"sys_id"_s, u"a1b2"_s},
        {u"file_name"_s, u"log.txt"_s},
        {u"content_type"_s, u"text/plain"_s},
        {u"size_bytes"_s, u"1234"_s},
        {u"hash"_s, u"ABCDEF"_s},
        {u"table_name"_s, u"incident"_s},
        {u"table_sys_id"_s, u"c3d4"_s},
        {u"sys_created_by"_s, u"admin"_s},
        {u"sys_created_on"_s, u"2025-03-04 05:06:07"_s},
    });
    const AttachmentInfo info = AttachmentInfo::fromRecord(record);

    QCOMPARE(info.sysId, u"a1b2"_s);
    QCOMPARE(info.fileName, u"log.txt"_s);
    QCOMPARE(info.contentType, u"text/plain"_s);
    QCOMPARE(info.sizeBytes, 1234);
    QCOMPARE(info.hash, u"abcdef"_s);
    QCOMPARE(info.tableName, u"incident"_s);
    QCOMPARE(info.tableSysId, u"c3d4"_s);
    QCOMPARE(info.createdBy, u"admin"_s);
    QCOMPARE(info.createdOn, QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7), QTimeZone::utc()));
    QVERIFY(info.isValid());
}

void AttachmentFilesTest::infoWithoutSize()
{
    const AttachmentInfo info = AttachmentInfo::fromRecord(snow::Record::fromValues({{u"sys_id"_s, u"x"_s}}));
    QCOMPARE(info.sizeBytes, -1);
    QVERIFY(!info.createdOn.isValid());
    QVERIFY(!AttachmentInfo().isValid());
}

void AttachmentFilesTest::byteSizeText_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << qint64(-1) << QString();
    QTest::newRow("zero") << qint64(0) << u"0 bytes"_s;
    QTest::newRow("one") << qint64(1) << u"1 byte"_s;
    QTest::newRow("below a kilobyte") << qint64(1023) << u"1023 bytes"_s;
    QTest::newRow("kilobytes") << qint64(1536) << u"1.5 KB"_s;
    QTest::newRow("megabytes") << qint64(20 * 1024 * 1024) << u"20.0 MB"_s;
    QTest::newRow("gigabyte") << qint64(1024) * 1024 * 1024 << u"1.0 GB"_s;
}

void AttachmentFilesTest::byteSizeText()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(attachmentformat::byteSize(bytes), expected);
}

void AttachmentFilesTest::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"report.pdf"_s << u"report.pdf"_s;
    QTest::newRow("unicode") << u"Überblick 日本.txt"_s << u"Überblick 日本.txt"_s;
    QTest::newRow("slash") << u"../../etc/passwd"_s << u".._.._etc_passwd"_s;
    QTest::newRow("backslash") << u"..\\windows\\x.dll"_s << u".._windows_x.dll"_s;
    QTest::newRow("dots only") << u".."_s << u"attachment"_s;
    QTest::newRow("empty") << QString() << u"attachment"_s;
    QTest::newRow("reserved characters") << u"a:b*c?d\"e<f>g|h"_s << u"a_b_c_d_e_f_g_h"_s;
    QTest::newRow("control character") << u"line\nbreak"_s << u"line_break"_s;
    QTest::newRow("spaces around") << u"  name.txt  "_s << u"name.txt"_s;
}

void AttachmentFilesTest::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(AttachmentDownloads::safeFileName(name), expected);
}

void AttachmentFilesTest::freeFilePathNumbers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("with suffix") << u"report.pdf"_s << u"report (2).pdf"_s;
    QTest::newRow("double suffix") << u"logs.tar.gz"_s << u"logs (2).tar.gz"_s;
    QTest::newRow("no suffix") << u"README"_s << u"README (2)"_s;
    QTest::newRow("hidden file") << u".profile"_s << u".profile (2)"_s;
}

void AttachmentFilesTest::freeFilePathNumbers()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QCOMPARE(AttachmentDownloads::freeFilePath(folder.path(), name), folder.filePath(name));

    QFile taken(folder.filePath(name));
    QVERIFY(taken.open(QIODevice::WriteOnly));
    taken.close();
    QCOMPARE(AttachmentDownloads::freeFilePath(folder.path(), name), folder.filePath(expected));
}

void AttachmentFilesTest::freeFilePathSkipsReserved()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QStringList reserved = {folder.filePath(u"a.txt"_s), folder.filePath(u"a (2).txt"_s)};
    QCOMPARE(AttachmentDownloads::freeFilePath(folder.path(), u"a.txt"_s, reserved), folder.filePath(u"a (3).txt"_s));
}

void AttachmentFilesTest::imageFileNameFormat()
{
    const QDateTime time(QDate(2025, 1, 2), QTime(3, 4, 5));
    QCOMPARE(clipboardfiles::imageFileName(time), u"pasted-image-20250102-030405.png"_s);
}

void AttachmentFilesTest::writeImageAsPng()
{
    QTemporaryDir folder;
    QImage image(31, 17, QImage::Format_ARGB32);
    image.fill(QColor(10, 200, 30, 255));
    image.setPixelColor(5, 6, QColor(255, 0, 0));

    QString error;
    const QDateTime time(QDate(2025, 6, 7), QTime(8, 9, 10));
    const QString path = clipboardfiles::writeImage(image, folder.path(), time, &error);
    QCOMPARE(path, folder.filePath(u"pasted-image-20250607-080910.png"_s));
    QVERIFY(error.isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    const QImage read(path);
    QCOMPARE(read.size(), image.size());
    QCOMPARE(read.pixelColor(5, 6), QColor(255, 0, 0));
    QCOMPARE(read.pixelColor(0, 0), QColor(10, 200, 30));
}

void AttachmentFilesTest::writeImageTwiceInOneSecond()
{
    QTemporaryDir folder;
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::blue);
    const QDateTime time(QDate(2025, 6, 7), QTime(8, 9, 10));

    QString error;
    const QString first = clipboardfiles::writeImage(image, folder.path(), time, &error);
    const QString second = clipboardfiles::writeImage(image, folder.path(), time, &error);
    QCOMPARE(QFileInfo(first).fileName(), u"pasted-image-20250607-080910.png"_s);
    QCOMPARE(QFileInfo(second).fileName(), u"pasted-image-20250607-080910-2.png"_s);
}

void AttachmentFilesTest::writeEmptyImageFails()
{
    QTemporaryDir folder;
    QString error;
    QVERIFY(clipboardfiles::writeImage(QImage(), folder.path(), QDateTime::currentDateTime(), &error).isEmpty());
    QVERIFY(error.contains(u"empty"));
}

void AttachmentFilesTest::urlsBeforeImage()
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(u"/tmp/a.txt"_s)});
    QImage image(2, 2, QImage::Format_RGB32);
    image.fill(Qt::red);
    data.setImageData(image);

    QTemporaryDir folder;
    QString error;
    QVERIFY(clipboardfiles::hasAttachableContent(&data));
    QCOMPARE(clipboardfiles::attachableUrls(&data, folder.path(), &error), QList<QUrl>{QUrl::fromLocalFile(u"/tmp/a.txt"_s)});
    QVERIFY(QDir(folder.path()).isEmpty());
}

void AttachmentFilesTest::imageBecomesFile()
{
    QMimeData data;
    QImage image(3, 3, QImage::Format_RGB32);
    image.fill(Qt::green);
    data.setImageData(image);

    QTemporaryDir folder;
    QString error;
    const QList<QUrl> urls = clipboardfiles::attachableUrls(&data, folder.path(), &error);
    QCOMPARE(urls.size(), 1);
    QVERIFY(urls.first().isLocalFile());
    QVERIFY(QFileInfo(urls.first().toLocalFile()).fileName().startsWith(u"pasted-image-"));
    QCOMPARE(QImage(urls.first().toLocalFile()).pixelColor(1, 1), QColor(Qt::green));
}

void AttachmentFilesTest::nothingToAttach()
{
    QMimeData data;
    data.setText(u"just text"_s);

    QTemporaryDir folder;
    QString error;
    QVERIFY(!clipboardfiles::hasAttachableContent(&data));
    QVERIFY(clipboardfiles::attachableUrls(&data, folder.path(), &error).isEmpty());
    QVERIFY(error.contains(u"no files or image"));
}

QTEST_MAIN(AttachmentFilesTest)
#include "tst_attachments_files.moc"
