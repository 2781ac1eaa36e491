#include "profileform.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;

namespace {

QLineEdit *createLineEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLabel *createHint(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_name(createLineEdit(u"nameEdit"_s, this))
    , m_instance(createLineEdit(u"instanceEdit"_s, this))
    , m_authMethod(new QComboBox(this))
    , m_methodHint(createHint(this))
    , m_user(createLineEdit(u"userEdit"_s, this))
    , m_password(createLineEdit(u"passwordEdit"_s, this))
    , m_passwordHint(createHint(this))
    , m_clientId(createLineEdit(u"clientIdEdit"_s, this))
    , m_clientSecret(createLineEdit(u"clientSecretEdit"_s, this))
{
    m_instance->setPlaceholderText(tr("dev12345 or https://dev12345.service-now.com"));
    m_authMethod->setObjectName(u"authMethodCombo"_s);
    for (AuthMethod method : allAuthMethods())
        m_authMethod->addItem(authMethodLabel(method), int(method));
    m_password->setEchoMode(QLineEdit::Password);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_methodHint->setObjectName(u"methodHint"_s);

    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addRow(tr("&Name:"), m_name);
    m_layout->addRow(tr("&Instance:"), m_instance);
    m_layout->addRow(tr("&Sign-in method:"), m_authMethod);
    m_layout->addRow(QString(), m_methodHint);
    m_layout->addRow(tr("&User name:"), m_user);
    m_layout->addRow(tr("&Password:"), m_password);
    m_layout->addRow(QString(), m_passwordHint);
    m_layout->addRow(tr("C&lient ID:"), m_clientId);
    m_layout->addRow(tr("Client sec&ret:"), m_clientSecret);

    for (QLineEdit *edit : {m_name, m_instance, m_user, m_password, m_clientId, m_clientSecret})
        connect(edit, &QLineEdit::textEdited, this, &ProfileForm::edited);
    connect(m_authMethod, &QComboBox::activated, this, [this] {
        updateRows();
        Q_EMIT edited();
    });

    setProfile(ConnectionProfile(), false);
}

AuthMethod ProfileForm::currentMethod() const
{
    return AuthMethod(m_authMethod->currentData().toInt());
}

void ProfileForm::setSavedId(const QString &id)
{
    m_id = id;
    m_saved = true;
    updateRows();
}

void ProfileForm::setProfile(const ConnectionProfile &profile, bool saved)
{
    m_id = profile.id;
    m_saved = saved;

    m_name->setText(profile.name);
    m_instance->setText(profile.isDemo() ? tr("Runs inside Snowscope") : profile.instance);
    m_authMethod->setCurrentIndex(m_authMethod->findData(int(profile.authMethod)));
    m_user->setText(profile.userName);
    m_clientId->setText(profile.clientId);
    clearSecrets();

    // The demo is built in: it can be opened and tested, not edited.
    for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_instance, m_authMethod, m_user, m_clientId})
        field->setEnabled(!profile.isDemo());
    // A disabled field still draws its clear button, which suggests it can be cleared.
    for (QLineEdit *edit : {m_name, m_instance, m_user, m_clientId})
        edit->setClearButtonEnabled(!profile.isDemo());
    updateRows();
}

ConnectionProfile ProfileForm::profile() const
{
    ConnectionProfile profile;
    profile.id = m_id;
    if (profile.isDemo())
        return ConnectionProfile::demo();

    profile.name = m_name->text().trimmed();
    profile.instance = m_instance->text().trimmed();
    profile.authMethod = currentMethod();
    if (needsUserName(profile.authMethod))
        profile.userName = m_user->text().trimmed();
    if (usesOAuth(profile.authMethod))
        profile.clientId = m_clientId->text().trimmed();
    return profile;
}

QString ProfileForm::password() const
{
    return m_password->text();
}

QString ProfileForm::clientSecret() const
{
    return m_clientSecret->text();
}

void ProfileForm::clearSecrets()
{
    m_password->clear();
    m_clientSecret->clear();
}

void ProfileForm::focusSecret(SecretKind kind)
{
    QLineEdit *field = kind == SecretKind::ClientSecret ? m_clientSecret : m_password;
    field->setFocus(Qt::OtherFocusReason);
    field->selectAll();
}

void ProfileForm::focusFirstInvalidField()
{
    const ConnectionProfile edited = profile();
    InstanceAddress address;
    QString error;
    QWidget *field = nullptr;
    if (edited.name.isEmpty())
        field = m_name;
    else if (!parseInstanceAddress(edited.instance, &address, &error))
        field = m_instance;
    else if (needsUserName(edited.authMethod) && edited.userName.isEmpty())
        field = m_user;
    else if (usesOAuth(edited.authMethod) && edited.clientId.isEmpty())
        field = m_clientId;
    else
        field = m_name; // a name clash
    field->setFocus(Qt::OtherFocusReason);
}

void ProfileForm::updateRows()
{
    const bool demo = m_id == ConnectionProfile::demoId();
    const AuthMethod method = currentMethod();

    m_layout->setRowVisible(m_user, demo || needsUserName(method));
    m_layout->setRowVisible(m_password, !demo && needsUserName(method));
    m_layout->setRowVisible(m_passwordHint, !demo && needsUserName(method));
    m_layout->setRowVisible(m_clientId, !demo && usesOAuth(method));
    m_layout->setRowVisible(m_clientSecret, !demo && usesOAuth(method));

    const QString savedPlaceholder = m_saved ? tr("Leave empty to use the saved one") : QString();
    m_password->setPlaceholderText(savedPlaceholder);
    m_clientSecret->setPlaceholderText(savedPlaceholder);

    if (demo) {
        m_methodHint->setText(tr("Sample data in an instance that runs inside Snowscope. No account is needed."));
        return;
    }
    switch (method) {
    case AuthMethod::Basic:
        m_methodHint->setText(tr("Sends the user name and password with every request."));
        m_passwordHint->setText(tr("Saved in the system keychain after a successful connection."));
        break;
    case AuthMethod::OAuthPassword:
        m_methodHint->setText(tr("Sends the password once for an OAuth token. Needs an OAuth application on the "
                                 "instance (System OAuth > Application Registry)."));
        m_passwordHint->setText(tr("Not saved: only the tokens go to the system keychain."));
        break;
    case AuthMethod::OAuthBrowser:
        m_methodHint->setText(tr("Opens your web browser to sign in, with single sign-on and multi-factor "
                                 "authentication if the instance uses them. The browser returns to Snowscope at "
                                 "http://127.0.0.1."));
        break;
    case AuthMethod::OAuthClientCredentials:
        m_methodHint->setText(tr("Signs in as the OAuth application itself, for service accounts. No user name or "
                                 "password."));
        break;
    }
}
