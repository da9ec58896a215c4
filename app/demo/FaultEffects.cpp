#include "FaultEffects.h"

#include <QJsonDocument>

namespace {

// Removes (replacement empty) or rewrites the string at path; false when the path is not there.
bool editPath(QJsonObject &object, QStringList path, const DemoFault &fault) {
    const QString key = path.takeFirst();
    if (!object.contains(key))
        return false;
    if (!path.isEmpty()) {
        QJsonObject inner = object.value(key).toObject();
        if (!editPath(inner, path, fault))
            return false;
        object.insert(key, inner);
        return true;
    }
    if (fault.kind == DemoFault::Kind::MissingTokenField)
        object.remove(key);
    else
        object.insert(key, QString(object.value(key).toString() + QStringLiteral("\r\nX-Injected: 1")));
    return true;
}

void editToken(QJsonObject &object, const QList<QStringList> &tokenFields, const DemoFault &fault) {
    for (const QStringList &path : tokenFields)
        editPath(object, path, fault);
}

} // namespace

namespace FaultEffects {

bool reachesProvider(const DemoFault &fault) {
    switch (fault.kind) {
    case DemoFault::Kind::Delay:
    case DemoFault::Kind::TruncatedJson:
    case DemoFault::Kind::MissingTokenField:
    case DemoFault::Kind::CrLfToken:
        return true;
    default:
        return false;
    }
}

HttpResponse replacement(const DemoFault &fault) {
    switch (fault.kind) {
    case DemoFault::Kind::HtmlBody: {
        HttpResponse r;
        r.contentType = "text/html; charset=utf-8";
        r.body =
            "<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head>"
            "<body><h1>Please sign in</h1><form method=\"post\"><input name=\"user\"></form></body></html>\n";
        return r;
    }
    case DemoFault::Kind::OversizedBody: {
        HttpResponse r;
        const QByteArray open = "{\"padding\":\"";
        const QByteArray close = "\"}";
        r.body = open + QByteArray(DemoFault::OversizedBodyBytes - open.size() - close.size(), 'x') + close;
        return r;
    }
    case DemoFault::Kind::ServerError: {
        const int status = fault.status > 0 ? fault.status : 500;
        return HttpResponse::message(status, QString::fromLatin1(httpReasonPhrase(status)));
    }
    case DemoFault::Kind::Redirect:
        return HttpResponse::message(fault.status > 0 ? fault.status : 307, QStringLiteral("Moved"))
            .withHeader("Location", fault.location.toEncoded());
    case DemoFault::Kind::RateLimit:
        return HttpResponse::json(
                   429, QJsonObject{{QStringLiteral("error"), QStringLiteral("Too Many Requests")},
                                    {QStringLiteral("message"),
                                     QStringLiteral("Rate limit exceeded. Please try again later.")}})
            .withHeader("Retry-After", fault.retryAfter);
    case DemoFault::Kind::Status: {
        HttpResponse r;
        r.status = fault.status;
        r.body = fault.body;
        return r;
    }
    default:
        return HttpResponse::message(500, QStringLiteral("Internal Server Error"));
    }
}

HttpResponse rewrite(const DemoFault &fault, HttpResponse answer, const QList<QStringList> &tokenFields) {
    switch (fault.kind) {
    case DemoFault::Kind::TruncatedJson:
        answer.body.truncate(answer.body.size() / 2);
        return answer;
    case DemoFault::Kind::MissingTokenField:
    case DemoFault::Kind::CrLfToken: {
        const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
        if (answer.status != 200 || (!doc.isObject() && !doc.isArray()))
            return answer;
        if (doc.isObject()) {
            QJsonObject object = doc.object();
            editToken(object, tokenFields, fault);
            answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        } else {
            QJsonArray array;
            for (const QJsonValue &item : doc.array()) {
                QJsonObject object = item.toObject();
                editToken(object, tokenFields, fault);
                array.append(object);
            }
            answer.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
        }
        return answer;
    }
    default:
        return answer;
    }
}

} // namespace FaultEffects
