#pragma once

#include "HttpRequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

// One response. The server adds Date, Content-Length and Connection when it writes it.
struct HttpResponse {
    int status = 200;
    HttpHeaders headers; // besides Content-Type
    QByteArray contentType = "application/json";
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonArray &array);
    // {"message": text}: the error shape most of the providers share.
    static HttpResponse message(int status, const QString &text);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray serialize(const QDateTime &now) const;
};

QByteArray httpReasonPhrase(int status);
// RFC 7231 §7.1.1.1 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &instant);
