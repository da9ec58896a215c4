#include "Confirm.h"

#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace {
std::optional<bool> g_nextAnswer;
}

namespace Confirm {

bool ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText)
{
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void setNextAnswer(bool answer)
{
    g_nextAnswer = answer;
}

} // namespace Confirm
