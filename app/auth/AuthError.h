#pragma once

#include <QDateTime>
#include <QString>

// What went wrong with a login, refresh or keychain call, as a kind a program can act on and a sentence a
// person can act on. Never carries a secret: messages are built from fixed text and the provider's own
// error message, which is sanitised (control characters removed, length capped) before it is kept.
struct AuthError
{
    enum class Kind {
        None,
        CredentialsRejected, // wrong key / username / password, inactive user
        PasswordExpired,     // the provider wants the password changed
        NotVerified,         // the user exists but is not verified
        InvalidRequest,      // 400/422 validation errors: the request lacked something
        RateLimited,         // 429; retryAfter says when to try again
        Network,             // connection refused, DNS, reset
        Tls,                 // certificate or handshake problem
        Timeout,             // no complete answer within the transfer timeout
        ProviderError,       // 5xx or another unexpected status
        MalformedAnswer,     // not JSON, truncated, token missing, token with control characters
        InsecureUrl,         // http:// to a non-loopback host without the account's opt-in
        RefreshRejected,     // the refresh token was refused (internal: triggers one re-login)
        Keychain,            // keychain missing, locked or not answering
        MissingCredential,   // no stored API key / password to log in with
        Configuration,       // unknown provider, broken profile, unwritable config
        Cancelled,
    };

    Kind kind = Kind::None;
    QString message;         // the whole sentence for people: what happened and what to do
    QString providerMessage; // the provider's own words, if it sent any (sanitised)
    int httpStatus = 0;
    QDateTime retryAfter;    // for RateLimited: no request before this instant (UTC)

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    // Credentials rejected, password expired, not verified: retrying with the same secret cannot help.
    bool isCredentialProblem() const;

    static AuthError make(Kind kind, const QString &message = {}, const QString &providerMessage = {},
                          int httpStatus = 0);
    static QString defaultMessage(Kind kind);
    static QString kindKey(Kind kind);                       // stable: "credentials_rejected"
    static Kind kindFromKey(const QString &key, bool *ok = nullptr);
    static QString sanitiseProviderText(const QString &text); // strip control chars, cap length
};
