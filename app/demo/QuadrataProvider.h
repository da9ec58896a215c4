#pragma once

#include "DemoProvider.h"

// 000: POST /api/v1/login {"apiKey"} -> {"data":{"accessToken","type":"login"}}; Bearer header.
class QuadrataProvider final : public DemoProvider {
public:
    using DemoProvider::DemoProvider;
    QString presetId() const override { return QStringLiteral("quadrata"); }
    QList<QStringList> tokenFields() const override;
    HttpResponse handle(const HttpRequest &request, QByteArrayView route) override;

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse whoami(const HttpRequest &request) const;
};
