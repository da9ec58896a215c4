#pragma once

#include <QIcon>
#include <QString>

// TokenDesk's own SVG icons (resources/icons/, compiled in under :/icons/). The action icons are drawn in
// `currentColor`; they are painted in the application palette's text colour at the moment they are painted,
// at the size and device pixel ratio asked for: crisp on high-DPI screens, and readable on light and dark
// palettes alike, also after the palette changes.
namespace Icons {

// An action icon by its file name without ".svg": add, edit, duplicate, remove, login, login-all, refresh,
// logout, copy-token, copy-header, copy-curl, settings, reveal, rotate, tokendesk-symbolic (the tray). A null
// icon for an unknown name.
QIcon action(const QString &name);

// The application icon (also installed as share/icons/hicolor/scalable/apps/tokendesk.svg).
QIcon application();

// The names action() knows, for tests.
QStringList actionNames();

} // namespace Icons
