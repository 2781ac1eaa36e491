#pragma once

#include "connection/connectionprofile.h"

#include <QtWidgets/QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

/// The fields of one connection profile: name, instance, sign-in method, user name,
/// password, OAuth client id and client secret. Only the fields the chosen method
/// uses are shown. The password and client secret are typed here but never kept in
/// the profile: the caller passes them to SignIn or CredentialStore.
class ProfileForm : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);

    /// Shows @p profile and empties the secret fields. @p saved is true when the
    /// profile may have saved secrets to fall back on; the placeholders then mention them.
    void setProfile(const ConnectionProfile &profile, bool saved);
    /// Marks the form's profile as saved under @p id, keeping what was typed.
    void setSavedId(const QString &id);
    /// Returns the profile as edited, with the id given to setProfile() or setSavedId().
    ConnectionProfile profile() const;

    QString password() const;
    QString clientSecret() const;
    void clearSecrets();

    /// Moves the keyboard focus to the field that @p kind is typed into.
    void focusSecret(SecretKind kind);
    /// Moves the keyboard focus to the first field that validateProfile() complains about.
    void focusFirstInvalidField();

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *instanceEdit() const { return m_instance; }
    QComboBox *authMethodCombo() const { return m_authMethod; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *clientSecretEdit() const { return m_clientSecret; }

Q_SIGNALS:
    /// The user changed a field, secrets included.
    void edited();

private:
    void updateRows();
    AuthMethod currentMethod() const;

    QFormLayout *m_layout;
    QLineEdit *m_name;
    QLineEdit *m_instance;
    QComboBox *m_authMethod;
    QLabel *m_methodHint;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_passwordHint;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QString m_id;
    bool m_saved = false;
};
