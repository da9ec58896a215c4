// A restored window layout never leaves the main window larger than the screen or off it: a session saved
// at 1300×800 (or on another monitor) restored on a smaller screen, e.g. under QT_SCALE_FACTOR=2.
#include "GuiFixture.h"

#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestWindowPlacement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void restoredWindowFitsTheScreen_data();
    void restoredWindowFitsTheScreen();

private:
    std::unique_ptr<GuiFixture> m_gui;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestWindowPlacement::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir->path());
    m_gui = std::make_unique<GuiFixture>(0);
}

void TestWindowPlacement::cleanup()
{
    m_gui.reset();
    m_settingsDir.reset();
}

void TestWindowPlacement::restoredWindowFitsTheScreen_data()
{
    QTest::addColumn<QPoint>("offset"); // where the saved window was, relative to the screen's corner
    QTest::addColumn<QSize>("grow");    // how much larger than the screen it was
    QTest::newRow("larger than the screen") << QPoint(0, 0) << QSize(500, 200);
    QTest::newRow("off to the right and below") << QPoint(3000, 2000) << QSize(-200, -200);
    QTest::newRow("off to the left and above") << QPoint(-3000, -2000) << QSize(-200, -200);
}

void TestWindowPlacement::restoredWindowFitsTheScreen()
{
    QFETCH(QPoint, offset);
    QFETCH(QSize, grow);
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    {
        MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Normal);
        window.setGeometry(QRect(available.topLeft() + offset, available.size() + grow));
        window.close(); // saves the layout
    }
    QSettings settings;
    QVERIFY(settings.contains(QStringLiteral("MainWindow/geometry")));

    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Normal);
    window.restoreState();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QStringLiteral("window %1,%2 %3×%4 on a screen of %5×%6")
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())
                            .arg(window.frameGeometry().width())
                            .arg(window.frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
}

QTEST_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"
