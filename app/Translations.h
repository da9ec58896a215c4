#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

// Puts the window and the command line into the user's language: installs TokenDesk's own translation
// and Qt's base translation (qtbase_<lang>.qm: standard buttons, the command-line parser's messages) on
// the running QCoreApplication. Lives in the core so tokendesk-cli speaks the same language as the window.
//
// The language is the setting General/language of the "TokenDesk" settings ("de", "en"); empty or unset
// follows the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
class Translations {
public:
    Translations() = default;
    ~Translations(); // uninstalls what install() installed
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // The setting General/language, shared by the window and the command line.
    static QString configuredLanguage();
    // The locale to translate into: the system's for an empty setting, else the setting's language.
    static QLocale localeFor(const QString &language);
    // Where TokenDesk's .qm files are looked for, first match wins: the installed
    // share/tokendesk/translations beside the executable's bin/, then the copies compiled into the executable
    // (:/i18n).
    static QStringList searchPaths();

    // Loads and installs both translations for `locale`. English, the source language, has a translation
    // with only its plural forms ("%n account(s)" → "1 account"); a language without a translation gets
    // those English plurals and nothing else. While installed, `locale` is also QLocale's default (dates,
    // numbers) if it was found. Returns whether TokenDesk's translation for `locale` was found.
    bool install(const QLocale &locale);
    // The .qm TokenDesk's translation was loaded from (empty if none): for tests and diagnostics.
    QString loadedFile() const { return m_app.filePath(); }
    bool qtBaseLoaded() const { return !m_qt.isEmpty(); }

private:
    bool loadOwn(const QLocale &locale);
    void uninstall();

    QTranslator m_app;
    QTranslator m_qt;
    QLocale m_previousDefault;
    bool m_installed = false;
};
