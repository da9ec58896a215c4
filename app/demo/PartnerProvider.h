#pragma once

#include "DemoProvider.h"

// 002: POST /auth/login {"apiKey"} -> {"jwt","expirationDate"} plus a rotating refresh token for the
// partner key; POST /auth/refresh {"refreshToken"}; the JWT goes in "R-Auth: <t>" without a scheme.
class PartnerProvider final : public DemoProvider {
public:
    using DemoProvider::DemoProvider;
    QString presetId() const override { return QStringLiteral("partner-api"); }
    QList<QStringList> tokenFields() const override;
    HttpResponse handle(const HttpRequest &request, QByteArrayView route) override;

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse whoami(const HttpRequest &request) const;
};
