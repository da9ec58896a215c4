#pragma once

#include <QSortFilterProxyModel>

class AccountModel;

// Filters the account table by a search text (name, provider, user, URL) and, optionally, to the accounts
// that need attention. It never sorts: sort() is forwarded to an AccountModel source, which keeps its rows
// in order itself (expiry columns by instant), and the proxy keeps the source's order. Any other source
// is sorted here on AccountModel::SortRole, as QSortFilterProxyModel does.
class AccountFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AccountFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setOnlyNeedingAttention(bool only);
    bool onlyNeedingAttention() const { return m_onlyAttention; }
    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_terms;
    bool m_onlyAttention = false;
    AccountModel *m_accounts = nullptr; // the source model if it is one: it sorts itself
};
