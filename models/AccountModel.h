#pragma once

#include "accounts/Account.h"
#include "auth/TokenState.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QHash>

#include <optional>
#include <vector>

class AccountStore;
class QColor;
class Clock;
class ProviderRegistry;
class TokenManager;
struct Account;

// Every account and its token state, one row per account. Time left is computed when a cell is read,
// from absolute instants: nothing in the model ticks. A change to one account emits dataChanged for
// that one row.
class AccountModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ProviderColumn,
        BaseUrlColumn,
        UserColumn,
        StateColumn,
        AccessExpiryColumn,
        RefreshExpiryColumn,
        ColumnCount
    };
    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        SortRole,            // raw values: names, instants as ms since epoch (unknown sorts last)
        StateRole,           // int(TokenState)
        ExpiresAtRole,       // QDateTime of the cell's token (access or refresh column), invalid: unknown
        ObtainedAtRole,      // QDateTime the access token was obtained
        LeadSecondsRole,     // refresh lead time of the access token
        RateLimitedUntilRole,
        HasTokenRole,        // the cell's token exists
        NeedsAttentionRole,  // expired, failed, rate limited, or password expiring within 14 days
        ErrorMessageRole,    // the last error, for tooltips and the details panel
        SearchTextRole,      // name, provider, user and URL, lower-case, for the filter
    };

    AccountModel(AccountStore *accounts, TokenManager *tokens, const ProviderRegistry *providers,
                 const Clock *clock, QObject *parent = nullptr);

    // As QAbstractTableModel's, without its two virtual calls.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return !parent.isValid() && row >= 0 && column >= 0 && row < int(m_rows.size()) && column < ColumnCount
                   ? createIndex(row, column)
                   : QModelIndex();
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rows are kept in this order (see AccountModelSort.cpp): by SortRole, names case-insensitively
    // and locale-aware, expiry by instant (unknown last); a column outside the table keeps the store's
    // order. An added row goes to its place, a changed one moves there (rowsMoved), so the selection
    // follows; time passing moves nothing, so sorting again the same way does nothing (except by state).
    // A proxy forwards its sort() here instead of sorting itself.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QString accountId(int row) const { return row >= 0 && row < int(m_rows.size()) ? m_rows[row].id : QString(); }
    int rowOf(const QString &accountId) const;
    // The row's SearchTextRole text, made when first asked for and kept until the row's account or a
    // provider profile changes: a filter reads it for every row on every keystroke.
    const QString &searchText(int row) const;
    const Clock *clock() const { return m_clock; }

    // "4:59", "1:02:03", "3 d 4 h"; negative values give "expired".
    static QString formatRemaining(qint64 seconds);
    static QColor stateColor(TokenState state); // the state column's icon
    static constexpr int kPasswordWarningDays = TokenMeta::kPasswordWarningDays;

private:
    void reset();
    void onAdded(const QString &id);
    void onRemoved(const QString &id);
    void onChanged(const QString &id);
    QVariant cellData(const Account &account, TokenState state, int column, int role) const;
    bool needsAttention(const Account &account, TokenState state) const;

    // One row: the account's id and its sort key in m_sortColumn, made when the row is placed, compared
    // directly (no data(), no QVariant).
    struct Row
    {
        QString id;
        qint64 number = 0; // expiry instant, state, or store position
        // A text column's text: as shown with m_plainCollation (compared as if lower-cased, without a
        // lower-cased copy), lower-cased otherwise, with its collation key made when a comparison first
        // needs it (rows already in order need none: they are checked with the collator itself).
        QString text;
        mutable std::optional<QCollatorSortKey> key;
        mutable QString search;           // searchText(), when made
        mutable quint64 searchMadeAt = 0; // the providers' revision() + 1 it was made at; 0: not made
    };
    bool isTextColumn(int column) const;
    QString shownText(const Account &account, int column) const;
    QString sortText(const Account &account, int column) const
    {
        return shownText(account, column).toLower();
    }
    void makeKey(Row &row, const Account *account) const; // for m_sortColumn
    void makeKey(Row &row) const;
    const QCollatorSortKey &keyOf(const Row &row) const;
    bool goesBefore(const Row &a, const Row &b) const;
    int insertPosition(const Row &row) const;
    void renumber(int from, int to); // m_rowOf for rows from..to (inclusive), if it is kept
    void ensureRowIndex() const;
    void sortRows();                 // by the keys, without signals
    void placeChangedRow(int row);   // moves a row whose key changed to its place

    AccountStore *m_accounts;
    TokenManager *m_tokens;
    const ProviderRegistry *m_providers;
    const Clock *m_clock;
    std::vector<Row> m_rows;
    // Row by account id, built when first asked for: start-up (load, sort, first paint) needs none.
    mutable QHash<QString, int> m_rowOf;
    mutable bool m_rowOfValid = false;
    QCollator m_collator;          // the default locale's, as QString::localeAwareCompare uses
    bool m_plainCollation = false; // the C locale's: texts compare as they are, without keys
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
