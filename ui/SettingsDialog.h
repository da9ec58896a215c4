#pragma once

#include "AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

// Preferences: clipboard clear time, automatic renewal and its lead time, network timeout, the notice
// before a token that cannot be renewed expires, language, and the tray options. OK writes them to
// AppSettings (whose changed() applies them at once); Cancel changes nothing; "Restore Defaults" fills the
// form with the defaults, still to be confirmed with OK.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings *settings, bool trayAvailable, QWidget *parent = nullptr);

    AppSettings::Values formValues() const;
    void setFormValues(const AppSettings::Values &values);
    void accept() override;

    QSpinBox *clipboardClear() const { return m_clipboardClear; }
    QCheckBox *autoRefresh() const { return m_autoRefresh; }
    QSpinBox *refreshLead() const { return m_refreshLead; }
    QSpinBox *networkTimeout() const { return m_networkTimeout; }
    QSpinBox *expiryNotice() const { return m_expiryNotice; }
    QComboBox *language() const { return m_language; }
    QCheckBox *startMinimized() const { return m_startMinimized; }
    QCheckBox *closeToTray() const { return m_closeToTray; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QWidget *buildTokensGroup();
    QWidget *buildWindowGroup(bool trayAvailable);
    void selectLanguage(const QString &code);

    AppSettings *m_settings;
    QSpinBox *m_clipboardClear = nullptr;
    QCheckBox *m_autoRefresh = nullptr;
    QSpinBox *m_refreshLead = nullptr;
    QSpinBox *m_networkTimeout = nullptr;
    QSpinBox *m_expiryNotice = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_startMinimized = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
