#include "attachmentinfo.h"

#include <snow/record.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QLocale>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

AttachmentInfo AttachmentInfo::fromRecord(const snow::Record &record)
{
    AttachmentInfo info;
    info.sysId = record.sysId();
    info.fileName = record.value(u"file_name");
    info.contentType = record.value(u"content_type");
    info.hash = record.value(u"hash").toLower();
    info.tableName = record.value(u"table_name");
    info.tableSysId = record.value(u"table_sys_id");
    info.createdBy = record.value(u"sys_created_by");

    bool valid = false;
    const qint64 size = record.value(u"size_bytes").toLongLong(&valid);
    info.sizeBytes = valid ? size : -1;

    // The Attachment API sends stored values, which for dates are UTC.
    QDateTime created = QDateTime::fromString(record.value(u"sys_created_on"), u"yyyy-MM-dd HH:mm:ss"_s);
    if (created.isValid())
        created.setTimeZone(QTimeZone::utc());
    info.createdOn = created;
    return info;
}

QString attachmentformat::byteSize(qint64 bytes)
{
    if (bytes < 0)
        return QString();
    if (bytes == 1)
        return QCoreApplication::translate("AttachmentInfo", "1 byte");
    if (bytes < 1024)
        return QCoreApplication::translate("AttachmentInfo", "%1 bytes").arg(bytes);

    // Binary multiples (1 KB is 1024 bytes) with the traditional labels.
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return u"%1 %2"_s.arg(QLocale().toString(value, 'f', 1), QLatin1StringView(units[unit]));
}
