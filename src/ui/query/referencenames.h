#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>

class Session;

/// The display values of referenced records (such as "Abel Tuter" for a sys_user
/// sys_id), looked up once per session and kept for its lifetime, so conditions and
/// breadcrumbs can show names where the query holds sys_ids.
///
/// name() returns the cached name. request() starts a lookup in the background, and
/// nameResolved() follows once it succeeds. A failed lookup is logged and not retried
/// until the next request(). Lives in the GUI thread as a child of its Session.
class ReferenceNames : public QObject
{
    Q_OBJECT

public:
    /// Returns the session's cache, creating it on first use.
    static ReferenceNames *of(Session *session);

    /// Returns the cached display value, or an empty string.
    QString name(const QString &table, const QString &sysId) const;
    /// Looks up the display value of @p sysId in @p table unless it is cached or
    /// already being looked up. Values that are not sys_ids are ignored.
    void request(const QString &table, const QString &sysId);
    /// Stores a display value the caller already knows (a picked search result).
    void insert(const QString &table, const QString &sysId, const QString &name);

    /// True for 32 hexadecimal digits, the form of every sys_id.
    static bool isSysId(const QString &value);

Q_SIGNALS:
    void nameResolved(const QString &table, const QString &sysId, const QString &name);

private:
    explicit ReferenceNames(Session *session);
    void lookUp(const QString &table, const QString &sysId);
    void takeSchema(const QString &table, bool loaded);
    static QString key(const QString &table, const QString &sysId);

    Session *m_session;
    QHash<QString, QString> m_names;
    QSet<QString> m_pending;
    QHash<QString, QStringList> m_waiting; // sys_ids per table whose schema is loading
};
