#pragma once

#include <QObject>
#include <QPointer>

class AppSettings;
class ClipboardGuard;
class ExpiryNotifier;
class HttpClient;
class TokenManager;

// Applies the settings to the running objects, at once and whenever they change: the clipboard clear time,
// automatic renewal and its lead time, the network timeout and the expiry notice. (The language applies
// after a restart; the tray options are read where the window closes and at start-up.)
class LiveSettings : public QObject
{
    Q_OBJECT
public:
    LiveSettings(AppSettings *settings, TokenManager *tokens, HttpClient *http, ClipboardGuard *clipboard,
                 ExpiryNotifier *notifier, QObject *parent = nullptr);

    void apply();

private:
    AppSettings *m_settings;
    TokenManager *m_tokens;
    HttpClient *m_http;
    QPointer<ClipboardGuard> m_clipboard;
    QPointer<ExpiryNotifier> m_notifier;
};
