#include "LiveSettings.h"

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "ExpiryNotifier.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"

LiveSettings::LiveSettings(AppSettings *settings, TokenManager *tokens, HttpClient *http, ClipboardGuard *clipboard,
                           ExpiryNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_http(http)
    , m_clipboard(clipboard)
    , m_notifier(notifier)
{
    connect(m_settings, &AppSettings::changed, this, &LiveSettings::apply);
    apply();
}

void LiveSettings::apply()
{
    const auto &v = m_settings->values();
    if (m_clipboard)
        m_clipboard->setClearAfterSeconds(v.clipboardClearSeconds); // from the next copy on
    m_http->setTimeout(v.networkTimeoutSeconds * 1000);              // from the next request on
    m_tokens->setRefreshLeadSeconds(v.refreshLeadSeconds);           // reschedules
    m_tokens->setAutoRefresh(v.autoRefresh);
    if (m_notifier) {
        m_notifier->setNoticeLeadSeconds(qint64(v.expiryNoticeMinutes) * 60);
        m_notifier->rescan(); // auto-refresh on or off changes which tokens renew themselves
    }
}
