#pragma once

#include "editor/recorddraft.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <memory>

class QLockFile;
class QTimer;

/// Unsaved record edits on disk, so that a crash loses none of them.
///
/// Each draft is one JSON file, `<id>.json`, in directory(). schedule() queues a draft
/// and writes it at most debounceInterval() later, so typing costs one write per
/// interval, not one per key. remove() deletes it once the edits are saved or
/// discarded. A draft being edited is locked (`<id>.lock`, QLockFile) while this store
/// lives, so a second Snowscope never offers the drafts of a running one. A lock left
/// by a crashed process is stale and is taken over.
///
/// Files are replaced atomically (QSaveFile): a crash during a write leaves the
/// previous version. Lives in the GUI thread.
class RecoveryStore : public QObject
{
    Q_OBJECT

public:
    /// @p directory is created when missing.
    explicit RecoveryStore(const QString &directory = defaultDirectory(), QObject *parent = nullptr);
    /// Writes the queued drafts and releases the locks; the files stay for the next start.
    ~RecoveryStore() override;

    /// The "recovery" folder under QStandardPaths::AppDataLocation.
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    /// Queues @p draft for writing; a later draft with the same id replaces it.
    void schedule(const RecordDraft &draft);
    /// Writes every queued draft now. Returns false when one could not be written.
    bool flush();
    /// Deletes draft @p id, queued or written, and releases its lock.
    void remove(const QString &id);
    /// Locks draft @p id for this store, as a form that restores it does. Returns
    /// false when another running process has locked it.
    bool claim(const QString &id);

    /// Returns the drafts on disk for @p profileId (every profile when empty), oldest
    /// first. Drafts locked by this store or by another running process are left out.
    /// Unreadable files are left out too, and logged.
    QList<RecordDraft> drafts(const QString &profileId = QString()) const;

    /// Milliseconds between a change and its write; 500 by default.
    int debounceInterval() const;
    void setDebounceInterval(int milliseconds);

Q_SIGNALS:
    /// Draft @p id could not be written; @p message explains why, for the user.
    void writeFailed(const QString &id, const QString &message);

private:
    QString filePath(const QString &id) const;
    QString lockPath(const QString &id) const;
    bool write(const RecordDraft &draft);

    QString m_directory;
    QTimer *m_timer;
    QHash<QString, RecordDraft> m_queued;
    QHash<QString, std::shared_ptr<QLockFile>> m_locks;
};
