#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QStringList kBuiltInIds{u"quadrata"_s, u"kyc-jwt"_s, u"partner-api"_s, u"b2b-api"_s,
                              u"user-authheader"_s};

QByteArray profileJson(const QString &id, const QString &name, const QString &extraDescription = {}) {
    const QJsonObject o{
        {u"format"_s, 1},
        {u"id"_s, id},
        {u"name"_s, name},
        {u"description"_s, QString(u"A user profile."_s + extraDescription)},
        {u"credential"_s, u"api_key"_s},
        {u"login"_s,
         QJsonObject{{u"path"_s, u"/login"_s}, {u"fields"_s, QJsonObject{{u"key"_s, u"{secret}"_s}}}}},
        {u"response"_s, QJsonObject{{u"accessToken"_s, u"/token"_s}}},
    };
    return QJsonDocument(o).toJson();
}

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QStringList ids(const QList<const ProviderProfile *> &profiles) {
    QStringList list;
    for (const ProviderProfile *p : profiles)
        list.append(p->id);
    return list;
}
} // namespace

class TestProviderRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInsPresent();
    void builtInsInAnyOrderOfUse();
    void userDirectoryGoodAndBroken();
    void duplicateOfBuiltInRefused();
    void duplicateBetweenUserFilesRefused();
    void missingDirectoryIsFine();
    void emptyPathIsNotTheCurrentDirectory();
    void emptyDirectory();
    void oversizedFileSkipped();
    void onlyJsonFilesRead();
    void addProfileDirectly();
    void profilesOrder();
    void defaultUserDirectory();
    void reloadKeepsUnchangedAndAddsNew();
};

void TestProviderRegistry::builtInsPresent() {
    const ProviderRegistry registry;
    QVERIFY(registry.errors().isEmpty());
    QCOMPARE(registry.profiles().size(), kBuiltInIds.size());
    for (const QString &id : kBuiltInIds) {
        const ProviderProfile *p = registry.find(id);
        QVERIFY2(p, qPrintable(id));
        QCOMPARE(p->id, id);
        QVERIFY(p->builtIn);
        QCOMPARE(p->sourceFile, u":/providers/"_s + id + u".json"_s);
    }
    QVERIFY(!registry.find(u"nope"_s));
    QVERIFY(!registry.find(QString()));
    // Spot-check that find() returns the right object, not just any.
    QCOMPARE(registry.find(u"partner-api"_s)->headerName, u"R-Auth"_s);
    QCOMPARE(registry.find(u"kyc-jwt"_s)->login.body, RequestTemplate::BodyFormat::Form);
}

// Built-ins are parsed when first asked for: whatever is asked first, each is there once and the same.
void TestProviderRegistry::builtInsInAnyOrderOfUse() {
    ProviderRegistry registry;
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"mine.json"_s), profileJson(u"mine"_s, u"Mine"_s)));
    QCOMPARE(registry.loadUserProfiles(dir.path()), 1);
    const ProviderProfile *kyc = registry.find(u"kyc-jwt"_s);
    QVERIFY(kyc && kyc->builtIn);
    QCOMPARE(registry.json(u"partner-api"_s).value(u"id"_s).toString(), u"partner-api"_s);
    QVERIFY(!registry.find(u"kyc-jwt.json"_s));
    QString error;
    QVERIFY(!registry.saveUserProfile(profileJson(u"b2b-api"_s, u"Fake"_s), &error));
    QVERIFY2(error.contains(u"built-in"_s), qPrintable(error));
    const QStringList all = ids(registry.profiles());
    QCOMPARE(all.size(), kBuiltInIds.size() + 1);
    for (const QString &id : kBuiltInIds)
        QCOMPARE(all.count(id), 1);
    QCOMPARE(all.last(), u"mine"_s);
    QCOMPARE(registry.find(u"kyc-jwt"_s), kyc); // the same object as before the others were parsed
}

void TestProviderRegistry::userDirectoryGoodAndBroken() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a-broken-path.json"_s),
                      profileJson(u"corp-a"_s, u"Corp A"_s).replace("\"/login\"", "\"login\"")));
    QVERIFY(writeFile(dir.filePath(u"b-good.json"_s), profileJson(u"corp"_s, u"Corp"_s)));
    QVERIFY(writeFile(dir.filePath(u"c-not-json.json"_s), QByteArrayLiteral("{\"format\": 1, \"id\": ")));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 1);

    const ProviderProfile *good = registry.find(u"corp"_s);
    QVERIFY(good);
    QVERIFY(!good->builtIn);
    QCOMPARE(good->sourceFile, dir.filePath(u"b-good.json"_s));
    QVERIFY(!registry.find(u"corp-a"_s));
    QCOMPARE(registry.profiles().size(), kBuiltInIds.size() + 1);

    const QStringList errors = registry.errors();
    QCOMPARE(errors.size(), 2);
    // Sorted by file name; each names its own file and what is wrong with it.
    QVERIFY2(errors.at(0).contains(u"a-broken-path.json"_s), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(0).contains(u"field 'login.path'"_s), qPrintable(errors.at(0)));
    QVERIFY2(!errors.at(0).contains(u"c-not-json"_s), qPrintable(errors.at(0)));
    QVERIFY2(errors.at(1).contains(u"c-not-json.json"_s), qPrintable(errors.at(1)));
    QVERIFY2(errors.at(1).contains(u"not valid JSON"_s), qPrintable(errors.at(1)));
    QVERIFY2(!errors.at(1).contains(u"a-broken-path"_s), qPrintable(errors.at(1)));
}

void TestProviderRegistry::duplicateOfBuiltInRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"my-quadrata.json"_s), profileJson(u"quadrata"_s, u"Fake Quadrata"_s)));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 0);
    QCOMPARE(registry.profiles().size(), kBuiltInIds.size());
    const ProviderProfile *p = registry.find(u"quadrata"_s);
    QVERIFY(p->builtIn);
    QCOMPARE(p->name, u"Quadrata"_s);
    QCOMPARE(registry.errors().size(), 1);
    const QString error = registry.errors().first();
    QVERIFY2(error.contains(u"my-quadrata.json"_s), qPrintable(error));
    QVERIFY2(error.contains(u"field 'id'"_s), qPrintable(error));
    QVERIFY2(error.contains(u"\"quadrata\""_s), qPrintable(error));
    QVERIFY2(error.contains(u":/providers/quadrata.json"_s), qPrintable(error));
}

void TestProviderRegistry::duplicateBetweenUserFilesRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"1.json"_s), profileJson(u"corp"_s, u"First"_s)));
    QVERIFY(writeFile(dir.filePath(u"2.json"_s), profileJson(u"corp"_s, u"Second"_s)));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 1);
    QCOMPARE(registry.find(u"corp"_s)->name, u"First"_s);
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY2(registry.errors().first().contains(u"2.json"_s), qPrintable(registry.errors().first()));
    QVERIFY2(registry.errors().first().contains(dir.filePath(u"1.json"_s)),
             qPrintable(registry.errors().first()));
}

void TestProviderRegistry::missingDirectoryIsFine() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.filePath(u"does/not/exist"_s)), 0);
    QVERIFY(registry.errors().isEmpty());
    QCOMPARE(registry.profiles().size(), kBuiltInIds.size());
}

void TestProviderRegistry::emptyPathIsNotTheCurrentDirectory() {
    // An unset directory setting must load nothing, not whatever *.json sits in the working directory.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"stray.json"_s), profileJson(u"stray"_s, u"Stray"_s)));
    QVERIFY(writeFile(dir.filePath(u"package.json"_s), QByteArrayLiteral(R"({"name": "some-npm-package"})")));
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    ProviderRegistry registry;
    const int loaded = registry.loadUserProfiles(QString());
    const QStringList errors = registry.errors();
    QVERIFY(QDir::setCurrent(previous));
    QCOMPARE(loaded, 0);
    QVERIFY(!registry.find(u"stray"_s));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

void TestProviderRegistry::emptyDirectory() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 0);
    QVERIFY(registry.errors().isEmpty());
}

void TestProviderRegistry::oversizedFileSkipped() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Valid JSON and a valid profile, only too large: it is the size that gets it refused.
    const QByteArray big = profileJson(u"big"_s, u"Big"_s, QString(300 * 1024, u'x'));
    QVERIFY(big.size() > 256 * 1024);
    QVERIFY(ProviderProfile::fromJson(big, u"big.json"_s, nullptr).has_value());
    QVERIFY(writeFile(dir.filePath(u"big.json"_s), big));
    QVERIFY(writeFile(dir.filePath(u"small.json"_s), profileJson(u"small"_s, u"Small"_s)));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 1);
    QVERIFY(!registry.find(u"big"_s));
    QVERIFY(registry.find(u"small"_s));
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY2(registry.errors().first().contains(u"big.json"_s), qPrintable(registry.errors().first()));
    QVERIFY2(registry.errors().first().contains(u"256 KiB"_s), qPrintable(registry.errors().first()));
}

void TestProviderRegistry::onlyJsonFilesRead() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), QByteArrayLiteral("not a profile")));
    QVERIFY(writeFile(dir.filePath(u"corp.json.bak"_s), QByteArrayLiteral("{")));
    QVERIFY(QDir(dir.path()).mkdir(u"folder.json"_s));
    QVERIFY(writeFile(dir.filePath(u"folder.json/inner.json"_s), profileJson(u"inner"_s, u"Inner"_s)));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 0);
    QVERIFY(registry.errors().isEmpty());
    QVERIFY(!registry.find(u"inner"_s));
}

void TestProviderRegistry::addProfileDirectly() {
    ProviderRegistry registry;
    QString error;
    QVERIFY(registry.addProfile(profileJson(u"corp"_s, u"Corp"_s), u"corp.json"_s, false, &error));
    QVERIFY(error.isEmpty());
    QVERIFY(!registry.addProfile(profileJson(u"corp"_s, u"Again"_s), u"again.json"_s, false, &error));
    QVERIFY2(error.startsWith(u"again.json: field 'id': "_s), qPrintable(error));
    QVERIFY(!registry.addProfile(QByteArrayLiteral("{}"), u"empty.json"_s, false, &error));
    QVERIFY2(error.startsWith(u"empty.json: field 'format': "_s), qPrintable(error));
    QVERIFY(!registry.addProfile(QByteArrayLiteral("{}"), u"empty.json"_s, false)); // no error pointer
    // addProfile reports through its out-parameter, not through errors().
    QVERIFY(registry.errors().isEmpty());
    QCOMPARE(registry.find(u"corp"_s)->name, u"Corp"_s);
}

void TestProviderRegistry::profilesOrder() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"z.json"_s), profileJson(u"zed"_s, u"Alpha corp"_s)));
    QVERIFY(writeFile(dir.filePath(u"a.json"_s), profileJson(u"aaa"_s, u"Zulu corp"_s)));

    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 2);
    const QStringList order = ids(registry.profiles());
    QCOMPARE(order.size(), 7);
    // Built-ins first (whatever their order among themselves), then user profiles by name.
    for (int i = 0; i < 5; ++i)
        QVERIFY2(kBuiltInIds.contains(order.at(i)), qPrintable(order.join(u',')));
    QCOMPARE(order.at(5), u"zed"_s);
    QCOMPARE(order.at(6), u"aaa"_s);
}

void TestProviderRegistry::reloadKeepsUnchangedAndAddsNew() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"acme.json"_s), profileJson(u"acme"_s, u"Acme"_s)));
    ProviderRegistry registry;
    QCOMPARE(registry.loadUserProfiles(dir.path()), 1);
    const ProviderProfile *acme = registry.find(u"acme"_s);
    QVERIFY(acme);
    QVERIFY(!registry.reloadUserProfiles()); // nothing changed on disk
    QCOMPARE(registry.find(u"acme"_s), acme); // the very same object

    // Another process adds two: all three are there, the unchanged one untouched.
    QVERIFY(writeFile(dir.filePath(u"beta.json"_s), profileJson(u"beta"_s, u"Beta"_s)));
    QVERIFY(writeFile(dir.filePath(u"gamma.json"_s), profileJson(u"gamma"_s, u"Gamma"_s)));
    QVERIFY(registry.reloadUserProfiles());
    QCOMPARE(registry.find(u"acme"_s), acme);
    QVERIFY(registry.find(u"beta"_s));
    QVERIFY(registry.find(u"gamma"_s));

    // A second file with an id already used is still refused on reload.
    QVERIFY(writeFile(dir.filePath(u"zz-beta-again.json"_s), profileJson(u"beta"_s, u"Beta again"_s)));
    registry.reloadUserProfiles();
    QCOMPARE(registry.find(u"beta"_s)->name, u"Beta"_s);
    QCOMPARE(registry.errors().size(), 1);
}

void TestProviderRegistry::defaultUserDirectory() {
    QVERIFY(ProviderRegistry::defaultUserDirectory().endsWith(u"/providers"_s));
}

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
