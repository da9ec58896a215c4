#pragma once

#include <QObject>
#include <QString>

class QSettings;

// The user's preferences, typed, with defaults and clamping, over the QSettings it is given (the
// composition root passes the application's; tests pass a file of their own). Values read from a
// hand-edited file are clamped too. setValues() writes and emits changed() once when anything differs.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    struct Values
    {
        int clipboardClearSeconds = 30;   // 0: never on a timer (quit still clears)
        bool autoRefresh = true;
        int refreshLeadSeconds = 300;     // renew up to this long before expiry
        int networkTimeoutSeconds = 30;
        int expiryNoticeMinutes = 10;     // 0: no notice before a token that cannot be renewed expires
        QString language;                 // empty: the system's; else "en", "de", …
        bool startMinimized = false;      // to the tray; only with a tray
        bool closeToTray = false;         // closing the window keeps TokenDesk in the tray; only with a tray

        bool operator==(const Values &) const = default;
    };

    // Ranges the dialog offers and reading clamps to.
    static constexpr int kMaxClipboardClearSeconds = 600;
    static constexpr int kMinRefreshLeadSeconds = 10;
    static constexpr int kMaxRefreshLeadSeconds = 3600;
    static constexpr int kMinNetworkTimeoutSeconds = 5;
    static constexpr int kMaxNetworkTimeoutSeconds = 300;
    static constexpr int kMaxExpiryNoticeMinutes = 24 * 60;

    // Keys. General/language is also read before any window exists, to load the translation.
    static constexpr const char *kLanguageKey = "General/language";

    explicit AppSettings(QSettings *settings, QObject *parent = nullptr);

    const Values &values() const { return m_values; }
    void setValues(const Values &values); // clamps, writes, emits changed() if anything differs
    static Values defaults() { return Values{}; }
    static Values clamped(Values values);

Q_SIGNALS:
    void changed();

private:
    Values read() const;
    void write() const;

    QSettings *m_settings;
    Values m_values;
};
