// DesktopShell, the desktop wiring around the main window: quitting (the window's Quit, or Quit in the tray
// menu) takes a secret the ClipboardGuard put on the clipboard off it at once, not only when the event loop
// ends; the settings dialog is one window; close-to-tray follows the setting only where there is a tray.
// Real widgets, the real clipboard, offscreen.
#include "GuiFixture.h"

#include "DesktopShell.h"
#include "DesktopNotifications.h"
#include "auth/TokenManager.h"
#include "auth/TokenState.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "TrayMenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestDesktopShell : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void quitClearsTheClipboardSecret_data();
    void quitClearsTheClipboardSecret();
    void quitLeavesTheUsersOwnCopy();
    void settingsDialogIsOneWindow();
    void closeToTrayOnlyWithATray();
    void staleExpiryNoticeLeavesTheBanner();

private:
    void build(bool withTray);

    std::unique_ptr<GuiFixture> m_gui;
    std::unique_ptr<DesktopShell> m_shell;
};

void TestDesktopShell::init() {
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | GuiFixture::Settings | GuiFixture::Notifier);
}

void TestDesktopShell::build(bool withTray) {
    const DesktopShell::Parts parts{m_gui->core.get(), m_gui->window.get(), m_gui->clipboard.get(),
                                    m_gui->settings.get(), m_gui->notifier.get()};
    m_shell = std::make_unique<DesktopShell>(parts, withTray, false);
    m_gui->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_gui->window.get()));
}

void TestDesktopShell::cleanup() {
    m_shell.reset();
    m_gui.reset();
    QGuiApplication::clipboard()->clear();
}

void TestDesktopShell::quitClearsTheClipboardSecret_data() {
    QTest::addColumn<bool>("fromTray");
    QTest::newRow("window's Quit") << false;
    QTest::newRow("tray's Quit") << true;
}

void TestDesktopShell::quitClearsTheClipboardSecret() {
    QFETCH(bool, fromTray);
    build(fromTray);
    const QString secret = u"Bearer sk-live-not-a-real-token-0123456789"_s;
    m_gui->clipboard->copy(secret, u"Header line"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QVERIFY(m_gui->clipboard->isHoldingOurText());

    if (fromTray) {
        QVERIFY(m_shell->tray());
        m_shell->tray()->menu()->quitAction()->trigger();
    } else {
        m_gui->window->quitAction()->trigger();
    }

    // At once, before any event loop ends: the application may not get to serve the clipboard later.
    QVERIFY(!m_gui->clipboard->isHoldingOurText());
    QVERIFY(QGuiApplication::clipboard()->text() != secret);
    QCOMPARE(m_gui->clipboard->secondsLeft(), 0);
}

void TestDesktopShell::quitLeavesTheUsersOwnCopy() {
    build(false);
    m_gui->clipboard->copy(u"Bearer sk-live-not-a-real-token-0123456789"_s, u"Header line"_s);
    QGuiApplication::clipboard()->setText(u"something the user copied"_s);
    m_gui->window->quitAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"something the user copied"_s);
}

void TestDesktopShell::settingsDialogIsOneWindow() {
    build(false);
    QVERIFY(!m_shell->settingsDialog());
    Q_EMIT m_gui->window->settingsRequested();
    SettingsDialog *first = m_shell->settingsDialog();
    QVERIFY(first);
    QTRY_VERIFY(first->isVisible());
    Q_EMIT m_gui->window->settingsRequested();
    QCOMPARE(m_shell->settingsDialog(), first);
}

void TestDesktopShell::closeToTrayOnlyWithATray() {
    AppSettings::Values values = m_gui->settings->values();
    values.closeToTray = true;
    m_gui->settings->setValues(values);

    build(false);
    QVERIFY(!m_shell->tray());
    QVERIFY(!m_gui->window->keepsRunningInTray());
    QVERIFY(!m_shell->startsInTray());

    m_shell.reset();
    build(true);
    QVERIFY(m_shell->tray());
    QVERIFY(m_gui->window->keepsRunningInTray());
    values.closeToTray = false;
    m_gui->settings->setValues(values);
    QVERIFY(!m_gui->window->keepsRunningInTray());
}

// Without a tray or notification service an expiry notice goes to the window's banner. Once renewal is on
// again and the account has a new token, the notice ("automatic renewal is off") no longer holds: it goes.
void TestDesktopShell::staleExpiryNoticeLeavesTheBanner() {
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | GuiFixture::Settings | GuiFixture::Notifier
                                         | GuiFixture::Server);
    build(false);
    QCOMPARE(m_shell->notifications()->channel(), DesktopNotifications::Channel::Fallback);
    const QString id = m_gui->addDemoAccount(u"kyc-jwt"_s);
    TokenManager *tokens = m_gui->core->tokens();
    tokens->setAutoRefresh(false);
    m_gui->notifier->setNoticeLeadSeconds(7 * 24 * 3600); // any token's expiry is within the lead time
    tokens->login(id);
    QTRY_COMPARE(tokens->state(id), TokenState::Valid);
    m_gui->notifier->runDue();
    QTRY_VERIFY2(m_gui->window->bannerText().contains(u"Automatic renewal is off"_s),
                 qPrintable(m_gui->window->bannerText()));

    tokens->setAutoRefresh(true);
    m_gui->notifier->rescan();
    tokens->login(id);
    QTRY_VERIFY2(m_gui->window->bannerText().isEmpty(), qPrintable(m_gui->window->bannerText()));
}

QTEST_MAIN(TestDesktopShell)
#include "tst_desktopshell.moc"
