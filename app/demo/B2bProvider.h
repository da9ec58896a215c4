#pragma once

#include "DemoProvider.h"

#include <QDateTime>
#include <QHash>
#include <QList>

// 003: POST /auth/login {"username","password"} -> access and refresh tokens with "...Z" expiries and
// a client_id; POST /auth/refresh {"refresh_token"} rotates. Throttles repeated wrong passwords.
class B2bProvider final : public DemoProvider {
public:
    using DemoProvider::DemoProvider;
    QString presetId() const override { return QStringLiteral("b2b-api"); }
    QList<QStringList> tokenFields() const override;
    HttpResponse handle(const HttpRequest &request, QByteArrayView route) override;

    static constexpr int MaxFailures = 5;
    static constexpr int FailureWindowSeconds = 60;
    static constexpr int ClientId = 123456;

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse whoami(const HttpRequest &request) const;
    HttpResponse tokenAnswer(const QString &subject, const QByteArray &family);
    static HttpResponse bodyError(BodyProblem problem);
    // Seconds until the username may try again, 0 when it is not throttled.
    qint64 throttledFor(const QString &username);

    QHash<QString, QList<QDateTime>> m_failures;
};
