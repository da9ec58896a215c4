#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QClipboard;
class QTimer;

// Puts secrets on the clipboard and takes them off again: every copy carries the password-manager hint
// (clipboard managers such as Klipper then keep it out of their history), and after a timeout, on
// clearNow() and on quit the clipboard is cleared, but only if it still holds what we put there; text
// the user copied since is never touched. Only the clipboard is used, never the X11 selection.
//
// While something is pending, one 1 s timer ticks and countdown() reports the status-bar text. The guard
// keeps a hash of the copied text, not the text itself.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QClipboard *clipboard, QObject *parent = nullptr);
    ~ClipboardGuard() override; // clears our text if still there (no signal)

    // Takes effect with the next copy; 0 means never clear on a timer (quit and clearNow() still clear).
    void setClearAfterSeconds(int seconds);
    int clearAfterSeconds() const { return m_clearAfterSeconds; }

    // `what` names the copied thing for the status text ("Token", "Header line"), already translated.
    // A new copy replaces the previous one and restarts the timer. Empty text is ignored.
    void copy(const QString &text, const QString &what);
    // Clears the clipboard if it still holds our text; emits cleared() if a copy was pending.
    void clearNow();

    int secondsLeft() const { return m_secondsLeft; } // 0 when nothing is pending
    bool isHoldingOurText() const;

    static constexpr int kDefaultClearAfterSeconds = 30;
    static constexpr const char *kPasswordManagerHintMime = "x-kde-passwordManagerHint";

Q_SIGNALS:
    // "Token copied — clears in 27 s": right after a copy and then every second while pending. With the
    // timer off (0 s), emitted once after the copy with "Token copied" and 0.
    void countdown(const QString &statusText, int secondsLeft);
    // The pending copy is over: after the timeout or clearNow() (wasOurs: we cleared our text), or as
    // soon as the user copied something else (wasOurs false: nothing was cleared).
    void cleared(bool wasOurs);

private:
    void onTick();
    void onClipboardChanged();
    void finish(bool clearIfOurs);
    QString statusText() const;

    QPointer<QClipboard> m_clipboard;
    QTimer *m_timer;
    QByteArray m_ourHash; // SHA-256 of the text we put there; empty: nothing of ours
    QString m_what;
    int m_clearAfterSeconds = kDefaultClearAfterSeconds;
    int m_secondsLeft = 0;
};
