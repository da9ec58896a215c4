#include "ProvidersDialog.h"

#include "AccountDialogValidation.h"
#include "Confirm.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "ProfileText.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "providers/ProviderRegistry.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>

namespace Validation = AccountDialogValidation;

namespace {
constexpr qint64 kMaxProfileFileSize = 256 * 1024;
constexpr int kIdRole = Qt::UserRole;
} // namespace

ProvidersDialog::ProvidersDialog(CoreServices *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
{
    setWindowTitle(tr("Providers", "window title"));
    setObjectName(QStringLiteral("ProvidersDialog"));
    buildUi();
    const QString dir = m_core->providers()->userDirectory();
    m_location->setText(dir.isEmpty() ? tr("Your profiles live in memory only in this session (demo mode).")
                                      : tr("Your profiles are saved in %1").arg(QDir::toNativeSeparators(dir)));
    connect(m_list, &QListWidget::currentRowChanged, this, &ProvidersDialog::onSelectionChanged);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ProvidersDialog::validate);
    connect(m_new, &QPushButton::clicked, this, &ProvidersDialog::newProfile);
    connect(m_save, &QPushButton::clicked, this, &ProvidersDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &ProvidersDialog::removeCurrent);
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersDialog::testLogin);
    connect(m_core, &CoreServices::providersReloaded, this, &ProvidersDialog::onProvidersReloaded);
    connect(m_importFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a provider profile"), QString(),
                                                          tr("Provider profile (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    fillList({});
    // The list as wide as its longest name ("User API (auth headers) (eingebaut)"), up to a third of the dialog.
    if (auto *splitter = qobject_cast<QSplitter *>(m_list->parentWidget())) {
        const int wanted = m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() +
                           m_list->verticalScrollBar()->sizeHint().width();
        const int listWidth = std::clamp(wanted, 210, width() / 3);
        splitter->setSizes({listWidth, width() - listWidth});
    }
}

ProvidersDialog::~ProvidersDialog()
{
    m_testSecret->clear();
    Hardening::wipe(m_testSecretCopy); // a test login still in flight: its outcome no longer reaches us
}

QString ProvidersDialog::validationText() const
{
    return m_validation->text();
}

void ProvidersDialog::fillList(const QString &selectId)
{
    m_currentId = selectId;
    relist();
    if (m_list->currentRow() < 0 && m_list->count() > 0) {
        m_filling = true;
        m_list->setCurrentRow(0);
        m_filling = false;
    }
    onSelectionChanged();
}

void ProvidersDialog::selectProfile(const QString &id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == id)
            m_list->setCurrentRow(row);
    }
}

void ProvidersDialog::onSelectionChanged()
{
    if (m_filling || !m_list->currentItem())
        return;
    m_currentId = m_list->currentItem()->data(kIdRole).toString();
    const ProviderProfile *p = m_core->providers()->find(m_currentId);
    const bool builtIn = p && p->builtIn;
    m_heading->setText(builtIn ? tr("%1 is built in and cannot be changed. \"New from this\" starts your own copy.")
                                     .arg(p->name)
                               : tr("Your profile %1. Edit the JSON and save.").arg(p ? p->name : m_currentId));
    showJson(ProfileText::format(m_core->providers()->json(m_currentId)), builtIn);
    m_status->hide();
}

void ProvidersDialog::showJson(const QByteArray &json, bool readOnly)
{
    m_readOnly = readOnly;
    m_changedElsewhere = false;
    m_loadedText = QString::fromUtf8(json);
    m_editor->setReadOnly(readOnly);
    m_editor->setPlainText(m_loadedText);
    m_delete->setEnabled(!readOnly && !m_currentId.isEmpty());
    validate();
}

std::optional<ProviderProfile> ProvidersDialog::parsed(QString *error) const
{
    const QString place = tr("profile", "where an error is: the edited profile");
    auto profile = ProviderProfile::fromJson(m_editor->toPlainText().toUtf8(), place, error);
    if (!profile && error && error->startsWith(place + QStringLiteral(": ")))
        error->remove(0, place.size() + 2); // "field 'login.path': must start with '/'"
    return profile;
}

void ProvidersDialog::validate()
{
    QString error;
    const auto profile = parsed(&error);
    const ProviderProfile *existing = profile ? m_core->providers()->find(profile->id) : nullptr;
    if (profile && !m_readOnly && existing && existing->builtIn)
        error = tr("field 'id': \"%1\" is a built-in provider; choose another id").arg(profile->id);
    m_valid = profile && error.isEmpty();
    if (m_valid) {
        m_validation->setText(tr("Valid profile: %1 (%2). %3")
                                  .arg(profile->name, profile->id, Validation::needsText(*profile)));
    } else {
        m_validation->setText(error.isEmpty() ? tr("Not a valid profile.") : error);
    }
    setTone(m_validation, m_valid, !m_valid);
    m_save->setEnabled(m_valid && !m_readOnly);
    updateTestFields(profile ? &*profile : nullptr);
}

void ProvidersDialog::updateTestFields(const ProviderProfile *profile)
{
    const bool username = !profile || profile->needsUsername();
    m_testUsername->setEnabled(username);
    m_testUsernameLabel->setEnabled(username);
    m_testSecretLabel->setText(profile ? tr("&%1:").arg(profile->credentialLabel()) : tr("&Password:"));
    m_testButton->setEnabled(profile != nullptr && m_test.isNull());
}

void ProvidersDialog::newProfile()
{
    QJsonObject json = m_core->providers()->json(m_currentId);
    json.insert(QLatin1String("id"), QStringLiteral("my-provider"));
    json.insert(QLatin1String("name"), tr("My provider"));
    m_currentId.clear();
    m_list->setCurrentRow(-1); // clicking the profile again shows it again
    m_heading->setText(tr("A new profile. Give it its own id and name, then save."));
    showJson(ProfileText::format(json), false);
    m_status->hide();
    m_editor->setFocus();
}

bool ProvidersDialog::importFile(const QString &path)
{
    QFile file(path);
    // Never readAll(): a FIFO or /dev/stdin has size 0 and may never end. One byte more tells too large.
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.read(kMaxProfileFileSize + 1) : QByteArray();
    if (!file.isOpen() || bytes.size() > kMaxProfileFileSize) {
        showStatus(file.isOpen() ? tr("%1 is larger than %2 KiB; it is not a provider profile.")
                                       .arg(QDir::toNativeSeparators(path))
                                       .arg(kMaxProfileFileSize / 1024)
                                 : tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                   true);
        return false;
    }
    m_currentId.clear();
    m_list->setCurrentRow(-1); // clicking the profile again shows it again
    m_heading->setText(tr("Imported from %1 — not saved yet. Check it, test a login, then save.")
                           .arg(QFileInfo(path).fileName()));
    showJson(bytes, false);
    m_status->hide();
    return m_valid;
}

bool ProvidersDialog::save()
{
    QString error;
    const auto profile = parsed(&error);
    if (!m_valid || !profile || m_readOnly)
        return false;
    const ProviderProfile *existing = m_core->providers()->find(profile->id);
    if (existing && profile->id == m_currentId && m_changedElsewhere &&
        !Confirm::ask(this, tr("Replace provider"),
                      tr("Another program changed the provider profile %1 after you opened it. Replace its "
                         "changes with yours?")
                          .arg(existing->name),
                      tr("Replace", "button: replace the provider profile"))) {
        return false;
    }
    if (existing && profile->id != m_currentId &&
        !Confirm::ask(this, tr("Replace provider"),
                      tr("A provider profile with the id \"%1\" (%2) already exists. Replace it?")
                          .arg(profile->id, existing->name),
                      tr("Replace", "button: replace the provider profile"))) {
        return false;
    }
    if (!m_core->providers()->saveUserProfile(m_editor->toPlainText().toUtf8(), &error)) {
        showStatus(error, true);
        return false;
    }
    const QString id = profile->id;
    fillList(id);
    showStatus(tr("Saved %1. Accounts can use it now: Add account offers it.").arg(profile->name), false);
    Q_EMIT message(tr("Provider profile %1 saved.").arg(profile->name), false);
    return true;
}

bool ProvidersDialog::removeCurrent()
{
    const ProviderProfile *p = m_core->providers()->find(m_currentId);
    if (!p || p->builtIn)
        return false;
    QStringList users;
    for (const Account &a : m_core->accounts()->accounts()) {
        if (a.providerId == p->id)
            users.append(a.name);
    }
    if (!users.isEmpty()) {
        showStatus(tr("%1 cannot be deleted: %n account(s) use it (%2). Move them to another provider or remove them "
                      "first.",
                      nullptr, int(users.size()))
                       .arg(p->name, users.mid(0, 5).join(QLatin1String(", "))),
                   true);
        return false;
    }
    const QString name = p->name;
    if (!Confirm::ask(this, tr("Delete provider"), tr("Delete the provider profile %1?").arg(name),
                      tr("Delete", "button: delete the provider profile")))
        return false;
    QString error;
    if (!m_core->providers()->removeUserProfile(m_currentId, &error)) {
        showStatus(error, true);
        return false;
    }
    fillList({});
    showStatus(tr("Deleted %1.").arg(name), false);
    return true;
}

void ProvidersDialog::testLogin()
{
    if (!m_test.isNull())
        return;
    QString error;
    const auto profile = parsed(&error);
    if (!profile) {
        m_testResult->setText(tr("Correct the profile first: %1").arg(error));
        setTone(m_testResult, false, true);
        return;
    }
    Account account;
    account.id = QStringLiteral("provider-test");
    account.name = account.id;
    account.providerId = profile->id;
    account.baseUrl = Validation::parseBaseUrl(m_testUrl->text());
    account.username = profile->needsUsername() ? m_testUsername->text().trimmed() : QString();
    QString missing;
    if (!account.baseUrl.isValid() || account.baseUrl.host().isEmpty()
        || (account.baseUrl.scheme() != u"https" && account.baseUrl.scheme() != u"http"))
        missing = tr("Enter the base URL, such as https://api.example.com.");
    else if (profile->needsUsername() && account.username.isEmpty())
        missing = tr("Enter the username.");
    else if (m_testSecret->text().isEmpty())
        missing = profile->credential == ProviderProfile::Credential::ApiKey ? tr("Enter the API key.")
                                                                             : tr("Enter the password.");
    if (!missing.isEmpty()) {
        m_testResult->setText(missing);
        setTone(m_testResult, false, true);
        return;
    }
    // The field is cleared at once; the one copy lives in m_testSecretCopy until the call ends or the dialog
    // goes, and is wiped then.
    Hardening::wipe(m_testSecretCopy);
    m_testSecretCopy = m_testSecret->text().toUtf8();
    m_testSecret->clear();
    m_test = m_core->auth()->login(account, *profile, m_testSecretCopy);
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Logging in to %1…").arg(account.baseUrl.host()));
    setTone(m_testResult, false, false);
    connect(m_test, &AuthOperation::finished, this, [this](const AuthOutcome &outcome) {
        if (outcome.error)
            m_testResult->setText(Validation::loginFailureText(outcome.error, m_testSecretCopy));
        else
            m_testResult->setText(Validation::loginSuccessText(outcome.tokens, m_core->clock()->now()));
        setTone(m_testResult, !outcome.error, outcome.error.isError());
        Hardening::wipe(m_testSecretCopy);
        m_test.clear();
        m_testButton->setEnabled(parsed(nullptr).has_value());
    });
}

QString ProvidersDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

bool ProvidersDialog::hasUnsavedEdits() const
{
    return !m_readOnly && m_editor->toPlainText() != m_loadedText;
}

// Close, Escape and the window's close button all end here: unsaved work (an edit, or a new, imported or
// deleted-elsewhere profile that has no saved copy) is thrown away only when the user says so.
void ProvidersDialog::reject()
{
    const bool unsaved = hasUnsavedEdits()
                         || (!m_readOnly && m_currentId.isEmpty() && !m_editor->toPlainText().trimmed().isEmpty());
    if (unsaved
        && !Confirm::ask(this, tr("Unsaved provider profile"), tr("Discard unsaved changes?"),
                         tr("Discard", "button: throw the unsaved profile away")))
        return;
    QDialog::reject();
}

void ProvidersDialog::showStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    setTone(m_status, !isError, isError);
    m_status->show();
}
