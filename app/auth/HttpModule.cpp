#include "HttpModule.h"
#include "HttpTransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

QString HttpModule::fileName()
{
    return QStringLiteral(TOKENDESK_HTTP_MODULE_FILE);
}

QStringList HttpModule::searchPaths()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList paths{QDir::cleanPath(appDir + QLatin1Char('/') + QStringLiteral(TOKENDESK_HTTP_RELATIVE_DIR))};
    const QString buildTree = QStringLiteral(TOKENDESK_BUILD_TREE);
    if (appDir == buildTree || appDir.startsWith(buildTree + QLatin1Char('/')))
        paths.append(QStringLiteral(TOKENDESK_HTTP_BUILD_DIR));
    return paths;
}

std::unique_ptr<HttpTransport> HttpModule::create(const QStringList &directories, QString *error)
{
    QString problem;
    QString expected = QDir::cleanPath(QDir(directories.value(0)).filePath(fileName()));
    for (const QString &dir : directories) {
        const QString path = QDir(dir).filePath(fileName());
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path); // destroying a QLibrary does not unload the library
        const auto factory = reinterpret_cast<HttpTransportFactory>(library.resolve(TOKENDESK_HTTP_FACTORY));
        if (factory)
            return std::unique_ptr<HttpTransport>(factory());
        problem = library.errorString();
        expected = path;
        break;
    }
    if (error) {
        *error = problem.isEmpty()
                     ? QCoreApplication::translate("HttpModule",
                                                   "The HTTP module %1 is missing, so TokenDesk cannot reach any "
                                                   "provider. Reinstall TokenDesk.")
                           .arg(expected)
                     : QCoreApplication::translate("HttpModule",
                                                   "The HTTP module %1 could not be loaded (%2), so TokenDesk "
                                                   "cannot reach any provider. Reinstall TokenDesk.")
                           .arg(expected, problem);
    }
    return nullptr;
}
