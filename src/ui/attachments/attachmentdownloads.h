#pragma once

#include "attachments/attachmentinfo.h"

#include <snow/error.h>

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTemporaryDir>

namespace snow {
class Client;
class Response;
}

/// Downloads attachments: into a folder the user chose, or as temporary copies for
/// "open with the system viewer" and for dragging out of the window.
///
/// Every download goes through snow::Attachments::download(), which writes to a
/// temporary file and moves it into place only when its size and SHA-256 match the
/// attachment's metadata, so a file that appears is complete and correct.
///
/// Temporary copies live in a folder owned by this object, one subfolder per
/// attachment, and are deleted with it. A copy is reused while its size and
/// modification time are those it had when the download finished, so a copy the user
/// edited in a viewer is downloaded again.
///
/// Signals: progressChanged() while bytes arrive; then exactly one of saved(),
/// copyReady() (once per purpose asked for) or failed() per download. cancel() ends a
/// download with failed() carrying snow::Error::Aborted. Lives in the GUI thread; the
/// Client must outlive it.
class AttachmentDownloads : public QObject
{
    Q_OBJECT

public:
    /// The use of a temporary copy, passed back in copyReady().
    enum class Purpose {
        Open,     ///< open with the system viewer
        Drag,     ///< put on a drag as a file URL
        Prefetch, ///< fetched ahead, so a later drag starts at once
    };
    Q_ENUM(Purpose)

    explicit AttachmentDownloads(snow::Client *client, QObject *parent = nullptr);
    ~AttachmentDownloads() override;

    /// Downloads @p attachment into @p folder under its file name, or under a free
    /// name such as "report (2).pdf" when that exists. Does nothing while a save of
    /// the same attachment runs.
    void saveTo(const AttachmentInfo &attachment, const QString &folder);

    /// Makes sure a temporary copy of @p attachment exists; copyReady() follows, at
    /// once (queued) when the copy is already there.
    void fetchTemporaryCopy(const AttachmentInfo &attachment, Purpose purpose);
    /// Returns the path of a complete, unchanged temporary copy, or an empty string.
    QString temporaryCopy(const AttachmentInfo &attachment) const;

    /// True while a save or a temporary copy of @p attachmentSysId is downloading.
    bool isDownloading(const QString &attachmentSysId) const;
    /// Stops every download of @p attachmentSysId.
    void cancel(const QString &attachmentSysId);
    void cancelAll();

    /// The folder of the temporary copies.
    QString temporaryFolder() const { return m_temporary.path(); }

    /// Returns @p fileName without characters that are invalid in file names or that
    /// would leave the folder (`/`, `\`, `..`); "attachment" when nothing is left.
    static QString safeFileName(const QString &fileName);
    /// Returns a path in @p folder for @p fileName that does not exist yet and is not
    /// in @p reserved.
    static QString freeFilePath(const QString &folder, const QString &fileName, const QStringList &reserved = {});

Q_SIGNALS:
    void progressChanged(const QString &attachmentSysId, qint64 bytes, qint64 total);
    void saved(const AttachmentInfo &attachment, const QString &path);
    void copyReady(const AttachmentInfo &attachment, const QString &path, AttachmentDownloads::Purpose purpose);
    void failed(const AttachmentInfo &attachment, const snow::Error &error);

private:
    struct Job
    {
        AttachmentInfo attachment;
        QString targetPath;
        bool temporary = false;
        QList<Purpose> purposes;
    };
    struct CopyStamp
    {
        QString path;
        qint64 size = -1;
        QDateTime modified;
    };

    void startJob(const Job &job);
    void finishJob(snow::Response *response);
    Job *findJob(const QString &attachmentSysId, bool temporary);
    QString temporaryPath(const AttachmentInfo &attachment) const;

    snow::Client *m_client;
    QTemporaryDir m_temporary;
    QHash<snow::Response *, Job> m_jobs;
    QHash<QString, CopyStamp> m_copies;
};
