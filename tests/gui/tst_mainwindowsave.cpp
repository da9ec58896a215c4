// The window when the account file cannot be saved or read while it runs: a save refused by the disk
// (RLIMIT_FSIZE, "File too large", as a full disk says "No space left on device") and a file broken by
// someone else show on the banner, the old file stays whole, and the next save or read that works clears
// the banner without a restart.
#include "MainWindowTest.h"

#include "FileSizeLimit.h"
#include "accounts/AccountStore.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdio>

class TestMainWindowSave : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(GuiFixture::Server | GuiFixture::OnDisk); }
    void cleanup() { tearDown(); }
    void refusedSaveShowsAndClears();
    void brokenFileShowsAndRecovers();
    void fileProblemComesBackAfterAFailureRecovers();

private:
    static QByteArray readAll(const QString &path);
    static bool replaceFile(const QString &path, const QByteArray &contents);
};

QByteArray TestMainWindowSave::readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// As an editor or `mv` would: a new file renamed over the old one.
bool TestMainWindowSave::replaceFile(const QString &path, const QByteArray &contents)
{
    const QString temporary = path + QStringLiteral(".new");
    QFile f(temporary);
    if (!f.open(QIODevice::WriteOnly) || f.write(contents) != contents.size())
        return false;
    f.close();
    return ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
}

void TestMainWindowSave::refusedSaveShowsAndClears()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    const QString path = m_gui->core->accounts()->path();
    const QByteArray before = readAll(path);
    QVERIFY(before.contains("partner"));
    m_gui->select(id);
    QVERIFY(m_gui->window->bannerText().isEmpty());
    {
        FileSizeLimit limit(rlim_t(before.size())); // the file with the new token's metadata is longer
        QVERIFY(limit.ok());
        m_gui->window->actions()->loginAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!m_gui->window->bannerText().isEmpty(), 20000);
        QTRY_VERIFY(!m_gui->core->tokens()->isBusy(id));
    }
    const QString banner = m_gui->window->bannerText();
    QVERIFY2(banner.contains(QStringLiteral("Could not save the account file")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("File too large")), qPrintable(banner));
    QVERIFY2(banner.contains(QDir::toNativeSeparators(path)), qPrintable(banner));
    QCOMPARE(readAll(path), before); // nothing lost

    // The disk has room again: the next login is saved and the banner goes.
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    QTRY_VERIFY2(m_gui->window->bannerText().isEmpty(), qPrintable(m_gui->window->bannerText()));
    QVERIFY(readAll(path).contains("\"login\""));
}

void TestMainWindowSave::brokenFileShowsAndRecovers()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    const QString path = m_gui->core->accounts()->path();
    const QByteArray good = readAll(path);
    QVERIFY(replaceFile(path, "{\"version\": 1, \"accounts\": [ {\"broken\""));
    QTRY_VERIFY2(m_gui->window->bannerText().contains(QStringLiteral("not valid JSON")),
                 qPrintable(m_gui->window->bannerText()));
    QVERIFY(!m_gui->core->accounts()->isWritable());

    // Repaired behind the window's back: read again, the banner goes, and a login is recorded.
    QVERIFY(replaceFile(path, good));
    QTRY_VERIFY2(m_gui->window->bannerText().isEmpty(), qPrintable(m_gui->window->bannerText()));
    QVERIFY(m_gui->core->accounts()->isWritable());
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    QTRY_VERIFY(readAll(path).contains("\"login\""));
    QVERIFY(m_gui->window->bannerText().isEmpty());
}

// A login failure covers the account file's problem on the banner. When that account recovers while saves
// are still refused, the problem is shown again: new tokens are still not recorded.
void TestMainWindowSave::fileProblemComesBackAfterAFailureRecovers()
{
    const QString a = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    const QString b = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    const QString path = m_gui->core->accounts()->path();
    FileSizeLimit limit(rlim_t(readAll(path).size()));
    QVERIFY(limit.ok());
    const QString fileProblem = QStringLiteral("Could not save the account file");
    m_gui->select(a);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_gui->window->bannerText().contains(fileProblem), 20000);
    QTRY_VERIFY(!m_gui->core->tokens()->isBusy(a));

    m_gui->server->setFault(QStringLiteral("quadrata"), DemoFault::serverError(503), 1);
    m_gui->select(b);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY(!m_gui->core->tokens()->isBusy(b));
    QTRY_VERIFY2(!m_gui->window->bannerText().contains(fileProblem), qPrintable(m_gui->window->bannerText()));

    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY(!m_gui->core->tokens()->isBusy(b));
    QTRY_VERIFY2(m_gui->window->bannerText().contains(fileProblem), qPrintable(m_gui->window->bannerText()));
}

QTEST_MAIN(TestMainWindowSave)
#include "tst_mainwindowsave.moc"
