#pragma once

#include <QSortFilterProxyModel>

class AccountModel;

// Filters the account table by a search text (name, provider, user, URL) and, optionally, to the accounts
// that need attention; sorts on AccountModel::SortRole, so expiry columns sort by instant.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    QStringList m_terms;
    bool m_onlyAttention = false;
    const AccountModel *m_accounts = nullptr; // the source model if it is one: text columns sort by its keys
};
