#include "AccountImport.h"

#include "AccountName.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace {

using AccountExchange::SharedAccount;

// QCoreApplication::translate with the context spelled out everywhere: lupdate cannot place a tr() in a free
// function, nor one in a file-local helper class under the context it uses at run time.
// Collects "<place>: <problem>" sentences, at most kMaxErrors of them.
class Problems {
public:
    void add(const QString &place, const QString &problem) {
        ++m_total;
        if (m_list.size() < AccountImport::kMaxErrors)
            m_list.append(place.isEmpty() ? problem
                                          : QCoreApplication::translate("AccountImport", "%1: %2")
                                                .arg(AccountName::visible(place), problem)); // keys from the file
    }
    bool any() const { return m_total > 0; }
    QStringList list() const {
        QStringList l = m_list;
        if (m_total > m_list.size())
            l.append(QCoreApplication::translate("AccountImport", "… and %n more problem(s)", nullptr,
                                                 int(m_total - m_list.size())));
        return l;
    }

private:
    QStringList m_list;
    qsizetype m_total = 0;
};

bool looksSecret(const QString &key) {
    static const QStringList keys{QStringLiteral("password"),     QStringLiteral("secret"),
                                  QStringLiteral("apikey"),       QStringLiteral("api_key"),
                                  QStringLiteral("token"),        QStringLiteral("accesstoken"),
                                  QStringLiteral("refreshtoken"), QStringLiteral("credential")};
    return keys.contains(key, Qt::CaseInsensitive);
}

void parseProviders(const QJsonValue &value, const ProviderRegistry &registry, Problems &problems,
                    QList<AccountImport::SharedProfile> *out) {
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isArray()) {
        problems.add(QStringLiteral("providers"),
                     QCoreApplication::translate("AccountImport", "must be a list of provider profiles"));
        return;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > AccountImport::kMaxProfiles) {
        problems.add(QStringLiteral("providers"),
                     QCoreApplication::translate("AccountImport",
                                                 "holds %1 provider profiles; a file may bring at most %2")
                         .arg(array.size())
                         .arg(AccountImport::kMaxProfiles));
        return;
    }
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString place = QStringLiteral("providers[%1]").arg(i);
        if (!array.at(i).isObject()) {
            problems.add(place,
                         QCoreApplication::translate("AccountImport", "must be a provider profile object"));
            continue;
        }
        const QJsonObject json = array.at(i).toObject();
        QString error;
        // fromJson names the place itself: "providers[2]: field 'login.path': must start with '/'".
        auto profile =
            ProviderProfile::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact), place, &error);
        if (!profile) {
            problems.add(QString(), error);
            continue;
        }
        const ProviderProfile *here = registry.find(profile->id);
        if (here && here->builtIn) {
            problems.add(place + QStringLiteral(".id"),
                         QCoreApplication::translate(
                             "AccountImport", "\"%1\" is a built-in provider; a file cannot replace it")
                             .arg(profile->id));
            continue;
        }
        if (seen.contains(profile->id)) {
            problems.add(
                place + QStringLiteral(".id"),
                QCoreApplication::translate("AccountImport", "\"%1\" is also the id of providers[%2]")
                    .arg(profile->id)
                    .arg(seen.value(profile->id)));
            continue;
        }
        seen.insert(profile->id, i);
        out->append({*profile, json});
    }
}

const ProviderProfile *profileFor(const QString &id, const ProviderRegistry &registry,
                                  const QList<AccountImport::SharedProfile> &brought) {
    for (const AccountImport::SharedProfile &p : brought) {
        if (p.profile.id == id)
            return &p.profile;
    }
    return registry.find(id);
}

QUrl readBaseUrl(const QJsonValue &value, const QString &place, Problems &problems) {
    if (value.isUndefined() || value.isNull()) {
        problems.add(place, QCoreApplication::translate("AccountImport", "is missing"));
        return {};
    }
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        problems.add(place, QCoreApplication::translate("AccountImport",
                                                        "must be a URL such as \"https://api.example.com\""));
        return {};
    }
    const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        problems.add(place, QCoreApplication::translate("AccountImport", "not a URL: \"%1\"")
                                .arg(AccountName::visible(value.toString().left(200))));
    else if (url.scheme() != u"https" && url.scheme() != u"http")
        problems.add(place,
                     QCoreApplication::translate("AccountImport", "must start with https:// or http://"));
    else if (!url.userInfo().isEmpty())
        problems.add(
            place, QCoreApplication::translate("AccountImport", "must not contain a user name or password"));
    else
        return url;
    return {};
}

// The rule `add` and the account dialog apply (AccountName). The name is quoted with its invisible
// characters escaped: it goes to a terminal or a dialog.
void checkName(const QString &name, const QString &place, Problems &problems) {
    const QString shown = AccountName::visible(name);
    switch (AccountName::check(name)) {
    case AccountName::Problem::None:
    case AccountName::Problem::Empty: // "must not be empty" already
        return;
    case AccountName::Problem::SurroundingSpace:
        problems.add(place, QCoreApplication::translate("AccountImport", "must not start or end with spaces"));
        return;
    case AccountName::Problem::LeadingDash:
        problems.add(place, QCoreApplication::translate("AccountImport",
                                                        "\"%1\" must not start with '-' (the command line "
                                                        "would read it as an option)")
                                .arg(shown));
        return;
    case AccountName::Problem::InvisibleCharacter:
        problems.add(place, QCoreApplication::translate("AccountImport",
                                                        "\"%1\" must not contain control characters or "
                                                        "invisible formatting characters (line breaks, "
                                                        "escape sequences, bidi or zero-width characters)")
                                .arg(shown));
        return;
    }
}

void parseAccount(const QJsonObject &o, const QString &place, const ProviderRegistry &registry,
                  const QList<AccountImport::SharedProfile> &brought, Problems &problems,
                  SharedAccount *out) {
    static const QStringList known{
        QStringLiteral("name"),     QStringLiteral("providerId"),        QStringLiteral("baseUrl"),
        QStringLiteral("username"), QStringLiteral("allowInsecureHttp"), QStringLiteral("keepSignedIn")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (looksSecret(it.key()))
            problems.add(place + u'.' + it.key(),
                         QCoreApplication::translate(
                             "AccountImport", "a shared file must not carry secrets; remove this field"));
        else if (!known.contains(it.key()))
            problems.add(place + u'.' + it.key(),
                         QCoreApplication::translate("AccountImport", "unknown field"));
    }
    const auto text = [&](const QString &key, bool required) -> QString {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problems.add(place + u'.' + key, QCoreApplication::translate("AccountImport", "is missing"));
            return {};
        }
        if (!v.isString()) {
            problems.add(place + u'.' + key,
                         QCoreApplication::translate("AccountImport", "must be a string"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            problems.add(place + u'.' + key,
                         QCoreApplication::translate("AccountImport", "must not be empty"));
        return v.toString();
    };
    const auto flag = [&](const QString &key, bool defaultValue) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return defaultValue;
        if (!v.isBool())
            problems.add(place + u'.' + key,
                         QCoreApplication::translate("AccountImport", "must be true or false"));
        return v.toBool(defaultValue);
    };

    out->name = Account::normalName(text(QStringLiteral("name"), true)); // as the store keeps it
    checkName(out->name, place + QStringLiteral(".name"), problems);
    out->providerId = text(QStringLiteral("providerId"), true);
    out->baseUrl =
        readBaseUrl(o.value(QLatin1String("baseUrl")), place + QStringLiteral(".baseUrl"), problems);
    out->username = text(QStringLiteral("username"), false).trimmed();
    out->allowInsecureHttp = flag(QStringLiteral("allowInsecureHttp"), false);
    out->keepSignedIn = flag(QStringLiteral("keepSignedIn"), true);
    if (out->providerId.isEmpty())
        return;
    const ProviderProfile *profile = profileFor(out->providerId, registry, brought);
    if (!profile) {
        problems.add(
            place + QStringLiteral(".providerId"),
            QCoreApplication::translate(
                "AccountImport",
                "unknown provider \"%1\"; it is neither built in, nor installed here, nor in the file's "
                "\"providers\"")
                .arg(AccountName::visible(out->providerId)));
        return;
    }
    if (profile->needsUsername() && out->username.isEmpty())
        problems.add(place + QStringLiteral(".username"),
                     QCoreApplication::translate("AccountImport",
                                                 "is missing; the provider \"%1\" logs in with a username "
                                                 "and password")
                         .arg(profile->name));
    if (!profile->needsUsername())
        out->username.clear(); // API-key providers have no username
}

} // namespace

namespace AccountImport {

Parsed parse(const QByteArray &bytes, const ProviderRegistry &registry) {
    Parsed parsed;
    Problems problems;
    const auto finish = [&] {
        parsed.errors = problems.list();
        if (!parsed.ok()) {
            parsed.accounts.clear();
            parsed.providers.clear();
        }
        return parsed;
    };
    if (bytes.size() > AccountExchange::kMaxFileSize) {
        problems.add(QString(),
                     QCoreApplication::translate(
                         "AccountImport", "the file is larger than %1 MiB; it is not a TokenDesk export")
                         .arg(AccountExchange::kMaxFileSize / (1024 * 1024)));
        return finish();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems.add(QString(),
                     QCoreApplication::translate(
                         "AccountImport",
                         "not valid JSON (at byte %1: %2); the file may be truncated or not an export")
                         .arg(parseError.offset)
                         .arg(parseError.errorString()));
        return finish();
    }
    if (!doc.isObject()) {
        problems.add(QString(),
                     QCoreApplication::translate("AccountImport", "the file must hold a JSON object"));
        return finish();
    }
    const QJsonObject root = doc.object();
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.toString() != AccountExchange::formatName()) {
        problems.add(QStringLiteral("format"),
                     format.isUndefined()
                         ? QCoreApplication::translate("AccountImport",
                                                       "is missing: this is not a TokenDesk export file")
                         : QCoreApplication::translate("AccountImport",
                                                       "must be \"%1\": this is not a TokenDesk export file")
                               .arg(AccountExchange::formatName()));
        return finish();
    }
    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const double versionNumber = versionValue.toDouble(-1);
    // Range before the cast: converting a double outside int's range ("version": 1e300) is undefined.
    const bool wholeInt = versionNumber >= std::numeric_limits<int>::min()
                          && versionNumber <= std::numeric_limits<int>::max()
                          && versionNumber == std::trunc(versionNumber);
    if (!versionValue.isDouble() || !wholeInt) {
        problems.add(QStringLiteral("version"),
                     QCoreApplication::translate("AccountImport", "is missing or not a whole number"));
        return finish();
    }
    const int version = static_cast<int>(versionNumber);
    if (version != AccountExchange::kVersion) {
        problems.add(
            QStringLiteral("version"),
            version > AccountExchange::kVersion
                ? QCoreApplication::translate("AccountImport",
                                              "%1 is newer than this TokenDesk reads (%2); update TokenDesk")
                      .arg(version)
                      .arg(AccountExchange::kVersion)
                : QCoreApplication::translate("AccountImport",
                                              "%1 is not supported (this TokenDesk reads %2)")
                      .arg(version)
                      .arg(AccountExchange::kVersion));
        return finish();
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList known{QStringLiteral("format"), QStringLiteral("version"),
                                       QStringLiteral("accounts"), QStringLiteral("providers")};
        if (!known.contains(it.key()))
            problems.add(it.key(), QCoreApplication::translate("AccountImport", "unknown field"));
    }

    parseProviders(root.value(QLatin1String("providers")), registry, problems, &parsed.providers);

    const QJsonValue accounts = root.value(QLatin1String("accounts"));
    if (accounts.isUndefined() || accounts.isNull()) {
        problems.add(QStringLiteral("accounts"), QCoreApplication::translate("AccountImport", "is missing"));
        return finish();
    }
    if (!accounts.isArray()) {
        problems.add(QStringLiteral("accounts"),
                     QCoreApplication::translate("AccountImport", "must be a list of accounts"));
        return finish();
    }
    const QJsonArray array = accounts.toArray();
    if (array.size() > AccountImport::kMaxAccounts) {
        problems.add(QStringLiteral("accounts"),
                     QCoreApplication::translate("AccountImport", "holds %1 accounts; a file may bring at most %2")
                         .arg(array.size())
                         .arg(AccountImport::kMaxAccounts));
        return finish();
    }
    QHash<QString, qsizetype> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString place = QStringLiteral("accounts[%1]").arg(i);
        if (!array.at(i).isObject()) {
            problems.add(place, QCoreApplication::translate("AccountImport", "must be an account object"));
            continue;
        }
        SharedAccount account;
        parseAccount(array.at(i).toObject(), place, registry, parsed.providers, problems, &account);
        if (!account.name.isEmpty()) {
            if (names.contains(account.name))
                problems.add(place + QStringLiteral(".name"),
                             QCoreApplication::translate(
                                 "AccountImport", "\"%1\" is also the name of accounts[%2]; names must be "
                                                  "unique")
                                 .arg(AccountName::visible(account.name))
                                 .arg(names.value(account.name)));
            else
                names.insert(account.name, i);
        }
        parsed.accounts.append(account);
    }
    return finish();
}

Parsed readFile(const QString &path, const ProviderRegistry &registry) {
    QFile file(path);
    Parsed failed;
    if (!file.open(QIODevice::ReadOnly)) {
        failed.errors.append(
            QCoreApplication::translate("AccountImport", "cannot be read: %1").arg(file.errorString()));
        return failed;
    }
    // Never readAll(): a FIFO, /dev/stdin or a device reports size 0 and may never end. One byte more than
    // allowed tells a file that is too large, which parse() refuses.
    const QByteArray bytes = file.read(AccountExchange::kMaxFileSize + 1);
    if (bytes.isNull() && file.error() != QFileDevice::NoError) {
        failed.errors.append(
            QCoreApplication::translate("AccountImport", "cannot be read: %1").arg(file.errorString()));
        return failed;
    }
    return parse(bytes, registry);
}

} // namespace AccountImport
