// ClipboardGuard against the real (in-process, offscreen) clipboard: the password-manager hint, clearing
// after the timeout only while the clipboard still holds our text, the restart on a new copy, the
// countdown text, and the destructor.

#include "ClipboardGuard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalBlocker>
#include <QSignalSpy>
#include <QTest>


namespace {
QString text(const char *latin1)
{
    return QString::fromLatin1(latin1);
}
} // namespace

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void copyCarriesTextAndHint();
    void clearsAfterTimeout();
    void leavesTextTheUserCopied();
    void noticesOtherTextOnTickToo();
    void newCopyRestartsTimer();
    void countdownText();
    void zeroMeansNeverButClearNowClears();
    void clearNowWithNothingPendingIsQuiet();
    void destructorClearsOnlyOurText();

private:
    QClipboard *m_clipboard = nullptr;
};

void TestClipboardGuard::initTestCase()
{
    m_clipboard = QGuiApplication::clipboard();
    QVERIFY(m_clipboard);
    // The offscreen platform keeps the clipboard in-process; make sure it round-trips before relying on it.
    m_clipboard->setText(text("probe"));
    QCOMPARE(m_clipboard->text(), text("probe"));
}

void TestClipboardGuard::init()
{
    m_clipboard->clear();
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::copyCarriesTextAndHint()
{
    ClipboardGuard guard(m_clipboard);
    QCOMPARE(guard.clearAfterSeconds(), 30);
    guard.copy(text("tok-123"), text("Token"));

    QCOMPARE(m_clipboard->text(), text("tok-123"));
    const QMimeData *mime = m_clipboard->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QCOMPARE(mime->data(text("x-kde-passwordManagerHint")), QByteArray("secret"));
    QVERIFY(guard.isHoldingOurText());
    QCOMPARE(guard.secondsLeft(), 30);
    if (m_clipboard->supportsSelection())
        QVERIFY(m_clipboard->text(QClipboard::Selection) != text("tok-123"));
}

void TestClipboardGuard::clearsAfterTimeout()
{
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(1);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(text("tok-1s"), text("Token"));
    QCOMPARE(m_clipboard->text(), text("tok-1s"));

    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 3000);
    QCOMPARE(cleared.at(0).at(0).toBool(), true);
    QVERIFY(m_clipboard->text().isEmpty());
    QCOMPARE(guard.secondsLeft(), 0);
    QVERIFY(!guard.isHoldingOurText());
}

void TestClipboardGuard::leavesTextTheUserCopied()
{
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(1);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(text("tok-a"), text("Token"));
    m_clipboard->setText(text("the user's own text"));

    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 3000);
    QCOMPARE(cleared.at(0).at(0).toBool(), false);
    QCOMPARE(guard.secondsLeft(), 0);
    guard.clearNow(); // nothing pending any more: no second signal, the user's text stays
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(m_clipboard->text(), text("the user's own text"));
}

void TestClipboardGuard::noticesOtherTextOnTickToo()
{
    // A platform may not report the change (dataChanged blocked here): the next tick notices it.
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(2);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(text("tok-b"), text("Token"));
    {
        const QSignalBlocker blocker(m_clipboard);
        m_clipboard->setText(text("other"));
    }
    QCOMPARE(cleared.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 3000);
    QCOMPARE(cleared.at(0).at(0).toBool(), false);
    QCOMPARE(m_clipboard->text(), text("other"));
}

void TestClipboardGuard::newCopyRestartsTimer()
{
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(2);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(text("first"), text("Token"));
    QTRY_COMPARE_WITH_TIMEOUT(guard.secondsLeft(), 1, 3000);

    guard.copy(text("second"), text("Header line"));
    QCOMPARE(guard.secondsLeft(), 2);
    QCOMPARE(m_clipboard->text(), text("second"));
    QCOMPARE(cleared.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 4000);
    QCOMPARE(cleared.at(0).at(0).toBool(), true);
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::countdownText()
{
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(3);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
    guard.copy(text("tok-c"), text("Token"));

    QCOMPARE(countdown.count(), 1);
    QCOMPARE(countdown.at(0).at(0).toString(), QStringLiteral("Token copied — clears in 3 s"));
    QCOMPARE(countdown.at(0).at(1).toInt(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(countdown.count(), 2, 3000);
    QCOMPARE(countdown.at(1).at(0).toString(), QStringLiteral("Token copied — clears in 2 s"));
    QCOMPARE(countdown.at(1).at(1).toInt(), 2);
}

void TestClipboardGuard::zeroMeansNeverButClearNowClears()
{
    ClipboardGuard guard(m_clipboard);
    guard.setClearAfterSeconds(0);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.copy(text("tok-d"), text("Header line"));

    QCOMPARE(countdown.count(), 1);
    QCOMPARE(countdown.at(0).at(0).toString(), text("Header line copied"));
    QCOMPARE(guard.secondsLeft(), 0);
    QVERIFY(guard.isHoldingOurText());

    guard.clearNow();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(cleared.at(0).at(0).toBool(), true);
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::clearNowWithNothingPendingIsQuiet()
{
    m_clipboard->setText(text("unrelated"));
    ClipboardGuard guard(m_clipboard);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    guard.clearNow();
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(m_clipboard->text(), text("unrelated"));
    guard.copy(QString(), text("Token")); // nothing to copy: nothing happens
    QCOMPARE(m_clipboard->text(), text("unrelated"));
    QVERIFY(!guard.isHoldingOurText());
}

void TestClipboardGuard::destructorClearsOnlyOurText()
{
    {
        ClipboardGuard guard(m_clipboard);
        guard.copy(text("tok-e"), text("Token"));
        QCOMPARE(m_clipboard->text(), text("tok-e"));
    }
    QVERIFY(m_clipboard->text().isEmpty());

    {
        ClipboardGuard guard(m_clipboard);
        guard.copy(text("tok-f"), text("Token"));
        m_clipboard->setText(text("kept"));
    }
    QCOMPARE(m_clipboard->text(), text("kept"));
}

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"
