#include "ProviderProfile.h"

#include <QCoreApplication>

QByteArray ProviderProfile::headerValueFor(const QByteArray &token) const
{
    QByteArray value = headerValue.toUtf8();
    value.replace("{token}", token);
    return value;
}

QByteArray ProviderProfile::headerLineFor(const QByteArray &token) const
{
    return headerName.toUtf8() + ": " + headerValueFor(token);
}

QString ProviderProfile::credentialLabel() const
{
    return credential == Credential::ApiKey ? QCoreApplication::translate("ProviderProfile", "API key")
                                            : QCoreApplication::translate("ProviderProfile", "Password");
}
