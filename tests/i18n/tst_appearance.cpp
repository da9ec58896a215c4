// How the window looks in German: the main window and the dialogs (settings, import, providers) fit their
// longer words. With TOKENDESK_SCREENSHOT_DIR set (scripts/screenshots.sh) it saves the application icon,
// the main window in a light and a dark palette, and the main window, its menus and the dialogs in German,
// to look at. The icons on a light and a dark palette: tst_appearanceicons.
#include "AppearanceTest.h"

#include "AccountActions.h"
#include "AccountDialog.h"
#include "AccountEditor.h"
#include "AccountModel.h"
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "ExchangeActions.h"
#include "Icons.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "ProvidersDialog.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QDir>
#include <QHeaderView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace AppearanceTesting;

class TestAppearance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void germanWindowFitsItsText();
    void germanDialogsFitTheirText();
    void narrowWindowShowsStateAndCountdown_data();
    void narrowWindowShowsStateAndCountdown();
    void screenshots();

private:
    void buildWindow(bool demoAccounts);
    void checkLayoutFits();
    void checkWidgetsFit(QWidget *top);
    ImportDialog *openImportDialog();
    void showAuthHeaders();
    QString addDemoAccount(const DemoAccount &d);

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<CoreServices> m_core;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AccountEditor> m_editor;
    QTemporaryDir m_tmp;
};

void TestAppearance::initTestCase() {
    useFusionStyle();
}

void TestAppearance::cleanup() {
    m_editor.reset();
    m_window.reset();
    m_clipboard.reset();
    m_core.reset();
    m_server.reset();
    QApplication::setPalette(lightPalette());
}

QString TestAppearance::addDemoAccount(const DemoAccount &d) {
    Account a;
    a.id = Account::newId();
    a.name = d.accountName;
    a.providerId = d.presetId;
    a.baseUrl = m_server->baseUrl(d.presetId);
    a.username = d.username;
    bool done = false;
    m_core->secrets()->write(a.id, SecretKind::Credential, d.secret, nullptr,
                             [&done](const SecretResult &) { done = true; });
    [&] { QTRY_VERIFY(done); }();
    m_core->accounts()->add(a);
    return a.id;
}

void TestAppearance::buildWindow(bool demoAccounts) {
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CoreOptions options;
    options.inMemory = true;
    m_core = std::make_unique<CoreServices>(options);
    m_clipboard = std::make_unique<ClipboardGuard>(QGuiApplication::clipboard());
    m_window = std::make_unique<MainWindow>(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    m_editor = std::make_unique<AccountEditor>(m_core.get(), m_window.get());
    connect(m_window->actions(), &AccountActions::editRequested, m_editor.get(), &AccountEditor::editAccount);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    if (!demoAccounts)
        return;
    QStringList ids;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        ids << addDemoAccount(d);
    for (const QString &id : std::as_const(ids))
        m_core->tokens()->login(id);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ids.cbegin(), ids.cend(),
                                         [this](const QString &id) { return !m_core->tokens()->isBusy(id); }),
                             10000);
    m_window->table()->selectRow(1);
    m_window->tick();
}

void TestAppearance::checkLayoutFits() {
    // Every tool bar button is on the tool bar itself, not pushed into its overflow menu.
    const QList<QToolBar *> toolBars = m_window->findChildren<QToolBar *>();
    QVERIFY(!toolBars.isEmpty());
    for (QToolBar *bar : toolBars) {
        for (QAction *action : bar->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            QWidget *button = bar->widgetForAction(action);
            QVERIFY2(button && button->isVisible(),
                     qPrintable(action->text() + QStringLiteral(" is in the overflow menu")));
        }
    }
    // Every column of the account table is in view at the default window size, as in English.
    QVERIFY2(!m_window->table()->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("the table is %1 px wide; the side panel needs %2 px")
                            .arg(m_window->table()->width())
                            .arg(m_window->findChild<QTabWidget *>()->minimumSizeHint().width())));
    checkWidgetsFit(m_window.get());
}

void TestAppearance::checkWidgetsFit(QWidget *top) {
    // No visible button or label is narrower than its text needs, nor a wrapped label lower.
    for (QAbstractButton *button : top->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(top))
            continue;
        QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
    }
    for (QLabel *label : top->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(top) || label->text().isEmpty())
            continue;
        if (label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        else
            QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->text()));
    }
}

// The import confirmation for a file with a new account, a changed one and an unchanged one.
ImportDialog *TestAppearance::openImportDialog() {
    const QList<Account> accounts = m_core->accounts()->accounts();
    if (accounts.size() < 3)
        return nullptr;
    const QString path = m_tmp.filePath(QStringLiteral("team-setup.json"));
    QStringList ids;
    for (const Account &a : accounts)
        ids << a.id;
    if (!m_window->exchange()->exportTo(path, ids))
        return nullptr;
    (void)m_core->accounts()->remove(accounts.at(0).id);
    (void)m_core->accounts()->modify(accounts.at(1).id, [](Account &a) {
        a.baseUrl = QUrl(QStringLiteral("https://staging.example.com/api"));
        a.keepSignedIn = !a.keepSignedIn;
    });
    return m_window->exchange()->importFrom(path);
}

void TestAppearance::showAuthHeaders() {
    // demo-user (user-authheader, the provider with auth headers) is the last row by name.
    m_window->table()->selectRow(m_window->table()->model()->rowCount() - 1);
    auto *tabs = m_window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QTRY_VERIFY(tabs->isTabVisible(1));
    tabs->setCurrentIndex(1);
    QTest::qWait(500); // the list loads from the demo provider
}

void TestAppearance::germanWindowFitsItsText() {
    Translations german;
    QVERIFY(german.install(QLocale(QLocale::German)));
    buildWindow(true);
    checkLayoutFits();
    if (QTest::currentTestFailed())
        return;
    showAuthHeaders();
    checkLayoutFits();
}

void TestAppearance::germanDialogsFitTheirText() {
    Translations german;
    QVERIFY(german.install(QLocale(QLocale::German)));
    buildWindow(true);

    QSettings settings(m_tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    AppSettings appSettings(&settings);
    SettingsDialog settingsDialog(&appSettings, true);
    settingsDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settingsDialog));
    checkWidgetsFit(&settingsDialog);
    settingsDialog.reject();

    ProvidersDialog *providers = m_window->exchange()->showProviders();
    QVERIFY(providers);
    QTRY_VERIFY(providers->isVisible());
    checkWidgetsFit(providers);
    providers->close();

    ImportDialog *import = openImportDialog();
    QVERIFY(import);
    QTRY_VERIFY(import->isVisible());
    checkWidgetsFit(import);
    import->reject();
}

void TestAppearance::narrowWindowShowsStateAndCountdown_data() {
    QTest::addColumn<bool>("german");
    QTest::addColumn<QSize>("size");
    QTest::newRow("English, 800x600") << false << QSize(800, 600);
    QTest::newRow("German, 800x600") << true << QSize(800, 600);
    QTest::newRow("English, 700x500") << false << QSize(700, 500);
    QTest::newRow("German, 700x500") << true << QSize(700, 500);
}

// In a small window the text columns narrow and the details panel gives way: every row's state and time
// left are in view without scrolling.
void TestAppearance::narrowWindowShowsStateAndCountdown() {
    QFETCH(bool, german);
    QFETCH(QSize, size);
    Translations translations;
    if (german)
        QVERIFY(translations.install(QLocale(QLocale::German)));
    buildWindow(true);
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    const QTableView *table = m_window->table();
    QTRY_COMPARE(table->viewport()->width(), table->width() - 2 * table->frameWidth()
                                                 - (table->verticalScrollBar()->isVisible() ? table->verticalScrollBar()->width() : 0));
    for (const int column : {int(AccountModel::StateColumn), int(AccountModel::AccessExpiryColumn)}) {
        const int right = table->columnViewportPosition(column) + table->columnWidth(column);
        QVERIFY2(right <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 ends at %2 px, the table shows %3 px; the details panel is %4 px")
                                .arg(table->model()->headerData(column, Qt::Horizontal).toString())
                                .arg(right)
                                .arg(table->viewport()->width())
                                .arg(m_window->detailsTabs()->width())));
    }
    QVERIFY(!table->horizontalScrollBar()->isVisible());
    if (const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        const QString name = QStringLiteral("main-window-%1-%2x%3.png")
                                 .arg(german ? QStringLiteral("de") : QStringLiteral("en"))
                                 .arg(size.width())
                                 .arg(size.height());
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }
    // The name, what tells the rows apart, is the last text column to narrow: the others are at their floor
    // and narrower than it.
    for (const int column : {int(AccountModel::ProviderColumn), int(AccountModel::BaseUrlColumn), int(AccountModel::UserColumn)}) {
        QCOMPARE(table->columnWidth(column), table->horizontalHeader()->minimumSectionSize());
        QVERIFY(table->columnWidth(AccountModel::NameColumn) > table->columnWidth(column));
    }
    // The text columns come back when the window does.
    m_window->resize(1280, 640);
    QTRY_COMPARE(table->columnWidth(AccountModel::NameColumn), 110);
}

void TestAppearance::screenshots() {
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");

    // The application icon at the sizes desktops use, side by side on the light and the dark window colour.
    const QList<int> sizes = {16, 24, 32, 48, 64, 128, 256};
    QImage sheet(8 + 8 * 7 + 16 + 24 + 32 + 48 + 64 + 128 + 256, 2 * (256 + 16), QImage::Format_ARGB32);
    int x = 8;
    sheet.fill(lightPalette().color(QPalette::Window));
    {
        QPainter painter(&sheet);
        painter.fillRect(0, 256 + 16, sheet.width(), 256 + 16, darkPalette().color(QPalette::Window));
        for (const int size : sizes) {
            const QPixmap pm = Icons::application().pixmap(QSize(size, size));
            painter.drawPixmap(x, 8, pm);
            painter.drawPixmap(x, 256 + 16 + 8, pm);
            x += size + 8;
        }
    }
    QVERIFY(sheet.save(dir + QStringLiteral("/application-icon.png")));

    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? darkPalette() : lightPalette());
        buildWindow(true);
        QTest::qWait(100);
        QVERIFY(m_window->grab().save(dir + (dark ? QStringLiteral("/main-window-dark.png")
                                                  : QStringLiteral("/main-window-light.png"))));
        cleanup();
    }

    Translations german;
    QVERIFY(german.install(QLocale(QLocale::German)));
    buildWindow(true);
    QTest::qWait(100);
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window-de.png")));
    m_window->actions()->editAction()->trigger();
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    QTest::qWait(100);
    QVERIFY(m_editor->currentDialog()->grab().save(dir + QStringLiteral("/account-dialog-de.png")));
    m_editor->currentDialog()->reject();
    // The menus, each opened below its menu bar entry.
    for (QAction *entry : m_window->menuBar()->actions()) {
        QMenu *menu = entry->menu();
        if (!menu)
            continue;
        menu->popup(m_window->mapToGlobal(m_window->menuBar()->actionGeometry(entry).bottomLeft()));
        QTRY_VERIFY(menu->isVisible());
        QTest::qWait(50);
        const QString name = entry->text().remove(QLatin1Char('&')).toLower();
        QVERIFY(menu->grab().save(dir + QStringLiteral("/menu-de-%1.png").arg(name)));
        menu->hide();
    }
    QSettings settings(m_tmp.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    AppSettings appSettings(&settings);
    SettingsDialog settingsDialog(&appSettings, true);
    settingsDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settingsDialog));
    QTest::qWait(100);
    QVERIFY(settingsDialog.grab().save(dir + QStringLiteral("/settings-dialog-de.png")));
    settingsDialog.reject();
    ProvidersDialog *providers = m_window->exchange()->showProviders();
    QTRY_VERIFY(providers->isVisible());
    QTest::qWait(100);
    QVERIFY(providers->grab().save(dir + QStringLiteral("/providers-dialog-de.png")));
    providers->close();
    showAuthHeaders();
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window-de-authheaders.png")));
    ImportDialog *import = openImportDialog(); // last: it removes and changes accounts
    QVERIFY(import);
    QTRY_VERIFY(import->isVisible());
    QTest::qWait(100);
    QVERIFY(import->grab().save(dir + QStringLiteral("/import-dialog-de.png")));
    import->reject();
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
