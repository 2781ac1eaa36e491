#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

/// The browsing choices of one connection profile, kept in QSettings under
/// `profiles/<profile>/browse/`: the tables opened recently and the columns chosen per
/// table. Profile and table names are percent-encoded in the keys, so any name is safe.
///
/// A value type that reads and writes QSettings on each call; use it in the GUI thread.
class BrowseSettings
{
public:
    /// Recent tables kept per profile.
    static constexpr int MaxRecentTables = 10;

    explicit BrowseSettings(const QString &profileId);

    /// Returns the tables opened recently, the latest first.
    QStringList recentTables() const;
    /// Moves @p table to the front of the recent tables, dropping the oldest beyond
    /// MaxRecentTables.
    void addRecentTable(const QString &table);

    /// Returns the fields chosen for @p table in display order, or an empty list when
    /// the user has not chosen any.
    QStringList columns(const QString &table) const;
    /// Saves @p fields as the columns of @p table. An empty list removes the saved choice.
    void setColumns(const QString &table, const QStringList &fields);

private:
    QString key(const QString &name) const;

    QString m_group;
};
