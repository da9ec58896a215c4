// The auth-header panel around its list, offscreen, against the in-process demo providers: filter and
// sort, a network error shown inline, answers for an account no longer shown are dropped, and the main
// window's tab, shown only where the provider has the feature, and the keys of its list there (Del, Ctrl+C
// and Ctrl+Shift+C act on the selected auth header, not on the account); and the panel's screenshots (with
// TOKENDESK_SCREENSHOT_DIR set). Adding, copying, deleting and rotating: tst_authheaderpanel.
#include "AuthHeaderPanelTest.h"

#include "AccountActions.h"
#include "Confirm.h"
#include "DetailsPanel.h"
#include "accounts/AccountStore.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"

#include <QAccessible>
#include <QAction>
#include <QToolButton>
#include <QHeaderView>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

class TestAuthHeaderPanelView : public AuthHeaderPanelTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void filterAndSort();
    void networkErrorShowsInline();
    void answersForAnotherAccountAreDropped();
    void tabOnlyForProvidersWithTheFeature();
    void keysInTheListActOnTheHeader();
    void refusedPasswordIsNotSentAgain();
    void refusedPasswordOutlivesLogout();
    void screenshots();
};

void TestAuthHeaderPanelView::init()
{
    setUp();
}

void TestAuthHeaderPanelView::cleanup()
{
    tearDown();
}

void TestAuthHeaderPanelView::filterAndSort()
{
    for (const QString &name : {QStringLiteral("build-b"), QStringLiteral("Alpha"), QStringLiteral("build-a")}) {
        addThroughWidgets(name);
        m_gui->clock->advance(1000);
    }
    auto *filter = child<QLineEdit>(QStringLiteral("authHeaderFilter"));
    QTest::keyClicks(filter, QStringLiteral("build"));
    QCOMPARE(m_panel->proxy()->rowCount(), 2);
    QToolButton *clear = nullptr; // named for a screen reader
    for (QToolButton *b : filter->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->objectName() == QLatin1String("_q_qlineeditclearaction"))
            clear = b;
    }
    QVERIFY(clear);
    QCOMPARE(QAccessible::queryAccessibleInterface(clear)->text(QAccessible::Name), QStringLiteral("Clear filter"));
    filter->clear();
    QCOMPARE(m_panel->proxy()->rowCount(), 3);

    QHeaderView *header = m_panel->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(AuthHeaderModel::NameColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(AuthHeaderModel::NameColumn));
    const auto names = [this] {
        QStringList list;
        for (int row = 0; row < m_panel->proxy()->rowCount(); ++row)
            list.append(m_panel->proxy()->index(row, AuthHeaderModel::NameColumn).data().toString());
        return list;
    };
    const QStringList byName{QStringLiteral("Alpha"), QStringLiteral("build-a"), QStringLiteral("build-b")};
    if (header->sortIndicatorOrder() == Qt::AscendingOrder)
        QCOMPARE(names(), byName);
    else
        QCOMPARE(names(), QStringList(byName.crbegin(), byName.crend()));
}

void TestAuthHeaderPanelView::networkErrorShowsInline()
{
    m_gui->server->close();
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->messageText().isEmpty(), 15000);
    QVERIFY2(m_panel->messageText().contains(QStringLiteral("Could not load")), qPrintable(m_panel->messageText()));
    QVERIFY(!m_panel->isBusy());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(child<QToolButton>(QStringLiteral("refreshAuthHeaders"))->isEnabled());
}

void TestAuthHeaderPanelView::answersForAnotherAccountAreDropped()
{
    addThroughWidgets(QStringLiteral("ci-runner"));
    click(QStringLiteral("newTokenDone"));
    const QString second =
        m_gui->addDemoAccount(QStringLiteral("user-authheader"), {}, QStringLiteral("demo-user-2"));
    click(QStringLiteral("refreshAuthHeaders"));
    m_panel->setAccount(second); // before the answer arrives
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->model()->rowCount(), 0);
    // Once a later call has had its answer, the earlier one has had its own: it must not have been shown.
    QTRY_COMPARE(listRequests(), 1);
    QCOMPARE(listAtProvider().size(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(m_panel->messageText().isEmpty());
}

void TestAuthHeaderPanelView::tabOnlyForProvidersWithTheFeature()
{
    m_panel.reset();
    const QString quadrata = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.detailsTabs();

    window.selectAccount(quadrata);
    QVERIFY(!window.isAuthHeaderTabVisible());
    window.selectAccount(m_account);
    QVERIFY(window.isAuthHeaderTabVisible());
    QCOMPARE(tabs->currentWidget(), window.details()); // shown, not opened
    QCOMPARE(listRequests(), 0);

    // Opening the tab loads the list.
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(window.authHeaders())).center());
    QCOMPARE(tabs->currentWidget(), window.authHeaders());
    QTRY_COMPARE(listRequests(), 1);
    QTRY_VERIFY(!window.authHeaders()->isBusy());

    // Another account while it is open: reloaded for that one.
    const QString second =
        m_gui->addDemoAccount(QStringLiteral("user-authheader"), {}, QStringLiteral("demo-user-2"));
    window.selectAccount(second);
    QCOMPARE(window.authHeaders()->accountId(), second);
    QTRY_COMPARE(listRequests(), 2);

    // An account without the feature hides the tab and falls back to the details.
    window.selectAccount(quadrata);
    QVERIFY(!window.isAuthHeaderTabVisible());
    QCOMPARE(tabs->currentWidget(), window.details());
    QVERIFY(!window.authHeaders()->isBusy()); // nothing was asked of the provider
}

// A black-box test found Del in the window's auth-header list asking to remove the account, and Ctrl+C
// copying the account's short-lived token while an auth header was selected.
void TestAuthHeaderPanelView::keysInTheListActOnTheHeader()
{
    addThroughWidgets(QStringLiteral("alpha"));
    addThroughWidgets(QStringLiteral("beta"));
    click(QStringLiteral("newTokenDone"));
    m_panel.reset();
    QByteArray beta;
    for (const AuthHeader &h : listAtProvider())
        beta = h.name == QStringLiteral("beta") ? h.token : beta;
    QVERIFY(!beta.isEmpty());

    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.selectAccount(m_account);
    window.detailsTabs()->setCurrentWidget(window.authHeaders());
    QTRY_COMPARE(window.authHeaders()->model()->rowCount(), 2);
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    QTableView *table = window.authHeaders()->table();
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        row = table->model()->index(r, AuthHeaderModel::NameColumn).data().toString() == QStringLiteral("beta") ? r : row;
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(row, AuthHeaderModel::NameColumn)).center());
    QTRY_VERIFY(table->hasFocus());

    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(beta));
    QVERIFY(m_gui->clipboard->isHoldingOurText()); // through the guard, which clears it again
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(beta));
    QVERIFY(m_gui->clipboard->isHoldingOurText());

    // Del asks about the auth header (answered yes here) and deletes it; the account stays.
    Confirm::setNextAnswer(true);
    QTest::keyClick(table, Qt::Key_Delete);
    QTRY_COMPARE(window.authHeaders()->model()->rowCount(), 1);
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    QVERIFY(m_gui->core->accounts()->account(m_account));
    const QList<AuthHeader> left = listAtProvider();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().name, QStringLiteral("alpha"));

    // With no header selected the keys do nothing, and nothing to the account either.
    table->clearSelection();
    QGuiApplication::clipboard()->clear();
    Confirm::setNextAnswer(false); // should a question come, it is answered "no" (and stays set if none)
    QTest::keyClick(table, Qt::Key_Delete);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QTest::qWait(100);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QCOMPARE(window.authHeaders()->model()->rowCount(), 1);

    // In the account table the account's keys are the account's again.
    window.table()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(window.table()->hasFocus());
    QTest::keyClick(window.table(), Qt::Key_C, Qt::ControlModifier);
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().isEmpty());
    QByteArray accountToken;
    m_gui->core->tokens()->ensureValid(m_account, 0, nullptr,
                                       [&accountToken](const TokenResult &r) { accountToken = r.accessToken; });
    QTRY_VERIFY(!accountToken.isEmpty());
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(accountToken));
}

// The README: TokenDesk never retries a rejected password on its own. Opening the tab for an account whose
// last login was refused sends nothing and says what to do; after a good login the list loads.
void TestAuthHeaderPanelView::refusedPasswordIsNotSentAgain()
{
    m_panel.reset();
    const QString wrong = m_gui->addDemoAccount(QStringLiteral("user-authheader"), QByteArrayLiteral("not-the-password"),
                                                QStringLiteral("wrong-password"));
    bool done = false;
    m_gui->core->tokens()->login(wrong, nullptr, [&done](const TokenResult &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(m_gui->core->accounts()->account(wrong)->token.lastError.kind, AuthError::Kind::CredentialsRejected);
    const auto logins = [this] {
        int n = 0;
        for (const DemoRequest &r : m_gui->server->requests())
            n += r.path.endsWith("/login") ? 1 : 0;
        return n;
    };
    const int loginsBefore = logins();

    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectAccount(wrong);
    QTabWidget *tabs = window.detailsTabs();
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(window.authHeaders())).center());
    QCOMPARE(tabs->currentWidget(), window.authHeaders());
    QVERIFY(!window.authHeaders()->isBusy());
    const QString message = window.authHeaders()->messageText();
    QVERIFY2(message.contains(QStringLiteral("does not send it again")) && message.contains(QStringLiteral("Ctrl+L")),
             qPrintable(message));
    // Nor does the Refresh button.
    window.authHeaders()->refresh();
    QVERIFY(!window.authHeaders()->isBusy());
    QTest::qWait(50);
    QCOMPARE(logins(), loginsBefore);
    QCOMPARE(listRequests(), 0);

    // The right password, then a login the user asks for: the open tab loads its list.
    QByteArray right;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        right = d.presetId == QStringLiteral("user-authheader") ? d.secret : right;
    done = false;
    m_gui->core->secrets()->write(wrong, SecretKind::Credential, right, nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    m_gui->core->tokens()->login(wrong, nullptr, {});
    QTRY_COMPARE(listRequests(), 1);
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    QVERIFY(window.authHeaders()->messageText().isEmpty());
}

// A logout clears the last error, not what the provider said about the password: the tab still sends
// nothing. Only a good login or a new credential ends that.
void TestAuthHeaderPanelView::refusedPasswordOutlivesLogout()
{
    m_panel.reset();
    // Logged in, then the password stored is one the provider refuses at the next login; the old tokens stay.
    bool done = false;
    m_gui->core->tokens()->login(m_account, nullptr, [&done](const TokenResult &) { done = true; });
    QTRY_VERIFY(done);
    done = false;
    m_gui->core->secrets()->write(m_account, SecretKind::Credential, QByteArrayLiteral("not-the-password"), nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    done = false;
    m_gui->core->tokens()->login(m_account, nullptr, [&done](const TokenResult &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(m_gui->core->accounts()->account(m_account)->token.lastError.kind, AuthError::Kind::CredentialsRejected);

    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectAccount(m_account);
    QAction *logout = window.actions()->logoutAction();
    QVERIFY(logout->isEnabled());
    logout->trigger();
    QTRY_COMPARE(m_gui->core->accounts()->account(m_account)->token.lastState, TokenState::SignedOut);
    QVERIFY(!m_gui->core->accounts()->account(m_account)->token.lastError);
    m_gui->server->clearRequests();

    QTabWidget *tabs = window.detailsTabs();
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(window.authHeaders())).center());
    QCOMPARE(tabs->currentWidget(), window.authHeaders());
    QVERIFY(!window.authHeaders()->isBusy());
    const QString message = window.authHeaders()->messageText();
    QVERIFY2(message.contains(QStringLiteral("rejected")) && message.contains(QStringLiteral("F2")),
             qPrintable(message));
    QTest::qWait(50);
    QCOMPARE(m_gui->server->requests().size(), 0);

    // A good login the user asks for ends it (as does a new credential: tst_accounteditor).
    QByteArray right;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        right = d.presetId == QStringLiteral("user-authheader") ? d.secret : right;
    done = false;
    m_gui->core->secrets()->write(m_account, SecretKind::Credential, right, nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(m_gui->core->accounts()->account(m_account)->token.credentialProblem, AuthError::Kind::CredentialsRejected);
    m_gui->core->tokens()->login(m_account, nullptr, {});
    QTRY_COMPARE(listRequests(), 1);
    QCOMPARE(m_gui->core->accounts()->account(m_account)->token.credentialProblem, AuthError::Kind::None);
}

void TestAuthHeaderPanelView::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    for (const QString &name : {QStringLiteral("production-api-key"), QStringLiteral("ci-runner"),
                                QStringLiteral("grafana-agent")})
        addThroughWidgets(name);
    click(QStringLiteral("newTokenDone"));
    selectHeader(QStringLiteral("ci-runner"));
    click(QStringLiteral("revealAuthHeader"));
    selectHeader(QStringLiteral("production-api-key"));
    click(QStringLiteral("rotateAuthHeader"));
    QTRY_VERIFY(!m_panel->newTokenText().isEmpty());
    click(QStringLiteral("newTokenCopyToken"));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/authheader-panel.png")));

    click(QStringLiteral("newTokenDone"));
    m_gui->server->setFault(QStringLiteral("user-authheader"), DemoFault::serverError(503), 1);
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->messageText().isEmpty(), 15000);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/authheader-panel-error.png")));

    // In the main window, as a user sees it first.
    m_panel.reset();
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectAccount(m_account);
    window.detailsTabs()->setCurrentWidget(window.authHeaders());
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    QVERIFY(window.grab().save(dir + QStringLiteral("/main-window-authheaders.png")));
}

QTEST_MAIN(TestAuthHeaderPanelView)
#include "tst_authheaderpanelview.moc"
