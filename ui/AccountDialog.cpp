#include "AccountDialog.h"

#include "AccountDialogValidation.h"
#include "Hardening.h"
#include "accounts/ImportPlan.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "providers/ProviderRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>

namespace Validation = AccountDialogValidation;

namespace {
void showMessage(QLabel *label, QWidget *field, const QString &message, bool show)
{
    const bool visible = show && !message.isEmpty();
    label->setText(visible ? message : QString());
    label->setVisible(visible);
    field->setAccessibleDescription(visible ? message : QString());
}

void wipe(QByteArray &bytes)
{
    Hardening::wipe(bytes); // zeroes only a buffer no other copy still uses
}
} // namespace

AccountDialog::AccountDialog(const ProviderRegistry *providers, AuthClient *auth, QWidget *parent)
    : QDialog(parent)
    , m_providers(providers)
    , m_auth(auth)
{
    setWindowTitle(tr("Add Account"));
    buildUi();
    for (const ProviderProfile *profile : m_providers->profiles()) {
        m_provider->addItem(profile->name, profile->id);
        m_provider->setItemData(m_provider->count() - 1, profile->description, Qt::ToolTipRole);
    }
    connect(m_provider, &QComboBox::currentIndexChanged, this, &AccountDialog::onProviderChanged);
    onProviderChanged();
    setUpTabOrder();
}

// A copy is filled like an edit (the original's credential is kept unless another is typed), but it
// becomes a new account, so it is titled and confirmed like one.
void AccountDialog::setDuplicate(const Account &copy)
{
    setAccount(copy, true);
    setWindowTitle(tr("Duplicate Account"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Account"));
}

void AccountDialog::setAccount(const Account &account, bool hasStoredSecret)
{
    m_original = account;
    m_editing = true;
    m_hasStoredSecret = hasStoredSecret;
    setWindowTitle(tr("Edit Account “%1”").arg(account.name));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save", "button: save the account"));

    int index = m_provider->findData(account.providerId);
    if (index < 0) {
        m_provider->addItem(tr("%1 (not installed)").arg(account.providerId), account.providerId);
        index = m_provider->count() - 1;
    }
    {
        const QSignalBlocker blocker(m_provider);
        m_provider->setCurrentIndex(index);
    }
    onProviderChanged();
    m_name->setText(account.name);
    m_baseUrl->setEditText(displayedUrl(account.baseUrl));
    m_username->setText(account.username);
    m_secret->clear();
    m_allowInsecure->setChecked(account.allowInsecureHttp);
    m_keepSignedIn->setChecked(account.keepSignedIn);
    markAllTouched();
    validate();
}

void AccountDialog::setExistingNames(const QStringList &names)
{
    m_existingNames = names;
    validate();
}

Account AccountDialog::account() const
{
    const Validation::Result check = currentCheck();
    const ProviderProfile *profile = currentProfile();
    Account a = m_original;
    a.name = m_name->text().trimmed();
    a.providerId = m_provider->currentData().toString();
    a.baseUrl = Validation::parseBaseUrl(m_baseUrl->currentText());
    a.username = !profile || profile->needsUsername() ? m_username->text().trimmed() : QString();
    a.allowInsecureHttp = check.insecureHttp && m_allowInsecure->isChecked();
    a.keepSignedIn = m_keepSignedIn->isChecked();
    return a;
}

QByteArray AccountDialog::secret() const
{
    return m_secret->text().toUtf8();
}

bool AccountDialog::isInputValid() const
{
    return currentCheck().isValid();
}

void AccountDialog::done(int result)
{
    if (result == QDialog::Rejected)
        m_secret->clear(); // nobody will read it
    QDialog::done(result);
}

const ProviderProfile *AccountDialog::currentProfile() const
{
    return m_providers->find(m_provider->currentData().toString());
}

bool AccountDialog::secretRequired() const
{
    if (!m_editing || !m_hasStoredSecret || leavesStoredOrigin())
        return true;
    // The stored secret is of the original provider's kind; an API key is no password.
    const ProviderProfile *now = currentProfile();
    const ProviderProfile *before = m_providers->find(m_original.providerId);
    return now && before && now->credential != before->credential;
}

// A stored secret goes only to the origin (scheme, host, port) it was stored for, as with an import: a
// typo or a pasted look-alike host must not receive it.
bool AccountDialog::leavesStoredOrigin() const
{
    if (!m_editing || !m_hasStoredSecret)
        return false;
    const QUrl url = Validation::parseBaseUrl(m_baseUrl->currentText());
    return url.isValid() && !url.host().isEmpty() && !ImportPlan::sameOrigin(m_original.baseUrl, url);
}

QString AccountDialog::storedOrigin() const
{
    const QUrl &url = m_original.baseUrl;
    QString origin = url.scheme() + QStringLiteral("://") + QString::fromLatin1(QUrl::toAce(url.host()));
    if (url.port() != -1)
        origin += u':' + QString::number(url.port());
    return origin;
}

Validation::Result AccountDialog::currentCheck() const
{
    Validation::Input input;
    input.profile = currentProfile();
    input.name = m_name->text();
    input.baseUrl = m_baseUrl->currentText();
    input.username = m_username->text();
    input.secretEntered = !m_secret->text().isEmpty();
    input.secretRequired = secretRequired();
    if (leavesStoredOrigin())
        input.storedSecretHost = storedOrigin();
    input.allowInsecureHttp = m_allowInsecure->isChecked();
    input.takenNames = m_existingNames;
    if (m_editing)
        input.takenNames.removeAll(m_original.name);
    return Validation::check(input);
}

void AccountDialog::onProviderChanged()
{
    const ProviderProfile *profile = currentProfile();
    const QString credential =
        profile ? profile->credentialLabel() : tr("Secret", "credential of an unknown provider");
    if (profile) {
        m_presetHint->setText(Validation::needsText(*profile) + u' ' + profile->description);
        setTone(m_presetHint, Tone::Normal);
    } else {
        m_presetHint->setText(tr("This provider profile is not installed. Choose another provider."));
        setTone(m_presetHint, Tone::Bad);
    }
    const bool needsUsername = !profile || profile->needsUsername();
    m_usernameLabel->setVisible(needsUsername);
    m_username->setVisible(needsUsername);
    m_username->setEnabled(needsUsername);

    //: %1 is "API key" or "Password"; keep a mnemonic (&)
    m_secretLabel->setText(tr("&%1:").arg(credential));
    m_secret->setAccessibleName(credential);
    m_reveal->setAccessibleName(tr("Show %1").arg(credential));
    fillKnownHosts(profile);
    validate();
}

void AccountDialog::updateSecretPlaceholder()
{
    const ProviderProfile *profile = currentProfile();
    const bool keepStored = m_editing && m_hasStoredSecret && !secretRequired();
    // One whole sentence per kind: lower-casing the label would write "api key" in English and wrongly
    // lower-case a German noun.
    QString keepText;
    if (keepStored) {
        if (!profile)
            keepText = tr("Leave empty to keep the stored secret");
        else if (profile->credential == ProviderProfile::Credential::ApiKey)
            keepText = tr("Leave empty to keep the stored API key");
        else
            keepText = tr("Leave empty to keep the stored password");
    }
    if (m_secret->placeholderText() != keepText)
        m_secret->setPlaceholderText(keepText);
}

void AccountDialog::fillKnownHosts(const ProviderProfile *profile)
{
    const QString typed = m_baseUrl->currentText().trimmed();
    // A host picked from the previous preset's list follows the preset; a typed URL stays.
    bool followPreset = typed.isEmpty();
    for (int i = 0; i < m_baseUrl->count(); ++i)
        followPreset = followPreset || m_baseUrl->itemText(i) == typed;

    const QSignalBlocker blocker(m_baseUrl);
    m_baseUrl->clear();
    if (profile) {
        for (const KnownHost &host : profile->knownHosts) {
            m_baseUrl->addItem(host.url.toString());
            m_baseUrl->setItemData(m_baseUrl->count() - 1, host.label, Qt::ToolTipRole);
        }
    }
    if (!followPreset)
        m_baseUrl->setEditText(typed);
    else if (m_baseUrl->count() > 0)
        m_baseUrl->setCurrentIndex(0);
    else
        m_baseUrl->setEditText(QString());
    m_baseUrl->lineEdit()->setPlaceholderText(m_baseUrl->count() > 0 ? QString()
                                                                     : tr("https://api.example.com"));
}

void AccountDialog::updateHostHint()
{
    const ProviderProfile *profile = currentProfile();
    const QUrl url = Validation::parseBaseUrl(m_baseUrl->currentText());
    QString hint;
    if (profile && url.isValid()) {
        for (const KnownHost &host : profile->knownHosts) {
            if (host.url.matches(url, QUrl::StripTrailingSlash | QUrl::NormalizePathSegments))
                //: %1 is a known host's label, e.g. "Integration"; %2 the provider's name
                hint = tr("%1 host of %2").arg(host.label, profile->name);
        }
    }
    m_hostHint->setText(hint);
    m_hostHint->setVisible(!hint.isEmpty());
}

void AccountDialog::onInputEdited()
{
    if (m_test.isNull())
        m_testResult->setVisible(false); // a result for other input would mislead
    validate();
}

void AccountDialog::validate()
{
    const Validation::Result check = currentCheck();
    showMessage(m_nameError, m_name, check.name, m_nameTouched || !m_name->text().trimmed().isEmpty());
    showMessage(m_urlError, m_baseUrl, check.baseUrl,
                m_urlTouched || !m_baseUrl->currentText().trimmed().isEmpty());
    showMessage(m_usernameError, m_username, check.username, m_usernameTouched && m_username->isEnabled());
    showMessage(m_secretError, m_secret, check.secret, m_secretTouched);
    updateSecretPlaceholder();
    m_allowInsecure->setVisible(check.insecureHttp);
    m_insecureWarning->setVisible(check.insecureHttp);
    updateHostHint();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(check.isValid());
    growToFit();
}

void AccountDialog::markAllTouched()
{
    m_nameTouched = m_urlTouched = m_usernameTouched = m_secretTouched = true;
}

void AccountDialog::setRevealed(bool revealed)
{
    m_secret->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("Hi&de", "the typed credential") : tr("Sho&w", "the typed credential"));
    m_reveal->setToolTip(revealed ? tr("Hide what you typed") : tr("Show what you typed"));
}

void AccountDialog::startTestLogin()
{
    if (!m_auth || !m_test.isNull())
        return;
    const bool keepStored = m_editing && m_hasStoredSecret && !secretRequired();
    m_urlTouched = m_usernameTouched = m_secretTouched = true; // the name does not matter for a test
    validate();
    const Validation::Result check = currentCheck();
    const ProviderProfile *profile = currentProfile();
    if (!profile || !check.canTestLogin()) {
        showTestResult(tr("Correct the fields marked above to test the login."), true);
        return;
    }
    if (m_secret->text().isEmpty()) {
        const bool apiKey = profile->credential == ProviderProfile::Credential::ApiKey;
        if (keepStored)
            showTestResult(apiKey ? tr("Type the API key to test the login; the stored one is not read here.")
                                  : tr("Type the password to test the login; the stored one is not read "
                                       "here."),
                           true);
        else
            showTestResult(apiKey ? tr("Enter the API key to test the login.")
                                  : tr("Enter the password to test the login."),
                           true);
        return;
    }

    QByteArray secret = m_secret->text().toUtf8();
    m_test = m_auth->login(account(), *profile, secret);
    m_testButton->setEnabled(false);
    m_testButton->setText(tr("Testing…", "login test"));
    showTestResult(tr("Logging in to %1…").arg(check.url.host()), false);
    connect(m_test, &AuthOperation::finished, this,
            [this, secret = std::move(secret)](const AuthOutcome &outcome) mutable {
                // The operation is the AuthClient's child: m_auth is alive while it reports.
                const QDateTime now = m_auth->clock()->now();
                if (outcome.error) {
                    showTestResult(Validation::loginFailureText(outcome.error, secret), true);
                } else {
                    showTestResult(Validation::loginSuccessText(outcome.tokens, now), false);
                    setTone(m_testResult, Tone::Good);
                }
                wipe(secret);
                m_test.clear();
                m_testButton->setEnabled(true);
                m_testButton->setText(tr("&Test Login"));
            });
}

void AccountDialog::showTestResult(const QString &text, bool isError)
{
    m_testResult->setText(text);
    setTone(m_testResult, isError ? Tone::Bad : Tone::Normal);
    m_testResult->setVisible(true);
    growToFit();
}

// A window does not grow by itself when messages appear: the grid would squeeze the wrapped ones.
void AccountDialog::growToFit()
{
    if (!isVisible() || !layout())
        return;
    int needed = layout()->totalHeightForWidth(width());
    if (needed < 0)
        needed = layout()->totalMinimumSize().height();
    if (needed > height())
        resize(width(), needed);
}
