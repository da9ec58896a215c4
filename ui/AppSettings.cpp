#include "AppSettings.h"

#include <QSettings>

namespace {
const QString kClipboardClear = QStringLiteral("Clipboard/clearAfterSeconds");
const QString kAutoRefresh = QStringLiteral("Tokens/autoRefresh");
const QString kRefreshLead = QStringLiteral("Tokens/refreshLeadSeconds");
const QString kNetworkTimeout = QStringLiteral("Network/timeoutSeconds");
const QString kExpiryNotice = QStringLiteral("Notifications/expiryNoticeMinutes");
const QString kStartMinimized = QStringLiteral("General/startMinimized");
const QString kCloseToTray = QStringLiteral("General/closeToTray");

int readInt(const QSettings &s, const QString &key, int fallback)
{
    bool ok = false;
    const int value = s.value(key, fallback).toInt(&ok);
    return ok ? value : fallback;
}
} // namespace

AppSettings::AppSettings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_values(read())
{
}

AppSettings::Values AppSettings::clamped(Values v)
{
    // Below the range is not "never" (0): an invalid value must not turn the clearing off.
    v.clipboardClearSeconds = v.clipboardClearSeconds < 0 ? defaults().clipboardClearSeconds
                                                          : qMin(v.clipboardClearSeconds, kMaxClipboardClearSeconds);
    v.refreshLeadSeconds = qBound(kMinRefreshLeadSeconds, v.refreshLeadSeconds, kMaxRefreshLeadSeconds);
    v.networkTimeoutSeconds = qBound(kMinNetworkTimeoutSeconds, v.networkTimeoutSeconds, kMaxNetworkTimeoutSeconds);
    v.expiryNoticeMinutes = qBound(0, v.expiryNoticeMinutes, kMaxExpiryNoticeMinutes);
    v.language = v.language.trimmed();
    return v;
}

AppSettings::Values AppSettings::read() const
{
    const Values d = defaults();
    const QSettings &s = *m_settings;
    Values v;
    v.clipboardClearSeconds = readInt(s, kClipboardClear, d.clipboardClearSeconds);
    v.autoRefresh = s.value(kAutoRefresh, d.autoRefresh).toBool();
    v.refreshLeadSeconds = readInt(s, kRefreshLead, d.refreshLeadSeconds);
    v.networkTimeoutSeconds = readInt(s, kNetworkTimeout, d.networkTimeoutSeconds);
    v.expiryNoticeMinutes = readInt(s, kExpiryNotice, d.expiryNoticeMinutes);
    v.language = s.value(QString::fromLatin1(kLanguageKey), d.language).toString();
    v.startMinimized = s.value(kStartMinimized, d.startMinimized).toBool();
    v.closeToTray = s.value(kCloseToTray, d.closeToTray).toBool();
    return clamped(v);
}

void AppSettings::write() const
{
    QSettings &s = *m_settings;
    s.setValue(kClipboardClear, m_values.clipboardClearSeconds);
    s.setValue(kAutoRefresh, m_values.autoRefresh);
    s.setValue(kRefreshLead, m_values.refreshLeadSeconds);
    s.setValue(kNetworkTimeout, m_values.networkTimeoutSeconds);
    s.setValue(kExpiryNotice, m_values.expiryNoticeMinutes);
    s.setValue(QString::fromLatin1(kLanguageKey), m_values.language);
    s.setValue(kStartMinimized, m_values.startMinimized);
    s.setValue(kCloseToTray, m_values.closeToTray);
    s.sync();
}

void AppSettings::setValues(const Values &values)
{
    const Values next = clamped(values);
    if (next == m_values)
        return;
    m_values = next;
    write();
    Q_EMIT changed();
}
