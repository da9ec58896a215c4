// User provider profiles saved and removed while the app runs (the providers dialog, an import), and
// profile validation errors that name the field.
#include "ExchangeTestSupport.h"

#include "CoreServices.h"
#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ExchangeTest;

class TestUserProfiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saveWritesFileAndRegisters();
    void replaceKeepsOldPointerValid();
    void builtInIdRefused();
    void removeDeletesFile();
    void inMemoryWithoutDirectory();
    void errorsNameTheField_data();
    void errorsNameTheField();
    void loadedAgainAfterRestart();
    void configFolderCreatedPrivate();
    void neverOverwritesAnotherProfilesFile();
    void otherProcessesProfilesReloaded();
};

void TestUserProfiles::otherProcessesProfilesReloaded()
{
    // Two cores on one config directory, as the GUI and the CLI: what one saves or removes, the other sees.
    QTemporaryDir dir;
    CoreOptions options;
    options.configDirectory = dir.filePath(QStringLiteral("tokendesk"));
    options.keychainService = QStringLiteral("TokenDesk-test-reload");
    CoreServices gui(options);
    CoreServices cli(options);
    QSignalSpy reloaded(&gui, &CoreServices::providersReloaded);
    QString error;
    QVERIFY2(cli.providers()->saveUserProfile(customProfile(), &error), qPrintable(error));
    QTRY_VERIFY(gui.providers()->find(QStringLiteral("acme-keys")));
    QVERIFY(reloaded.count() >= 1);
    const ProviderProfile *old = gui.providers()->find(QStringLiteral("acme-keys"));
    QVERIFY(cli.providers()->saveUserProfile(customProfile(QStringLiteral("acme-keys"), QStringLiteral("Acme v2")), &error));
    QTRY_COMPARE(gui.providers()->find(QStringLiteral("acme-keys"))->name, QStringLiteral("Acme v2"));
    QCOMPARE(old->name, QStringLiteral("Acme Keys")); // retired, still valid for a login in flight
    QVERIFY(cli.providers()->removeUserProfile(QStringLiteral("acme-keys"), &error));
    QTRY_VERIFY(!gui.providers()->find(QStringLiteral("acme-keys")));
    QCOMPARE(gui.providers()->profiles().size(), 5);
}

void TestUserProfiles::configFolderCreatedPrivate()
{
    // A profile saved before the account file exists creates <config>/tokendesk: it must be 0700 too.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("xdg/tokendesk"));
    ProviderRegistry registry;
    registry.loadUserProfiles(config + QStringLiteral("/providers"));
    QString error;
    QVERIFY2(registry.saveUserProfile(customProfile(), &error), qPrintable(error));
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFileInfo(config).permissions() & others, QFile::Permissions());
    QCOMPARE(QFileInfo(config + QStringLiteral("/providers")).permissions() & others, QFile::Permissions());
}

void TestUserProfiles::neverOverwritesAnotherProfilesFile()
{
    QTemporaryDir dir;
    const QString providers = dir.filePath(QStringLiteral("providers"));
    QVERIFY(QDir().mkpath(providers));
    // "beta.json" holds the profile "alpha"; "gamma.json" is broken (not loaded) but is someone's file.
    const QByteArray alpha = customProfile(QStringLiteral("alpha"), QStringLiteral("Alpha"));
    QVERIFY(writeAll(providers + QStringLiteral("/beta.json"), alpha));
    QVERIFY(writeAll(providers + QStringLiteral("/gamma.json"), "{ half a profile"));
    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(providers), 1);
    QString error;
    QVERIFY(!registry.saveUserProfile(customProfile(QStringLiteral("beta"), QStringLiteral("Beta")), &error));
    QVERIFY2(error.contains(QStringLiteral("\"alpha\"")), qPrintable(error));
    QCOMPARE(readAll(providers + QStringLiteral("/beta.json")), alpha);
    QVERIFY(!registry.find(QStringLiteral("beta")));
    QVERIFY(!registry.saveUserProfile(customProfile(QStringLiteral("gamma"), QStringLiteral("Gamma")), &error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QCOMPARE(readAll(providers + QStringLiteral("/gamma.json")), QByteArray("{ half a profile"));
    // Replacing a loaded profile still writes the file it came from.
    QVERIFY2(registry.saveUserProfile(customProfile(QStringLiteral("alpha"), QStringLiteral("Alpha 2")), &error),
             qPrintable(error));
    QVERIFY(readAll(providers + QStringLiteral("/beta.json")).contains("Alpha 2"));
}

void TestUserProfiles::saveWritesFileAndRegisters()
{
    QTemporaryDir dir;
    ProviderRegistry registry;
    registry.loadUserProfiles(dir.filePath(QStringLiteral("providers"))); // missing: remembered for saving
    QString error;
    QString id;
    QVERIFY2(registry.saveUserProfile(customProfile(), &error, &id), qPrintable(error));
    QCOMPARE(id, QStringLiteral("acme-keys"));
    const ProviderProfile *p = registry.find(id);
    QVERIFY(p);
    QVERIFY(!p->builtIn);
    QCOMPARE(p->name, QStringLiteral("Acme Keys"));
    const QString path = dir.filePath(QStringLiteral("providers/acme-keys.json"));
    QCOMPARE(p->sourceFile, path);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(registry.json(id).value(QLatin1String("name")).toString(), QStringLiteral("Acme Keys"));
    QCOMPARE(registry.profiles().size(), 6);
    QCOMPARE(registry.profiles().last()->id, id); // after the built-ins
}

void TestUserProfiles::replaceKeepsOldPointerValid()
{
    ProviderRegistry registry;
    QVERIFY(registry.saveUserProfile(customProfile(), nullptr));
    const ProviderProfile *old = registry.find(QStringLiteral("acme-keys"));
    QVERIFY(registry.saveUserProfile(customProfile(QStringLiteral("acme-keys"), QStringLiteral("Acme v2")), nullptr));
    QCOMPARE(registry.find(QStringLiteral("acme-keys"))->name, QStringLiteral("Acme v2"));
    QCOMPARE(old->name, QStringLiteral("Acme Keys")); // an operation in flight keeps what it started with
    QCOMPARE(registry.profiles().size(), 6);
}

void TestUserProfiles::builtInIdRefused()
{
    ProviderRegistry registry;
    QString error;
    QVERIFY(!registry.saveUserProfile(customProfile(QStringLiteral("quadrata")), &error));
    QVERIFY2(error.contains(QStringLiteral("field 'id'")) && error.contains(QStringLiteral("built-in")), qPrintable(error));
    QCOMPARE(registry.find(QStringLiteral("quadrata"))->name, QStringLiteral("Quadrata"));
    QVERIFY(!registry.removeUserProfile(QStringLiteral("quadrata"), &error));
    QVERIFY(registry.find(QStringLiteral("quadrata")));
}

void TestUserProfiles::removeDeletesFile()
{
    QTemporaryDir dir;
    ProviderRegistry registry;
    registry.setUserDirectory(dir.path());
    QVERIFY(registry.saveUserProfile(customProfile(), nullptr));
    const QString path = dir.filePath(QStringLiteral("acme-keys.json"));
    QVERIFY(QFileInfo::exists(path));
    QString error;
    QVERIFY2(registry.removeUserProfile(QStringLiteral("acme-keys"), &error), qPrintable(error));
    QVERIFY(!registry.find(QStringLiteral("acme-keys")));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(registry.profiles().size(), 5);
}

void TestUserProfiles::inMemoryWithoutDirectory()
{
    ProviderRegistry registry;
    QVERIFY(registry.userDirectory().isEmpty());
    QVERIFY(registry.saveUserProfile(customProfile(), nullptr));
    QVERIFY(registry.find(QStringLiteral("acme-keys"))->sourceFile.isEmpty());
}

void TestUserProfiles::errorsNameTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("id") << QStringLiteral("id") << QJsonValue(QStringLiteral("Has Spaces")) << QStringLiteral("'id'");
    QTest::newRow("id with a final newline") << QStringLiteral("id") << QJsonValue(QStringLiteral("corp\n"))
                                             << QStringLiteral("'id'");
    QTest::newRow("credential") << QStringLiteral("credential") << QJsonValue(QStringLiteral("cert"))
                                << QStringLiteral("'credential'");
    QTest::newRow("login.path") << QStringLiteral("login")
                                << QJsonValue(QJsonObject{{QStringLiteral("path"), QStringLiteral("login")},
                                                          {QStringLiteral("fields"), QJsonObject{{QStringLiteral("k"), QStringLiteral("{secret}")}}}})
                                << QStringLiteral("'login.path'");
    QTest::newRow("login.fields") << QStringLiteral("login")
                                  << QJsonValue(QJsonObject{{QStringLiteral("path"), QStringLiteral("/login")},
                                                            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("k"), QStringLiteral("{nope}")}}}})
                                  << QStringLiteral("'login.fields.k'");
    QTest::newRow("response.accessToken") << QStringLiteral("response")
                                          << QJsonValue(QJsonObject{{QStringLiteral("accessToken"), QStringLiteral("data.token")}})
                                          << QStringLiteral("'response.accessToken'");
    QTest::newRow("header.value") << QStringLiteral("header")
                                  << QJsonValue(QJsonObject{{QStringLiteral("name"), QStringLiteral("X-Auth")},
                                                            {QStringLiteral("value"), QStringLiteral("Bearer")}})
                                  << QStringLiteral("'header.value'");
    QTest::newRow("knownHosts[1].url") << QStringLiteral("knownHosts")
                                       << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("A")},
                                                                            {QStringLiteral("url"), QStringLiteral("https://a.example.com")}},
                                                                QJsonObject{{QStringLiteral("label"), QStringLiteral("B")},
                                                                            {QStringLiteral("url"), QStringLiteral("ftp://b")}}})
                                       << QStringLiteral("'knownHosts[1].url'");
    QTest::newRow("errors[0].status") << QStringLiteral("errors")
                                      << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("status"), 42},
                                                                           {QStringLiteral("kind"), QStringLiteral("provider_error")}}})
                                      << QStringLiteral("'errors[0].status'");
}

void TestUserProfiles::errorsNameTheField()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QJsonObject o = QJsonDocument::fromJson(customProfile()).object();
    o.insert(key, value);
    ProviderRegistry registry;
    QString error;
    QVERIFY(!registry.saveUserProfile(QJsonDocument(o).toJson(), &error));
    QVERIFY2(error.contains(QStringLiteral("field ") + field), qPrintable(error));
    QVERIFY(!registry.find(QStringLiteral("acme-keys")));
    QVERIFY(!registry.find(o.value(QLatin1String("id")).toString()));
}

void TestUserProfiles::loadedAgainAfterRestart()
{
    QTemporaryDir dir;
    {
        ProviderRegistry registry;
        registry.loadUserProfiles(dir.path());
        QVERIFY(registry.saveUserProfile(customProfile(), nullptr));
    }
    ProviderRegistry again;
    QCOMPARE(again.loadUserProfiles(dir.path()), 1);
    QVERIFY(again.find(QStringLiteral("acme-keys")));
    QVERIFY(again.errors().isEmpty());
}

QTEST_GUILESS_MAIN(TestUserProfiles)
#include "tst_userprofiles.moc"
