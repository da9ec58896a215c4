#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What the window's error banner says when accounts fail one after another (Log in all with five
// failures): one failure's own message as before, several a count and the first names ("5 accounts
// failed: A, B, C and 2 more — …"), so an earlier failure is not silently replaced by the last one.
// AccountActions reports a failure (noteFailure) just before its message; any other error message,
// or dismissing the banner (clear), starts afresh. An account that succeeds later or is removed is
// forgotten (forget), a renamed one is named anew (rename): the banner then shows summary().
class FailureBanner
{
    Q_DECLARE_TR_FUNCTIONS(FailureBanner)
public:
    void noteFailure(const QString &accountId, const QString &name);
    QString text(const QString &message); // the banner text for an error message, which is shown now
    void clear();
    int count() const { return int(m_failed.size()); }
    QStringList accountIds() const;

    // Each returns whether the failures listed changed (the banner's text is then summary()).
    bool forget(const QString &accountId);
    bool rename(const QString &accountId, const QString &name);
    // The text for the failures listed: the only one's own message, a count and names, or empty for none.
    QString summary() const;

private:
    struct Failure
    {
        QString accountId;
        QString name;
        QString message; // the banner text shown for this failure alone
    };
    QList<Failure> m_failed; // each account once, oldest first
    bool m_pending = false;  // the next message is the noted failure's
};
