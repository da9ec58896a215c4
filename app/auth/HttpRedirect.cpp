// HttpJob's redirects: followed here rather than by Qt, so that the limit and the same-origin rule hold
// exactly and say what happened.
#include "Hardening.h"
#include "HttpClient.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

bool isFollowable(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

AuthError providerError(const QString &message)
{
    return AuthError::make(AuthError::Kind::ProviderError, message);
}

} // namespace

// True when the answer was a redirect (3xx): the job then either sent the next request or finished with the
// reason it did not.
bool HttpJob::followRedirect(int status)
{
    if (status < 300 || status >= 400)
        return false;
    const QUrl from = m_reply->url();
    const QByteArray location = m_reply->rawHeader("Location").trimmed();
    const QUrl target = QUrl::fromEncoded(location, QUrl::StrictMode); // resolved() would drop its error
    const QUrl to = from.resolved(target);
    if (!isFollowable(status)) {
        finishWith(providerError(QCoreApplication::translate("HttpClient", "The provider answered with a redirect "
                                                                           "that cannot be followed (HTTP %1). "
                                                                           "Check the base URL.")
                                     .arg(status)));
        return true;
    }
    if (location.isEmpty() || !target.isValid() || !to.isValid()) {
        finishWith(providerError(QCoreApplication::translate("HttpClient", "The provider answered with a redirect "
                                                                           "(HTTP %1) without a usable address "
                                                                           "(Location), so it cannot be followed. "
                                                                           "Check the base URL.")
                                     .arg(status)));
        return true;
    }
    // A user name or password in the target would be sent (and remembered by Qt) where the base URL may
    // carry none: treated like another site.
    if (!sameOrigin(from, to) || !to.userInfo().isEmpty()) {
        finishWith(providerError(QCoreApplication::translate("HttpClient", "The provider redirected the request to "
                                                                           "another site; it was stopped so that no "
                                                                           "credential follows it. Check the base URL.")));
        return true;
    }
    if (m_redirects == HttpClient::kMaxRedirects) {
        finishWith(providerError(QCoreApplication::translate("HttpClient", "%1 redirected the request more than %2 "
                                                                           "times (a redirect loop), so it was given "
                                                                           "up. Check the base URL; if it is right, "
                                                                           "the provider's service is misconfigured.")
                                     .arg(from.host())
                                     .arg(HttpClient::kMaxRedirects)));
        return true;
    }
    // 307 and 308 repeat the request as it was. 301, 302 and 303 would go on with a GET without the body, as
    // browsers do: harmless for a GET, but a login, refresh or auth-header change would then get an answer to
    // a different request (a GET's 200 is no proof that a header was deleted), so those are not followed.
    if (status != 307 && status != 308 && m_method != "GET" && m_method != "HEAD") {
        finishWith(providerError(QCoreApplication::translate("HttpClient", "The provider answered the %1 request "
                                                                           "with a redirect (HTTP %2) that would "
                                                                           "turn it into a GET without its data, "
                                                                           "so it was not followed and nothing "
                                                                           "more was sent. Check the base URL.")
                                     .arg(QString::fromLatin1(m_method))
                                     .arg(status)));
        return true;
    }
    ++m_redirects;
    m_request.setUrl(to);
    m_reply->disconnect(this);
    m_reply->deleteLater();
    Hardening::wipe(m_body);
    m_sslProblems.clear();
    send();
    return true;
}
