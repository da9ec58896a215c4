#pragma once

#include "DemoProvider.h"

#include <QDateTime>
#include <QHash>
#include <QList>

// 004: POST /user/login {"username","password"} -> the user profile with "Token" and
// "PasswordExpiration"; plus the per-user auth-header admin API under /authheader/. Accepts
// "Authorization: Bearer <t>" and, as the preset allows configuring, the bare token.
class UserAuthHeaderProvider final : public DemoProvider {
public:
    using DemoProvider::DemoProvider;
    QString presetId() const override { return QStringLiteral("user-authheader"); }
    QList<QStringList> tokenFields() const override;
    HttpResponse handle(const HttpRequest &request, QByteArrayView route) override;

    static constexpr int PasswordLifetimeDays = 10;

private:
    struct AuthHeader {
        QString id;
        QString name;
        QString token;
        QDateTime created;
    };

    HttpResponse login(const HttpRequest &request);
    HttpResponse whoami(const HttpRequest &request) const;
    HttpResponse addHeader(const QString &user, const HttpRequest &request);
    HttpResponse listHeaders(const QString &user) const;
    HttpResponse deleteHeader(const QString &user, const HttpRequest &request);
    static QByteArray presentedToken(const HttpRequest &request);
    static QJsonObject toJson(const AuthHeader &header);
    // The owner of a long-lived auth-header token, or empty.
    QString ownerOf(const QString &token) const;

    QHash<QString, QList<AuthHeader>> m_headers; // by username
};
