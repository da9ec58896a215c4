#include "AccountDialogValidation.h"

#include "accounts/AccountName.h"
#include "auth/AuthError.h"
#include "auth/HttpClient.h"
#include "auth/TokenSet.h"
#include "providers/ProviderProfile.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace AccountDialogValidation {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountDialog)
};

QString checkName(const Input &input)
{
    const QString name = input.name.trimmed();
    if (name.isEmpty())
        return Text::tr("Enter a name for the account.");
    // The rule `add` and import apply too; blanks around the name are trimmed when it is saved.
    switch (AccountName::check(name)) {
    case AccountName::Problem::LeadingDash:
        return Text::tr("The name must not start with “-”: the command line would read it as an option.");
    case AccountName::Problem::InvisibleCharacter:
        return Text::tr("Remove the control or invisible characters (line breaks, bidi or zero-width "
                        "characters) from the name.");
    default:
        break;
    }
    // Compared as the store keeps names (NFC): "café" with a combining accent is the same name.
    const QString normal = name.normalized(QString::NormalizationForm_C);
    for (const QString &taken : input.takenNames) {
        if (taken.trimmed().normalized(QString::NormalizationForm_C).compare(normal, Qt::CaseInsensitive) == 0)
            return Text::tr("Choose another name: “%1” is already used by another account.").arg(name);
    }
    return {};
}

QString checkUrl(const Input &input, Result *result)
{
    if (input.baseUrl.trimmed().isEmpty())
        return Text::tr("Enter the provider's base URL, e.g. https://api.example.com.");
    const QUrl url = parseBaseUrl(input.baseUrl);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && scheme != u"https" && scheme != u"http" && !scheme.isEmpty())
        return Text::tr("The base URL must start with https:// (or http://).");
    if (!url.isValid() || url.host().isEmpty() || scheme.isEmpty())
        return Text::tr("Enter a complete URL with a host, e.g. https://api.example.com.");
    if (!url.userInfo().isEmpty())
        return Text::tr("Remove the user name or password from the URL; they have their own fields.");
    if (url.hasQuery() || url.hasFragment())
        return Text::tr("The base URL must not contain a “?” query or a “#” fragment.");
    result->url = url;
    result->insecureHttp = isInsecureHttp(url);
    if (result->insecureHttp && !input.allowInsecureHttp)
        return Text::tr("Plain http:// to another machine: use https://, or tick “Allow insecure http://” "
                        "below.");
    return {};
}
} // namespace

bool Result::isValid() const
{
    return provider.isEmpty() && name.isEmpty() && baseUrl.isEmpty() && username.isEmpty()
        && secret.isEmpty();
}

bool Result::canTestLogin() const
{
    return provider.isEmpty() && baseUrl.isEmpty() && username.isEmpty();
}

Result check(const Input &input)
{
    Result result;
    result.name = checkName(input);
    result.baseUrl = checkUrl(input, &result);
    if (!input.profile) {
        result.provider = Text::tr("This account's provider profile is not installed. Choose a provider.");
        return result;
    }
    if (input.profile->needsUsername() && input.username.trimmed().isEmpty())
        result.username = Text::tr("Enter the username.");
    if (input.secretRequired && !input.secretEntered) {
        const bool password = input.profile->needsUsername();
        if (!input.storedSecretHost.isEmpty())
            //: %1 is the host (and port) the stored secret was saved for
            result.secret = password ? Text::tr("The base URL now points to another host. The stored password "
                                                "is only sent to %1: enter the password for the new host.")
                                           .arg(input.storedSecretHost)
                                     : Text::tr("The base URL now points to another host. The stored API key "
                                                "is only sent to %1: enter the API key for the new host.")
                                           .arg(input.storedSecretHost);
        else
            result.secret = password ? Text::tr("Enter the password.") : Text::tr("Enter the API key.");
    }
    return result;
}

QUrl parseBaseUrl(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

bool isInsecureHttp(const QUrl &url)
{
    return url.scheme().compare(u"http", Qt::CaseInsensitive) == 0 && !url.host().isEmpty()
        && !HttpClient::isLoopbackHost(url.host());
}

QString needsText(const ProviderProfile &profile)
{
    return profile.needsUsername() ? Text::tr("Needs a username and password.")
                                   : Text::tr("Needs an API key.");
}

QString relativeTime(qint64 seconds)
{
    const int s = int(std::clamp<qint64>(seconds, 0, std::numeric_limits<int>::max()));
    if (s < 60)
        return Text::tr("in %n s", "time left", s);
    if (s < 3600)
        return Text::tr("in %n min", "time left", s / 60);
    if (s < 86400) {
        const int minutes = (s % 3600) / 60;
        if (minutes == 0)
            return Text::tr("in %n h", "time left", s / 3600);
        //: time left: hours and minutes
        return Text::tr("in %1 h %2 min").arg(s / 3600).arg(minutes);
    }
    return Text::tr("in %n day(s)", "time left", s / 86400);
}

QString loginSuccessText(const TokenSet &tokens, const QDateTime &now)
{
    if (!tokens.accessExpiresAt.isValid())
        return Text::tr("Login OK — token expiry unknown.");
    const QDateTime local = tokens.accessExpiresAt.toLocalTime();
    const QLocale locale;
    const QString until = local.date() == now.toLocalTime().date()
        ? locale.toString(local.time(), QLocale::ShortFormat)
        : locale.toString(local, QLocale::ShortFormat);
    const qint64 left = now.secsTo(tokens.accessExpiresAt);
    if (left <= 0)
        return Text::tr("Login OK — but the token already expired at %1. Check this computer's clock.")
            .arg(until);
    //: %1 is a clock time ("14:05"), %2 a relative time ("in 59 min")
    return Text::tr("Login OK — token valid until %1 (%2).").arg(until, relativeTime(left));
}

QString loginFailureText(const AuthError &error, const QByteArray &secret)
{
    QString text = Text::tr("Login failed: %1").arg(error.message);
    if (error.httpStatus > 0)
        text += u' ' + Text::tr("(HTTP %1)").arg(error.httpStatus);
    QString providerText = error.providerMessage;
    QString typed = QString::fromUtf8(secret);
    if (typed.size() >= 4)
        providerText.replace(typed, QStringLiteral("••••"));
    typed.fill(QChar(0));
    if (!providerText.isEmpty())
        text += u'\n' + Text::tr("The provider said: “%1”").arg(providerText);
    return text;
}

} // namespace AccountDialogValidation
