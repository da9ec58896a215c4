#pragma once

#include "accounts/Account.h"

#include <QByteArray>
#include <QDialog>
#include <QPointer>
#include <QStringList>

class AuthClient;
class AuthOperation;
class ProviderRegistry;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
struct AuthOutcome;
struct ProviderProfile;

namespace AccountDialogValidation {
struct Result;
}

// Adds or edits one account: provider preset, name, base URL, username, secret, and the two options.
// Validates as the user types (OK stays disabled while anything is wrong) and can test the login with
// what is typed. It saves nothing and never touches the keychain: the caller reads account() and
// secret() after accept and stores them.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    AccountDialog(const ProviderRegistry *providers, AuthClient *auth, QWidget *parent = nullptr);

    // Edit mode. With a stored secret the secret field may stay empty ("keep the stored one").
    void setAccount(const Account &account, bool hasStoredSecret);
    // A copy of a stored account, to be added as a new one: filled like an edit, titled "Duplicate Account".
    void setDuplicate(const Account &copy);
    // The other accounts' names, for the uniqueness check (the edited account's own name is ignored).
    void setExistingNames(const QStringList &names);

    Account account() const;   // the edited values; id from setAccount, or empty for a new account
    QByteArray secret() const; // what was typed; empty means unchanged (edit mode)

    bool isInputValid() const;
    bool isTestingLogin() const { return !m_test.isNull(); }

    void done(int result) override;

private:
    enum class Tone { Normal, Good, Bad };

    // AccountDialogUi.cpp: the widgets
    void buildUi();
    void setUpTabOrder();
    static QLabel *makeMessage(const QString &objectName, Tone tone, QWidget *parent);
    static void setTone(QLabel *label, Tone tone);

    // AccountDialog.cpp: the behaviour
    void onProviderChanged();
    void fillKnownHosts(const ProviderProfile *profile);
    void updateHostHint();
    void onInputEdited();
    void validate();
    void setRevealed(bool revealed);
    void startTestLogin();
    void showTestResult(const QString &text, bool isError);
    void markAllTouched();
    void growToFit();

    const ProviderProfile *currentProfile() const;
    bool secretRequired() const;
    bool leavesStoredOrigin() const; // the typed base URL is on another origin than the stored secret's
    QString storedOrigin() const;    // "https://host:port" of the stored secret, for the message
    void updateSecretPlaceholder();
    AccountDialogValidation::Result currentCheck() const;

    const ProviderRegistry *m_providers;
    QPointer<AuthClient> m_auth;

    Account m_original;
    bool m_editing = false;
    bool m_hasStoredSecret = false;
    QStringList m_existingNames;

    // Required-field messages appear once a field was edited; wrong values always show.
    bool m_nameTouched = false;
    bool m_urlTouched = false;
    bool m_usernameTouched = false;
    bool m_secretTouched = false;

    QComboBox *m_provider = nullptr;
    QLabel *m_presetHint = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QComboBox *m_baseUrl = nullptr;
    QLabel *m_hostHint = nullptr;
    QLabel *m_urlError = nullptr;
    QCheckBox *m_allowInsecure = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_usernameError = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QToolButton *m_reveal = nullptr;
    QLabel *m_secretError = nullptr;
    QCheckBox *m_keepSignedIn = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QPointer<AuthOperation> m_test;
};
