// The main window driven as a person would, offscreen, against the demo providers: add an account through
// the dialog, log in, watch the countdown move (injected clock), copy a token and a header line, see the
// clipboard cleared, remove with confirmation, see a failed login on its row. Sorting and the saved layout:
// tst_mainwindowsort; the table's cell delegate: tst_textcelldelegate; what start-up builds and reads:
// tst_mainwindowstartup.
#include "MainWindowTest.h"

#include "AccountDialog.h"
#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "Confirm.h"
#include "DetailsPanel.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

class TestMainWindow : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateOffersToAdd();
    void addAccountThroughTheDialog();
    void duplicateIsANewAccount();
    void loginAndWatchTheCountdown();
    void copyTokenAndHeaderLine();
    void removeAsksFirst();
    void failedLoginShowsOnTheRow();
    void bannerCountsEveryFailure();
    void searchFilters();
    void accessibleNamesTellPartsApart();
    void baseUrlElidedAtItsEnd();
    void multiSelectionLogsInEach();
    void screenshots();

private:
    QModelIndex cell(const QString &id, int column) const;
};

void TestMainWindow::init()
{
    setUp(GuiFixture::Editor | GuiFixture::Server | GuiFixture::ManualTime);
}

void TestMainWindow::cleanup()
{
    tearDown();
}

QModelIndex TestMainWindow::cell(const QString &id, int column) const
{
    const int row = m_gui->window->model()->rowOf(id);
    return m_gui->window->proxy()->mapFromSource(m_gui->window->model()->index(row, column));
}

void TestMainWindow::emptyStateOffersToAdd()
{
    auto *stack = m_gui->window->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 1);
    QPushButton *add = nullptr;
    for (QPushButton *b : stack->currentWidget()->findChildren<QPushButton *>())
        add = b;
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible());
    m_gui->editor->currentDialog()->reject();
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    QCOMPARE(stack->currentIndex(), 0);
}

void TestMainWindow::addAccountThroughTheDialog()
{
    m_gui->window->actions()->addAction()->trigger();
    AccountDialog *dialog = m_gui->editor->currentDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *provider = dialog->findChild<QComboBox *>(QStringLiteral("provider"));
    QVERIFY(provider);
    provider->setCurrentIndex(provider->findText(QStringLiteral("B2B API")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("prod-b2b"));
    auto *baseUrl = dialog->findChild<QComboBox *>(QStringLiteral("baseUrl"));
    baseUrl->lineEdit()->clear();
    QTest::keyClicks(baseUrl->lineEdit(), m_gui->server->baseUrl(QStringLiteral("b2b-api")).toString());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("demo-b2b"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-b2b-password"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    QTRY_COMPARE(m_gui->window->model()->rowCount(), 1);
    const QString id = m_gui->window->model()->accountId(0);
    const Account a = m_gui->core->accounts()->account(id).value();
    QCOMPARE(a.name, QStringLiteral("prod-b2b"));
    QCOMPARE(a.providerId, QStringLiteral("b2b-api"));
    QCOMPARE(a.username, QStringLiteral("demo-b2b"));
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QCOMPARE(memory->peek(id, SecretKind::Credential).value_or(QByteArray()), QByteArrayLiteral("demo-b2b-password"));
    // The new account is selected and can log in straight away.
    QTRY_COMPARE(m_gui->window->actions()->selectedIds(), QStringList{id});
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
}

// Ctrl+D opens the dialog for a new account filled from the selected one: not titled or confirmed as an
// edit of the copy, and OK adds a second account with the original's credential.
void TestMainWindow::duplicateIsANewAccount()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    m_gui->select(id);
    m_gui->window->actions()->duplicateAction()->trigger();
    AccountDialog *dialog = m_gui->editor->currentDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Duplicate Account"));
    QPushButton *ok = GuiFixture::okButton(dialog);
    QCOMPARE(ok->text(), QStringLiteral("Add Account"));
    QTRY_VERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_gui->window->model()->rowCount(), 2);
    const QString original = m_gui->core->accounts()->account(id)->name;
    QStringList names;
    for (const Account &a : m_gui->core->accounts()->accounts())
        names.append(a.name);
    names.sort();
    QCOMPARE(names, (QStringList{original, original + QStringLiteral(" (copy)")}));
}

void TestMainWindow::loginAndWatchTheCountdown()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    m_gui->select(id);
    QCOMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::SignedOut));
    QVERIFY(m_gui->window->actions()->loginAction()->isEnabled());
    QVERIFY(!m_gui->window->actions()->logoutAction()->isEnabled());
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::Valid));
    QVERIFY(m_gui->window->actions()->logoutAction()->isEnabled());

    const QDateTime expires = cell(id, AccountModel::AccessExpiryColumn).data(AccountModel::ExpiresAtRole).toDateTime();
    m_gui->clock->set(expires.addSecs(-125));
    m_gui->window->tick();
    QCOMPARE(cell(id, AccountModel::AccessExpiryColumn).data().toString(), QStringLiteral("2:05"));
    m_gui->clock->advance(10'000);
    m_gui->window->tick();
    QCOMPARE(cell(id, AccountModel::AccessExpiryColumn).data().toString(), QStringLiteral("1:55"));
    // The details read the new token from the keychain on their own; under load that can come after the ticks.
    QTRY_VERIFY(m_gui->window->details()->text().contains(QStringLiteral("JWT claims")));
    QVERIFY(m_gui->window->details()->text().contains(QStringLiteral("tokendesk-demo/partner-api")));
}

void TestMainWindow::copyTokenAndHeaderLine()
{
    m_gui->clipboard->setClearAfterSeconds(1);
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    m_gui->select(id);
    QApplication::setActiveWindow(m_gui->window.get());
    m_gui->window->table()->setFocus();
    // One keystroke: Ctrl+C logs in first when needed, then copies.
    QTest::keySequence(m_gui->window.get(), QKeySequence::Copy);
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().isEmpty());
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    const QByteArray token = memory->peek(id, SecretKind::AccessToken).value_or(QByteArray());
    QVERIFY(!token.isEmpty());
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(token));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArrayLiteral("secret"));

    QTest::keySequence(m_gui->window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("R-Auth: ") + QString::fromLatin1(token));
    // Cleared after the timeout, because it still holds what TokenDesk put there.
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
}

void TestMainWindow::removeAsksFirst()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QString other = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    m_gui->select(id);
    Confirm::setNextAnswer(false);
    m_gui->window->actions()->removeAction()->trigger();
    QCOMPARE(m_gui->window->model()->rowCount(), 2);
    Confirm::setNextAnswer(true);
    m_gui->window->actions()->removeAction()->trigger();
    QTRY_COMPARE(m_gui->window->model()->rowCount(), 1);
    QCOMPARE(m_gui->window->model()->accountId(0), other);
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QVERIFY(!memory->contains(id, SecretKind::Credential));
    QVERIFY(memory->contains(other, SecretKind::Credential));
}

void TestMainWindow::failedLoginShowsOnTheRow()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), QByteArrayLiteral("wrong-password"));
    const QString ok = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::Failed));
    const QString tip = cell(id, AccountModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Wrong username or password")), qPrintable(tip));
    QTRY_VERIFY(m_gui->window->bannerText().contains(QStringLiteral("demo-kyc")));
    QVERIFY(m_gui->window->bannerText().contains(QStringLiteral("Wrong username or password")));
    // Nothing modal: the other account logs in meanwhile.
    QVERIFY(!QApplication::activeModalWidget());
    m_gui->select(ok);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(ok), TokenState::Valid);
    m_gui->window->attentionFilter()->setChecked(true);
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
}

// "Log in all" with five failures: the banner says how many and names the first ones, not only the last
// failure's message; dismissed, the next single failure is its own message again.
void TestMainWindow::bannerCountsEveryFailure()
{
    QStringList ids;
    for (int i = 1; i <= 5; ++i)
        ids.append(m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), QByteArrayLiteral("wrong-password"),
                                         QStringLiteral("Bad %1").arg(i)));
    m_gui->window->actions()->loginAllAction()->trigger();
    QTRY_VERIFY2(m_gui->window->bannerText().contains(QStringLiteral("failed: Bad ")),
                 qPrintable(m_gui->window->bannerText()));
    QVERIFY2(m_gui->window->bannerText().startsWith(QStringLiteral("5 account")), qPrintable(m_gui->window->bannerText()));
    QVERIFY2(m_gui->window->bannerText().contains(QStringLiteral(" and 2 more")), qPrintable(m_gui->window->bannerText()));

    auto *dismiss = m_gui->window->findChild<QWidget *>(QStringLiteral("banner"))->findChild<QToolButton *>();
    QVERIFY(dismiss);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(m_gui->window->bannerText().isEmpty());
    m_gui->select(ids.first());
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY(m_gui->window->bannerText().contains(QStringLiteral("Wrong username or password")));
    QVERIFY(m_gui->window->bannerText().contains(QStringLiteral("Bad 1")));
}

void TestMainWindow::searchFilters()
{
    m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    m_gui->addDemoAccount(QStringLiteral("kyc-jwt"));
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("quad"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
    m_gui->window->searchField()->clear();
    QCOMPARE(m_gui->window->proxy()->rowCount(), 3);
}

// A screen reader tells the tool bar from the account table, and names the search field's clear button.
void TestMainWindow::accessibleNamesTellPartsApart()
{
    const auto name = [](QObject *o) {
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(o);
        return a ? a->text(QAccessible::Name) : QString();
    };
    auto *toolBar = m_gui->window->findChild<QToolBar *>(QStringLiteral("accountsToolBar"));
    auto *table = m_gui->window->findChild<QTableView *>(QStringLiteral("accountTable"));
    QVERIFY(toolBar && table);
    QVERIFY(!name(toolBar).isEmpty());
    QCOMPARE(name(table), QStringLiteral("Accounts"));
    QVERIFY2(name(toolBar) != name(table), qPrintable(name(toolBar)));

    QLineEdit *search = m_gui->window->searchField();
    QTest::keyClicks(search, QStringLiteral("x")); // the clear button shows with text
    QToolButton *clear = nullptr;
    for (QToolButton *b : search->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->objectName() == QLatin1String("_q_qlineeditclearaction"))
            clear = b;
    }
    QVERIFY(clear);
    QCOMPARE(name(clear), QStringLiteral("Clear search"));
}

// A base URL too wide for its column is elided at its end, keeping the scheme and host, whatever the
// table's mode for the other columns: the cell looks the same with the table's mode at middle or right.
void TestMainWindow::baseUrlElidedAtItsEnd()
{
    m_gui->addDemoAccount(QStringLiteral("partner-api"));
    auto *table = m_gui->window->findChild<QTableView *>(QStringLiteral("accountTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setColumnWidth(AccountModel::BaseUrlColumn, 80);
    const QModelIndex cell = table->model()->index(0, AccountModel::BaseUrlColumn);
    QVERIFY(table->fontMetrics().horizontalAdvance(cell.data().toString()) > 80); // elided
    table->clearSelection();
    table->setCurrentIndex({});
    const auto grab = [&] {
        table->viewport()->update();
        return table->viewport()->grab(table->visualRect(cell)).toImage();
    };
    table->setTextElideMode(Qt::ElideMiddle);
    const QImage middle = grab();
    table->setTextElideMode(Qt::ElideRight);
    const QImage right = grab();
    QCOMPARE(middle, right);
}

void TestMainWindow::multiSelectionLogsInEach()
{
    const QString a = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QString b = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"));
    const QString c = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    m_gui->window->table()->selectAll();
    QCOMPARE(m_gui->window->actions()->selectedIds().size(), 3);
    QVERIFY(!m_gui->window->actions()->editAction()->isEnabled()); // one account only
    QVERIFY(!m_gui->window->actions()->copyTokenAction()->isEnabled());
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY(m_gui->core->tokens()->state(a) == TokenState::Valid &&
                m_gui->core->tokens()->state(b) == TokenState::Valid &&
                m_gui->core->tokens()->state(c) == TokenState::Valid);
    m_gui->window->actions()->logoutAction()->trigger();
    QTRY_VERIFY(m_gui->core->tokens()->state(a) == TokenState::SignedOut &&
                m_gui->core->tokens()->state(b) == TokenState::SignedOut &&
                m_gui->core->tokens()->state(c) == TokenState::SignedOut);
}

void TestMainWindow::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    for (const DemoAccount &d : DemoServer::demoAccounts())
        m_gui->core->tokens()->login(m_gui->addDemoAccount(d.presetId));
    QTRY_VERIFY(m_gui->core->tokens()->state(m_gui->window->model()->accountId(4)) == TokenState::Valid);
    m_gui->window->table()->selectRow(1);
    QTest::qWait(200);
    QVERIFY(m_gui->window->grab().save(dir + QStringLiteral("/main-window.png")));
    m_gui->window->actions()->editAction()->trigger();
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible());
    QVERIFY(m_gui->editor->currentDialog()->grab().save(dir + QStringLiteral("/account-dialog.png")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
