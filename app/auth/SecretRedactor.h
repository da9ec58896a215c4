#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Removes the secrets an operation knows (the credential, a refresh token it sent, tokens in the answer)
// from a provider's own words before they are kept, shown or stored: a provider may echo the request, cut
// off or changed. Each secret is looked for raw, JSON-escaped, percent-encoded (form bodies) and
// base64-encoded (alone and as HTTP Basic "username:secret"), ignoring case.
//
// Not only whole forms: every run of kMinRun or more characters that also occurs in one of the forms is
// hidden, so an echo cut off by the provider ("password=PW-SECRET-b") or upper-cased loses everything from
// the sixth character of the secret on. A form shorter than kMinRun is hidden only whole. Hiding an
// innocent word of the provider's now and then is the price; a piece of a secret in a message is not.
//
// A form shorter than kShortForm characters ("abc") would match inside ordinary words, so it is only
// replaced where no letter or digit touches it on either side: "bad password: abc" loses it, "abcdef" keeps
// it. A secret that short is guessable anyway; hiding every "a" of a message would make it unreadable.
//
// The search works on the first kMaxText characters of a message only (the rest is dropped, the kept
// messages are far shorter anyway), and a secret is looked for by its first kMaxSecret bytes (TokenDesk
// refuses tokens over 16 KiB anyway), so its cost stays bounded whatever a provider sends.
class SecretRedactor
{
public:
    SecretRedactor() = default;
    SecretRedactor(const SecretRedactor &other) = default;
    SecretRedactor &operator=(const SecretRedactor &other) = default;
    ~SecretRedactor();

    void add(const QByteArray &secret);
    void addBasicAuth(const QByteArray &username, const QByteArray &secret);
    // Every string value of a JSON object's top level (a request body that carries a token, say).
    void addJsonStrings(const QByteArray &jsonObject);
    bool isEmpty() const { return m_forms.isEmpty(); }

    // `text` with every secret replaced by placeholder(); at most kMaxText characters of it, with "…"
    // appended when it was longer.
    QString redact(const QString &text) const;
    static QString placeholder();

    static constexpr int kShortForm = 4;
    static constexpr int kMinRun = 6;
    static constexpr qsizetype kMaxText = 4096;
    static constexpr qsizetype kMaxSecret = 64 * 1024;

private:
    void addForm(const QString &form);

    QStringList m_forms; // case-folded
};
