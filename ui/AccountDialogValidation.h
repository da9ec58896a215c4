#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

struct AuthError;
struct ProviderProfile;
struct TokenSet;

// The account dialog's rules and sentences, apart from its widgets so that they read (and test) as plain
// functions. Messages are imperative sentences for people; none of them ever contains the secret.
namespace AccountDialogValidation {

struct Input
{
    const ProviderProfile *profile = nullptr; // null: the account's provider is not installed
    QString name;                             // as typed
    QString baseUrl;                          // as typed
    QString username;                         // as typed
    bool secretEntered = false;
    bool secretRequired = true;               // a new account, or no usable stored secret
    QString storedSecretHost;                 // set when the stored secret belongs to another origin
    bool allowInsecureHttp = false;
    QStringList takenNames;                   // the other accounts' names
};

struct Result
{
    // One message per field; empty: that field is fine.
    QString provider;
    QString name;
    QString baseUrl;
    QString username;
    QString secret;

    QUrl url;                  // the parsed base URL (valid only when baseUrl is empty)
    bool insecureHttp = false; // http:// to a host that is not this machine: the opt-in applies

    bool isValid() const;
    // Everything a login needs apart from the secret: provider, URL (and its opt-in), username.
    bool canTestLogin() const;
};

Result check(const Input &input);

// The base URL as the account will store it; invalid when the text is not a URL at all.
QUrl parseBaseUrl(const QString &text);
bool isInsecureHttp(const QUrl &url); // http:// to a non-loopback host

// "Needs an API key." / "Needs a username and password."
QString needsText(const ProviderProfile &profile);

// "Login OK — token valid until 14:05 (in 59 min)", or "… expiry unknown".
QString loginSuccessText(const TokenSet &tokens, const QDateTime &now);
// The error's sentence, its HTTP status and the provider's own words. `secret` is masked out of the
// provider's text in case a provider echoes it back.
QString loginFailureText(const AuthError &error, const QByteArray &secret);
// "in 59 min", "in 2 h 5 min", "in 3 days"
QString relativeTime(qint64 seconds);

} // namespace AccountDialogValidation
