// The main window driven as a person would, offscreen, against the demo providers: add an account through
// the dialog, log in, watch the countdown move (injected clock), copy a token and a header line, see the
// clipboard cleared, remove with confirmation, see a failed login on its row.
#include "AccountActions.h"
#include "AccountDialog.h"
#include "AccountEditor.h"
#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "AuthHeaderPanel.h"
#include "ClipboardGuard.h"
#include "Confirm.h"
#include "CoreServices.h"
#include "DetailsPanel.h"
#include "TextCellDelegate.h"
#include "MainWindow.h"
#include "WrappingLabel.h"
#include "accounts/MemorySecretStore.h"
#include "auth/Clock.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QTemporaryDir>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateOffersToAdd();
    void addAccountThroughTheDialog();
    void loginAndWatchTheCountdown();
    void copyTokenAndHeaderLine();
    void removeAsksFirst();
    void failedLoginShowsOnTheRow();
    void searchFilters();
    void multiSelectionLogsInEach();
    void remembersLayout();
    void headerClicksSortAndKeepTheSelection();
    void textCellsPaintAsTheStyleDoes_data();
    void textCellsPaintAsTheStyleDoes();
    void partsBuiltWhenFirstNeeded();
    void emptyPageHintIsWhole();
    void headerShownWithTheFirstRow();
    void tokenReadOnceDetailsArePainted();
    void noReadWhenClearedBeforePaint();
    void screenshots();

private:
    QString addDemoAccount(const QString &presetId, const QByteArray &secret = {});
    QModelIndex cell(const QString &id, int column) const;
    void select(const QString &id);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<CoreServices> m_core;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AccountEditor> m_editor;
};

void TestMainWindow::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CoreOptions options;
    options.inMemory = true;
    options.clock = m_clock.get();
    m_core = std::make_unique<CoreServices>(options);
    m_clipboard = std::make_unique<ClipboardGuard>(QGuiApplication::clipboard());
    m_window = std::make_unique<MainWindow>(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    m_editor = std::make_unique<AccountEditor>(m_core.get(), m_window.get());
    connect(m_window.get(), &MainWindow::addAccountRequested, m_editor.get(), [this] { m_editor->addAccount(); });
    connect(m_window->actions(), &AccountActions::message, m_window.get(), &MainWindow::showMessage);
    connect(m_window->actions(), &AccountActions::editRequested, m_editor.get(), &AccountEditor::editAccount);
    connect(m_window->actions(), &AccountActions::duplicateRequested, m_editor.get(), &AccountEditor::duplicateAccount);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_editor.reset();
    m_window.reset();
    m_clipboard.reset();
    m_core.reset();
    m_server.reset();
    m_clock.reset();
    QGuiApplication::clipboard()->clear();
}

QString TestMainWindow::addDemoAccount(const QString &presetId, const QByteArray &secret)
{
    for (const DemoAccount &d : DemoServer::demoAccounts()) {
        if (d.presetId != presetId)
            continue;
        Account a;
        a.id = Account::newId();
        a.name = d.accountName;
        a.providerId = presetId;
        a.baseUrl = m_server->baseUrl(presetId);
        a.username = d.username;
        bool done = false;
        m_core->secrets()->write(a.id, SecretKind::Credential, secret.isEmpty() ? d.secret : secret, nullptr,
                                 [&done](const SecretResult &) { done = true; });
        [&] { QTRY_VERIFY(done); }();
        m_core->accounts()->add(a);
        return a.id;
    }
    return {};
}

QModelIndex TestMainWindow::cell(const QString &id, int column) const
{
    const int row = m_window->model()->rowOf(id);
    return m_window->proxy()->mapFromSource(m_window->model()->index(row, column));
}

void TestMainWindow::select(const QString &id)
{
    m_window->selectAccount(id);
    QCOMPARE(m_window->actions()->selectedIds(), QStringList{id});
}

void TestMainWindow::emptyStateOffersToAdd()
{
    auto *stack = m_window->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 1);
    QPushButton *add = nullptr;
    for (QPushButton *b : stack->currentWidget()->findChildren<QPushButton *>())
        add = b;
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    m_editor->currentDialog()->reject();
    addDemoAccount(QStringLiteral("quadrata"));
    QCOMPARE(stack->currentIndex(), 0);
}

void TestMainWindow::addAccountThroughTheDialog()
{
    m_window->actions()->addAction()->trigger();
    AccountDialog *dialog = m_editor->currentDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *provider = dialog->findChild<QComboBox *>(QStringLiteral("provider"));
    QVERIFY(provider);
    provider->setCurrentIndex(provider->findText(QStringLiteral("B2B API")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("prod-b2b"));
    auto *baseUrl = dialog->findChild<QComboBox *>(QStringLiteral("baseUrl"));
    baseUrl->lineEdit()->clear();
    QTest::keyClicks(baseUrl->lineEdit(), m_server->baseUrl(QStringLiteral("b2b-api")).toString());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("demo-b2b"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-b2b-password"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    const QString id = m_window->model()->accountId(0);
    const Account a = m_core->accounts()->account(id).value();
    QCOMPARE(a.name, QStringLiteral("prod-b2b"));
    QCOMPARE(a.providerId, QStringLiteral("b2b-api"));
    QCOMPARE(a.username, QStringLiteral("demo-b2b"));
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QCOMPARE(memory->peek(id, SecretKind::Credential).value_or(QByteArray()), QByteArrayLiteral("demo-b2b-password"));
    // The new account is selected and can log in straight away.
    QTRY_COMPARE(m_window->actions()->selectedIds(), QStringList{id});
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(id), TokenState::Valid);
}

void TestMainWindow::loginAndWatchTheCountdown()
{
    const QString id = addDemoAccount(QStringLiteral("partner-api"));
    select(id);
    QCOMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::SignedOut));
    QVERIFY(m_window->actions()->loginAction()->isEnabled());
    QVERIFY(!m_window->actions()->logoutAction()->isEnabled());
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::Valid));
    QVERIFY(m_window->actions()->logoutAction()->isEnabled());

    const QDateTime expires = cell(id, AccountModel::AccessExpiryColumn).data(AccountModel::ExpiresAtRole).toDateTime();
    m_clock->set(expires.addSecs(-125));
    m_window->tick();
    QCOMPARE(cell(id, AccountModel::AccessExpiryColumn).data().toString(), QStringLiteral("2:05"));
    m_clock->advance(10'000);
    m_window->tick();
    QCOMPARE(cell(id, AccountModel::AccessExpiryColumn).data().toString(), QStringLiteral("1:55"));
    QVERIFY(m_window->details()->text().contains(QStringLiteral("JWT claims")));
    QVERIFY(m_window->details()->text().contains(QStringLiteral("tokendesk-demo/partner-api")));
}

void TestMainWindow::copyTokenAndHeaderLine()
{
    m_clipboard->setClearAfterSeconds(1);
    const QString id = addDemoAccount(QStringLiteral("partner-api"));
    select(id);
    QApplication::setActiveWindow(m_window.get());
    m_window->table()->setFocus();
    // One keystroke: Ctrl+C logs in first when needed, then copies.
    QTest::keySequence(m_window.get(), QKeySequence::Copy);
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().isEmpty());
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    const QByteArray token = memory->peek(id, SecretKind::AccessToken).value_or(QByteArray());
    QVERIFY(!token.isEmpty());
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(token));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArrayLiteral("secret"));

    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("R-Auth: ") + QString::fromLatin1(token));
    // Cleared after the timeout, because it still holds what TokenDesk put there.
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
}

void TestMainWindow::removeAsksFirst()
{
    const QString id = addDemoAccount(QStringLiteral("b2b-api"));
    const QString other = addDemoAccount(QStringLiteral("quadrata"));
    select(id);
    Confirm::setNextAnswer(false);
    m_window->actions()->removeAction()->trigger();
    QCOMPARE(m_window->model()->rowCount(), 2);
    Confirm::setNextAnswer(true);
    m_window->actions()->removeAction()->trigger();
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->accountId(0), other);
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QVERIFY(!memory->contains(id, SecretKind::Credential));
    QVERIFY(memory->contains(other, SecretKind::Credential));
}

void TestMainWindow::failedLoginShowsOnTheRow()
{
    const QString id = addDemoAccount(QStringLiteral("kyc-jwt"), QByteArrayLiteral("wrong-password"));
    const QString ok = addDemoAccount(QStringLiteral("quadrata"));
    select(id);
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(cell(id, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::Failed));
    const QString tip = cell(id, AccountModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Wrong username or password")), qPrintable(tip));
    QTRY_VERIFY(m_window->bannerText().contains(QStringLiteral("demo-kyc")));
    QVERIFY(m_window->bannerText().contains(QStringLiteral("Wrong username or password")));
    // Nothing modal: the other account logs in meanwhile.
    QVERIFY(!QApplication::activeModalWidget());
    select(ok);
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(ok), TokenState::Valid);
    m_window->attentionFilter()->setChecked(true);
    QCOMPARE(m_window->proxy()->rowCount(), 1);
}

void TestMainWindow::searchFilters()
{
    addDemoAccount(QStringLiteral("b2b-api"));
    addDemoAccount(QStringLiteral("kyc-jwt"));
    addDemoAccount(QStringLiteral("quadrata"));
    QTest::keyClicks(m_window->searchField(), QStringLiteral("quad"));
    QCOMPARE(m_window->proxy()->rowCount(), 1);
    m_window->searchField()->clear();
    QCOMPARE(m_window->proxy()->rowCount(), 3);
}

void TestMainWindow::multiSelectionLogsInEach()
{
    const QString a = addDemoAccount(QStringLiteral("b2b-api"));
    const QString b = addDemoAccount(QStringLiteral("kyc-jwt"));
    const QString c = addDemoAccount(QStringLiteral("quadrata"));
    m_window->table()->selectAll();
    QCOMPARE(m_window->actions()->selectedIds().size(), 3);
    QVERIFY(!m_window->actions()->editAction()->isEnabled()); // one account only
    QVERIFY(!m_window->actions()->copyTokenAction()->isEnabled());
    m_window->actions()->loginAction()->trigger();
    QTRY_VERIFY(m_core->tokens()->state(a) == TokenState::Valid && m_core->tokens()->state(b) == TokenState::Valid
                && m_core->tokens()->state(c) == TokenState::Valid);
    m_window->actions()->logoutAction()->trigger();
    QTRY_VERIFY(m_core->tokens()->state(a) == TokenState::SignedOut && m_core->tokens()->state(b) == TokenState::SignedOut
                && m_core->tokens()->state(c) == TokenState::SignedOut);
}

void TestMainWindow::remembersLayout()
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    addDemoAccount(QStringLiteral("b2b-api"));
    {
        MainWindow window(m_core.get(), m_clipboard.get(), MainWindow::Mode::Normal);
        window.restoreState();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.table()->setColumnWidth(AccountModel::BaseUrlColumn, 333);
        window.table()->sortByColumn(AccountModel::AccessExpiryColumn, Qt::DescendingOrder);
        window.close();
    }
    MainWindow again(m_core.get(), m_clipboard.get(), MainWindow::Mode::Normal);
    again.restoreState();
    QCOMPARE(again.table()->columnWidth(AccountModel::BaseUrlColumn), 333);
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorSection(), int(AccountModel::AccessExpiryColumn));
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(again.model()->sortColumn(), int(AccountModel::AccessExpiryColumn)); // the rows too, not just the arrow
    QCOMPARE(again.model()->sortOrder(), Qt::DescendingOrder);
}

// A click on a header sorts the rows by that column (again: the other way round); the current and
// selected account stay current and selected wherever their rows go, also when a rename moves them.
void TestMainWindow::headerClicksSortAndKeepTheSelection()
{
    const QString b2b = addDemoAccount(QStringLiteral("b2b-api"));       // demo-b2b
    const QString kyc = addDemoAccount(QStringLiteral("kyc-jwt"));       // demo-kyc
    const QString quadrata = addDemoAccount(QStringLiteral("quadrata")); // demo-quadrata
    QTableView *table = m_window->table();
    QHeaderView *header = table->horizontalHeader();
    const auto shown = [table] {
        QStringList ids;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            ids.append(table->model()->index(r, 0).data(AccountModel::AccountIdRole).toString());
        return ids;
    };
    const auto clickHeader = [header](int column) {
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    };
    QCOMPARE(shown(), (QStringList{b2b, kyc, quadrata})); // by name, as the window starts
    select(kyc);
    clickHeader(AccountModel::NameColumn);
    QCOMPARE(header->sortIndicatorSection(), int(AccountModel::NameColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shown(), (QStringList{quadrata, kyc, b2b}));
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);

    QVERIFY(m_core->accounts()->modify(kyc, [](Account &a) { a.name = QStringLiteral("zz-kyc"); }).ok);
    QCOMPARE(shown(), (QStringList{kyc, quadrata, b2b}));
    QCOMPARE(table->currentIndex().row(), 0);
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);
    QCOMPARE(m_window->actions()->selectedIds(), QStringList{kyc});

    clickHeader(AccountModel::ProviderColumn); // B2B API, KYC JWT, Quadrata
    QCOMPARE(header->sortIndicatorSection(), int(AccountModel::ProviderColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(shown(), (QStringList{b2b, kyc, quadrata}));
    QCOMPARE(m_window->actions()->selectedIds(), QStringList{kyc});
    clickHeader(AccountModel::ProviderColumn);
    QCOMPARE(shown(), (QStringList{quadrata, kyc, b2b}));
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);
}

void TestMainWindow::textCellsPaintAsTheStyleDoes_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("styleSheet");
    QTest::newRow("left to right") << Qt::LeftToRight << false << QString();
    QTest::newRow("right to left") << Qt::RightToLeft << false << QString();
    QTest::newRow("dark palette") << Qt::LeftToRight << true << QString();
    QTest::newRow("dark, right to left") << Qt::RightToLeft << true << QString();
    // A style sheet's item rules (text colour, padding) apply as they do with Qt's delegate.
    QTest::newRow("style sheet") << Qt::LeftToRight << false
                                 << QStringLiteral("QTableView::item { color: red; padding-left: 30px; }"
                                                   " QTableView::item:selected { color: yellow; }");
}

// TextCellDelegate draws a cell with one text layout; the pixels must be the style's own: elided texts
// (middle, as the table elides), alignment, selection and alternate-row colours, focus, both directions.
void TestMainWindow::textCellsPaintAsTheStyleDoes()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(bool, dark);
    QFETCH(QString, styleSheet);
    QStandardItemModel model(4, 3);
    const QStringList texts{QStringLiteral("demo-b2b"), QStringLiteral("http://127.0.0.1:36517/a/rather/long/path"),
                            QStringLiteral("User API (auth headers)"), QStringLiteral("Ünïcödé — שלום"), QString(),
                            QStringLiteral("demo@example.com")};
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            auto *item = new QStandardItem(texts.at((r * 3 + c) % texts.size()));
            if (c == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            model.setItem(r, c, item);
        }
    }
    QPalette palette;
    if (dark) {
        palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        palette.setColor(QPalette::AlternateBase, QColor(0x30, 0x30, 0x30));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        palette.setColor(QPalette::HighlightedText, Qt::black);
    }
    const auto render = [&](bool oneLayout) {
        QTableView view;
        view.setLayoutDirection(direction);
        view.setPalette(palette);
        view.setStyleSheet(styleSheet);
        view.setModel(&model);
        if (oneLayout)
            view.setItemDelegate(new TextCellDelegate(&view));
        else
            view.setItemDelegate(new QStyledItemDelegate(&view));
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setAlternatingRowColors(true);
        view.setWordWrap(false);
        view.setTextElideMode(Qt::ElideMiddle);
        for (int c = 0; c < model.columnCount(); ++c)
            view.setColumnWidth(c, 110);
        view.resize(400, 180);
        view.selectionModel()->setCurrentIndex(model.index(1, 1), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.show();
        view.activateWindow();
        view.setFocus();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(&view)); }();
        return view.viewport()->grab().toImage();
    };
    const QImage style = render(false);
    const QImage ours = render(true);
    QCOMPARE(ours.size(), style.size());
    QVERIFY(ours == style);
}

// The empty page and the auth-header panel are built when first needed, not at start-up: a window that
// starts with accounts has neither until there is no account left or an account with auth headers is shown.
void TestMainWindow::partsBuiltWhenFirstNeeded()
{
    QVERIFY(m_window->emptyPage()); // started with no account: shown at once
    QCOMPARE(m_window->findChild<QStackedWidget *>()->currentWidget(), m_window->emptyPage());

    const QString quadrata = addDemoAccount(QStringLiteral("quadrata")); // no auth headers
    MainWindow window(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.emptyPage());
    QVERIFY(!window.authHeaders());
    QVERIFY(!window.isAuthHeaderTabVisible());
    QCOMPARE(window.detailsTabs()->count(), 1);
    QCOMPARE(window.detailsTabs()->currentWidget(), window.details());
    QCOMPARE(window.actions()->selectedIds(), QStringList{quadrata});
    QVERIFY(window.details()->text().contains(m_core->accounts()->account(quadrata)->name));

    // An account with auth headers: the panel appears, for that account, its tab shown but not opened.
    const QString withHeaders = addDemoAccount(QStringLiteral("user-authheader"));
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
    QVERIFY(m_core->accounts()->remove(quadrata));
    QVERIFY(m_core->accounts()->remove(withHeaders));
    QTRY_COMPARE(window.model()->rowCount(), 0);
    QTRY_VERIFY(window.emptyPage());
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.emptyPage());
    QVERIFY(window.emptyPage()->isVisible());
}

// The empty page's paragraph is shown whole: as wide as it may be (460 px) and as tall as its text needs at
// that width. Centred by an alignment flag it was narrowed after its height was taken for a wider line, and
// cut off.
void TestMainWindow::emptyPageHintIsWhole()
{
    QVERIFY(m_window->emptyPage());
    QTRY_VERIFY(m_window->emptyPage()->isVisible());
    const auto *hint = m_window->emptyPage()->findChild<WrappingLabel *>();
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->width(), hint->maximumWidth());
    QVERIFY2(hint->height() >= hint->heightForWidth(hint->width()),
             qPrintable(QStringLiteral("%1 px tall, needs %2").arg(hint->height()).arg(hint->heightForWidth(hint->width()))));
}

// The table's header is left hidden while the empty page stands in for the table (a visible one measures its
// labels at start-up), and is there, with its height, once the table shows a row.
void TestMainWindow::headerShownWithTheFirstRow()
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("accountTable"));
    QVERIFY(table);
    QVERIFY(table->horizontalHeader()->isHidden());
    addDemoAccount(QStringLiteral("quadrata"));
    QTRY_VERIFY(table->isVisible());
    QTRY_VERIFY(table->horizontalHeader()->isVisible());
    QCOMPARE(table->horizontalHeader()->height(), table->horizontalHeader()->sizeHint().height());
    QVERIFY(table->horizontalHeader()->sizeHint().height() > table->fontMetrics().height());
    QCOMPARE(table->viewport()->geometry().top(), table->horizontalHeader()->geometry().bottom() + 1);
}

// Start-up reads no secret: the selected account's token is read for its details once the panel has been
// painted, so the window's first frame never waits for the keychain, and a window never shown reads none.
void TestMainWindow::tokenReadOnceDetailsArePainted()
{
    auto *secrets = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QVERIFY(secrets);
    const QString id = addDemoAccount(QStringLiteral("partner-api"));
    select(id);
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(id), TokenState::Valid);
    QTRY_VERIFY(m_window->details()->text().contains(QStringLiteral("JWT claims")));
    QTest::qWait(50); // the shown window's own reads are done

    const int reads = secrets->callCount();
    MainWindow window(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    QCOMPARE(window.details()->accountId(), id); // selected and shown in the details, token not read
    QVERIFY(window.details()->text().contains(m_core->accounts()->account(id)->name));
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
void TestMainWindow::noReadWhenClearedBeforePaint()
{
    auto *secrets = qobject_cast<MemorySecretStore *>(m_core->secrets());
    const QString id = addDemoAccount(QStringLiteral("partner-api"));
    select(id);
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(id), TokenState::Valid);
    MainWindow window(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    QCOMPARE(window.details()->accountId(), id);
    window.details()->showAccount({});
    const int reads = secrets->callCount();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(200); // the queued read would have run by now
    QCOMPARE(secrets->callCount(), reads);
}

void TestMainWindow::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    for (const DemoAccount &d : DemoServer::demoAccounts())
        m_core->tokens()->login(addDemoAccount(d.presetId));
    QTRY_VERIFY(m_core->tokens()->state(m_window->model()->accountId(4)) == TokenState::Valid);
    m_window->table()->selectRow(1);
    QTest::qWait(200);
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window.png")));
    m_window->actions()->editAction()->trigger();
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    QVERIFY(m_editor->currentDialog()->grab().save(dir + QStringLiteral("/account-dialog.png")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
