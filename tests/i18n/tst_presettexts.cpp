// The built-in provider presets' texts for people are listed for translation (PresetTexts) and shown in the
// process's language.
#include "providers/PresetTexts.h"
#include "providers/ProviderProfile.h"
#include "providers/ProviderRegistry.h"
#include "Translations.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The description, error messages and host labels of every built-in preset, as the registry has them.
QStringList presetTexts(const ProviderRegistry &registry) {
    QStringList texts;
    for (const ProviderProfile *profile : registry.profiles()) {
        if (!profile->builtIn)
            continue;
        texts.append(profile->description);
        for (const ErrorRule &rule : profile->errors) {
            if (!rule.message.isEmpty())
                texts.append(rule.message);
        }
        for (const KnownHost &host : profile->knownHosts)
            texts.append(host.label);
    }
    return texts;
}
} // namespace

class TestPresetTexts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPresetTextIsListed();
    void everyListedTextIsInAPreset();
    void germanProcessShowsGermanPresetTexts();

private:
    QTemporaryDir m_config;
};

void TestPresetTexts::initTestCase() {
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path())); // no one's language setting
}

void TestPresetTexts::everyPresetTextIsListed() {
    const ProviderRegistry registry; // no translator installed: the presets' own English
    const QStringList listed = PresetTexts::all();
    const QStringList texts = presetTexts(registry);
    QVERIFY(texts.size() >= 5); // one description per preset at least
    for (const QString &text : texts)
        QVERIFY2(listed.contains(text), qPrintable(QStringLiteral("not in PresetTexts: ") + text));
}

void TestPresetTexts::everyListedTextIsInAPreset() {
    const ProviderRegistry registry;
    const QStringList texts = presetTexts(registry);
    for (const QString &text : PresetTexts::all())
        QVERIFY2(texts.contains(text), qPrintable(QStringLiteral("no preset has: ") + text));
}

void TestPresetTexts::germanProcessShowsGermanPresetTexts() {
    Translations translations;
    QVERIFY(translations.install(QLocale(QLocale::German, QLocale::Germany)));
    const ProviderRegistry registry; // parses its presets now, in German
    const ProviderProfile *b2b = registry.find(QStringLiteral("b2b-api"));
    QVERIFY(b2b);
    QVERIFY2(b2b->description.contains(QStringLiteral("Benutzername")), qPrintable(b2b->description));
    const ProviderProfile *kyc = registry.find(QStringLiteral("kyc-jwt"));
    QVERIFY(kyc);
    QVERIFY(!kyc->errors.isEmpty());
    bool germanMessage = false;
    for (const ErrorRule &rule : kyc->errors)
        germanMessage = germanMessage || rule.message.contains(QStringLiteral("Benutzername"));
    QVERIFY(germanMessage);
    // What the presets do is not translated.
    QCOMPARE(b2b->id, QStringLiteral("b2b-api"));
    QVERIFY(b2b->login.isDefined());
}

QTEST_GUILESS_MAIN(TestPresetTexts)
#include "tst_presettexts.moc"
