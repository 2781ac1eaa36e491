#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace snowemu {

/*!
    The content of attachments, one file per attachment named by its sys_id, in a
    folder next to the database ("<database>.attachments"), or in a temporary folder
    for an in-memory run. Metadata lives in sys_attachment records of the Store.
*/
class AttachmentStore
{
public:
    bool open(const QString &databasePath, QString *errorMessage);

    QString filePath(const QString &sysId) const;
    bool write(const QString &sysId, const QByteArray &content, QString *errorMessage);
    void remove(const QString &sysId);

private:
    std::unique_ptr<QTemporaryDir> m_temporaryFolder;
    QString m_folder;
};

} // namespace snowemu
