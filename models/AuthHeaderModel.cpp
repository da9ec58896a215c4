#include "AuthHeaderModel.h"

#include <QFontDatabase>
#include <QLocale>
#include <QSet>

#include <limits>

namespace {
constexpr int kShownEnds = 4;
} // namespace

AuthHeaderModel::AuthHeaderModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AuthHeaderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuthHeaderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuthHeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name", "column");
    case IdColumn:
        return tr("Id", "auth header id");
    case CreatedColumn:
        return tr("Created", "column: when the header was created");
    case TokenColumn:
        return tr("Token", "column");
    default:
        return {};
    }
}

QString AuthHeaderModel::maskToken(const QByteArray &token)
{
    if (token.isEmpty())
        return QStringLiteral("—");
    // With fewer than three hidden characters per shown one, the ends would give most of it away.
    if (token.size() < 4 * kShownEnds)
        return QString(8, QChar(0x2022));
    return QString::fromLatin1(token.left(kShownEnds)) + QChar(0x2026) + QString::fromLatin1(token.right(kShownEnds));
}

QVariant AuthHeaderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::AccessibleTextRole:
        if (index.column() == TokenColumn && !row.revealed)
            return tr("hidden token");
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn)
            return row.header.created.isValid()
                       ? QLocale().toString(row.header.created.toLocalTime(), QLocale::LongFormat)
                       : tr("The provider did not say when it was created");
        if (index.column() == TokenColumn && !row.revealed)
            return tr("Hidden: reveal the row to see the whole token");
        return displayData(row, index.column()); // the whole text of a cell too narrow for it
    case Qt::FontRole:
        if (index.column() == TokenColumn || index.column() == IdColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case TokenRole:
        return row.header.token;
    case SortRole:
        return sortData(row, index.column());
    case RevealedRole:
        return row.revealed;
    case SearchTextRole:
        return QString(row.header.name + QLatin1Char('\n') + row.header.id).toLower();
    default:
        return {};
    }
}

QVariant AuthHeaderModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.header.name;
    case IdColumn:
        return row.header.id;
    case CreatedColumn:
        return row.header.created.isValid()
                   ? QLocale().toString(row.header.created.toLocalTime(), QLocale::ShortFormat)
                   : QStringLiteral("—");
    case TokenColumn:
        return row.revealed ? QString::fromLatin1(row.header.token) : maskToken(row.header.token);
    default:
        return {};
    }
}

QVariant AuthHeaderModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case CreatedColumn:
        return row.header.created.isValid() ? row.header.created.toMSecsSinceEpoch()
                                            : std::numeric_limits<qint64>::min();
    case TokenColumn:
        // The masked text whatever is revealed: the order neither changes on reveal nor depends on the
        // hidden part of a token.
        return maskToken(row.header.token).toLower();
    default:
        return displayData(row, column).toString().toLower();
    }
}

void AuthHeaderModel::setHeaders(const QList<AuthHeader> &headers)
{
    QSet<QByteArray> revealed;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.revealed)
            revealed.insert(row.header.token);
    }
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(headers.size());
    for (const AuthHeader &header : headers)
        m_rows.append(Row{header, !header.token.isEmpty() && revealed.contains(header.token)});
    endResetModel();
}

void AuthHeaderModel::addHeader(const AuthHeader &header)
{
    const int existing = rowOfToken(header.token);
    if (existing >= 0 && !header.token.isEmpty()) {
        m_rows[existing].header = header;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(Row{header, false});
    endInsertRows();
}

bool AuthHeaderModel::removeByToken(const QByteArray &token)
{
    const int row = rowOfToken(token);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

void AuthHeaderModel::setRevealed(int row, bool revealed)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].revealed == revealed)
        return;
    m_rows[row].revealed = revealed;
    const QModelIndex cell = index(row, TokenColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ToolTipRole, RevealedRole});
}

bool AuthHeaderModel::isRevealed(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].revealed;
}

AuthHeader AuthHeaderModel::headerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].header : AuthHeader{};
}

int AuthHeaderModel::rowOfToken(const QByteArray &token) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].header.token == token)
            return i;
    }
    return -1;
}

AuthHeaderFilterModel::AuthHeaderFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuthHeaderModel::SortRole);
    setDynamicSortFilter(true);
}

void AuthHeaderFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool AuthHeaderFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QString haystack =
        sourceModel()->index(sourceRow, 0, sourceParent).data(AuthHeaderModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

bool AuthHeaderFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(AuthHeaderModel::SortRole);
    const QVariant r = right.data(AuthHeaderModel::SortRole);
    if (l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString)
        return l.toString().localeAwareCompare(r.toString()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}
