#include "FailureBanner.h"

#include <QStringList>

namespace {
constexpr int kNamesShown = 3;
}

void FailureBanner::noteFailure(const QString &accountId, const QString &name)
{
    for (qsizetype i = 0; i < m_failed.size(); ++i) {
        if (m_failed.at(i).first == accountId) {
            m_failed.removeAt(i);
            break;
        }
    }
    m_failed.append({accountId, name});
    m_pending = true;
}

QString FailureBanner::text(const QString &message)
{
    if (!m_pending) {
        clear(); // another kind of error replaces the failures on the banner
        return message;
    }
    m_pending = false;
    if (m_failed.size() < 2)
        return message;
    QStringList names;
    for (qsizetype i = 0; i < m_failed.size() && i < kNamesShown; ++i)
        names.append(m_failed.at(i).second);
    const int more = int(m_failed.size()) - int(names.size());
    const QString list = more > 0 ? tr("%1 and %n more", "account names, then how many are not named", more)
                                        .arg(names.join(QStringLiteral(", ")))
                                  : names.join(QStringLiteral(", "));
    return tr("%n account(s) failed: %1 — hover a row for the provider's words.", nullptr, int(m_failed.size()))
        .arg(list);
}

void FailureBanner::clear()
{
    m_failed.clear();
    m_pending = false;
}
