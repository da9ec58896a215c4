#pragma once

class QLineEdit;
class QString;

// Turns on `edit`'s clear button and gives it `name` (already translated) as its accessible name: Qt's
// own button has none, so a screen reader announces a nameless button.
void enableNamedClearButton(QLineEdit *edit, const QString &name);
