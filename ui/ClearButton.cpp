#include "ClearButton.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

void enableNamedClearButton(QLineEdit *edit, const QString &name)
{
    edit->setClearButtonEnabled(true);
    // Qt names the action it adds for the clear button; the button shown for it is a QToolButton with
    // that action as its default action.
    auto *clear = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"));
    if (!clear)
        return;
    // The button, not the action: a change to the action would make Qt show the button at once, and
    // a text would make it ask for room to show the text.
    for (QToolButton *button : edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly)) {
        if (button->defaultAction() == clear)
            button->setAccessibleName(name);
    }
}
