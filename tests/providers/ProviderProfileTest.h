#pragma once

// What the ProviderProfile tests share: a complete, valid user profile, and copies of it with one field
// set or removed, as compact JSON for ProviderProfile::fromJson().

#include "providers/ProviderProfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ProviderProfileTesting {
using namespace Qt::StringLiterals;

// A complete, valid user profile; each broken case changes one thing in it.
inline QJsonObject validProfile() {
    return QJsonObject{
        {u"format"_s, 1},
        {u"id"_s, u"corp"_s},
        {u"name"_s, u"Corp API"_s},
        {u"credential"_s, u"username_password"_s},
        {u"knownHosts"_s,
         QJsonArray{QJsonObject{{u"label"_s, u"Prod"_s}, {u"url"_s, u"https://api.corp.example"_s}}}},
        {u"login"_s,
         QJsonObject{{u"method"_s, u"POST"_s},
                     {u"path"_s, u"/auth/login"_s},
                     {u"body"_s, u"json"_s},
                     {u"fields"_s, QJsonObject{{u"user"_s, u"{username}"_s}, {u"pass"_s, u"{secret}"_s}}}}},
        {u"refresh"_s, QJsonObject{{u"path"_s, u"/auth/refresh"_s},
                                   {u"fields"_s, QJsonObject{{u"token"_s, u"{refreshToken}"_s}}}}},
        {u"response"_s, QJsonObject{{u"accessToken"_s, u"/data/token"_s},
                                    {u"accessExpiresAt"_s, u"/data/expires"_s},
                                    {u"refreshToken"_s, u"/data/refresh"_s},
                                    {u"fixedLifetimeSeconds"_s, 900},
                                    {u"extras"_s, QJsonObject{{u"client"_s, u"/data/client"_s}}},
                                    {u"errorMessage"_s, QJsonArray{u"/message"_s}}}},
        {u"header"_s, QJsonObject{{u"name"_s, u"X-Corp-Auth"_s}, {u"value"_s, u"Token {token}"_s}}},
        {u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"credentials_rejected"_s}},
                                 QJsonObject{{u"status"_s, 403}, {u"kind"_s, u"password_expired"_s}}}},
        {u"features"_s, QJsonObject{{u"authHeaders"_s, false}}},
    };
}

// Sets (or, with an undefined value, removes) a dotted path such as "login.path" in a copy of `root`.
inline QJsonObject with(QJsonObject root, const QString &dottedPath, const QJsonValue &value) {
    const QStringList steps = dottedPath.split(u'.');
    if (steps.size() == 1) {
        if (value.isUndefined())
            root.remove(steps.first());
        else
            root.insert(steps.first(), value);
        return root;
    }
    const QString head = steps.first();
    root.insert(head, with(root.value(head).toObject(), steps.mid(1).join(u'.'), value));
    return root;
}

inline QJsonObject without(const QJsonObject &root, const QString &dottedPath) {
    return with(root, dottedPath, QJsonValue(QJsonValue::Undefined));
}

inline QByteArray toJson(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace ProviderProfileTesting
