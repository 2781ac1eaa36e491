#include "profilestore.h"

#include "logging.h"

#include <QtCore/QSettings>
#include <QtCore/QTimeZone>
#include <QtCore/QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr auto profilesGroup = "connections/profiles";

} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

ProfileStore::ProfileStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::groupOf(const QString &id) const
{
    return QString::fromLatin1(profilesGroup) + u'/' + id;
}

QList<ConnectionProfile> ProfileStore::savedProfiles() const
{
    QList<ConnectionProfile> profiles;
    m_settings->beginGroup(QString::fromLatin1(profilesGroup));
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        ConnectionProfile profile;
        profile.id = id;
        profile.name = m_settings->value(u"name"_s).toString();
        profile.instance = m_settings->value(u"instance"_s).toString();
        profile.userName = m_settings->value(u"user"_s).toString();
        profile.clientId = m_settings->value(u"clientId"_s).toString();
        const QString method = m_settings->value(u"authMethod"_s).toString();
        if (!authMethodFromKey(method, &profile.authMethod)) {
            qCWarning(lcProfiles).noquote() << "Profile" << id << "has the unknown sign-in method" << method
                                            << "; using Basic";
        }
        m_settings->endGroup();

        // A group without a name is left over from an older or broken file.
        if (!profile.name.isEmpty() && id != ConnectionProfile::demoId())
            profiles.append(profile);
    }
    m_settings->endGroup();

    std::sort(profiles.begin(), profiles.end(), [](const ConnectionProfile &left, const ConnectionProfile &right) {
        return left.name.compare(right.name, Qt::CaseInsensitive) < 0;
    });
    return profiles;
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    return QList<ConnectionProfile>{ConnectionProfile::demo()} + savedProfiles();
}

ConnectionProfile ProfileStore::profile(const QString &id) const
{
    const QList<ConnectionProfile> all = profiles();
    const auto found = std::find_if(all.cbegin(), all.cend(), [&id](const ConnectionProfile &profile) {
        return profile.id == id;
    });
    return found == all.cend() ? ConnectionProfile() : *found;
}

ConnectionProfile ProfileStore::profileByName(const QString &name) const
{
    const QList<ConnectionProfile> all = profiles();
    const auto found = std::find_if(all.cbegin(), all.cend(), [&name](const ConnectionProfile &profile) {
        return profile.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
    });
    return found == all.cend() ? ConnectionProfile() : *found;
}

bool ProfileStore::contains(const QString &id) const
{
    return !id.isEmpty() && !profile(id).id.isEmpty();
}

QString ProfileStore::validate(const ConnectionProfile &profile) const
{
    const QString error = validateProfile(profile);
    if (!error.isEmpty())
        return error;

    const ConnectionProfile sameName = profileByName(profile.name);
    if (!sameName.id.isEmpty() && sameName.id != profile.id)
        return tr("A connection named \"%1\" already exists; choose another name.").arg(sameName.name);
    return QString();
}

QString ProfileStore::save(const ConnectionProfile &profile, QString *errorMessage)
{
    const QString error = profile.isDemo() ? tr("The demo instance cannot be changed; add a new connection instead.")
                                           : validate(profile);
    if (!error.isEmpty()) {
        if (errorMessage)
            *errorMessage = error;
        return QString();
    }

    const QString id = profile.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : profile.id;
    m_settings->beginGroup(groupOf(id));
    m_settings->setValue(u"name"_s, profile.name.trimmed());
    m_settings->setValue(u"instance"_s, profile.instance.trimmed());
    m_settings->setValue(u"authMethod"_s, authMethodKey(profile.authMethod));
    m_settings->setValue(u"user"_s, profile.userName.trimmed());
    m_settings->setValue(u"clientId"_s, profile.clientId.trimmed());
    m_settings->endGroup();
    m_settings->sync();

    qCInfo(lcProfiles).noquote() << "Saved profile" << id << "for" << instanceLabel(profile) << "with"
                                 << authMethodKey(profile.authMethod);
    Q_EMIT profilesChanged();
    return id;
}

bool ProfileStore::remove(const QString &id)
{
    if (id.isEmpty() || id == ConnectionProfile::demoId() || !contains(id))
        return false;

    m_settings->remove(groupOf(id));
    if (lastUsedId() == id)
        m_settings->remove(u"connections/lastProfile"_s);
    m_settings->sync();

    qCInfo(lcProfiles).noquote() << "Removed profile" << id;
    Q_EMIT profilesChanged();
    return true;
}

QString ProfileStore::lastUsedId() const
{
    const QString id = m_settings->value(u"connections/lastProfile"_s).toString();
    return contains(id) ? id : ConnectionProfile::demoId();
}

void ProfileStore::setLastUsedId(const QString &id)
{
    m_settings->setValue(u"connections/lastProfile"_s, id);
    m_settings->sync();
}

QDateTime ProfileStore::tokenExpiry(const QString &id) const
{
    const qint64 seconds = m_settings->value(groupOf(id) + u"/tokenExpiresAt"_s).toLongLong();
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()) : QDateTime();
}

void ProfileStore::setTokenExpiry(const QString &id, const QDateTime &expiresAt)
{
    // A profile removed while its connection was open must not come back as a nameless group.
    if (id.isEmpty() || !contains(id) || id == ConnectionProfile::demoId())
        return;
    if (expiresAt.isValid())
        m_settings->setValue(groupOf(id) + u"/tokenExpiresAt"_s, expiresAt.toSecsSinceEpoch());
    else
        m_settings->remove(groupOf(id) + u"/tokenExpiresAt"_s);
    m_settings->sync();
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}
