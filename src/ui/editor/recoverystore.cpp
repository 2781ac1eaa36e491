#include "recoverystore.h"

#include "logging.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QLockFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Draft ids become file names, so only the characters of a UUID are accepted.
bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9A-Za-z-]{1,64}$"_s);
    return pattern.match(id).hasMatch();
}

} // namespace

RecoveryStore::RecoveryStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &RecoveryStore::flush);

    if (!QDir().mkpath(m_directory))
        qCWarning(lcEditor).noquote() << "Could not create the recovery folder" << m_directory;
}

RecoveryStore::~RecoveryStore()
{
    flush();
}

QString RecoveryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"_s;
}

void RecoveryStore::schedule(const RecordDraft &draft)
{
    if (!isValidId(draft.id)) {
        qCWarning(lcEditor).noquote() << "Not writing a draft with the invalid id" << draft.id;
        return;
    }
    m_queued.insert(draft.id, draft);
    // Not restarted while running: continuous typing still writes once per interval.
    if (!m_timer->isActive())
        m_timer->start();
}

bool RecoveryStore::flush()
{
    m_timer->stop();
    bool allWritten = true;
    const QHash<QString, RecordDraft> queued = std::exchange(m_queued, {});
    for (const RecordDraft &draft : queued)
        allWritten = write(draft) && allWritten;
    return allWritten;
}

void RecoveryStore::remove(const QString &id)
{
    m_queued.remove(id);
    if (!isValidId(id))
        return;
    QFile::remove(filePath(id));
    if (const auto lock = m_locks.take(id))
        lock->unlock();
    qCDebug(lcEditor) << "Removed draft" << id;
}

bool RecoveryStore::claim(const QString &id)
{
    if (!isValidId(id))
        return false;
    if (m_locks.contains(id))
        return true;

    auto lock = std::make_shared<QLockFile>(lockPath(id));
    // Age alone never makes a lock stale: a form may stay open for days. A lock whose
    // process is gone is still taken over.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qCInfo(lcEditor) << "Draft" << id << "is held by another running process";
        return false;
    }
    m_locks.insert(id, lock);
    return true;
}

QList<RecordDraft> RecoveryStore::drafts(const QString &profileId) const
{
    QList<RecordDraft> found;
    const QDir directory(m_directory);
    const QStringList files = directory.entryList({u"*.json"_s}, QDir::Files);
    for (const QString &fileName : files) {
        const QString id = fileName.chopped(5);
        if (!isValidId(id) || m_locks.contains(id))
            continue;

        QLockFile probe(lockPath(id));
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0))
            continue;
        probe.unlock();

        QFile file(directory.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcEditor).noquote() << "Could not read the draft" << file.fileName() << ":" << file.errorString();
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        QString error = parseError.errorString();
        std::optional<RecordDraft> draft;
        if (parseError.error == QJsonParseError::NoError)
            draft = RecordDraft::fromJson(document.object(), &error);
        if (!draft || draft->id != id) {
            qCWarning(lcEditor).noquote() << "Skipping the unreadable draft" << file.fileName() << ":" << error;
            continue;
        }
        if (profileId.isEmpty() || draft->profileId == profileId)
            found.append(*draft);
    }

    std::sort(found.begin(), found.end(), [](const RecordDraft &left, const RecordDraft &right) {
        return left.savedAt < right.savedAt;
    });
    return found;
}

int RecoveryStore::debounceInterval() const
{
    return m_timer->interval();
}

void RecoveryStore::setDebounceInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

QString RecoveryStore::filePath(const QString &id) const
{
    return m_directory + u'/' + id + u".json"_s;
}

QString RecoveryStore::lockPath(const QString &id) const
{
    return m_directory + u'/' + id + u".lock"_s;
}

bool RecoveryStore::write(const RecordDraft &draft)
{
    if (!claim(draft.id)) {
        const QString message = tr("The recovery file of %1 is locked by another running Snowscope, so these edits are not "
                                   "protected against a crash. Save the record to keep them.")
                                    .arg(draft.title);
        Q_EMIT writeFailed(draft.id, message);
        return false;
    }

    QSaveFile file(filePath(draft.id));
    const bool written = file.open(QIODevice::WriteOnly)
        && file.write(QJsonDocument(draft.toJson()).toJson(QJsonDocument::Indented)) >= 0 && file.commit();
    if (!written) {
        qCWarning(lcEditor).noquote() << "Could not write the draft" << file.fileName() << ":" << file.errorString();
        Q_EMIT writeFailed(draft.id, tr("Could not write the recovery file %1: %2. Save the record to keep your edits safe.")
                                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        return false;
    }
    qCDebug(lcEditor) << "Wrote draft" << draft.id << "with" << draft.edits.size() << "edited fields";
    return true;
}
