#pragma once

#include "connection/signin.h"
#include "widgets/messagebanner.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

#include <memory>

class Connection;
class ProfileForm;
class ProfileListModel;
class ProfileStore;
class QDialogButtonBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

/// The connection dialog: add, edit, test and delete profiles, and open one.
///
/// The list on the left contains the demo profile and the saved profiles; the form on
/// the right edits the selected one. "Test Connection" signs in without storing
/// anything and shows whom the instance signed in. "Connect" saves the profile,
/// signs in, stores the typed secrets and new tokens in the keychain, and accepts the
/// dialog; takeConnection() then hands over the connection.
///
/// Everything a sign-in needs from the user is asked inline: a missing or rejected
/// password moves the focus to its field, and when no keychain works a banner offers
/// to keep the secrets in memory for this run. Errors show the instance's message
/// with a Details button. No text in the dialog ever contains a secret.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p profiles and the stores of @p context must outlive the dialog.
    ConnectionDialog(ProfileStore *profiles, const SignInContext &context, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /// Selects the profile @p id; the demo when there is no such profile.
    void selectProfile(const QString &id);
    /// The id of the profile in the form; empty for a new profile not saved yet.
    QString currentProfileId() const { return m_currentId; }

    /// Shows why @p signIn, run outside the dialog, could not open its profile, and
    /// moves the focus to the field to fill. The profile must be selected first.
    void showSignInResult(const SignIn &signIn);
    /// Hands over the connection opened with "Connect"; nullptr before.
    std::unique_ptr<Connection> takeConnection();
    /// A warning of the last successful "Connect", such as a secret that could not be
    /// saved; empty when there is none.
    QString connectWarning() const { return m_connectWarning; }

    bool isSigningIn() const { return m_signIn != nullptr; }
    ProfileForm *form() const { return m_form; }
    ProfileListModel *model() const { return m_model; }
    QListView *profileList() const { return m_list; }
    MessageBanner *banner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    /// Empties the form for a new profile.
    void addProfile();
    /// Asks, then removes the selected profile and its keychain entries.
    void deleteProfile();
    /// Removes the profile @p id and its keychain entries without asking.
    void removeProfile(const QString &id);
    /// Saves the form and writes the typed secrets to the keychain. Returns false when
    /// the profile is invalid; the banner then shows the reason.
    bool saveProfile();
    void testConnection();
    /// Saves the form, signs in and accepts the dialog on success.
    void connectProfile();
    void cancelSignIn();

    void reject() override;

Q_SIGNALS:
    /// A sign-in started from the dialog ended; for tests and the status line.
    void signInFinished(SignIn::Outcome outcome);
    /// Secrets typed into the form were written (or failed); for tests.
    void secretsSaved(bool saved);

private:
    enum class Purpose { Test, Connect };
    enum class BannerAction { None, KeepInMemory, RetrySave };

    void createLayout();
    void handleSelectionChanged();
    void loadProfile(const QString &id);
    bool confirmDiscard();
    bool saveProfileFields(QString *id);
    void writeTypedSecrets(const ConnectionProfile &profile);
    void runSignIn(Purpose purpose);
    void handleSignInFinished(Purpose purpose);
    void showBanner(MessageBanner::Kind kind, const QString &text, const QString &details = QString(),
                    BannerAction action = BannerAction::None);
    void handleBannerAction();
    void setBusy(bool busy);
    void updateButtons();

    ProfileStore *m_profiles;
    SignInContext m_context;
    ProfileListModel *m_model;
    QListView *m_list;
    ProfileForm *m_form;
    MessageBanner *m_banner;
    QLabel *m_status;
    QProgressBar *m_busyIndicator;
    QPushButton *m_newButton;
    QPushButton *m_deleteButton;
    QPushButton *m_testButton;
    QPushButton *m_stopButton;
    QPushButton *m_saveButton;
    QPushButton *m_connectButton;
    QDialogButtonBox *m_buttons;

    QString m_currentId;
    bool m_dirty = false;
    bool m_changingSelection = false;
    QPointer<SignIn> m_signIn;
    Purpose m_lastPurpose = Purpose::Test;
    BannerAction m_bannerAction = BannerAction::None;
    std::unique_ptr<Connection> m_connection;
    QString m_connectWarning;
};
