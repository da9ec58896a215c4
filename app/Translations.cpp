#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>

namespace {
const QString kFileName = QStringLiteral("tokendesk");
const QString kPrefix = QStringLiteral("_");
} // namespace

Translations::~Translations() {
    uninstall();
}

QString Translations::configuredLanguage() {
    // The CLI's application name differs from the window's; both read the window's settings.
    const QSettings settings(QStringLiteral("TokenDesk"), QStringLiteral("TokenDesk"));
    return settings.value(QStringLiteral("General/language")).toString().trimmed();
}

QLocale Translations::localeFor(const QString &language) {
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QStringList Translations::searchPaths() {
    return {QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                            QStringLiteral(TOKENDESK_TRANSLATIONS_RELATIVE_DIR)),
            QStringLiteral(":/i18n")};
}

bool Translations::loadOwn(const QLocale &locale) {
    for (const QString &dir : searchPaths()) {
        if (m_app.load(locale, kFileName, kPrefix, dir))
            return true;
    }
    return false;
}

bool Translations::install(const QLocale &locale) {
    uninstall();
    const bool found = loadOwn(locale);
    // Without a translation the window speaks the source language, English: its plural forms
    // (tokendesk_en.qm, "1 account" / "2 accounts" for "%n account(s)") still apply.
    if (!found && !loadOwn(QLocale(QLocale::English)))
        return false;
    QCoreApplication::installTranslator(&m_app);
    m_previousDefault = QLocale();
    m_installed = true;
    // Qt's own strings only where TokenDesk is translated too: a German dialog with English buttons is
    // odd, and so is the opposite.
    if (found) {
        (void)m_qt.load(locale, QStringLiteral("qtbase"), kPrefix,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (!m_qt.isEmpty())
            QCoreApplication::installTranslator(&m_qt);
        // Dates and numbers in the same language as the words.
        QLocale::setDefault(locale);
    }
    return found;
}

void Translations::uninstall() {
    if (!m_installed)
        return;
    m_installed = false;
    QLocale::setDefault(m_previousDefault);
    if (QCoreApplication::instance()) {
        QCoreApplication::removeTranslator(&m_qt);
        QCoreApplication::removeTranslator(&m_app);
    }
}
