// How the window looks: the action icons read on a light and a dark palette, are rendered at the screen's
// resolution, the application icon holds up from 16 to 256 px, and the German window and dialogs (settings,
// import, providers) fit their longer words. With TOKENDESK_SCREENSHOT_DIR set (scripts/screenshots.sh) it
// saves the main window in a light and a dark palette, and the main window, its menus and the dialogs in
// German, to look at.
#include "AccountActions.h"
#include "AccountDialog.h"
#include "AccountEditor.h"
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
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <cmath>

namespace {

QPalette lightPalette() {
    return QApplication::style()->standardPalette();
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x7f, 0x7f, 0x7f);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x5a, 0xa9, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

// WCAG relative luminance of an sRGB colour.
double luminance(double r, double g, double b) {
    auto lin = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

double contrast(double l1, double l2) {
    return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}

struct Drawn {
    int pixels = 0;       // pixels at least half covered
    double luminance = 0; // their mean luminance, composited over the background
};

Drawn drawnOver(const QImage &icon, const QColor &background) {
    const QImage image = icon.convertToFormat(QImage::Format_ARGB32);
    Drawn d;
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alphaF() < 0.5)
                continue;
            const double a = c.alphaF();
            auto over = [a](double fg, double bg) { return fg * a + bg * (1 - a); };
            sum += luminance(over(c.redF(), background.redF()), over(c.greenF(), background.greenF()),
                             over(c.blueF(), background.blueF()));
            ++d.pixels;
        }
    }
    d.luminance = d.pixels ? sum / d.pixels : 0;
    return d;
}

} // namespace

class TestAppearance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void actionIconsReadOnLightAndDark_data();
    void actionIconsReadOnLightAndDark();
    void iconsAreRenderedAtTheScreensResolution();
    void applicationIconFrom16To256();
    void germanWindowFitsItsText();
    void germanDialogsFitTheirText();
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
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(!Icons::actionNames().isEmpty());
}

void TestAppearance::cleanup() {
    m_editor.reset();
    m_window.reset();
    m_clipboard.reset();
    m_core.reset();
    m_server.reset();
    QApplication::setPalette(lightPalette());
}

void TestAppearance::actionIconsReadOnLightAndDark_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    for (const QString &name : Icons::actionNames()) {
        QTest::newRow(qPrintable(name + QStringLiteral(" light"))) << name << false;
        QTest::newRow(qPrintable(name + QStringLiteral(" dark"))) << name << true;
    }
}

void TestAppearance::actionIconsReadOnLightAndDark() {
    QFETCH(QString, name);
    QFETCH(bool, dark);
    const QPalette palette = dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    const QIcon icon = Icons::action(name);
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(QSize(32, 32)).toImage();
    QCOMPARE(image.size(), QSize(32, 32));
    for (const auto role : {QPalette::Window, QPalette::Button, QPalette::Base}) {
        const QColor background = palette.color(role);
        const Drawn drawn = drawnOver(image, background);
        QVERIFY2(drawn.pixels >= 40, qPrintable(QStringLiteral("only %1 pixels drawn").arg(drawn.pixels)));
        const double ratio =
            contrast(drawn.luminance, luminance(background.redF(), background.greenF(), background.blueF()));
        // WCAG's 4.5:1 for text; the icons are drawn in the palette's text colour.
        QVERIFY2(
            ratio >= 4.5,
            qPrintable(QStringLiteral("contrast %1:1 on %2").arg(ratio, 0, 'f', 2).arg(background.name())));
    }
}

void TestAppearance::iconsAreRenderedAtTheScreensResolution() {
    for (const QString &name : Icons::actionNames()) {
        const QIcon icon = Icons::action(name);
        const QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(hiDpi.size(), QSize(32, 32));
        QCOMPARE(hiDpi.devicePixelRatio(), 2.0);
        // Drawn for 32 device pixels, not a 16-pixel image scaled up.
        QImage drawn = hiDpi.toImage().convertToFormat(QImage::Format_ARGB32);
        drawn.setDevicePixelRatio(1.0);
        QCOMPARE(drawn, icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32));
    }
}

void TestAppearance::applicationIconFrom16To256() {
    const QIcon icon = Icons::application();
    QVERIFY(!icon.isNull());
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QImage image = icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(size, size));
        // The key and the ring (white, amber) stand out from the blue background at every size: at least a
        // tenth of the icon contrasts 3:1 with the background colour.
        const QColor background = image.pixelColor(size / 2, size * 20 / 64);
        const double lb = luminance(background.redF(), background.greenF(), background.blueF());
        int standingOut = 0;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() == 255 && contrast(luminance(c.redF(), c.greenF(), c.blueF()), lb) >= 3.0)
                    ++standingOut;
            }
        }
        QVERIFY2(standingOut * 10 >= size * size,
                 qPrintable(QStringLiteral("%1 px: %2 of %3 pixels stand out")
                                .arg(size)
                                .arg(standingOut)
                                .arg(size * size)));
    }
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
