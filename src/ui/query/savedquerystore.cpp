#include "query/savedquerystore.h"

#include "logging.h"

#include <QtCore/QSettings>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace {

// QSettings treats "/" as a group separator and "\" specially on some platforms, so
// each part of a key is percent-encoded.
QString keyPart(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral("/\\")));
}

} // namespace

SavedQueryStore::SavedQueryStore(const QString &profileId, QObject *parent)
    : QObject(parent)
    , m_profileId(profileId)
{
}

QString SavedQueryStore::group(const QString &table) const
{
    return u"queries/"_s + keyPart(m_profileId) + u'/' + keyPart(table);
}

QList<SavedQuery> SavedQueryStore::savedQueries(const QString &table) const
{
    QSettings settings;
    QList<SavedQuery> queries;
    const int size = settings.beginReadArray(group(table) + u"/saved"_s);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        queries.append({settings.value(u"name"_s).toString(), settings.value(u"query"_s).toString()});
    }
    settings.endArray();
    return queries;
}

void SavedQueryStore::writeSaved(const QString &table, const QList<SavedQuery> &queries)
{
    QSettings settings;
    settings.remove(group(table) + u"/saved"_s);
    settings.beginWriteArray(group(table) + u"/saved"_s, int(queries.size()));
    for (int i = 0; i < queries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"name"_s, queries.at(i).name);
        settings.setValue(u"query"_s, queries.at(i).query);
    }
    settings.endArray();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qCWarning(lcQuery) << "Writing the saved queries of" << table << "to" << settings.fileName() << "failed";
    Q_EMIT changed(table);
}

QString SavedQueryStore::savedQuery(const QString &table, const QString &name) const
{
    const QList<SavedQuery> queries = savedQueries(table);
    for (const SavedQuery &saved : queries) {
        if (saved.name == name)
            return saved.query;
    }
    return QString();
}

bool SavedQueryStore::contains(const QString &table, const QString &name) const
{
    const QList<SavedQuery> queries = savedQueries(table);
    return std::any_of(queries.cbegin(), queries.cend(), [&name](const SavedQuery &saved) { return saved.name == name; });
}

bool SavedQueryStore::save(const QString &table, const QString &name, const QString &query)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;

    QList<SavedQuery> queries = savedQueries(table);
    auto existing = std::find_if(queries.begin(), queries.end(), [&trimmed](const SavedQuery &saved) { return saved.name == trimmed; });
    if (existing != queries.end())
        existing->query = query;
    else
        queries.append({trimmed, query});
    writeSaved(table, queries);
    return true;
}

bool SavedQueryStore::rename(const QString &table, const QString &from, const QString &to)
{
    const QString trimmed = to.trimmed();
    if (trimmed.isEmpty())
        return false;

    QList<SavedQuery> queries = savedQueries(table);
    auto source = std::find_if(queries.begin(), queries.end(), [&from](const SavedQuery &saved) { return saved.name == from; });
    if (source == queries.end())
        return false;
    if (trimmed == from)
        return true;
    if (std::any_of(queries.cbegin(), queries.cend(), [&trimmed](const SavedQuery &saved) { return saved.name == trimmed; }))
        return false;

    source->name = trimmed;
    writeSaved(table, queries);
    return true;
}

bool SavedQueryStore::remove(const QString &table, const QString &name)
{
    QList<SavedQuery> queries = savedQueries(table);
    const qsizetype removed = queries.removeIf([&name](const SavedQuery &saved) { return saved.name == name; });
    if (removed == 0)
        return false;
    writeSaved(table, queries);
    return true;
}

QStringList SavedQueryStore::recentQueries(const QString &table) const
{
    QSettings settings;
    return settings.value(group(table) + u"/recent"_s).toStringList();
}

void SavedQueryStore::addRecent(const QString &table, const QString &query)
{
    if (query.isEmpty() || table.isEmpty())
        return;

    QStringList recent = recentQueries(table);
    if (!recent.isEmpty() && recent.first() == query)
        return;
    recent.removeAll(query);
    recent.prepend(query);
    while (recent.size() > RecentLimit)
        recent.removeLast();

    QSettings settings;
    settings.setValue(group(table) + u"/recent"_s, recent);
    Q_EMIT changed(table);
}

void SavedQueryStore::clearRecent(const QString &table)
{
    QSettings settings;
    settings.remove(group(table) + u"/recent"_s);
    Q_EMIT changed(table);
}
