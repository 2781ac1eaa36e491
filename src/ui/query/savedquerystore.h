#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

/// A named encoded query of one table.
struct SavedQuery
{
    QString name;
    QString query;

    friend bool operator==(const SavedQuery &, const SavedQuery &) = default;
};

/// The saved and recent queries of one connection profile, kept in QSettings under
/// `queries/<profile>/<table>/saved` (named queries, in the order they were saved)
/// and `.../recent` (the last RecentLimit queries run, newest first). Profile and
/// table names are percent-encoded in the keys, so any name is safe.
///
/// Every call reads or writes QSettings at once; two stores of the same profile see
/// each other's changes. changed() follows every write. Lives in the GUI thread.
class SavedQueryStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int RecentLimit = 10;

    explicit SavedQueryStore(const QString &profileId, QObject *parent = nullptr);

    QString profileId() const { return m_profileId; }

    QList<SavedQuery> savedQueries(const QString &table) const;
    /// Returns the saved query named @p name, or an empty string.
    QString savedQuery(const QString &table, const QString &name) const;
    bool contains(const QString &table, const QString &name) const;
    /// Saves @p query as @p name, replacing a saved query of that name. Returns false
    /// for an empty name (after trimming).
    bool save(const QString &table, const QString &name, const QString &query);
    /// Renames a saved query. Returns false when @p from does not exist, @p to is
    /// empty, or another saved query already has the name @p to.
    bool rename(const QString &table, const QString &from, const QString &to);
    /// Deletes a saved query. Returns false when it does not exist.
    bool remove(const QString &table, const QString &name);

    /// The queries last run on @p table, newest first, without duplicates.
    QStringList recentQueries(const QString &table) const;
    /// Puts @p query first in the recent list of @p table, dropping an older copy and
    /// anything past RecentLimit. Empty queries are not recorded.
    void addRecent(const QString &table, const QString &query);
    void clearRecent(const QString &table);

Q_SIGNALS:
    void changed(const QString &table);

private:
    QString group(const QString &table) const;
    void writeSaved(const QString &table, const QList<SavedQuery> &queries);

    QString m_profileId;
};
