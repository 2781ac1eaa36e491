#pragma once

#include <snow/error.h>
#include <snow/response.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtCore/QSortFilterProxyModel>

namespace snow {
class Client;
}

/// The tables of an instance from `sys_db_object`, for the table picker: the
/// recently used tables first (latest first), then `incident`, then the others by
/// label. Until the list has loaded, it contains the recent tables and `incident`.
///
/// Roles: Qt::DisplayRole "Label (name)", NameRole, LabelRole, RecentRole (bool).
/// Lives in the GUI thread; the Client must outlive it.
class TableListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        RecentRole,
    };

    explicit TableListModel(snow::Client *client, QObject *parent = nullptr);
    ~TableListModel() override;

    /// Fetches the table list, unless it is loaded or loading. loaded() or failed()
    /// follows.
    void load();
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_response != nullptr; }

    /// Puts @p tables (latest first) on top.
    void setRecentTables(const QStringList &tables);
    QStringList recentTables() const { return m_recent; }

    /// Returns the row of the table named @p name, or -1.
    int rowOf(const QString &name) const;
    /// Returns the label of @p name, or an empty string while unknown.
    QString labelOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void failed(const snow::Error &error);

private:
    struct Table
    {
        QString name;
        QString label;
    };

    void rebuild();

    snow::Client *m_client;
    QPointer<snow::Response> m_response;
    bool m_loaded = false;
    QList<Table> m_known; // from sys_db_object, any order
    QStringList m_recent;
    QList<Table> m_rows;  // in display order
};

/// Filters a TableListModel by search text: every word must occur in the label or
/// the name, ignoring case. Matches are ranked: an exact name or label first, then
/// recent tables, then names or labels that start with the text, then the rest, each
/// in the list's own order.
class TableFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TableFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int rank(const QModelIndex &index) const;

    QString m_text;
    QStringList m_words;
};
