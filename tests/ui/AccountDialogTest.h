#pragma once

// The base of the AccountDialog tests: an AuthClient the dialog can test a login with, a fresh dialog for
// every test case (newDialog() from init()), its widgets by object name, and typing and picking a preset
// as a keyboard user does. The dialog gets no SecretStore and no AccountStore: it cannot write anything,
// and tearDown() checks that the config location stays empty.

#include "AccountDialog.h"

#include "accounts/Account.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "providers/ProviderRegistry.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <memory>

inline QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

class AccountDialogTest : public QObject
{
protected:
    // From initTestCase(): an empty config location in test mode, and the AuthClient.
    void setUp()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QVERIFY(QDir(config).removeRecursively());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_http = std::make_unique<HttpClient>(m_network.get());
        m_http->setTimeout(5000);
        m_auth = std::make_unique<AuthClient>(m_http.get(), &m_clock);
    }

    // From cleanup().
    void tearDown()
    {
        m_dialog.reset();
        // Nothing the dialog does may leave a file behind.
        const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        QVERIFY2(!QDir(config).exists(), qPrintable(config));
    }

    void newDialog()
    {
        m_dialog = std::make_unique<AccountDialog>(&m_registry, m_auth.get());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    // An account as the store hands it to the dialog to edit.
    static Account storedAccount(const char *id, const char *name, const char *providerId,
                                 const QUrl &baseUrl, const QString &username = {})
    {
        Account a;
        a.id = s(id);
        a.name = s(name);
        a.providerId = s(providerId);
        a.baseUrl = baseUrl;
        a.username = username;
        return a;
    }

    template<typename T>
    T *child(const char *name) const
    {
        auto *widget = m_dialog->findChild<T *>(s(name));
        if (!widget)
            qFatal("no child widget '%s'", name);
        return widget;
    }
    QLineEdit *edit(const char *name) const { return child<QLineEdit>(name); }
    QLineEdit *urlEdit() const { return child<QComboBox>("baseUrl")->lineEdit(); }
    QLabel *label(const char *name) const { return child<QLabel>(name); }
    bool shown(const char *name) const { return child<QWidget>(name)->isVisible(); }

    QPushButton *okButton() const
    {
        for (QPushButton *button : m_dialog->findChildren<QPushButton *>()) {
            if (button->text() == s("Add Account") || button->text() == s("Save"))
                return button;
        }
        qFatal("no OK button");
    }

    // Picks a preset the way a keyboard user does: focus the combo box and step with the arrow keys.
    void choosePreset(const QString &id)
    {
        auto *combo = child<QComboBox>("provider");
        const int target = combo->findData(id);
        QVERIFY2(target >= 0, qPrintable(id));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < target; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentData().toString(), id);
    }

    void replaceText(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QCOMPARE(edit->text(), text);
    }

    ProviderRegistry m_registry;
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AuthClient> m_auth;
    std::unique_ptr<AccountDialog> m_dialog;
};
