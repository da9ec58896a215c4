// AccountModel's row order: the rows are kept sorted by the model itself, each with its key in the sort
// column made once when the row is placed, so a sort compares two kept keys (no data(), no QVariant, no
// proxy mapping) and an added or changed row is placed by a binary search.
#include "AccountModel.h"

#include "accounts/AccountStore.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>

bool AccountModel::isTextColumn(int column) const
{
    return column == NameColumn || column == ProviderColumn || column == BaseUrlColumn || column == UserColumn;
}

// A text column's text as the table shows it (SortRole has it lower-cased).
QString AccountModel::shownText(const Account &account, int column) const
{
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
    default:
        return {};
    }
}

namespace {

// Compares a.toLower() with b.toLower() as QString::compare does (UTF-16 code units), without making
// either: equal characters are skipped, differing ASCII letters lowered on the way; at the first
// difference that is not ASCII (a lower case may be longer, or ASCII) the two lower-cased strings are made
// and compared after all.
int compareLowered(const QString &a, const QString &b)
{
    const qsizetype common = qMin(a.size(), b.size());
    const QChar *pa = a.constData();
    const QChar *pb = b.constData();
    qsizetype i = 0;
    // Names often share a long prefix ("account-0001…"): skip equal code units four at a time.
    for (quint64 x, y; i + 4 <= common; i += 4) {
        std::memcpy(&x, pa + i, sizeof x);
        std::memcpy(&y, pb + i, sizeof y);
        if (x != y)
            break;
    }
    for (; i < common; ++i) {
        char16_t ca = pa[i].unicode();
        char16_t cb = pb[i].unicode();
        if (ca == cb)
            continue; // lowers the same in both (Qt lowers each character without looking at its neighbours)
        if (ca >= 0x80 || cb >= 0x80)
            return QString::compare(a.toLower(), b.toLower());
        if (ca >= u'A' && ca <= u'Z')
            ca += u'a' - u'A';
        if (cb >= u'A' && cb <= u'Z')
            cb += u'a' - u'A';
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    // Equal so far once lowered: a longer rest lowers to at least one more character.
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

} // namespace

void AccountModel::makeKey(Row &row) const
{
    makeKey(row, m_accounts->find(row.id));
}

void AccountModel::makeKey(Row &row, const Account *account) const
{
    row.text.clear();
    row.key.reset();
    row.number = 0;
    if (isTextColumn(m_sortColumn)) {
        // In the C locale collation is a plain comparison of the lower-cased texts, lowered as they are
        // compared; any other collator is given them lower-cased (and its keys are made when needed).
        if (account)
            row.text =
                m_plainCollation ? shownText(*account, m_sortColumn) : sortText(*account, m_sortColumn);
        return;
    }
    if (!account)
        return;
    const TokenMeta &t = account->token;
    switch (m_sortColumn) {
    case AccessExpiryColumn:
    case RefreshExpiryColumn: {
        // The instant, which does not change every second: sorting by expiry never reshuffles.
        const bool access = m_sortColumn == AccessExpiryColumn;
        const QDateTime &expires = access ? t.accessExpiresAt : t.refreshExpiresAt;
        const bool hasToken = access ? t.hasAccessToken : t.hasRefreshToken;
        row.number = hasToken && expires.isValid() ? expires.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        break;
    }
    case StateColumn:
        row.number = int(m_tokens->state(*account));
        break;
    default:
        break; // unsorted: sort() numbers the rows by their place in the store
    }
}

bool AccountModel::goesBefore(const Row &a, const Row &b) const
{
    if (m_sortColumn < 0)
        return a.number < b.number;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const Row &left = ascending ? a : b;
    const Row &right = ascending ? b : a;
    if (!isTextColumn(m_sortColumn))
        return left.number < right.number;
    return (m_plainCollation ? compareLowered(left.text, right.text) : keyOf(left).compare(keyOf(right))) < 0;
}

const QCollatorSortKey &AccountModel::keyOf(const Row &row) const
{
    if (!row.key)
        row.key = m_collator.sortKey(row.text);
    return *row.key;
}

int AccountModel::insertPosition(const Row &row) const
{
    if (m_sortColumn < 0)
        return int(m_rows.size()); // the store appends
    const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), row,
                                     [this](const Row &value, const Row &element) { return goesBefore(value, element); });
    return int(at - m_rows.begin());
}

int AccountModel::rowOf(const QString &accountId) const
{
    ensureRowIndex();
    return m_rowOf.value(accountId, -1);
}

void AccountModel::ensureRowIndex() const
{
    if (m_rowOfValid)
        return;
    m_rowOf.clear();
    m_rowOf.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].id, int(i));
    m_rowOfValid = true;
}

void AccountModel::renumber(int from, int to)
{
    if (!m_rowOfValid)
        return; // built when next asked for
    for (int i = from; i <= to; ++i)
        m_rowOf.insert(m_rows[size_t(i)].id, i);
}

void AccountModel::sortRows()
{
    const auto before = [this](const Row &a, const Row &b) { return goesBefore(a, b); };
    // Rows already in order (a file kept in name order, a sort by the same keys again) cost one pass;
    // otherwise the first out-of-order pair usually ends this check early. With a locale's collation the
    // pass compares with the collator and makes no keys: texts it finds in order are in order by their keys
    // too (ICU's keys compare as its comparison does; QCollator only puts an empty text before one of
    // ignorable characters alone, which the keys find equal: then it finds "not in order" where the keys
    // would not, and the keys sort, as before).
    const bool collated = isTextColumn(m_sortColumn) && !m_plainCollation;
    const auto collatorBefore = [this](const Row &a, const Row &b) {
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        return m_collator.compare(ascending ? a.text : b.text, ascending ? b.text : a.text) < 0;
    };
    if (collated ? std::is_sorted(m_rows.begin(), m_rows.end(), collatorBefore)
                 : std::is_sorted(m_rows.begin(), m_rows.end(), before))
        return;
    // Sorting row numbers moves ints instead of rows (an id, a text and a collation key each).
    std::vector<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return goesBefore(m_rows[size_t(a)], m_rows[size_t(b)]); });
    std::vector<Row> sorted;
    sorted.reserve(m_rows.size());
    for (const int i : order)
        sorted.push_back(std::move(m_rows[size_t(i)]));
    m_rows.swap(sorted);
    m_rowOfValid = false;
}

void AccountModel::placeChangedRow(int row)
{
    const auto before = [this](const Row &value, const Row &element) { return goesBefore(value, element); };
    const int count = int(m_rows.size());
    const Row &changed = m_rows[size_t(row)];
    int destination; // the row it goes before, counted before the move (beginMoveRows' convention)
    if (row > 0 && goesBefore(changed, m_rows[size_t(row - 1)]))
        destination = int(std::upper_bound(m_rows.begin(), m_rows.begin() + row, changed, before) - m_rows.begin());
    else if (row + 1 < count && goesBefore(m_rows[size_t(row + 1)], changed))
        destination = int(std::upper_bound(m_rows.begin() + row + 1, m_rows.end(), changed, before) - m_rows.begin());
    else
        return; // still in its place
    beginMoveRows({}, row, row, {}, destination);
    if (destination < row) {
        std::rotate(m_rows.begin() + destination, m_rows.begin() + row, m_rows.begin() + row + 1);
        renumber(destination, row);
    } else {
        std::rotate(m_rows.begin() + row, m_rows.begin() + row + 1, m_rows.begin() + destination);
        renumber(row, destination - 1);
    }
    endMoveRows();
}

void AccountModel::sort(int column, Qt::SortOrder order)
{
    // The rows are already kept in this order. Not so for the state column: a token's state also
    // changes as time passes, without a change to the account, and a new sort picks that up.
    if (column >= 0 && column == m_sortColumn && order == m_sortOrder && column != StateColumn)
        return;
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    ids.reserve(before.size());
    for (const QModelIndex &index : before)
        ids.append(m_rows[size_t(index.row())].id);

    if (m_sortColumn >= 0) {
        // Rows still in the store's order (start-up) find their accounts without a lookup by id.
        const QList<Account> &all = m_accounts->accounts();
        for (size_t i = 0; i < m_rows.size(); ++i) {
            Row &row = m_rows[i];
            const bool inStoreOrder = qsizetype(i) < all.size() && all[qsizetype(i)].id == row.id;
            makeKey(row, inStoreOrder ? &all[qsizetype(i)] : m_accounts->find(row.id));
        }
    } else {
        const QList<Account> &all = m_accounts->accounts();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (const int row = rowOf(all[i].id); row >= 0) {
                makeKey(m_rows[size_t(row)]);
                m_rows[size_t(row)].number = i;
            }
        }
    }
    sortRows();

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(ids[i]), before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
