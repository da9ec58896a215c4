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
    if (!m_onlyAttention && m_terms.isEmpty())
        return true; // nothing filters (start-up): no index made for each row
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyAttention && !index.data(AccountModel::NeedsAttentionRole).toBool())
        return false;
    if (m_terms.isEmpty())
        return true;
    // An AccountModel keeps each row's text: no QVariant, nothing made again per keystroke.
    QString made;
    const QString &haystack = m_accounts && !sourceParent.isValid()
                                  ? m_accounts->searchText(sourceRow)
                                  : (made = index.data(AccountModel::SearchTextRole).toString());
    for (const QString &term : m_terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

void AccountFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_accounts = qobject_cast<AccountModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void AccountFilterModel::sort(int column, Qt::SortOrder order)
{
    if (!m_accounts) {
        QSortFilterProxyModel::sort(column, order);
        return;
    }
    // The source reorders its rows with layoutChanged (persistent indexes, and so the selection, follow);
    // this proxy, unsorted, shows them in that order.
    m_accounts->sort(column, order);
}
