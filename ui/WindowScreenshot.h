#pragma once

#include <QString>

class CoreServices;
class MainWindow;

// tokendesk --screenshot FILE: once the accounts have logged in (at most a few seconds), selects the first
// row, saves a PNG of the window to `path`, prints the path and ends the event loop (exit status 1 if the
// file cannot be written).
namespace WindowScreenshot {
void saveWhenSettled(MainWindow *window, CoreServices *core, const QString &path);
} // namespace WindowScreenshot
