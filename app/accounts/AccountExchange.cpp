#include "AccountExchange.h"

#include <QCoreApplication>

namespace {
using Key = QLatin1String;

QString tr(const char *text)
{
    return QCoreApplication::translate("AccountExchange", text);
}
} // namespace

namespace AccountExchange {

SharedAccount fromAccount(const Account &account)
{
    SharedAccount s;
    s.name = account.name;
    s.providerId = account.providerId;
    s.baseUrl = account.baseUrl;
    s.username = account.username;
    s.allowInsecureHttp = account.allowInsecureHttp;
    s.keepSignedIn = account.keepSignedIn;
    return s;
}

QJsonObject toJson(const SharedAccount &account)
{
    QJsonObject o;
    o.insert(Key("name"), account.name);
    o.insert(Key("providerId"), account.providerId);
    o.insert(Key("baseUrl"), account.baseUrl.toString(QUrl::FullyEncoded));
    if (!account.username.isEmpty())
        o.insert(Key("username"), account.username);
    o.insert(Key("allowInsecureHttp"), account.allowInsecureHttp);
    o.insert(Key("keepSignedIn"), account.keepSignedIn);
    return o;
}

void applyTo(const SharedAccount &shared, Account *account)
{
    account->name = shared.name;
    account->providerId = shared.providerId;
    account->baseUrl = shared.baseUrl;
    account->username = shared.username;
    account->allowInsecureHttp = shared.allowInsecureHttp;
    account->keepSignedIn = shared.keepSignedIn;
}

QStringList differences(const SharedAccount &a, const SharedAccount &b)
{
    QStringList fields;
    if (a.providerId != b.providerId)
        fields.append(QStringLiteral("providerId"));
    if (a.baseUrl.toString(QUrl::FullyEncoded) != b.baseUrl.toString(QUrl::FullyEncoded))
        fields.append(QStringLiteral("baseUrl"));
    if (a.username != b.username)
        fields.append(QStringLiteral("username"));
    if (a.allowInsecureHttp != b.allowInsecureHttp)
        fields.append(QStringLiteral("allowInsecureHttp"));
    if (a.keepSignedIn != b.keepSignedIn)
        fields.append(QStringLiteral("keepSignedIn"));
    return fields;
}

QString displayValue(const SharedAccount &account, const QString &field)
{
    const auto yesNo = [](bool value) { return value ? tr("yes") : tr("no"); };
    if (field == u"name")
        return account.name;
    if (field == u"providerId")
        return account.providerId;
    if (field == u"baseUrl") // ACE host (xn--…): a look-alike Unicode host is visible
        return account.baseUrl.toString(QUrl::FullyEncoded);
    if (field == u"username")
        return account.username.isEmpty() ? tr("(none)") : account.username;
    if (field == u"allowInsecureHttp")
        return yesNo(account.allowInsecureHttp);
    if (field == u"keepSignedIn")
        return yesNo(account.keepSignedIn);
    return {};
}

QString fieldLabel(const QString &field)
{
    if (field == u"name")
        return tr("Name");
    if (field == u"providerId")
        return tr("Provider");
    if (field == u"baseUrl")
        return tr("Base URL");
    if (field == u"username")
        return tr("Username");
    if (field == u"allowInsecureHttp")
        return tr("Allow insecure http");
    if (field == u"keepSignedIn")
        return tr("Keep signed in");
    return field;
}

} // namespace AccountExchange
