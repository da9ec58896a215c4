// The auth-header panel's keys. The main window's account actions have window-wide shortcuts (Del removes
// the account, Ctrl+C and Ctrl+Shift+C copy its token); while the focus is anywhere in this panel those keys
// belong to the panel and act on the selected auth header, as the panel's own buttons do (Delete asks
// first). The panel takes them in QEvent::ShortcutOverride, which is sent to the focus widget and its
// parents before any shortcut is looked up, so the account shortcuts stay as they are everywhere else.
#include "AuthHeaderPanel.h"

#include <QAction>
#include <QKeyEvent>
#include <QTableView>

QAction *AuthHeaderPanel::actionForKey(const QKeyEvent *event) const
{
    if (event->matches(QKeySequence::Delete))
        return m_delete;
    if (event->matches(QKeySequence::Copy))
        return m_copyToken;
    if (event->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_C))
        return m_copyHeader;
    return nullptr;
}

bool AuthHeaderPanel::triggerKey(QKeyEvent *event)
{
    QAction *action = actionForKey(event);
    if (!action)
        return false;
    event->accept();
    if (action->isEnabled())
        action->trigger();
    return true; // with nothing selected the key does nothing: never the account's action instead
}

bool AuthHeaderPanel::event(QEvent *event)
{
    // From any child that did not take the key itself (a line edit keeps its own Copy and Delete).
    if (event->type() == QEvent::ShortcutOverride && actionForKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void AuthHeaderPanel::keyPressEvent(QKeyEvent *event)
{
    if (!triggerKey(event))
        QWidget::keyPressEvent(event);
}

// The list before the item view: QAbstractItemView copies a cell's display text on Ctrl+C by itself,
// without the clipboard guard.
bool AuthHeaderPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (event->type() == QEvent::ShortcutOverride) {
            if (actionForKey(key)) {
                event->accept();
                return true;
            }
        } else if (triggerKey(key)) {
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
