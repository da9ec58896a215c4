#pragma once

#include "DemoClock.h"
#include "DemoTokens.h"
#include "HttpResponse.h"

#include <QJsonObject>
#include <QStringList>

// One provider's API under its preset prefix. Subclasses answer exactly as the provider's document
// says; this base holds the shared plumbing (JSON bodies, bearer tokens, /whoami).
class DemoProvider {
public:
    DemoProvider(DemoTokens &tokens, const DemoClock &clock);
    virtual ~DemoProvider();
    DemoProvider(const DemoProvider &) = delete;
    DemoProvider &operator=(const DemoProvider &) = delete;

    virtual QString presetId() const = 0;
    // Where the token sits in this provider's answers, as JSON key paths. The MissingTokenField and
    // CrLfToken faults rewrite these.
    virtual QList<QStringList> tokenFields() const = 0;
    // route: the request path after the preset prefix, e.g. "/auth/login".
    virtual HttpResponse handle(const HttpRequest &request, QByteArrayView route) = 0;

protected:
    enum class BodyProblem { None, WrongMediaType, NotJsonObject };
    static BodyProblem readJsonObject(const HttpRequest &request, QJsonObject *object);
    // 415 or 400 in the {"message"} shape most providers share.
    static HttpResponse messageBodyError(BodyProblem problem);
    // "Authorization: Bearer <t>" (scheme case-insensitive); empty when absent or another scheme.
    static QByteArray bearerToken(const HttpRequest &request);
    static HttpResponse methodNotAllowed(const QByteArray &allowed);
    static HttpResponse notFound();
    HttpResponse whoamiAnswer(const QString &subject) const;
    // The subject of a valid access token of this preset, or empty.
    QString subjectOf(QByteArrayView token) const;

    DemoTokens &m_tokens;
    const DemoClock &m_clock;
};
