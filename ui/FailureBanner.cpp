#include "FailureBanner.h"

#include <QStringList>

namespace {
constexpr int kNamesShown = 3;
}

void FailureBanner::noteFailure(const QString &accountId, const QString &name)
{
    forget(accountId);
    m_failed.append({accountId, name, {}});
    m_pending = true;
}

QString FailureBanner::text(const QString &message)
{
    if (!m_pending) {
        clear(); // another kind of error replaces the failures on the banner
        return message;
    }
    m_pending = false;
    m_failed.last().message = message;
    return summary();
}

QString FailureBanner::summary() const
{
    if (m_failed.isEmpty())
        return {};
    if (m_failed.size() == 1)
        return m_failed.constFirst().message;
    QStringList names;
    for (qsizetype i = 0; i < m_failed.size() && i < kNamesShown; ++i)
        names.append(m_failed.at(i).name);
    const int more = int(m_failed.size()) - int(names.size());
    const QString list = more > 0 ? tr("%1 and %n more", "account names, then how many are not named", more)
                                        .arg(names.join(QStringLiteral(", ")))
                                  : names.join(QStringLiteral(", "));
    return tr("%n account(s) failed: %1 — hover a row for the provider's words.", nullptr, int(m_failed.size()))
        .arg(list);
}

bool FailureBanner::forget(const QString &accountId)
{
    for (qsizetype i = 0; i < m_failed.size(); ++i) {
        if (m_failed.at(i).accountId == accountId) {
            m_failed.removeAt(i);
            return true;
        }
    }
    return false;
}

bool FailureBanner::rename(const QString &accountId, const QString &name)
{
    for (Failure &failure : m_failed) {
        if (failure.accountId == accountId && failure.name != name) {
            failure.name = name;
            return true;
        }
    }
    return false;
}

QStringList FailureBanner::accountIds() const
{
    QStringList ids;
    for (const Failure &failure : m_failed)
        ids.append(failure.accountId);
    return ids;
}

void FailureBanner::clear()
{
    m_failed.clear();
    m_pending = false;
}
