// The settings dialog driven with the keyboard and mouse, offscreen: OK stores the values in QSettings and
// the running objects get them at once; Cancel changes nothing; Restore Defaults fills in the defaults;
// out-of-range values are clamped, in the dialog and in a hand-edited file.
#include "GuiFixture.h"

#include "LiveSettings.h"
#include "SettingsDialog.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <memory>

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void startsWithTheDefaultsApplied();
    void okStoresAndAppliesAtOnce();
    void cancelChangesNothing();
    void restoreDefaults();
    void valuesAreClamped();
    void trayOptionsNeedATray();
    void tabOrderFollowsTheForm();
    void openedFromTheWindowWithCtrlComma();
    void screenshot();

private:
    static void typeInto(QSpinBox *spin, const QString &text);
    QString settingsFile() const { return m_gui->settingsFile(); }
    void click(SettingsDialog &dialog, QDialogButtonBox::StandardButton button);

    std::unique_ptr<GuiFixture> m_gui;
    std::unique_ptr<LiveSettings> m_live;
};

void TestSettingsDialog::init()
{
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Settings | GuiFixture::Notifier);
    m_live = std::make_unique<LiveSettings>(m_gui->settings.get(), m_gui->core->tokens(), m_gui->core->http(),
                                            m_gui->clipboard.get(), m_gui->notifier.get());
}

void TestSettingsDialog::cleanup()
{
    m_live.reset();
    m_gui.reset();
}

void TestSettingsDialog::typeInto(QSpinBox *spin, const QString &text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier); // select what is there
    QTest::keyClicks(spin, text);
}

void TestSettingsDialog::click(SettingsDialog &dialog, QDialogButtonBox::StandardButton button)
{
    QPushButton *b = dialog.buttons()->button(button);
    QVERIFY(b);
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestSettingsDialog::startsWithTheDefaultsApplied()
{
    QCOMPARE(m_gui->settings->values(), AppSettings::defaults());
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), 30);
    QVERIFY(m_gui->core->tokens()->autoRefresh());
    QCOMPARE(m_gui->core->tokens()->refreshLeadSeconds(), qint64(300));
    QCOMPARE(m_gui->core->http()->timeout(), 30000);
    QCOMPARE(m_gui->notifier->noticeLeadSeconds(), qint64(600));
}

void TestSettingsDialog::okStoresAndAppliesAtOnce()
{
    SettingsDialog dialog(m_gui->settings.get(), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(m_gui->settings.get(), &AppSettings::changed);
    typeInto(dialog.clipboardClear(), QStringLiteral("45"));
    typeInto(dialog.refreshLead(), QStringLiteral("120"));
    typeInto(dialog.networkTimeout(), QStringLiteral("12"));
    typeInto(dialog.expiryNotice(), QStringLiteral("25"));
    dialog.startMinimized()->setFocus();
    QTest::keyClick(dialog.startMinimized(), Qt::Key_Space);
    dialog.closeToTray()->setFocus();
    QTest::keyClick(dialog.closeToTray(), Qt::Key_Space);
    dialog.language()->setFocus();
    dialog.language()->setCurrentIndex(dialog.language()->findData(QStringLiteral("de")));
    click(dialog, QDialogButtonBox::Ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);

    // In the file, read back as a new process would.
    QSettings file(settingsFile(), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("Clipboard/clearAfterSeconds")).toInt(), 45);
    QCOMPARE(file.value(QStringLiteral("Tokens/refreshLeadSeconds")).toInt(), 120);
    QCOMPARE(file.value(QStringLiteral("Network/timeoutSeconds")).toInt(), 12);
    QCOMPARE(file.value(QStringLiteral("Notifications/expiryNoticeMinutes")).toInt(), 25);
    QCOMPARE(file.value(QStringLiteral("General/language")).toString(), QStringLiteral("de"));
    QCOMPARE(file.value(QStringLiteral("General/startMinimized")).toBool(), true);
    QCOMPARE(file.value(QStringLiteral("General/closeToTray")).toBool(), true);
    AppSettings reread(&file);
    QCOMPARE(reread.values(), m_gui->settings->values());

    // Applied without a restart.
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), 45);
    QCOMPARE(m_gui->core->tokens()->refreshLeadSeconds(), qint64(120));
    QCOMPARE(m_gui->core->http()->timeout(), 12000);
    QCOMPARE(m_gui->notifier->noticeLeadSeconds(), qint64(25 * 60));

    // Auto-refresh off, with the keyboard, in a second visit.
    SettingsDialog again(m_gui->settings.get(), true);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.clipboardClear()->value(), 45);
    QVERIFY(again.refreshLead()->isEnabled());
    again.autoRefresh()->setFocus();
    QTest::keyClick(again.autoRefresh(), Qt::Key_Space);
    QVERIFY(!again.refreshLead()->isEnabled()); // the lead time means nothing without renewal
    QTest::keyClick(&again, Qt::Key_Return);    // OK is the default button
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QVERIFY(!m_gui->core->tokens()->autoRefresh());
    QCOMPARE(QSettings(settingsFile(), QSettings::IniFormat).value(QStringLiteral("Tokens/autoRefresh")).toBool(), false);
}

void TestSettingsDialog::cancelChangesNothing()
{
    const QByteArray before = [this] {
        m_gui->qsettings->sync();
        QFile f(settingsFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    SettingsDialog dialog(m_gui->settings.get(), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(m_gui->settings.get(), &AppSettings::changed);
    typeInto(dialog.clipboardClear(), QStringLiteral("5"));
    dialog.autoRefresh()->setChecked(false);
    dialog.language()->setCurrentIndex(dialog.language()->findData(QStringLiteral("en")));
    click(dialog, QDialogButtonBox::Cancel);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_gui->settings->values(), AppSettings::defaults());
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), 30);
    QVERIFY(m_gui->core->tokens()->autoRefresh());
    QFile f(settingsFile());
    QCOMPARE(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(), before);

    // Escape cancels too.
    SettingsDialog again(m_gui->settings.get(), true);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    typeInto(again.networkTimeout(), QStringLiteral("99"));
    QTest::keyClick(&again, Qt::Key_Escape);
    QCOMPARE(again.result(), int(QDialog::Rejected));
    QCOMPARE(m_gui->core->http()->timeout(), 30000);
}

void TestSettingsDialog::restoreDefaults()
{
    AppSettings::Values custom;
    custom.clipboardClearSeconds = 0;
    custom.autoRefresh = false;
    custom.refreshLeadSeconds = 60;
    custom.networkTimeoutSeconds = 90;
    custom.expiryNoticeMinutes = 0;
    custom.language = QStringLiteral("de");
    custom.closeToTray = true;
    m_gui->settings->setValues(custom);
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), 0);

    SettingsDialog dialog(m_gui->settings.get(), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.formValues(), custom);
    QCOMPARE(dialog.clipboardClear()->text(), QStringLiteral("Never"));
    QCOMPARE(dialog.expiryNotice()->text(), QStringLiteral("Off"));
    click(dialog, QDialogButtonBox::RestoreDefaults);
    QVERIFY(dialog.isVisible());                             // still to be confirmed
    QCOMPARE(dialog.formValues(), AppSettings::defaults());
    QCOMPARE(m_gui->settings->values(), custom);                  // nothing stored yet
    click(dialog, QDialogButtonBox::Ok);
    QCOMPARE(m_gui->settings->values(), AppSettings::defaults());
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), 30);
    QVERIFY(m_gui->core->tokens()->autoRefresh());
    QCOMPARE(QSettings(settingsFile(), QSettings::IniFormat).value(QStringLiteral("General/language")).toString(),
             QString());
}

void TestSettingsDialog::valuesAreClamped()
{
    // A hand-edited file.
    {
        QSettings file(settingsFile(), QSettings::IniFormat);
        file.setValue(QStringLiteral("Clipboard/clearAfterSeconds"), -5);
        file.setValue(QStringLiteral("Tokens/refreshLeadSeconds"), 999999);
        file.setValue(QStringLiteral("Network/timeoutSeconds"), QStringLiteral("soon"));
        file.setValue(QStringLiteral("Notifications/expiryNoticeMinutes"), 100000);
    }
    QSettings file(settingsFile(), QSettings::IniFormat);
    AppSettings read(&file);
    // Negative is invalid, not "never" (0): the default, so that the clipboard is still cleared.
    QCOMPARE(read.values().clipboardClearSeconds, AppSettings::defaults().clipboardClearSeconds);
    QCOMPARE(read.values().refreshLeadSeconds, AppSettings::kMaxRefreshLeadSeconds);
    QCOMPARE(read.values().networkTimeoutSeconds, 30); // not a number: the default
    QCOMPARE(read.values().expiryNoticeMinutes, AppSettings::kMaxExpiryNoticeMinutes);

    // Through the API.
    AppSettings::Values v;
    v.refreshLeadSeconds = 1;
    v.networkTimeoutSeconds = 100000;
    v.clipboardClearSeconds = -1;
    m_gui->settings->setValues(v);
    QCOMPARE(m_gui->settings->values().clipboardClearSeconds, AppSettings::defaults().clipboardClearSeconds);
    QCOMPARE(m_gui->clipboard->clearAfterSeconds(), AppSettings::defaults().clipboardClearSeconds);
    QCOMPARE(m_gui->settings->values().refreshLeadSeconds, AppSettings::kMinRefreshLeadSeconds);
    QCOMPARE(m_gui->settings->values().networkTimeoutSeconds, AppSettings::kMaxNetworkTimeoutSeconds);
    QCOMPARE(m_gui->core->http()->timeout(), AppSettings::kMaxNetworkTimeoutSeconds * 1000);

    // Through the dialog: the spin boxes do not take what is out of range.
    SettingsDialog dialog(m_gui->settings.get(), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(dialog.clipboardClear(), QStringLiteral("99999"));
    QVERIFY(dialog.clipboardClear()->value() <= AppSettings::kMaxClipboardClearSeconds);
    click(dialog, QDialogButtonBox::Ok);
    QVERIFY(m_gui->settings->values().clipboardClearSeconds <= AppSettings::kMaxClipboardClearSeconds);
}

void TestSettingsDialog::trayOptionsNeedATray()
{
    AppSettings::Values v;
    v.startMinimized = true;
    m_gui->settings->setValues(v);
    SettingsDialog dialog(m_gui->settings.get(), false);
    QVERIFY(!dialog.startMinimized()->isEnabled());
    QVERIFY(!dialog.closeToTray()->isEnabled());
    QVERIFY(dialog.startMinimized()->isChecked()); // kept for a desktop that has one
    dialog.accept();
    QVERIFY(m_gui->settings->values().startMinimized);
    // Every field has a name for screen readers.
    for (QWidget *w : QList<QWidget *>{dialog.clipboardClear(), dialog.refreshLead(), dialog.networkTimeout(),
                                       dialog.expiryNotice(), dialog.language()})
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
}

void TestSettingsDialog::tabOrderFollowsTheForm()
{
    SettingsDialog dialog(m_gui->settings.get(), true);
    const QList<QWidget *> expected{dialog.clipboardClear(), dialog.autoRefresh(),    dialog.refreshLead(),
                                    dialog.networkTimeout(), dialog.expiryNotice(),   dialog.language(),
                                    dialog.startMinimized(), dialog.closeToTray()};
    QList<QWidget *> seen;
    QWidget *w = dialog.clipboardClear();
    do {
        if (expected.contains(w) && !seen.contains(w))
            seen.append(w);
        w = w->nextInFocusChain();
    } while (w != dialog.clipboardClear());
    QCOMPARE(seen, expected);
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isDefault(), true);
}

void TestSettingsDialog::openedFromTheWindowWithCtrlComma()
{
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    QSignalSpy requested(&window, &MainWindow::settingsRequested);
    QCOMPARE(window.settingsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QCOMPARE(requested.count(), 1);
}

void TestSettingsDialog::screenshot()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    SettingsDialog dialog(m_gui->settings.get(), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(100);
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-dialog.png")));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
