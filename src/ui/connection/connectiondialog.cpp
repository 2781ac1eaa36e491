#include "connectiondialog.h"

#include "connection/connection.h"
#include "connection/credentialstore.h"
#include "connection/profileform.h"
#include "connection/profilelistmodel.h"
#include "connection/profilestore.h"

#include <QtGui/QAction>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// True when @p after reaches another instance or account than @p before, so that the
// secrets saved for @p before must not be sent with it.
bool identityChanged(const ConnectionProfile &before, const ConnectionProfile &after)
{
    return before.instance != after.instance || before.authMethod != after.authMethod
        || before.userName != after.userName || before.clientId != after.clientId;
}

QPushButton *createButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *profiles, const SignInContext &context, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_context(context)
    , m_model(new ProfileListModel(profiles, this))
    , m_list(new QListView(this))
    , m_form(new ProfileForm(this))
    , m_banner(new MessageBanner(this))
    , m_status(new QLabel(this))
    , m_busyIndicator(new QProgressBar(this))
    , m_newButton(createButton(tr("Ne&w"), u"newButton"_s, this))
    , m_deleteButton(createButton(tr("&Delete"), u"deleteButton"_s, this))
    , m_testButton(createButton(tr("&Test Connection"), u"testButton"_s, this))
    , m_stopButton(createButton(tr("St&op"), u"stopButton"_s, this))
    , m_saveButton(createButton(tr("Sa&ve"), u"saveButton"_s, this))
    , m_connectButton(createButton(tr("&Connect"), u"connectButton"_s, this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Connections — Snowscope"));
    createLayout();

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectionDialog::handleSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A reset drops the current row; put it back on the profile in the form.
        const int row = m_model->rowOf(m_currentId);
        m_changingSelection = true;
        m_list->setCurrentIndex(row < 0 ? QModelIndex() : m_model->index(row));
        m_changingSelection = false;
    });
    connect(m_form, &ProfileForm::edited, this, [this] { m_dirty = true; });
    connect(m_banner, &MessageBanner::actionTriggered, this, &ConnectionDialog::handleBannerAction);

    connect(m_newButton, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_stopButton, &QPushButton::clicked, this, &ConnectionDialog::cancelSignIn);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionDialog::connectProfile);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    selectProfile(m_profiles->lastUsedId());
    setBusy(false);
    m_list->setFocus(Qt::OtherFocusReason);
}

ConnectionDialog::~ConnectionDialog()
{
    if (m_signIn)
        m_signIn->cancel();
}

void ConnectionDialog::createLayout()
{
    m_list->setObjectName(u"profileList"_s);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumWidth(180);

    // Delete removes the selected profile when the list has the focus.
    auto *deleteAction = new QAction(tr("Delete Connection"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &ConnectionDialog::deleteProfile);
    m_list->addAction(deleteAction);
    m_newButton->setShortcut(QKeySequence::New);
    m_newButton->setToolTip(tr("Add a connection (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));

    auto *listLabel = new QLabel(tr("Conn&ections:"), this);
    listLabel->setBuddy(m_list);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_deleteButton);
    listButtons->addStretch();
    auto *listPane = new QVBoxLayout;
    listPane->addWidget(listLabel);
    listPane->addWidget(m_list, 1);
    listPane->addLayout(listButtons);

    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setMaximumWidth(80);
    m_busyIndicator->setTextVisible(false);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_stopButton);
    testRow->addWidget(m_busyIndicator);
    testRow->addStretch();
    // The status has a row of its own, because a word-wrapped label in the button row
    // gets the height of one line and cuts off the rest of a long message.
    auto *formPane = new QVBoxLayout;
    formPane->addWidget(m_form);
    formPane->addLayout(testRow);
    formPane->addWidget(m_status);
    formPane->addStretch();

    auto *panes = new QHBoxLayout;
    panes->addLayout(listPane, 1);
    panes->addSpacing(12);
    panes->addLayout(formPane, 2);

    m_buttons->addButton(m_saveButton, QDialogButtonBox::ApplyRole);
    m_buttons->addButton(m_connectButton, QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Close);
    m_connectButton->setDefault(true);
    // The connect button accepts only after a successful sign-in, not on click.
    disconnect(m_buttons, &QDialogButtonBox::accepted, nullptr, nullptr);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_banner);
    layout->addWidget(m_buttons);
    resize(760, 440);
}

void ConnectionDialog::selectProfile(const QString &id)
{
    const QString target = m_profiles->contains(id) ? id : ConnectionProfile::demoId();
    m_changingSelection = true;
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(target)));
    m_changingSelection = false;
    loadProfile(target);
}

void ConnectionDialog::handleSelectionChanged()
{
    if (m_changingSelection)
        return;

    const QString id = m_list->currentIndex().data(ProfileListModel::ProfileIdRole).toString();
    if (id == m_currentId || (id.isEmpty() && m_currentId.isEmpty()))
        return;
    if (m_dirty && !confirmDiscard()) {
        // Stay on the edited profile.
        const int row = m_model->rowOf(m_currentId);
        m_changingSelection = true;
        m_list->setCurrentIndex(row < 0 ? QModelIndex() : m_model->index(row));
        m_changingSelection = false;
        return;
    }
    loadProfile(id);
}

void ConnectionDialog::loadProfile(const QString &id)
{
    ConnectionProfile profile = m_profiles->profile(id);
    const bool saved = !profile.id.isEmpty() && !profile.isDemo();
    m_currentId = profile.id;
    m_form->setProfile(profile, saved);
    m_dirty = false;
    m_banner->hide();
    m_status->clear();
    updateButtons();
}

bool ConnectionDialog::confirmDiscard()
{
    const QString name = m_form->profile().name.isEmpty() ? tr("the new connection") : u"\"%1\""_s.arg(m_form->profile().name);
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Unsaved Changes"), tr("Save the changes to %1?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveProfile();
    return answer == QMessageBox::Discard;
}

void ConnectionDialog::addProfile()
{
    if (m_signIn || (m_dirty && !confirmDiscard()))
        return;

    m_changingSelection = true;
    m_list->setCurrentIndex(QModelIndex());
    m_list->clearSelection();
    m_changingSelection = false;
    loadProfile(QString());
    m_form->nameEdit()->setFocus(Qt::OtherFocusReason);
}

void ConnectionDialog::deleteProfile()
{
    const ConnectionProfile profile = m_profiles->profile(m_currentId);
    if (m_signIn || profile.id.isEmpty() || profile.isDemo())
        return;

    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Delete Connection"),
        tr("Delete the connection \"%1\" with its saved password and tokens?").arg(profile.name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removeProfile(profile.id);
}

void ConnectionDialog::removeProfile(const QString &id)
{
    const ConnectionProfile profile = m_profiles->profile(id);
    if (profile.id.isEmpty() || profile.isDemo())
        return;

    m_context.credentials->removeAll(id, this, [this, name = profile.name](const CredentialResult &result) {
        if (!result.isOk()) {
            showBanner(MessageBanner::Kind::Warning,
                       tr("Deleted \"%1\", but its secrets could not be removed from the keychain: %2. Remove the "
                          "entries of the service \"%3\" with your keychain tool.")
                           .arg(name, result.errorText, CredentialStore::defaultServiceName()));
        }
    });
    m_dirty = false;
    m_profiles->remove(id);
    selectProfile(ConnectionProfile::demoId());
    m_status->setText(tr("Deleted \"%1\".").arg(profile.name));
}

bool ConnectionDialog::saveProfileFields(QString *id)
{
    const ConnectionProfile edited = m_form->profile();
    if (edited.isDemo()) {
        *id = edited.id;
        return true;
    }

    const ConnectionProfile before = m_profiles->profile(edited.id);
    QString error;
    m_changingSelection = true;
    const QString savedId = m_profiles->save(edited, &error);
    m_changingSelection = false;
    if (savedId.isEmpty()) {
        showBanner(MessageBanner::Kind::Error, error);
        m_form->focusFirstInvalidField();
        return false;
    }

    // Tokens belong to one instance and account; after a change they would be sent to
    // the wrong place or fail, so they go.
    if (!before.id.isEmpty() && identityChanged(before, edited)) {
        m_context.credentials->remove(savedId, SecretKind::AccessToken, nullptr, nullptr);
        m_context.credentials->remove(savedId, SecretKind::RefreshToken, nullptr, nullptr);
        m_profiles->setTokenExpiry(savedId, QDateTime());
    }

    m_currentId = savedId;
    m_form->setSavedId(savedId);
    m_dirty = false;
    m_changingSelection = true;
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(savedId)));
    m_changingSelection = false;
    updateButtons();
    *id = savedId;
    return true;
}

bool ConnectionDialog::saveProfile()
{
    if (m_signIn)
        return false;
    QString id;
    if (!saveProfileFields(&id))
        return false;
    if (id != ConnectionProfile::demoId()) {
        m_banner->hide();
        m_status->setText(tr("Saved \"%1\".").arg(m_profiles->profile(id).name));
        writeTypedSecrets(m_profiles->profile(id));
    }
    return true;
}

void ConnectionDialog::writeTypedSecrets(const ConnectionProfile &profile)
{
    QList<std::pair<SecretKind, QString>> secrets;
    if (profile.authMethod == AuthMethod::Basic && !m_form->password().isEmpty())
        secrets.append({SecretKind::Password, m_form->password()});
    if (usesOAuth(profile.authMethod) && !m_form->clientSecret().isEmpty())
        secrets.append({SecretKind::ClientSecret, m_form->clientSecret()});
    if (secrets.isEmpty()) {
        Q_EMIT secretsSaved(true);
        return;
    }

    struct Progress
    {
        int remaining = 0;
        CredentialResult firstFailure;
    };
    auto progress = std::make_shared<Progress>();
    progress->remaining = int(secrets.size());
    for (const auto &[kind, secret] : secrets) {
        m_context.credentials->write(profile.id, kind, secret, this, [this, progress, name = profile.name](const CredentialResult &result) {
            if (!result.isOk() && progress->firstFailure.isOk())
                progress->firstFailure = result;
            if (--progress->remaining > 0)
                return;

            const CredentialResult &failure = progress->firstFailure;
            if (failure.isOk()) {
                m_form->clearSecrets();
            } else if (failure.status == CredentialResult::Unavailable || failure.status == CredentialResult::Denied) {
                showBanner(MessageBanner::Kind::Warning,
                           tr("Saved \"%1\", but no system keychain could store its secrets: %2. Snowscope can keep "
                              "them in memory until it quits; you will have to enter them again next time.")
                               .arg(name, failure.errorText),
                           QString(), BannerAction::RetrySave);
            } else {
                showBanner(MessageBanner::Kind::Error,
                           tr("Saved \"%1\", but the keychain failed to store its secrets: %2").arg(name, failure.errorText));
            }
            Q_EMIT secretsSaved(failure.isOk());
        });
    }
}

void ConnectionDialog::testConnection()
{
    runSignIn(Purpose::Test);
}

void ConnectionDialog::connectProfile()
{
    runSignIn(Purpose::Connect);
}

void ConnectionDialog::cancelSignIn()
{
    if (m_signIn)
        m_signIn->cancel();
}

void ConnectionDialog::runSignIn(Purpose purpose)
{
    if (m_signIn)
        return;

    ConnectionProfile profile;
    if (purpose == Purpose::Connect) {
        QString id;
        if (!saveProfileFields(&id))
            return;
        profile = m_profiles->profile(id);
    } else {
        profile = m_form->profile();
        // Saved secrets stay with the instance and account they were saved for.
        const ConnectionProfile saved = m_profiles->profile(profile.id);
        if (!saved.id.isEmpty() && !saved.isDemo() && identityChanged(saved, profile))
            profile.id.clear();
        const QString invalid = validateProfile(profile);
        if (!invalid.isEmpty()) {
            showBanner(MessageBanner::Kind::Error, invalid);
            m_form->focusFirstInvalidField();
            return;
        }
    }

    m_lastPurpose = purpose;
    m_banner->hide();
    auto *signIn = new SignIn(profile, m_context, this);
    signIn->setPassword(m_form->password());
    signIn->setClientSecret(m_form->clientSecret());
    signIn->setStoresSecrets(purpose == Purpose::Connect);
    connect(signIn, &SignIn::progressChanged, m_status, &QLabel::setText);
    connect(signIn, &SignIn::browserOpened, this, [this] {
        m_status->setText(tr("Sign in in the browser window that opened. Snowscope continues when you are done."));
    });
    connect(signIn, &SignIn::finished, this, [this, purpose] { handleSignInFinished(purpose); });
    m_signIn = signIn;
    setBusy(true);
    signIn->start();
}

void ConnectionDialog::handleSignInFinished(Purpose purpose)
{
    SignIn *signIn = m_signIn;
    m_signIn = nullptr;
    signIn->deleteLater();
    setBusy(false);

    const SignIn::Outcome outcome = signIn->outcome();
    if (outcome == SignIn::Outcome::SignedIn) {
        std::unique_ptr<Connection> connection = signIn->takeConnection();
        const QString signedInText =
            tr("Signed in as %1 on %2.").arg(connection->identity().text(), instanceLabel(connection->profile()));
        if (purpose == Purpose::Connect) {
            m_connection = std::move(connection);
            m_connectWarning = signIn->message();
            m_profiles->setLastUsedId(m_connection->profile().id);
            m_form->clearSecrets();
            m_dirty = false;
            m_status->setText(signedInText);
            Q_EMIT signInFinished(outcome);
            accept();
            return;
        }
        m_status->setText(signedInText);
        connection.release()->deleteLater();
        if (!signIn->message().isEmpty())
            showBanner(MessageBanner::Kind::Warning, signIn->message());
    } else {
        showSignInResult(*signIn);
    }
    Q_EMIT signInFinished(outcome);
}

void ConnectionDialog::showSignInResult(const SignIn &signIn)
{
    m_status->clear();
    switch (signIn.outcome()) {
    case SignIn::Outcome::NeedsInput:
        switch (signIn.neededInput()) {
        case SignIn::Input::Password:
            showBanner(MessageBanner::Kind::Warning, signIn.message(), signIn.details());
            m_form->focusSecret(SecretKind::Password);
            break;
        case SignIn::Input::ClientSecret:
            showBanner(MessageBanner::Kind::Warning, signIn.message(), signIn.details());
            m_form->focusSecret(SecretKind::ClientSecret);
            break;
        case SignIn::Input::KeychainConsent:
            showBanner(MessageBanner::Kind::Warning, signIn.message(), QString(), BannerAction::KeepInMemory);
            break;
        case SignIn::Input::BrowserSignIn:
        case SignIn::Input::None:
            showBanner(MessageBanner::Kind::Information, signIn.message());
            m_connectButton->setFocus(Qt::OtherFocusReason);
            break;
        }
        break;
    case SignIn::Outcome::Failed:
        showBanner(MessageBanner::Kind::Error, signIn.message(), signIn.details());
        break;
    case SignIn::Outcome::Cancelled:
        m_status->setText(tr("Sign-in cancelled."));
        break;
    case SignIn::Outcome::Running:
    case SignIn::Outcome::SignedIn:
        break;
    }
}

std::unique_ptr<Connection> ConnectionDialog::takeConnection()
{
    return std::move(m_connection);
}

void ConnectionDialog::showBanner(MessageBanner::Kind kind, const QString &text, const QString &details, BannerAction action)
{
    m_bannerAction = action;
    switch (action) {
    case BannerAction::None:
        m_banner->setActionText(QString());
        break;
    case BannerAction::KeepInMemory:
    case BannerAction::RetrySave:
        m_banner->setActionText(tr("&Keep in Memory for This Run"));
        break;
    }
    m_banner->showMessage(kind, text, details);
}

void ConnectionDialog::handleBannerAction()
{
    const BannerAction action = m_bannerAction;
    m_bannerAction = BannerAction::None;
    m_banner->hide();

    // The user agreed to keep secrets in memory because no keychain works.
    m_context.credentials->setMemoryOnly(true);
    if (action == BannerAction::KeepInMemory)
        runSignIn(m_lastPurpose);
    else if (action == BannerAction::RetrySave)
        writeTypedSecrets(m_profiles->profile(m_currentId));
}

void ConnectionDialog::setBusy(bool busy)
{
    for (QWidget *widget : std::initializer_list<QWidget *>{m_list, m_form, m_newButton, m_testButton, m_saveButton,
                                                            m_connectButton})
        widget->setEnabled(!busy);
    const bool stopHadFocus = m_stopButton->hasFocus();
    m_stopButton->setVisible(busy);
    m_busyIndicator->setVisible(busy);
    if (busy)
        m_stopButton->setFocus(Qt::OtherFocusReason);
    else if (stopHadFocus)
        m_testButton->setFocus(Qt::OtherFocusReason);
    updateButtons();
}

void ConnectionDialog::updateButtons()
{
    const bool busy = m_signIn != nullptr;
    const bool demo = m_currentId == ConnectionProfile::demoId();
    m_deleteButton->setEnabled(!busy && !demo && !m_currentId.isEmpty());
    m_saveButton->setEnabled(!busy && !demo);
}

void ConnectionDialog::reject()
{
    // Escape during a sign-in stops the sign-in, not the dialog.
    if (m_signIn) {
        m_signIn->cancel();
        return;
    }
    if (m_dirty && !confirmDiscard())
        return;
    QDialog::reject();
}
