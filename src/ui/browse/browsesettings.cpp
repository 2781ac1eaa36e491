#include "browsesettings.h"

#include <QtCore/QSettings>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace {

// QSettings reads '/' as a group separator and treats '\' specially on Windows.
QString encodeKey(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

} // namespace

BrowseSettings::BrowseSettings(const QString &profileId)
    : m_group(u"profiles/"_s + encodeKey(profileId.isEmpty() ? u"default"_s : profileId) + u"/browse/"_s)
{
}

QString BrowseSettings::key(const QString &name) const
{
    return m_group + name;
}

QStringList BrowseSettings::recentTables() const
{
    return QSettings().value(key(u"recentTables"_s)).toStringList();
}

void BrowseSettings::addRecentTable(const QString &table)
{
    if (table.isEmpty())
        return;

    QStringList tables = recentTables();
    tables.removeAll(table);
    tables.prepend(table);
    while (tables.size() > MaxRecentTables)
        tables.removeLast();
    QSettings().setValue(key(u"recentTables"_s), tables);
}

QStringList BrowseSettings::columns(const QString &table) const
{
    return QSettings().value(key(u"columns/"_s + encodeKey(table))).toStringList();
}

void BrowseSettings::setColumns(const QString &table, const QStringList &fields)
{
    QSettings settings;
    if (fields.isEmpty())
        settings.remove(key(u"columns/"_s + encodeKey(table)));
    else
        settings.setValue(key(u"columns/"_s + encodeKey(table)), fields);
}
