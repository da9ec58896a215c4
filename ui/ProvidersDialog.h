#pragma once

#include <QDialog>
#include <QPointer>

#include "providers/ProviderProfile.h"

#include <optional>

class AuthOperation;
class CoreServices;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// The provider profiles: the built-in presets (read only) and the user's own, which can be added (a new
// one from a copy, or a profile JSON file), edited as JSON with live validation that names the field,
// saved to <config dir>/providers/<id>.json (memory only in demo mode) and deleted when no account uses
// them. "Test login" runs one login with the profile as typed against a base URL, with a credential that
// is neither stored nor shown afterwards. A saved profile is offered by the account dialog at once.
//
// When another process saves or removes a profile (CoreServices::providersReloaded) the list follows; the
// selection and any unsaved text in the editor stay. If the profile being edited changed or went, the
// dialog says so; unsaved edits are never replaced, and saving over a profile changed elsewhere asks first.
class ProvidersDialog : public QDialog
{
    Q_OBJECT
public:
    ProvidersDialog(CoreServices *core, QWidget *parent = nullptr);
    ~ProvidersDialog() override;

    QListWidget *list() const { return m_list; }
    QPlainTextEdit *editor() const { return m_editor; }
    QString validationText() const;
    bool isProfileValid() const { return m_valid; }
    QString currentId() const { return m_currentId; }
    QString statusText() const;
    bool hasUnsavedEdits() const;
    void reject() override; // asks before unsaved work is thrown away

    void selectProfile(const QString &id);
    void newProfile();                     // a copy of the shown profile under a new id, not saved yet
    bool importFile(const QString &path);  // loads a profile JSON file into the editor, not saved yet
    bool save();
    bool removeCurrent();
    void testLogin();
    bool isTestingLogin() const { return !m_test.isNull(); }

    QLineEdit *testUrl() const { return m_testUrl; }
    QLineEdit *testUsername() const { return m_testUsername; }
    QLineEdit *testSecret() const { return m_testSecret; }
    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResult() const { return m_testResult; }

Q_SIGNALS:
    void message(const QString &text, bool isError);

private:
    // ProvidersDialogUi.cpp
    void buildUi();
    static void setTone(QLabel *label, bool good, bool bad);

    // ProvidersDialog.cpp
    void fillList(const QString &selectId);
    void onSelectionChanged();
    void showJson(const QByteArray &json, bool readOnly);
    void validate();
    std::optional<ProviderProfile> parsed(QString *error) const;
    void updateTestFields(const ProviderProfile *profile);
    void showStatus(const QString &text, bool isError);

    // ProvidersDialogReload.cpp
    void onProvidersReloaded();
    void relist();

    CoreServices *m_core;
    QString m_currentId; // the profile the editor was loaded from; empty for a new one
    QString m_loadedText; // the editor's text as loaded or last saved: anything else is an unsaved edit
    bool m_changedElsewhere = false; // m_currentId was saved by another process after it was loaded
    bool m_readOnly = false;
    bool m_valid = false;
    bool m_filling = false;

    QListWidget *m_list = nullptr;
    QLabel *m_heading = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_validation = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_importFile = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
    QGroupBox *m_testBox = nullptr;
    QLineEdit *m_testUrl = nullptr;
    QLabel *m_testUsernameLabel = nullptr;
    QLineEdit *m_testUsername = nullptr;
    QLabel *m_testSecretLabel = nullptr;
    QLineEdit *m_testSecret = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_location = nullptr;
    QPointer<AuthOperation> m_test;
    QByteArray m_testSecretCopy; // the secret of the test login in flight; wiped when it ends or the dialog goes
};
