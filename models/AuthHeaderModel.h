#pragma once

#include "admin/AuthHeaderClient.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

// One account's long-lived auth headers, one row each. Tokens are masked ("ah_x…9f2c") unless a row is
// revealed; the full token is only handed out through TokenRole, for copying. The list comes from the
// provider (setHeaders) and follows the panel's own add and delete calls without a round trip.
class AuthHeaderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, CreatedColumn, TokenColumn, ColumnCount };
    enum Role {
        TokenRole = Qt::UserRole + 1, // QByteArray: the full token, whatever the mask
        SortRole,                     // raw values: created as ms since epoch (unknown first), names lower-case
        RevealedRole,                 // bool: the row's token is shown in full
        SearchTextRole,               // name and id, lower-case, for the filter (never the token)
    };

    explicit AuthHeaderModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the whole list (model reset). Rows whose token was revealed stay revealed.
    void setHeaders(const QList<AuthHeader> &headers);
    void addHeader(const AuthHeader &header); // appends one row; a token already listed updates its row
    bool removeByToken(const QByteArray &token);
    void clear() { setHeaders({}); }

    void setRevealed(int row, bool revealed); // dataChanged for that row's token cell only
    bool isRevealed(int row) const;
    AuthHeader headerAt(int row) const; // default-constructed when out of range
    int rowOfToken(const QByteArray &token) const;

    // First 4 + "…" + last 4; tokens too short to keep anything secret that way are fully masked.
    static QString maskToken(const QByteArray &token);

private:
    struct Row {
        AuthHeader header;
        bool revealed = false;
    };
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    QList<Row> m_rows;
};

// Filters the headers by name or id (every word must match) and sorts on AuthHeaderModel::SortRole.
class AuthHeaderFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AuthHeaderFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    QStringList m_terms;
};
