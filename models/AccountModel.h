#pragma once

#include "auth/TokenState.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QHash>
#include <QStringList>

#include <optional>

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

    // As QAbstractTableModel's, without its two virtual calls: the proxy's sort asks for two indexes per
    // comparison.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        return !parent.isValid() && row >= 0 && column >= 0 && row < m_ids.size() && column < ColumnCount
                   ? createIndex(row, column)
                   : QModelIndex();
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The order of two rows by `column`'s SortRole for the text columns (name, provider, URL, user), the
    // way QString::localeAwareCompare orders them, from texts (and, unless the locale is C, collation keys)
    // computed when a row is first compared and kept until it changes; nullopt for the other columns.
    // Sorting 10,000 rows by name compares ~130,000 pairs: each is then a comparison of two kept texts or
    // keys instead of two data() calls, two lower-cased copies and a collation.
    std::optional<int> compareText(int leftRow, int rightRow, int column) const;

    QString accountId(int row) const { return m_ids.value(row); }
    int rowOf(const QString &accountId) const { return m_rows.value(accountId, -1); }
    const Clock *clock() const { return m_clock; }

    // "4:59", "1:02:03", "3 d 4 h"; negative values give "expired".
    static QString formatRemaining(qint64 seconds);
    static QColor stateColor(TokenState state); // the state column's icon
    static constexpr int kPasswordWarningDays = 14;

private:
    void reset();
    void onAdded(const QString &id);
    void onRemoved(const QString &id);
    void onChanged(const QString &id);
    QVariant cellData(const Account &account, TokenState state, int column, int role) const;
    bool needsAttention(const Account &account, TokenState state) const;

    AccountStore *m_accounts;
    TokenManager *m_tokens;
    const ProviderRegistry *m_providers;
    const Clock *m_clock;
    struct SortText
    {
        QString text;                        // the row's SortRole text in m_keyColumn
        std::optional<QCollatorSortKey> key; // its collation key, unless m_plainCollation
        bool ready = false;
    };
    const SortText &sortText(int row) const;

    QStringList m_ids;
    QHash<QString, int> m_rows;
    QCollator m_collator; // the default locale's, as QString::localeAwareCompare uses
    mutable int m_keyColumn = -1; // the column m_sortTexts are for
    mutable bool m_plainCollation = false; // the C locale's: texts compare as they are, without keys
    mutable QList<SortText> m_sortTexts; // by row; empty: none read yet
};
