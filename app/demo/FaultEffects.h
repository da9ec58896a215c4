#pragma once

#include "DemoFault.h"
#include "HttpResponse.h"

#include <QStringList>

// What a DemoFault does to a request and its answer.
namespace FaultEffects {

// Whether the provider still handles the request (Delay, TruncatedJson, MissingTokenField, CrLfToken).
bool reachesProvider(const DemoFault &fault);
// The answer for faults that do not reach the provider (not for Hang: that one never answers).
HttpResponse replacement(const DemoFault &fault);
// The provider's answer, spoiled. tokenFields: JSON key paths of the token (DemoProvider::tokenFields).
HttpResponse rewrite(const DemoFault &fault, HttpResponse answer, const QList<QStringList> &tokenFields);

} // namespace FaultEffects
