#include "WindowPlacement.h"

#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QTimer>
#include <QWidget>

namespace {

void fitNow(QWidget *window)
{
    if (window->isMaximized() || window->isFullScreen())
        return;
    const QRect geometry = window->geometry();
    QScreen *screen = QGuiApplication::screenAt(geometry.center());
    if (!screen)
        screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    // The frame (title bar, border) must fit too; its margins are known once the window is shown.
    const QRect frame = window->frameGeometry();
    const QMargins frameMargins(geometry.left() - frame.left(), geometry.top() - frame.top(),
                                frame.right() - geometry.right(), frame.bottom() - geometry.bottom());
    const QRect usable = screen->availableGeometry().marginsRemoved(frameMargins);
    // Never below the window's minimum size; then at least its top left corner stays on the screen.
    const QSize size = geometry.size().boundedTo(usable.size()).expandedTo(window->minimumSize());
    QRect fitted(geometry.topLeft(), size);
    if (fitted.right() > usable.right())
        fitted.moveRight(usable.right());
    if (fitted.bottom() > usable.bottom())
        fitted.moveBottom(usable.bottom());
    if (fitted.left() < usable.left())
        fitted.moveLeft(usable.left());
    if (fitted.top() < usable.top())
        fitted.moveTop(usable.top());
    if (fitted != geometry)
        window->setGeometry(fitted);
}

// Fits the window once more right after it is first shown, when its frame is known; then goes.
class FitWhenShown : public QObject
{
public:
    explicit FitWhenShown(QWidget *window)
        : QObject(window)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *window = static_cast<QWidget *>(watched);
            QTimer::singleShot(0, window, [window] { fitNow(window); });
            deleteLater();
        }
        return false;
    }
};

} // namespace

void fitWindowOnScreen(QWidget *window)
{
    fitNow(window);
    if (!window->isVisible())
        new FitWhenShown(window);
}
