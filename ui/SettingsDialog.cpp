#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QSpinBox *spinBox(int min, int max, int step, const QString &suffix, const QString &accessibleName)
{
    auto *spin = new QSpinBox;
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setSuffix(suffix);
    spin->setAccessibleName(accessibleName);
    spin->setAlignment(Qt::AlignRight);
    return spin;
}

QLabel *hint(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, bool trayAvailable, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("TokenDesk Settings"));
    setObjectName(QStringLiteral("SettingsDialog"));

    auto *clipboardGroup = new QGroupBox(tr("Clipboard", "settings group"));
    auto *clipboardForm = new QFormLayout(clipboardGroup);
    m_clipboardClear = spinBox(0, AppSettings::kMaxClipboardClearSeconds, 5, tr(" s", "unit suffix: seconds"),
                               tr("Clear the clipboard after, seconds"));
    m_clipboardClear->setSpecialValueText(tr("Never", "clear the clipboard after"));
    m_clipboardClear->setToolTip(tr("A copied token is removed from the clipboard after this time, if it is still "
                                    "there. It is always removed when TokenDesk quits."));
    clipboardForm->addRow(tr("C&lear copied tokens after:"), m_clipboardClear);

    m_language = new QComboBox;
    m_language->setAccessibleName(tr("Language", "accessible name"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(clipboardGroup);
    layout->addWidget(buildTokensGroup());
    layout->addWidget(buildWindowGroup(trayAvailable));
    layout->addStretch();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                     | QDialogButtonBox::RestoreDefaults);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true); // Enter confirms from any field
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setFormValues(AppSettings::defaults()); });
    layout->addWidget(m_buttons);

    setFormValues(m_settings->values());
    m_clipboardClear->setFocus();
}

QWidget *SettingsDialog::buildTokensGroup()
{
    auto *group = new QGroupBox(tr("Tokens", "settings group"));
    auto *form = new QFormLayout(group);
    m_autoRefresh = new QCheckBox(tr("&Renew tokens automatically before they expire"));
    m_autoRefresh->setToolTip(tr("With a refresh token, or by logging in again with the stored credential when "
                                 "the account keeps you signed in"));
    form->addRow(m_autoRefresh);
    m_refreshLead = spinBox(AppSettings::kMinRefreshLeadSeconds, AppSettings::kMaxRefreshLeadSeconds, 10,
                            tr(" s", "unit suffix: seconds"), tr("Renew ahead of expiry, seconds"));
    m_refreshLead->setToolTip(tr("Tokens are renewed this long before they expire. Short-lived tokens are renewed "
                                 "when 90 % of their lifetime has passed, at the latest 10 s before expiry."));
    form->addRow(tr("Renew &ahead by up to:"), m_refreshLead);
    connect(m_autoRefresh, &QCheckBox::toggled, m_refreshLead, &QWidget::setEnabled);
    m_networkTimeout = spinBox(AppSettings::kMinNetworkTimeoutSeconds, AppSettings::kMaxNetworkTimeoutSeconds, 5,
                               tr(" s", "unit suffix: seconds"), tr("Network timeout, seconds"));
    m_networkTimeout->setToolTip(tr("A login or refresh that has no complete answer by then fails"));
    form->addRow(tr("&Network timeout:"), m_networkTimeout);
    m_expiryNotice = spinBox(0, AppSettings::kMaxExpiryNoticeMinutes, 5, tr(" min", "unit suffix: minutes"),
                             tr("Warn before a token expires, minutes"));
    m_expiryNotice->setSpecialValueText(tr("Off", "expiry notice"));
    m_expiryNotice->setToolTip(tr("A notification this long before a token expires that TokenDesk cannot renew "
                                  "by itself. Failed automatic renewals are always notified."));
    form->addRow(tr("&Warn before expiry:"), m_expiryNotice);
    form->addRow(hint(tr("Applies to tokens that cannot be renewed automatically.")));
    return group;
}

QWidget *SettingsDialog::buildWindowGroup(bool trayAvailable)
{
    auto *group = new QGroupBox(tr("Window", "settings group"));
    auto *form = new QFormLayout(group);
    m_language->addItem(tr("System default", "language"), QString());
    // Each language in its own words, so a person who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(hint(tr("A new language applies after TokenDesk restarts.")));
    m_startMinimized = new QCheckBox(tr("&Start minimised to the tray"));
    m_closeToTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"));
    form->addRow(m_startMinimized);
    form->addRow(m_closeToTray);
    if (!trayAvailable) {
        m_startMinimized->setEnabled(false);
        m_closeToTray->setEnabled(false);
        form->addRow(hint(tr("This desktop has no system tray: these options take effect where it has one.")));
    }
    return group;
}

void SettingsDialog::selectLanguage(const QString &code)
{
    int index = m_language->findData(code);
    if (index < 0) { // set by hand to a language this list does not offer: keep it
        m_language->addItem(code, code);
        index = m_language->count() - 1;
    }
    m_language->setCurrentIndex(index);
}

void SettingsDialog::setFormValues(const AppSettings::Values &values)
{
    const AppSettings::Values v = AppSettings::clamped(values);
    m_clipboardClear->setValue(v.clipboardClearSeconds);
    m_autoRefresh->setChecked(v.autoRefresh);
    m_refreshLead->setValue(v.refreshLeadSeconds);
    m_refreshLead->setEnabled(v.autoRefresh);
    m_networkTimeout->setValue(v.networkTimeoutSeconds);
    m_expiryNotice->setValue(v.expiryNoticeMinutes);
    selectLanguage(v.language);
    m_startMinimized->setChecked(v.startMinimized);
    m_closeToTray->setChecked(v.closeToTray);
}

AppSettings::Values SettingsDialog::formValues() const
{
    AppSettings::Values v;
    v.clipboardClearSeconds = m_clipboardClear->value();
    v.autoRefresh = m_autoRefresh->isChecked();
    v.refreshLeadSeconds = m_refreshLead->value();
    v.networkTimeoutSeconds = m_networkTimeout->value();
    v.expiryNoticeMinutes = m_expiryNotice->value();
    v.language = m_language->currentData().toString();
    v.startMinimized = m_startMinimized->isChecked();
    v.closeToTray = m_closeToTray->isChecked();
    return v;
}

void SettingsDialog::accept()
{
    m_settings->setValues(formValues());
    QDialog::accept();
}
