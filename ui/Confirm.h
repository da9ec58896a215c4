#pragma once

#include <QString>

class QWidget;

// Yes/no questions, answerable from tests (as KeePassXC's MessageBox::setNextAnswer).
namespace Confirm {
bool ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText);
void setNextAnswer(bool answer); // tests: the next ask() returns this without showing a dialog
} // namespace Confirm
