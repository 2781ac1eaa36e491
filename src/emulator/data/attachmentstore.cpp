#include "attachmentstore.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace snowemu {

bool AttachmentStore::open(const QString &databasePath, QString *errorMessage)
{
    if (databasePath.isEmpty()) {
        m_temporaryFolder = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/snow-emulator-attachments-XXXXXX"_s);
        if (!m_temporaryFolder->isValid()) {
            *errorMessage = u"Cannot create a temporary folder for attachments: %1"_s.arg(m_temporaryFolder->errorString());
            return false;
        }
        m_folder = m_temporaryFolder->path();
        return true;
    }

    m_folder = databasePath + u".attachments"_s;
    if (!QDir().mkpath(m_folder)) {
        *errorMessage = u"Cannot create the attachment folder %1; check that its parent folder is writable."_s.arg(m_folder);
        return false;
    }
    return true;
}

QString AttachmentStore::filePath(const QString &sysId) const
{
    return m_folder + u'/' + sysId;
}

bool AttachmentStore::write(const QString &sysId, const QByteArray &content, QString *errorMessage)
{
    QSaveFile file(filePath(sysId));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *errorMessage = u"Cannot write attachment file %1: %2"_s.arg(filePath(sysId), file.errorString());
        qCWarning(lcEmulatorData) << *errorMessage;
        return false;
    }
    return true;
}

void AttachmentStore::remove(const QString &sysId)
{
    QFile::remove(filePath(sysId));
}

} // namespace snowemu
