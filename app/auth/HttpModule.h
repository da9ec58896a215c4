#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class HttpTransport;

// Finds and loads the HTTP transport module (app/net, libtokendesk_http.so) the way Translations finds
// its .qm files: relative to the executable (the installed layout), then, for an executable in the build
// tree, the build tree's module directory. Loaded once per process; never unloaded.
namespace HttpModule {
QString fileName();
QStringList searchPaths();
// A new transport from the first directory holding the module; null and a sentence for people, naming
// the missing file, otherwise.
std::unique_ptr<HttpTransport> create(const QStringList &directories, QString *error);
} // namespace HttpModule
