#include "ClipboardGuard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMimeData>
#include <QTimer>

namespace {
QByteArray hashOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

ClipboardGuard::ClipboardGuard(QClipboard *clipboard, QObject *parent)
    : QObject(parent)
    , m_clipboard(clipboard)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    m_timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early and skip a second
    connect(m_timer, &QTimer::timeout, this, &ClipboardGuard::onTick);
    if (m_clipboard)
        connect(m_clipboard, &QClipboard::dataChanged, this, &ClipboardGuard::onClipboardChanged);
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard()
{
    if (isHoldingOurText())
        m_clipboard->clear(QClipboard::Clipboard);
}

void ClipboardGuard::setClearAfterSeconds(int seconds)
{
    m_clearAfterSeconds = qMax(0, seconds);
}

void ClipboardGuard::copy(const QString &text, const QString &what)
{
    if (!m_clipboard || text.isEmpty())
        return;
    m_timer->stop();
    m_what = what;
    // Set before the clipboard changes: dataChanged() arrives synchronously on some platforms.
    m_ourHash = hashOf(text);
    m_secondsLeft = m_clearAfterSeconds;

    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QString::fromLatin1(kPasswordManagerHintMime), QByteArrayLiteral("secret"));
    m_clipboard->setMimeData(mime, QClipboard::Clipboard); // takes ownership

    if (m_secondsLeft > 0)
        m_timer->start();
    Q_EMIT countdown(statusText(), m_secondsLeft);
}

void ClipboardGuard::clearNow()
{
    finish(true);
}

bool ClipboardGuard::isHoldingOurText() const
{
    if (m_ourHash.isEmpty() || !m_clipboard)
        return false;
    const QString current = m_clipboard->text(QClipboard::Clipboard);
    return !current.isEmpty() && hashOf(current) == m_ourHash;
}

void ClipboardGuard::onTick()
{
    if (!isHoldingOurText()) {
        finish(false);
        return;
    }
    --m_secondsLeft;
    if (m_secondsLeft <= 0) {
        finish(true);
        return;
    }
    Q_EMIT countdown(statusText(), m_secondsLeft);
}

void ClipboardGuard::onClipboardChanged()
{
    // The user copied something else: our text is gone, so there is nothing left to count down for.
    if (!m_ourHash.isEmpty() && !isHoldingOurText())
        finish(false);
}

void ClipboardGuard::finish(bool clearIfOurs)
{
    if (m_ourHash.isEmpty())
        return; // nothing pending
    const bool ours = isHoldingOurText();
    m_timer->stop();
    m_ourHash.clear();
    m_secondsLeft = 0;
    m_what.clear();
    if (ours && clearIfOurs)
        m_clipboard->clear(QClipboard::Clipboard); // dataChanged() now finds nothing pending
    Q_EMIT cleared(ours && clearIfOurs);
}

QString ClipboardGuard::statusText() const
{
    if (m_secondsLeft <= 0)
        //: %1 is what was copied, e.g. "Token"
        return tr("%1 copied").arg(m_what);
    //: %1 is what was copied, e.g. "Token"; %n the seconds until the clipboard is cleared
    return tr("%1 copied — clears in %n s", nullptr, m_secondsLeft).arg(m_what);
}
