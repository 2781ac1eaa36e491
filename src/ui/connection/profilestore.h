#pragma once

#include "connection/connectionprofile.h"

#include <QtCore/QDateTime>
#include <QtCore/QObject>

#include <memory>

class QSettings;

/// The saved connection profiles, kept with QSettings under "connections/".
///
/// The demo profile is always listed first and cannot be changed or removed. No
/// secret is ever written here: passwords, tokens and client secrets go to the
/// keychain through CredentialStore. Besides the profile fields, the store keeps the
/// expiry time of each profile's OAuth access token, which is not a secret, so that a
/// restored token is refreshed before it expires.
///
/// Lives in the GUI thread.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    /// Uses the application's QSettings.
    explicit ProfileStore(QObject *parent = nullptr);
    /// Uses the INI file @p settingsFile, for tests and portable setups.
    explicit ProfileStore(const QString &settingsFile, QObject *parent = nullptr);
    ~ProfileStore() override;

    /// Returns the demo profile, then the saved profiles sorted by name.
    QList<ConnectionProfile> profiles() const;
    /// Returns the profile with @p id, or an empty profile (empty id) when there is none.
    ConnectionProfile profile(const QString &id) const;
    /// Returns the profile named @p name (case-insensitive), or an empty profile.
    ConnectionProfile profileByName(const QString &name) const;
    bool contains(const QString &id) const;

    /// Checks @p profile as validateProfile() does and that no other profile has its
    /// name. Returns an empty string when it can be saved.
    QString validate(const ConnectionProfile &profile) const;
    /// Saves @p profile, giving it a new id when its id is empty. Returns the id, or
    /// an empty string with @p errorMessage (may be null) set when validate() fails or
    /// the profile is the demo. Emits profilesChanged().
    QString save(const ConnectionProfile &profile, QString *errorMessage);
    /// Removes the profile and its token expiry. Its keychain entries are removed by
    /// the caller (CredentialStore::removeAll()). Emits profilesChanged().
    bool remove(const QString &id);

    /// The profile opened last, or the demo profile when none was opened yet.
    QString lastUsedId() const;
    void setLastUsedId(const QString &id);

    /// The expiry time (UTC) of the access token kept in the keychain for @p id;
    /// invalid when unknown.
    QDateTime tokenExpiry(const QString &id) const;
    void setTokenExpiry(const QString &id, const QDateTime &expiresAt);

    /// Returns the path of the settings file, to check what is written there.
    QString fileName() const;

Q_SIGNALS:
    void profilesChanged();

private:
    QList<ConnectionProfile> savedProfiles() const;
    QString groupOf(const QString &id) const;

    std::unique_ptr<QSettings> m_settings;
};
