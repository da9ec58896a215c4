#include "AccountFilterModel.h"

#include "AccountModel.h"

AccountFilterModel::AccountFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AccountModel::SortRole);
    setDynamicSortFilter(true);
}

void AccountFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void AccountFilterModel::setOnlyNeedingAttention(bool only)
{
    if (only == m_onlyAttention)
        return;
    m_onlyAttention = only;
    invalidateFilter();
}

bool AccountFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyAttention && !index.data(AccountModel::NeedsAttentionRole).toBool())
        return false;
    if (m_terms.isEmpty())
        return true;
    const QString haystack = index.data(AccountModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

void AccountFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_accounts = qobject_cast<const AccountModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool AccountFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_accounts && left.model() == m_accounts && left.column() == right.column() && sortRole() == AccountModel::SortRole) {
        if (const std::optional<int> order = m_accounts->compareText(left.row(), right.row(), left.column()))
            return *order < 0;
    }
    const QVariant l = left.data(AccountModel::SortRole);
    const QVariant r = right.data(AccountModel::SortRole);
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString)
        return l.toString().localeAwareCompare(r.toString()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}
