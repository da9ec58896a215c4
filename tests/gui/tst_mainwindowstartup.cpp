// The main window's start-up: the empty page and the auth-header panel are built only when first needed,
// the table's header appears with the first row, and no secret is read before the details are painted.
#include "MainWindowTest.h"

#include "AccountModel.h"
#include "AuthHeaderPanel.h"
#include "DetailsPanel.h"
#include "WrappingLabel.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QHeaderView>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

class TestMainWindowStartup : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void partsBuiltWhenFirstNeeded();
    void emptyPageHintIsWhole();
    void headerShownWithTheFirstRow();
    void tokenReadOnceDetailsArePainted();
    void noReadWhenClearedBeforePaint();
};

void TestMainWindowStartup::init()
{
    setUp(GuiFixture::Editor | GuiFixture::Server | GuiFixture::ManualTime);
}

void TestMainWindowStartup::cleanup()
{
    tearDown();
}

// The empty page and the auth-header panel are built when first needed, not at start-up: a window that
// starts with accounts has neither until there is no account left or an account with auth headers is shown.
void TestMainWindowStartup::partsBuiltWhenFirstNeeded()
{
    QVERIFY(m_gui->window->emptyPage()); // started with no account: shown at once
    QCOMPARE(m_gui->window->findChild<QStackedWidget *>()->currentWidget(), m_gui->window->emptyPage());

    const QString quadrata = m_gui->addDemoAccount(QStringLiteral("quadrata")); // no auth headers
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.emptyPage());
    QVERIFY(!window.authHeaders());
    QVERIFY(!window.isAuthHeaderTabVisible());
    QCOMPARE(window.detailsTabs()->count(), 1);
    QCOMPARE(window.detailsTabs()->currentWidget(), window.details());
    QCOMPARE(window.actions()->selectedIds(), QStringList{quadrata});
    QVERIFY(window.details()->text().contains(m_gui->core->accounts()->account(quadrata)->name));

    // An account with auth headers: the panel appears, for that account, its tab shown but not opened.
    const QString withHeaders = m_gui->addDemoAccount(QStringLiteral("user-authheader"));
    window.selectAccount(withHeaders);
    QVERIFY(window.authHeaders());
    QCOMPARE(window.authHeaders()->accountId(), withHeaders);
    QVERIFY(window.isAuthHeaderTabVisible());
    QCOMPARE(window.detailsTabs()->currentWidget(), window.details());
    window.detailsTabs()->setCurrentWidget(window.authHeaders());
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    window.selectAccount(quadrata);
    QVERIFY(!window.isAuthHeaderTabVisible());
    QCOMPARE(window.detailsTabs()->currentWidget(), window.details());

    // The last account gone: the empty page, built now.
    QVERIFY(m_gui->core->accounts()->remove(quadrata));
    QVERIFY(m_gui->core->accounts()->remove(withHeaders));
    QTRY_COMPARE(window.model()->rowCount(), 0);
    QTRY_VERIFY(window.emptyPage());
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.emptyPage());
    QVERIFY(window.emptyPage()->isVisible());
}

// The empty page's paragraph is shown whole: as wide as it may be (460 px) and as tall as its text needs at
// that width. Centred by an alignment flag it was narrowed after its height was taken for a wider line, and
// cut off.
void TestMainWindowStartup::emptyPageHintIsWhole()
{
    QVERIFY(m_gui->window->emptyPage());
    QTRY_VERIFY(m_gui->window->emptyPage()->isVisible());
    const auto *hint = m_gui->window->emptyPage()->findChild<WrappingLabel *>();
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->width(), hint->maximumWidth());
    QVERIFY2(hint->height() >= hint->heightForWidth(hint->width()),
             qPrintable(QStringLiteral("%1 px tall, needs %2").arg(hint->height()).arg(hint->heightForWidth(hint->width()))));
}

// The table's header is left hidden while the empty page stands in for the table (a visible one measures its
// labels at start-up), and is there, with its height, once the table shows a row.
void TestMainWindowStartup::headerShownWithTheFirstRow()
{
    auto *table = m_gui->window->findChild<QTableView *>(QStringLiteral("accountTable"));
    QVERIFY(table);
    QVERIFY(table->horizontalHeader()->isHidden());
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    QTRY_VERIFY(table->isVisible());
    QTRY_VERIFY(table->horizontalHeader()->isVisible());
    QCOMPARE(table->horizontalHeader()->height(), table->horizontalHeader()->sizeHint().height());
    QVERIFY(table->horizontalHeader()->sizeHint().height() > table->fontMetrics().height());
    QCOMPARE(table->viewport()->geometry().top(), table->horizontalHeader()->geometry().bottom() + 1);
}

// Start-up reads no secret: the selected account's token is read for its details once the panel has been
// painted, so the window's first frame never waits for the keychain, and a window never shown reads none.
void TestMainWindowStartup::tokenReadOnceDetailsArePainted()
{
    auto *secrets = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QVERIFY(secrets);
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    QTRY_VERIFY(m_gui->window->details()->text().contains(QStringLiteral("JWT claims")));
    QTest::qWait(50); // the shown window's own reads are done

    const int reads = secrets->callCount();
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    QCOMPARE(window.details()->accountId(), id); // selected and shown in the details, token not read
    QVERIFY(window.details()->text().contains(m_gui->core->accounts()->account(id)->name));
    QTest::qWait(50);
    QCOMPARE(secrets->callCount(), reads);
    QVERIFY(!window.details()->text().contains(QStringLiteral("JWT claims")));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.details()->text().contains(QStringLiteral("JWT claims")));
    QCOMPARE(secrets->callCount(), reads + 1);
}

// A selection cleared before the panel's first paint leaves no read behind: nothing asks the keychain for
// an account that is no longer shown (or for the empty id).
void TestMainWindowStartup::noReadWhenClearedBeforePaint()
{
    auto *secrets = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    QCOMPARE(window.details()->accountId(), id);
    window.details()->showAccount({});
    const int reads = secrets->callCount();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(200); // the queued read would have run by now
    QCOMPARE(secrets->callCount(), reads);
}

QTEST_MAIN(TestMainWindowStartup)
#include "tst_mainwindowstartup.moc"
