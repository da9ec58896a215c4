// DesktopShell, the desktop wiring around the main window: quitting (the window's Quit, or Quit in the tray
// menu) takes a secret the ClipboardGuard put on the clipboard off it at once, not only when the event loop
// ends; the settings dialog is one window; close-to-tray follows the setting only where there is a tray.
// Real widgets, the real clipboard, offscreen.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "DesktopShell.h"
#include "ExpiryNotifier.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "TrayMenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QSettings>
#include <QTemporaryDir>
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

private:
    void build(bool withTray);

    QTemporaryDir m_dir;
    std::unique_ptr<CoreServices> m_core;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ExpiryNotifier> m_notifier;
    std::unique_ptr<DesktopShell> m_shell;
};

void TestDesktopShell::init() {
    QVERIFY(m_dir.isValid());
    CoreOptions options;
    options.inMemory = true;
    m_core = std::make_unique<CoreServices>(options);
    m_qsettings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_qsettings->clear();
    m_settings = std::make_unique<AppSettings>(m_qsettings.get());
    m_clipboard = std::make_unique<ClipboardGuard>(QGuiApplication::clipboard());
    // Demo mode: the window keeps its layout out of the user's settings.
    m_window = std::make_unique<MainWindow>(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    m_notifier = std::make_unique<ExpiryNotifier>(m_core->accounts(), m_core->tokens(), m_core->clock());
}

void TestDesktopShell::build(bool withTray) {
    m_shell =
        std::make_unique<DesktopShell>(DesktopShell::Parts{m_core.get(), m_window.get(), m_clipboard.get(),
                                                           m_settings.get(), m_notifier.get()},
                                       withTray, false);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDesktopShell::cleanup() {
    m_shell.reset();
    m_notifier.reset();
    m_window.reset();
    m_clipboard.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_core.reset();
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
    m_clipboard->copy(secret, u"Header line"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QVERIFY(m_clipboard->isHoldingOurText());

    if (fromTray) {
        QVERIFY(m_shell->tray());
        m_shell->tray()->menu()->quitAction()->trigger();
    } else {
        m_window->quitAction()->trigger();
    }

    // At once, before any event loop ends: the application may not get to serve the clipboard later.
    QVERIFY(!m_clipboard->isHoldingOurText());
    QVERIFY(QGuiApplication::clipboard()->text() != secret);
    QCOMPARE(m_clipboard->secondsLeft(), 0);
}

void TestDesktopShell::quitLeavesTheUsersOwnCopy() {
    build(false);
    m_clipboard->copy(u"Bearer sk-live-not-a-real-token-0123456789"_s, u"Header line"_s);
    QGuiApplication::clipboard()->setText(u"something the user copied"_s);
    m_window->quitAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"something the user copied"_s);
}

void TestDesktopShell::settingsDialogIsOneWindow() {
    build(false);
    QVERIFY(!m_shell->settingsDialog());
    Q_EMIT m_window->settingsRequested();
    SettingsDialog *first = m_shell->settingsDialog();
    QVERIFY(first);
    QTRY_VERIFY(first->isVisible());
    Q_EMIT m_window->settingsRequested();
    QCOMPARE(m_shell->settingsDialog(), first);
}

void TestDesktopShell::closeToTrayOnlyWithATray() {
    AppSettings::Values values = m_settings->values();
    values.closeToTray = true;
    m_settings->setValues(values);

    build(false);
    QVERIFY(!m_shell->tray());
    QVERIFY(!m_window->keepsRunningInTray());
    QVERIFY(!m_shell->startsInTray());

    m_shell.reset();
    build(true);
    QVERIFY(m_shell->tray());
    QVERIFY(m_window->keepsRunningInTray());
    values.closeToTray = false;
    m_settings->setValues(values);
    QVERIFY(!m_window->keepsRunningInTray());
}

QTEST_MAIN(TestDesktopShell)
#include "tst_desktopshell.moc"
