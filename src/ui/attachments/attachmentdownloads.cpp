#include "attachmentdownloads.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/response.h>

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

AttachmentDownloads::AttachmentDownloads(snow::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_temporary(QDir::tempPath() + u"/snowscope-attachments-XXXXXX"_s)
{
}

AttachmentDownloads::~AttachmentDownloads()
{
    // Deleting a Response aborts it without further signals; its partial file is dropped.
    qDeleteAll(m_jobs.keys());
}

QString AttachmentDownloads::safeFileName(const QString &fileName)
{
    QString name;
    name.reserve(fileName.size());
    for (const QChar character : fileName) {
        const bool invalid = character.unicode() < 0x20 || character.unicode() == 0x7F
            || u"/\\:*?\"<>|"_s.contains(character);
        name += invalid ? u'_' : character;
    }
    name = name.trimmed();

    // "." and ".." name folders; a name of dots alone would not stay in the folder.
    if (name.isEmpty() || name.count(u'.') == name.size())
        return u"attachment"_s;
    return name;
}

QString AttachmentDownloads::freeFilePath(const QString &folder, const QString &fileName, const QStringList &reserved)
{
    const auto isFree = [&reserved](const QString &path) { return !QFileInfo::exists(path) && !reserved.contains(path); };

    const QDir directory(folder);
    const QString name = safeFileName(fileName);
    QString candidate = directory.filePath(name);
    if (isFree(candidate))
        return candidate;

    // "report.tar.gz" becomes "report (2).tar.gz": the number goes before the suffixes.
    const QFileInfo file(name);
    const QString base = file.baseName().isEmpty() ? name : file.baseName();
    const QString suffix = file.baseName().isEmpty() || file.completeSuffix().isEmpty() ? QString() : u'.' + file.completeSuffix();
    for (int number = 2;; ++number) {
        candidate = directory.filePath(u"%1 (%2)%3"_s.arg(base).arg(number).arg(suffix));
        if (isFree(candidate))
            return candidate;
    }
}

AttachmentDownloads::Job *AttachmentDownloads::findJob(const QString &attachmentSysId, bool temporary)
{
    for (Job &job : m_jobs) {
        if (job.attachment.sysId == attachmentSysId && job.temporary == temporary)
            return &job;
    }
    return nullptr;
}

void AttachmentDownloads::saveTo(const AttachmentInfo &attachment, const QString &folder)
{
    if (findJob(attachment.sysId, false))
        return;

    // Two saves of files with one name must not pick the same path before either exists.
    QStringList reserved;
    for (const Job &running : std::as_const(m_jobs))
        reserved.append(running.targetPath);

    Job job;
    job.attachment = attachment;
    job.targetPath = freeFilePath(folder, attachment.fileName, reserved);
    startJob(job);
}

QString AttachmentDownloads::temporaryPath(const AttachmentInfo &attachment) const
{
    return m_temporary.path() + u'/' + safeFileName(attachment.sysId) + u'/' + safeFileName(attachment.fileName);
}

QString AttachmentDownloads::temporaryCopy(const AttachmentInfo &attachment) const
{
    const auto found = m_copies.constFind(attachment.sysId);
    if (found == m_copies.cend())
        return QString();

    const QFileInfo file(found->path);
    if (!file.exists() || file.size() != found->size || file.lastModified() != found->modified)
        return QString();
    return found->path;
}

void AttachmentDownloads::fetchTemporaryCopy(const AttachmentInfo &attachment, Purpose purpose)
{
    const QString ready = temporaryCopy(attachment);
    if (!ready.isEmpty()) {
        // Queued, so callers see the same order of events whether or not the copy existed.
        QTimer::singleShot(0, this, [this, attachment, ready, purpose] { Q_EMIT copyReady(attachment, ready, purpose); });
        return;
    }

    if (Job *running = findJob(attachment.sysId, true)) {
        if (!running->purposes.contains(purpose))
            running->purposes.append(purpose);
        return;
    }

    const QString path = temporaryPath(attachment);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        const snow::Error error(snow::Error::FileError,
                                tr("Cannot create a temporary folder for \"%1\" in %2. Free some disk space, then try again.")
                                    .arg(attachment.fileName, m_temporary.path()));
        QTimer::singleShot(0, this, [this, attachment, error] { Q_EMIT failed(attachment, error); });
        return;
    }

    Job job;
    job.attachment = attachment;
    job.targetPath = path;
    job.temporary = true;
    job.purposes = {purpose};
    startJob(job);
}

void AttachmentDownloads::startJob(const Job &job)
{
    qCInfo(lcAttachments).noquote() << "Downloading attachment" << job.attachment.sysId << "to" << job.targetPath;

    snow::Response *response = m_client->attachments().download(job.attachment.sysId, job.targetPath);
    response->setParent(this);
    m_jobs.insert(response, job);

    const QString sysId = job.attachment.sysId;
    const qint64 knownSize = job.attachment.sizeBytes;
    connect(response, &snow::Response::transferProgress, this, [this, sysId, knownSize](qint64 bytes, qint64 total) {
        Q_EMIT progressChanged(sysId, bytes, total > 0 ? total : knownSize);
    });
    connect(response, &snow::Response::finished, this, [this, response] { finishJob(response); });
}

void AttachmentDownloads::finishJob(snow::Response *response)
{
    response->deleteLater();
    const Job job = m_jobs.take(response);
    const snow::Error error = response->error();
    if (error.isError()) {
        qCWarning(lcAttachments).noquote() << "Downloading attachment" << job.attachment.sysId << "failed:" << error.toString();
        Q_EMIT failed(job.attachment, error);
        return;
    }

    if (!job.temporary) {
        Q_EMIT saved(job.attachment, job.targetPath);
        return;
    }

    const QFileInfo file(job.targetPath);
    m_copies.insert(job.attachment.sysId, CopyStamp{job.targetPath, file.size(), file.lastModified()});
    for (const Purpose purpose : job.purposes)
        Q_EMIT copyReady(job.attachment, job.targetPath, purpose);
}

bool AttachmentDownloads::isDownloading(const QString &attachmentSysId) const
{
    for (const Job &job : m_jobs) {
        if (job.attachment.sysId == attachmentSysId)
            return true;
    }
    return false;
}

void AttachmentDownloads::cancel(const QString &attachmentSysId)
{
    // abort() makes each Response finish with an Aborted error, which finishJob() reports.
    const QList<snow::Response *> responses = m_jobs.keys();
    for (snow::Response *response : responses) {
        if (m_jobs.value(response).attachment.sysId == attachmentSysId)
            response->abort();
    }
}

void AttachmentDownloads::cancelAll()
{
    const QList<snow::Response *> responses = m_jobs.keys();
    for (snow::Response *response : responses)
        response->abort();
}
