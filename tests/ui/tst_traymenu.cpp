// The tray's menu and tooltip, offscreen (no system tray there, so the objects are driven directly): the
// soonest expiries in order with their time left, copying a token or header line through the clipboard
// guard, show/hide, Settings… and Quit; and the window kept running in the tray when closed.
#include "GuiFixture.h"

#include "TrayIcon.h"
#include "TrayMenu.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

#include <memory>

class TestTrayMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsTheSoonestExpiriesInOrder();
    void emptyWithoutTokens();
    void timeLeftNeverOverstates();
    void copiesTokenAndHeaderLineThroughTheGuard();
    void showHideToggles();
    void settingsAndQuit();
    void toolTipListsTheSoonest();
    void closingKeepsRunningInTheTrayWhenAsked();

private:
    QString addTokenAccount(const QString &name, qint64 expiresInSecs);
    static QAction *find(QMenu *menu, const QString &textStart);

    std::unique_ptr<GuiFixture> m_gui;
};

void TestTrayMenu::init()
{
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | GuiFixture::Server | GuiFixture::ManualTime);
    m_gui->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_gui->window.get()));
}

void TestTrayMenu::cleanup()
{
    m_gui.reset();
    QGuiApplication::clipboard()->clear();
}

QString TestTrayMenu::addTokenAccount(const QString &name, qint64 expiresInSecs)
{
    Account a;
    a.id = Account::newId();
    a.name = name;
    a.providerId = QStringLiteral("quadrata");
    a.baseUrl = m_gui->server->baseUrl(QStringLiteral("quadrata"));
    a.token.hasAccessToken = true;
    a.token.accessObtainedAt = m_gui->clock->now();
    a.token.accessExpiresAt = m_gui->clock->now().addSecs(expiresInSecs);
    a.token.lastState = TokenState::Valid;
    const auto added = m_gui->core->accounts()->add(a);
    return added.ok ? a.id : QString();
}

QAction *TestTrayMenu::find(QMenu *menu, const QString &textStart)
{
    for (QAction *a : menu->actions()) {
        if (a->text().remove(QLatin1Char('&')).startsWith(textStart))
            return a;
    }
    return nullptr;
}

void TestTrayMenu::listsTheSoonestExpiriesInOrder()
{
    // Eight tokens in shuffled order, one account signed out, one with a "&" in its name.
    const QList<int> minutes{50, 5, 240, 15, 30, 90, 2, 600};
    QStringList ids;
    for (int i = 0; i < minutes.size(); ++i)
        ids.append(addTokenAccount(QStringLiteral("acct-%1").arg(minutes[i]), qint64(minutes[i]) * 60));
    Account signedOut;
    signedOut.id = Account::newId();
    signedOut.name = QStringLiteral("signed-out");
    signedOut.providerId = QStringLiteral("quadrata");
    signedOut.baseUrl = m_gui->server->baseUrl(QStringLiteral("quadrata"));
    QVERIFY(m_gui->core->accounts()->add(signedOut));
    const QString expired = addTokenAccount(QStringLiteral("R&D"), -10);

    TrayMenu menu(m_gui->core->accounts(), m_gui->clock.get(), m_gui->window->actions(), m_gui->window.get());
    menu.rebuild();
    const QList<QAction *> entries = menu.accountActions();
    QCOMPARE(entries.size(), TrayMenu::kMaxAccounts);
    QStringList texts;
    for (QAction *a : entries)
        texts.append(a->text());
    QCOMPARE(texts.first(), QStringLiteral("R&&D — expired")); // a mnemonic-free "&"
    QCOMPARE(entries.first()->data().toString(), expired);
    QCOMPARE(texts.at(1), QStringLiteral("acct-2 — 2 min left"));
    QCOMPARE(texts.at(2), QStringLiteral("acct-5 — 5 min left"));
    QCOMPARE(texts.at(3), QStringLiteral("acct-15 — 15 min left"));
    QCOMPARE(texts.at(4), QStringLiteral("acct-30 — 30 min left"));
    QCOMPARE(texts.at(5), QStringLiteral("acct-50 — 50 min left"));
    for (QAction *a : entries) {
        QVERIFY(a->menu());
        QVERIFY(find(a->menu(), QStringLiteral("Copy token")));
        QVERIFY(find(a->menu(), QStringLiteral("Copy header line")));
    }

    // Time moves on; the menu shows it the next time it opens, and rebuilding does not pile up submenus.
    m_gui->clock->advance(4 * 60 * 1000);
    const int childMenus = int(menu.findChildren<QMenu *>().size());
    Q_EMIT menu.aboutToShow();
    QCOMPARE(menu.accountActions().at(1)->text(), QStringLiteral("acct-2 — expired"));
    QCOMPARE(menu.accountActions().at(2)->text(), QStringLiteral("acct-5 — 1 min left"));
    QCOMPARE(int(menu.findChildren<QMenu *>().size()), childMenus);
    QVERIFY(menu.actions().contains(menu.quitAction()));
}

void TestTrayMenu::emptyWithoutTokens()
{
    TrayMenu menu(m_gui->core->accounts(), m_gui->clock.get(), m_gui->window->actions(), m_gui->window.get());
    QVERIFY(menu.accountActions().isEmpty());
    QVERIFY(find(&menu, QStringLiteral("No tokens yet")));
    QVERIFY(menu.toolTipText().contains(QStringLiteral("No tokens yet")));
}

void TestTrayMenu::timeLeftNeverOverstates()
{
    QCOMPARE(TrayMenu::timeLeft(-5), QStringLiteral("expired"));
    QCOMPARE(TrayMenu::timeLeft(0), QStringLiteral("expired"));
    QCOMPARE(TrayMenu::timeLeft(59), QStringLiteral("less than a minute left"));
    QCOMPARE(TrayMenu::timeLeft(150), QStringLiteral("2 min left")); // 2:30 is not "3 min"
    QCOMPARE(TrayMenu::timeLeft(3599), QStringLiteral("59 min left"));
    QCOMPARE(TrayMenu::timeLeft(2 * 3600 + 1800), QStringLiteral("2 h left"));
    QCOMPARE(TrayMenu::timeLeft(3 * 86400), QStringLiteral("3 days left"));
}

void TestTrayMenu::copiesTokenAndHeaderLineThroughTheGuard()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    m_gui->core->tokens()->login(id);
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    const QByteArray token = memory->peek(id, SecretKind::AccessToken).value_or(QByteArray());
    QVERIFY(!token.isEmpty());

    TrayMenu menu(m_gui->core->accounts(), m_gui->clock.get(), m_gui->window->actions(), m_gui->window.get());
    Q_EMIT menu.aboutToShow();
    QCOMPARE(menu.accountActions().size(), 1);
    QMenu *submenu = menu.accountActions().first()->menu();
    QSignalSpy countdown(m_gui->clipboard.get(), &ClipboardGuard::countdown);
    find(submenu, QStringLiteral("Copy token"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(token));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArrayLiteral("secret"));
    QVERIFY(m_gui->clipboard->isHoldingOurText()); // the guard will clear it
    QVERIFY(countdown.count() >= 1);

    find(submenu, QStringLiteral("Copy header line"))->trigger();
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("R-Auth: ") + QString::fromLatin1(token));
    QVERIFY(m_gui->clipboard->isHoldingOurText());
    m_gui->clipboard->clearNow(); // as on quit
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestTrayMenu::showHideToggles()
{
    TrayMenu menu(m_gui->core->accounts(), m_gui->clock.get(), m_gui->window->actions(), m_gui->window.get());
    Q_EMIT menu.aboutToShow();
    QCOMPARE(menu.toggleWindowAction()->text(), QStringLiteral("&Hide TokenDesk"));
    menu.toggleWindowAction()->trigger();
    QVERIFY(!m_gui->window->isVisible());
    Q_EMIT menu.aboutToShow();
    QCOMPARE(menu.toggleWindowAction()->text(), QStringLiteral("&Show TokenDesk"));
    menu.toggleWindowAction()->trigger();
    QVERIFY(m_gui->window->isVisible());
    // A minimised window comes back too.
    m_gui->window->showMinimized();
    Q_EMIT menu.aboutToShow();
    QCOMPARE(menu.toggleWindowAction()->text(), QStringLiteral("&Show TokenDesk"));
    menu.toggleWindowAction()->trigger();
    QVERIFY(m_gui->window->isVisible());
    QVERIFY(!m_gui->window->isMinimized());
}

void TestTrayMenu::settingsAndQuit()
{
    TrayMenu menu(m_gui->core->accounts(), m_gui->clock.get(), m_gui->window->actions(), m_gui->window.get());
    QSignalSpy settings(&menu, &TrayMenu::settingsRequested);
    QSignalSpy quit(&menu, &TrayMenu::quitRequested);
    Q_EMIT menu.aboutToShow(); // rebuilt (twice) as a person opens it, and still connected
    Q_EMIT menu.aboutToShow();
    QVERIFY(menu.actions().contains(menu.settingsAction()));
    menu.settingsAction()->trigger();
    QCOMPARE(settings.count(), 1);
    QCOMPARE(quit.count(), 0);
    menu.quitAction()->trigger();
    QCOMPARE(quit.count(), 1);
}

void TestTrayMenu::toolTipListsTheSoonest()
{
    addTokenAccount(QStringLiteral("later"), 3600);
    addTokenAccount(QStringLiteral("sooner"), 600);
    TrayIcon tray(m_gui->core->accounts(), m_gui->core->tokens(), m_gui->clock.get(),
                  m_gui->window->actions(), m_gui->window.get());
    QVERIFY(!tray.icon()->icon().isNull()); // the application's icon, or a standard one
    const QString tip = tray.icon()->toolTip();
    QVERIFY2(tip.startsWith(QStringLiteral("TokenDesk\n")), qPrintable(tip));
    QVERIFY2(tip.indexOf(QStringLiteral("sooner — 10 min left")) >= 0, qPrintable(tip));
    QVERIFY(tip.indexOf(QStringLiteral("sooner")) < tip.indexOf(QStringLiteral("later")));
    // A change shows within the coalescing delay, not at once per change.
    addTokenAccount(QStringLiteral("soonest"), 60);
    QVERIFY(!tray.icon()->toolTip().contains(QStringLiteral("soonest")));
    QTRY_VERIFY_WITH_TIMEOUT(tray.icon()->toolTip().contains(QStringLiteral("soonest — 1 min left")), 3000);
}

void TestTrayMenu::closingKeepsRunningInTheTrayWhenAsked()
{
    QSignalSpy quit(m_gui->window.get(), &MainWindow::quitRequested);
    QSignalSpy hidden(m_gui->window.get(), &MainWindow::hiddenToTray);
    m_gui->window->setKeepRunningInTray(true);
    QVERIFY(!m_gui->window->close()); // refused: hidden instead
    QVERIFY(!m_gui->window->isVisible());
    QCOMPARE(hidden.count(), 1);
    QCOMPARE(quit.count(), 0);
    m_gui->window->quitAction()->trigger(); // Quit still quits
    QCOMPARE(quit.count(), 1);

    m_gui->window->show();
    m_gui->window->setKeepRunningInTray(false); // the setting off, or no tray: closing quits as before
    QVERIFY(m_gui->window->close());
    QCOMPARE(quit.count(), 2);
    QCOMPARE(hidden.count(), 1);
}

QTEST_MAIN(TestTrayMenu)
#include "tst_traymenu.moc"
