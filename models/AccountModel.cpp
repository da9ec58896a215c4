#include "AccountModel.h"

#include "accounts/AccountStore.h"
#include "auth/Clock.h"
#include "auth/RefreshScheduler.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QColor>
#include <QLocale>

#include <limits>

AccountModel::AccountModel(AccountStore *accounts, TokenManager *tokens, const ProviderRegistry *providers,
                           const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_accounts(accounts)
    , m_tokens(tokens)
    , m_providers(providers)
    , m_clock(clock)
    , m_plainCollation(m_collator.locale().language() == QLocale::C)
{
    reset();
    connect(m_accounts, &AccountStore::accountAdded, this, &AccountModel::onAdded);
    connect(m_accounts, &AccountStore::accountRemoved, this, &AccountModel::onRemoved);
    connect(m_accounts, &AccountStore::accountChanged, this, &AccountModel::onChanged);
    connect(m_accounts, &AccountStore::accountsReloaded, this, [this] {
        beginResetModel();
        reset();
        endResetModel();
    });
    connect(m_tokens, &TokenManager::stateChanged, this, &AccountModel::onChanged);
}

void AccountModel::reset()
{
    const QList<Account> &all = m_accounts->accounts();
    m_rows.clear();
    m_rows.reserve(size_t(all.size()));
    for (qsizetype i = 0; i < all.size(); ++i) {
        Row row;
        row.id = all[i].id;
        if (m_sortColumn >= 0)
            makeKey(row, &all[i]);
        else
            row.number = i; // the store's order
        m_rows.push_back(std::move(row));
    }
    m_rowOfValid = false;
    if (m_sortColumn >= 0)
        sortRows();
}

void AccountModel::onAdded(const QString &id)
{
    if (rowOf(id) >= 0)
        return;
    Row added;
    added.id = id;
    makeKey(added);
    const int row = insertPosition(added);
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, std::move(added));
    renumber(row, int(m_rows.size()) - 1);
    endInsertRows();
}

void AccountModel::onRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    m_rowOf.remove(id);
    renumber(row, int(m_rows.size()) - 1);
    endRemoveRows();
}

void AccountModel::onChanged(const QString &id)
{
    int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[size_t(row)].searchMadeAt = 0;
    if (m_sortColumn >= 0 && m_sortColumn < ColumnCount) {
        makeKey(m_rows[size_t(row)]);
        placeChangedRow(row);
        row = rowOf(id);
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int AccountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name", "column");
    case ProviderColumn:
        return tr("Provider", "column");
    case BaseUrlColumn:
        return tr("Base URL");
    case UserColumn:
        return tr("User", "column");
    case StateColumn:
        return tr("State", "column: token state");
    case AccessExpiryColumn:
        return tr("Expires in", "column: the access token's countdown");
    case RefreshExpiryColumn:
        return tr("Refresh expires in");
    default:
        return {};
    }
}

QString AccountModel::formatRemaining(qint64 seconds)
{
    if (seconds < 0)
        return tr("expired");
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h", "days and hours left").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QColor AccountModel::stateColor(TokenState state)
{
    switch (state) {
    case TokenState::Valid:
        return QColor(0x2e, 0x9d, 0x5b);
    case TokenState::LoggingIn:
    case TokenState::Refreshing:
        return QColor(0x25, 0x63, 0xeb);
    case TokenState::RateLimited:
        return QColor(0xf5, 0x9e, 0x0b);
    case TokenState::Expired:
    case TokenState::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case TokenState::SignedOut:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

bool AccountModel::needsAttention(const Account &account, TokenState state) const
{
    if (state == TokenState::Expired || state == TokenState::Failed || state == TokenState::RateLimited)
        return true;
    const QDateTime password = account.token.passwordExpiresAt;
    return password.isValid() && m_clock->now().daysTo(password) < kPasswordWarningDays;
}

QVariant AccountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    // Called for every painted cell and every comparison of a sort: read the stored account in place.
    const Account *account = m_accounts->find(m_rows[size_t(index.row())].id);
    if (!account)
        return {};
    // The state reads the clock: only for the roles and the column that show it (not for a sort by name).
    const bool showsState = role == StateRole || role == NeedsAttentionRole || index.column() == StateColumn;
    const TokenState state = showsState ? m_tokens->state(*account) : TokenState::SignedOut;
    switch (role) {
    case AccountIdRole:
        return account->id;
    case StateRole:
        return int(state);
    case NeedsAttentionRole:
        return needsAttention(*account, state);
    case ErrorMessageRole:
        return account->token.lastError ? account->token.lastError.message : QString();
    case RateLimitedUntilRole:
        return account->token.rateLimitedUntil;
    case ObtainedAtRole:
        return account->token.accessObtainedAt;
    case LeadSecondsRole:
        return m_tokens->leadSeconds(*account); // follows the user's lead-time setting
    case SearchTextRole:
        return searchText(index.row());
    default:
        return cellData(*account, state, index.column(), role);
    }
}

const QString &AccountModel::searchText(int row) const
{
    static const QString none;
    if (row < 0 || row >= int(m_rows.size()))
        return none;
    const Row &r = m_rows[size_t(row)];
    if (r.searchMadeAt == m_providers->revision() + 1)
        return r.search;
    r.search.clear();
    if (const Account *account = m_accounts->find(r.id)) {
        const ProviderProfile *profile = m_providers->find(account->providerId);
        r.search = QStringList{account->name, account->providerId, profile ? profile->name : QString(),
                               account->username, displayedUrl(account->baseUrl),
                               account->baseUrl.toDisplayString(QUrl::RemoveUserInfo)} // found by either host form
                       .join(QLatin1Char('\n'))
                       .toLower();
    }
    r.searchMadeAt = m_providers->revision() + 1;
    return r.search;
}

QVariant AccountModel::cellData(const Account &account, TokenState state, int column, int role) const
{
    const TokenMeta &t = account.token;
    const bool access = column == AccessExpiryColumn;
    const QDateTime expires = access ? t.accessExpiresAt : t.refreshExpiresAt;
    const bool hasToken = access ? t.hasAccessToken : t.hasRefreshToken;

    if (role == ExpiresAtRole)
        return (column == AccessExpiryColumn || column == RefreshExpiryColumn) && hasToken ? expires : QDateTime();
    if (role == HasTokenRole)
        return hasToken;
    if (role == SortRole) {
        switch (column) {
        case AccessExpiryColumn:
        case RefreshExpiryColumn:
            // The instant, which does not change every second: sorting by expiry never reshuffles.
            return hasToken && expires.isValid() ? expires.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case StateColumn:
            return int(state);
        default:
            return sortText(account, column);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == StateColumn && t.lastError)
            return t.lastError.providerMessage.isEmpty()
                       ? t.lastError.message
                       : tr("%1\nProvider said: %2").arg(t.lastError.message, t.lastError.providerMessage);
        if ((column == AccessExpiryColumn || column == RefreshExpiryColumn) && hasToken && expires.isValid())
            return QLocale().toString(expires.toLocalTime(), QLocale::LongFormat);
        if (column == BaseUrlColumn)
            return displayedUrl(account.baseUrl);
        return {};
    }
    if (role == Qt::DecorationRole && column == StateColumn)
        return stateColor(state);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};

    switch (column) {
    case NameColumn:
        return account.name;
    case ProviderColumn: {
        const ProviderProfile *profile = m_providers->find(account.providerId);
        return profile ? profile->name : account.providerId;
    }
    case BaseUrlColumn:
        return displayedUrl(account.baseUrl);
    case UserColumn:
        return account.username;
    case StateColumn:
        return tokenStateText(state);
    case AccessExpiryColumn:
    case RefreshExpiryColumn:
        if (!hasToken)
            return QStringLiteral("—");
        if (!expires.isValid())
            return tr("unknown", "expiry");
        return formatRemaining(m_clock->now().secsTo(expires));
    default:
        return {};
    }
}
