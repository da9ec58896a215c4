#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Removes the secrets an operation knows (the credential, a refresh token it sent, tokens in the answer)
// from a provider's own words before they are kept, shown or stored: a provider may echo the request.
// Each secret is looked for raw, JSON-escaped, percent-encoded (form bodies) and base64-encoded (alone and
// as HTTP Basic "username:secret"); every match becomes "[redacted]".
//
// A form shorter than kShortForm characters ("abc") would match inside ordinary words, so it is only
// replaced where no letter or digit touches it on either side: "bad password: abc" loses it, "abcdef" keeps
// it. A secret that short is guessable anyway; hiding every "a" of a message would make it unreadable.
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

    QString redact(const QString &text) const;
    static QString placeholder();

    static constexpr int kShortForm = 4;

private:
    void addForm(const QString &form);

    QStringList m_forms;
};
