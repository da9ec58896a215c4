#include "PresetTexts.h"
#include "ProviderProfile.h"

#include <QCoreApplication>

namespace {
constexpr const char *kContext = "ProviderPresets";

// tst_presettexts checks that every text of every preset is listed, so none is left untranslated.
constexpr const char *kTexts[] = {
    // b2b-api
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "B2B API: username and password for an access token and a rotating refresh token."),
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Invalid credentials: the provider rejected the username or password. Check them in the "
                      "account settings."),
    // kyc-jwt
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "KYC service: username and password, sent form-urlencoded, for a JWT. No refresh token: log "
                      "in again."),
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Wrong username or password, or the user is inactive. Check the credentials in the account "
                      "settings."),
    // partner-api
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Partner or company API key for a JWT sent as R-Auth. Partner keys also get a rotating "
                      "refresh token."),
    // quadrata
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Quadrata onboarding API: a company API key is exchanged for a 60-minute access token."),
    QT_TRANSLATE_NOOP("ProviderPresets", "Integration"),
    QT_TRANSLATE_NOOP("ProviderPresets", "Production"),
    // user-authheader
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Username and password for a JWT; the user can also create long-lived auth headers."),
    QT_TRANSLATE_NOOP("ProviderPresets",
                      "Incorrect username or password. Check them in the account settings."),
};

QString translated(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QCoreApplication::translate(kContext, text.toUtf8().constData());
}
} // namespace

QStringList PresetTexts::all()
{
    QStringList texts;
    for (const char *text : kTexts)
        texts.append(QString::fromUtf8(text));
    return texts;
}

void PresetTexts::translate(ProviderProfile &preset)
{
    preset.description = translated(preset.description);
    for (ErrorRule &rule : preset.errors)
        rule.message = translated(rule.message);
    for (KnownHost &host : preset.knownHosts)
        host.label = translated(host.label);
}
