#pragma once

#include "DemoProvider.h"

#include <QHash>

// 001: POST /auth/jwt/login, form-urlencoded username/password[/grant_type=password]
// -> {"access_token","token_type":"bearer"}; errors in FastAPI's {"detail": ...} shape. No refresh.
class KycProvider final : public DemoProvider {
public:
    using DemoProvider::DemoProvider;
    QString presetId() const override { return QStringLiteral("kyc-jwt"); }
    QList<QStringList> tokenFields() const override;
    HttpResponse handle(const HttpRequest &request, QByteArrayView route) override;

    // application/x-www-form-urlencoded: '&'-separated pairs, '+' is a space, %XX escapes. The first
    // occurrence of a name wins.
    static QHash<QString, QString> parseForm(const QByteArray &body);

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse whoami(const HttpRequest &request) const;
};
