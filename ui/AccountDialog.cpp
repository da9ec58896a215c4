#include "AccountDialog.h"

#include "AccountDialogValidation.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "providers/ProviderRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace Validation = AccountDialogValidation;

namespace {
enum class Tone { Normal, Good, Bad };

// Readable on light and dark palettes alike.
void setTone(QLabel *label, Tone tone)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    if (tone == Tone::Bad)
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    else if (tone == Tone::Good)
        palette.setColor(QPalette::WindowText, dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20));
    label->setPalette(palette);
}

QLabel *makeMessage(const QString &objectName, Tone tone, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // provider text may look like HTML; never render it
    label->setWordWrap(true);
    label->setVisible(false);
    setTone(label, tone);
    return label;
}

void showMessage(QLabel *label, QWidget *field, const QString &message, bool show)
{
    const bool visible = show && !message.isEmpty();
    label->setText(visible ? message : QString());
    label->setVisible(visible);
    field->setAccessibleDescription(visible ? message : QString());
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isDetached())
        bytes.detach(); // never scribble over a buffer another copy still uses
    bytes.fill('\0');
    bytes.clear();
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

void AccountDialog::buildUi()
{
    // A flat grid: label and field on one row, each message on its own row under the field. Hidden
    // rows collapse, and the grid sizes word-wrapped messages by their height for the actual width.
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(4);
    int row = 0;
    const auto addField = [&](QLabel *label, QWidget *field, QLayout *fieldLayout = nullptr) {
        label->setBuddy(field);
        grid->addWidget(label, row, 0);
        if (fieldLayout)
            grid->addLayout(fieldLayout, row, 1);
        else
            grid->addWidget(field, row, 1);
        ++row;
    };
    const auto addUnder = [&](QWidget *widget) { grid->addWidget(widget, row++, 1); };

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("provider"));
    m_provider->setAccessibleName(tr("Provider"));
    addField(new QLabel(tr("Pro&vider:"), this), m_provider);
    m_presetHint = makeMessage(QStringLiteral("presetHint"), Tone::Normal, this);
    m_presetHint->setVisible(true);
    addUnder(m_presetHint);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setAccessibleName(tr("Account name"));
    m_name->setPlaceholderText(tr("e.g. prod-kyc"));
    addField(new QLabel(tr("&Name:"), this), m_name);
    m_nameError = makeMessage(QStringLiteral("nameError"), Tone::Bad, this);
    addUnder(m_nameError);

    m_baseUrl = new QComboBox(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setEditable(true);
    m_baseUrl->setInsertPolicy(QComboBox::NoInsert);
    m_baseUrl->setCompleter(nullptr); // inline completion would turn a typed "http" into a known https host
    addField(new QLabel(tr("Base &URL:"), this), m_baseUrl);
    m_hostHint = makeMessage(QStringLiteral("hostHint"), Tone::Normal, this);
    addUnder(m_hostHint);
    m_urlError = makeMessage(QStringLiteral("baseUrlError"), Tone::Bad, this);
    addUnder(m_urlError);
    m_allowInsecure = new QCheckBox(tr("Allow &insecure http:// for this account"), this);
    m_allowInsecure->setObjectName(QStringLiteral("allowInsecureHttp"));
    m_allowInsecure->setAccessibleName(tr("Allow insecure http"));
    m_allowInsecure->setVisible(false);
    addUnder(m_allowInsecure);
    m_insecureWarning = makeMessage(QStringLiteral("insecureWarning"), Tone::Bad, this);
    m_insecureWarning->setText(tr("Warning: over http:// the credential and the tokens travel unencrypted; "
                                  "anyone on the network path can read them."));
    m_allowInsecure->setAccessibleDescription(m_insecureWarning->text());
    addUnder(m_insecureWarning);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_usernameLabel = new QLabel(tr("Use&rname:"), this);
    addField(m_usernameLabel, m_username);
    m_usernameError = makeMessage(QStringLiteral("usernameError"), Tone::Bad, this);
    addUnder(m_usernameError);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setCheckable(true);
    m_reveal->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *secretLine = new QHBoxLayout;
    secretLine->addWidget(m_secret, 1);
    secretLine->addWidget(m_reveal);
    m_secretLabel = new QLabel(this);
    addField(m_secretLabel, m_secret, secretLine);
    m_secretError = makeMessage(QStringLiteral("secretError"), Tone::Bad, this);
    addUnder(m_secretError);
    setRevealed(false);

    m_keepSignedIn = new QCheckBox(tr("&Keep me signed in"), this);
    m_keepSignedIn->setObjectName(QStringLiteral("keepSignedIn"));
    m_keepSignedIn->setAccessibleName(tr("Keep me signed in"));
    m_keepSignedIn->setChecked(true);
    m_keepSignedIn->setToolTip(tr("When the token expires, log in again automatically with the stored "
                                  "credential."));
    addUnder(m_keepSignedIn);

    m_testButton = new QPushButton(tr("&Test Login"), this);
    m_testButton->setObjectName(QStringLiteral("testLogin"));
    m_testButton->setAccessibleName(tr("Test login"));
    m_testButton->setToolTip(tr("Log in with what is typed here and show the result. Saves nothing."));
    m_testButton->setAutoDefault(false);
    m_testButton->setEnabled(m_auth != nullptr);
    auto *testLine = new QHBoxLayout;
    testLine->setContentsMargins(0, 8, 0, 0);
    testLine->addWidget(m_testButton);
    testLine->addStretch(1);
    grid->addLayout(testLine, row++, 1);
    m_testResult = makeMessage(QStringLiteral("testResult"), Tone::Normal, this);
    m_testResult->setAccessibleName(tr("Test login result"));
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addUnder(m_testResult);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Account"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addSpacing(8);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reveal, &QToolButton::toggled, this, &AccountDialog::setRevealed);
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::startTestLogin);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_baseUrl->lineEdit(), &QLineEdit::textEdited, this, [this] { m_urlTouched = true; });
    connect(m_username, &QLineEdit::textEdited, this, [this] { m_usernameTouched = true; });
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretTouched = true; });
    connect(m_name, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_baseUrl, &QComboBox::editTextChanged, this, &AccountDialog::onInputEdited);
    connect(m_username, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_secret, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_allowInsecure, &QCheckBox::toggled, this, &AccountDialog::onInputEdited);
}

void AccountDialog::setUpTabOrder()
{
    const QList<QWidget *> order{m_provider, m_name,   m_baseUrl,      m_allowInsecure, m_username,
                                 m_secret,   m_reveal, m_keepSignedIn, m_testButton,    m_buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void AccountDialog::setAccount(const Account &account, bool hasStoredSecret)
{
    m_original = account;
    m_editing = true;
    m_hasStoredSecret = hasStoredSecret;
    setWindowTitle(tr("Edit Account “%1”").arg(account.name));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));

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
    m_baseUrl->setEditText(account.baseUrl.toString());
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
    if (!m_editing || !m_hasStoredSecret)
        return true;
    // The stored secret is of the original provider's kind; an API key is no password.
    const ProviderProfile *now = currentProfile();
    const ProviderProfile *before = m_providers->find(m_original.providerId);
    return now && before && now->credential != before->credential;
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
    input.allowInsecureHttp = m_allowInsecure->isChecked();
    input.takenNames = m_existingNames;
    if (m_editing)
        input.takenNames.removeAll(m_original.name);
    return Validation::check(input);
}

void AccountDialog::onProviderChanged()
{
    const ProviderProfile *profile = currentProfile();
    const QString credential = profile ? profile->credentialLabel() : tr("Secret");
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
    const bool keepStored = m_editing && m_hasStoredSecret && !secretRequired();
    m_secret->setPlaceholderText(keepStored ? tr("Leave empty to keep the stored %1").arg(credential.toLower())
                                            : QString());
    fillKnownHosts(profile);
    validate();
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
    m_allowInsecure->setVisible(check.insecureHttp);
    m_insecureWarning->setVisible(check.insecureHttp);
    updateHostHint();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(check.isValid());
}

void AccountDialog::markAllTouched()
{
    m_nameTouched = m_urlTouched = m_usernameTouched = m_secretTouched = true;
}

void AccountDialog::setRevealed(bool revealed)
{
    m_secret->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("Hi&de") : tr("Sho&w"));
    m_reveal->setToolTip(revealed ? tr("Hide what you typed") : tr("Show what you typed"));
}

void AccountDialog::startTestLogin()
{
    if (!m_auth || !m_test.isNull())
        return;
    const bool keepStored = m_editing && m_hasStoredSecret && !secretRequired();
    markAllTouched();
    validate();
    const Validation::Result check = currentCheck();
    const ProviderProfile *profile = currentProfile();
    if (!profile || !check.canTestLogin()) {
        showTestResult(tr("Correct the fields marked above to test the login."), true);
        return;
    }
    const QString credential = profile->credentialLabel().toLower();
    if (m_secret->text().isEmpty()) {
        showTestResult(keepStored ? tr("Type the %1 to test the login; the stored one is not read here.")
                                        .arg(credential)
                                  : tr("Enter the %1 to test the login.").arg(credential),
                       true);
        return;
    }

    QByteArray secret = m_secret->text().toUtf8();
    m_test = m_auth->login(account(), *profile, secret);
    m_testButton->setEnabled(false);
    m_testButton->setText(tr("Testing…"));
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
}
