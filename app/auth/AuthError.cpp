#include "AuthError.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace {
using Kind = AuthError::Kind;

constexpr std::array<std::pair<Kind, const char *>, 17> kKeys{{
    {Kind::None, "none"},
    {Kind::CredentialsRejected, "credentials_rejected"},
    {Kind::PasswordExpired, "password_expired"},
    {Kind::NotVerified, "not_verified"},
    {Kind::InvalidRequest, "invalid_request"},
    {Kind::RateLimited, "rate_limited"},
    {Kind::Network, "network"},
    {Kind::Tls, "tls"},
    {Kind::Timeout, "timeout"},
    {Kind::ProviderError, "provider_error"},
    {Kind::MalformedAnswer, "malformed_answer"},
    {Kind::InsecureUrl, "insecure_url"},
    {Kind::RefreshRejected, "refresh_rejected"},
    {Kind::Keychain, "keychain"},
    {Kind::MissingCredential, "missing_credential"},
    {Kind::Configuration, "configuration"},
    {Kind::Cancelled, "cancelled"},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("AuthError", text);
}
} // namespace

bool AuthError::isCredentialProblem() const
{
    return kind == Kind::CredentialsRejected || kind == Kind::PasswordExpired || kind == Kind::NotVerified;
}

AuthError AuthError::make(Kind kind, const QString &message, const QString &providerMessage, int httpStatus)
{
    AuthError e;
    e.kind = kind;
    e.providerMessage = sanitiseProviderText(providerMessage);
    e.message = message.isEmpty() ? defaultMessage(kind) : message;
    e.httpStatus = httpStatus;
    return e;
}

QString AuthError::defaultMessage(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::CredentialsRejected:
        return tr("Wrong credentials: the provider rejected the API key, username or password. "
                  "Check them in the account settings.");
    case Kind::PasswordExpired:
        return tr("Password expired — change it at the provider, then update it here.");
    case Kind::NotVerified:
        return tr("This user is not verified yet. Finish the provider's verification, then log in again.");
    case Kind::InvalidRequest:
        return tr("The provider refused the request as incomplete or invalid. "
                  "Check the account's username and secret.");
    case Kind::RateLimited:
        return tr("Too many attempts: the provider asks to wait before trying again.");
    case Kind::Network:
        return tr("Could not reach the provider. Check the base URL and your network connection.");
    case Kind::Tls:
        return tr("The secure connection failed: the provider's certificate was not accepted. "
                  "No credential was sent.");
    case Kind::Timeout:
        return tr("The provider did not answer in time. Try again later or raise the network timeout.");
    case Kind::ProviderError:
        return tr("The provider reported an error on its side. Try again later.");
    case Kind::MalformedAnswer:
        return tr("The provider's answer could not be understood. Check the base URL and provider type.");
    case Kind::InsecureUrl:
        return tr("Refused to send credentials over plain http:// to a host that is not this machine. "
                  "Use https://, or allow insecure http for this account.");
    case Kind::RefreshRejected:
        return tr("The provider rejected the refresh token. Log in again.");
    case Kind::Keychain:
        return tr("The system keychain is not available. Unlock it or start a Secret Service, "
                  "then try again.");
    case Kind::MissingCredential:
        // QtKeychain reports a locked collection's entries as missing, so say both.
        return tr("No API key or password was found for this account in the keychain. If the keychain is "
                  "locked, unlock it; otherwise edit the account and enter the secret again.");
    case Kind::Configuration:
        return tr("The account's configuration is not usable.");
    case Kind::Cancelled:
        return tr("Cancelled.");
    }
    return {};
}

QString AuthError::kindKey(Kind kind)
{
    for (const auto &[k, key] : kKeys) {
        if (k == kind)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("none");
}

AuthError::Kind AuthError::kindFromKey(const QString &key, bool *ok)
{
    for (const auto &[k, name] : kKeys) {
        if (key == QLatin1String(name)) {
            if (ok)
                *ok = true;
            return k;
        }
    }
    if (ok)
        *ok = false;
    return Kind::None;
}

QString AuthError::sanitiseProviderText(const QString &text)
{
    constexpr int kMaxLength = 300;
    QString out;
    out.reserve(qMin(text.size(), kMaxLength));
    for (const QChar c : text) {
        if (out.size() >= kMaxLength) {
            out += QChar(0x2026);
            break;
        }
        out += (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) ? QChar(u' ') : c;
    }
    return out.simplified();
}
