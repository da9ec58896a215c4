// Translations installs TokenDesk's translation and Qt's for the configured or the system language.
#include "Translations.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString translated(const char *context, const char *text) {
    return QCoreApplication::translate(context, text);
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void germanSettingTranslatesTokenDeskAndQt();
    void pluralsFollowTheCount();
    void englishHasItsPluralForms();
    void englishSettingReadsEnglishPlurals();
    void untranslatedLanguageGetsEnglishPlurals();
    void emptySettingFollowsTheSystemLocale();
    void compiledInCopyIsFoundWhenNotInstalled();
    void destructionUninstalls();

private:
    QTemporaryDir m_config;
};

void TestTranslations::initTestCase() {
    QVERIFY(m_config.isValid());
    // Before the first QSettings: the setting goes to a throw-away config directory.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
}

void TestTranslations::init() {
    QSettings(QStringLiteral("TokenDesk"), QStringLiteral("TokenDesk"))
        .remove(QStringLiteral("General/language"));
}

void TestTranslations::germanSettingTranslatesTokenDeskAndQt() {
    QSettings(QStringLiteral("TokenDesk"), QStringLiteral("TokenDesk"))
        .setValue(QStringLiteral("General/language"), QStringLiteral("de"));
    QCOMPARE(Translations::configuredLanguage(), QStringLiteral("de"));
    Translations translations;
    QVERIFY(translations.install(Translations::localeFor(Translations::configuredLanguage())));
    // The window, the core and the command line share one translation.
    QCOMPARE(translated("MainWindow", "&Quit"), QStringLiteral("&Beenden"));
    QCOMPARE(translated("TokenState", "Expired"), QStringLiteral("Abgelaufen"));
    QCOMPARE(translated("Cli", "Show this help."), QStringLiteral("Diese Hilfe anzeigen."));
    // Qt's own strings (qt6-translations-l10n): the command-line parser's and the standard buttons'.
    QVERIFY(translations.qtBaseLoaded());
    QCOMPARE(translated("QCommandLineParser", "Displays version information."),
             QStringLiteral("Zeigt Versionsinformation an."));
}

void TestTranslations::pluralsFollowTheCount() {
    Translations translations;
    QVERIFY(translations.install(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(
        QCoreApplication::translate("DetailsPanel", "The password expires on %1 (in %n day(s)).", nullptr, 1),
        QStringLiteral("Das Passwort läuft am %1 ab (in 1 Tag)."));
    QCOMPARE(
        QCoreApplication::translate("DetailsPanel", "The password expires on %1 (in %n day(s)).", nullptr, 5),
        QStringLiteral("Das Passwort läuft am %1 ab (in 5 Tagen)."));
}

void TestTranslations::englishHasItsPluralForms() {
    Translations translations;
    QVERIFY(translations.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QVERIFY2(translations.loadedFile().endsWith(QLatin1String("tokendesk_en.qm")),
             qPrintable(translations.loadedFile()));
    // The source text is English: only the plural messages are in tokendesk_en.
    QCOMPARE(translated("MainWindow", "&Quit"), QStringLiteral("&Quit"));
    QCOMPARE(QCoreApplication::translate("ExchangeActions", "%n account(s)", nullptr, 1),
             QStringLiteral("1 account"));
    QCOMPARE(QCoreApplication::translate("ExchangeActions", "%n account(s)", nullptr, 2),
             QStringLiteral("2 accounts"));
    QCOMPARE(QCoreApplication::translate("ImportDialog", "%n field(s) differ", nullptr, 1),
             QStringLiteral("1 field differs"));
}

void TestTranslations::englishSettingReadsEnglishPlurals() {
    QSettings(QStringLiteral("TokenDesk"), QStringLiteral("TokenDesk"))
        .setValue(QStringLiteral("General/language"), QStringLiteral("en"));
    Translations translations;
    QVERIFY(translations.install(Translations::localeFor(Translations::configuredLanguage())));
    QCOMPARE(
        QCoreApplication::translate("DetailsPanel", "The password expires on %1 (in %n day(s)).", nullptr, 1),
        QStringLiteral("The password expires on %1 (in 1 day)."));
    QCOMPARE(
        QCoreApplication::translate("DetailsPanel", "The password expires on %1 (in %n day(s)).", nullptr, 3),
        QStringLiteral("The password expires on %1 (in 3 days)."));
}

void TestTranslations::untranslatedLanguageGetsEnglishPlurals() {
    Translations translations;
    // No French translation: the window stays English, with English plurals, and Qt's strings stay as they
    // are.
    QVERIFY(!translations.install(QLocale(QLocale::French, QLocale::France)));
    QVERIFY(!translations.qtBaseLoaded());
    QCOMPARE(QCoreApplication::translate("Cli", "Exported %n account(s)", nullptr, 1),
             QStringLiteral("Exported 1 account"));
    QCOMPARE(translated("MainWindow", "&Quit"), QStringLiteral("&Quit"));
}

void TestTranslations::emptySettingFollowsTheSystemLocale() {
    QCOMPARE(Translations::configuredLanguage(), QString());
    QCOMPARE(Translations::localeFor(QString()), QLocale::system());
    QCOMPARE(Translations::localeFor(QStringLiteral("de")).language(), QLocale::German);
}

void TestTranslations::compiledInCopyIsFoundWhenNotInstalled() {
    // The test binary is not installed: the .qm compiled into the core is the one found.
    Translations translations;
    QVERIFY(translations.install(QLocale(QLocale::German)));
    QVERIFY2(translations.loadedFile().startsWith(QLatin1String(":/i18n/")),
             qPrintable(translations.loadedFile()));
    QCOMPARE(Translations::searchPaths().constLast(), QStringLiteral(":/i18n"));
    QVERIFY(
        Translations::searchPaths().constFirst().endsWith(QLatin1String("/share/tokendesk/translations")));
}

void TestTranslations::destructionUninstalls() {
    {
        Translations translations;
        QVERIFY(translations.install(QLocale(QLocale::German)));
        QCOMPARE(translated("MainWindow", "&Quit"), QStringLiteral("&Beenden"));
    }
    QCOMPARE(translated("MainWindow", "&Quit"), QStringLiteral("&Quit"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
