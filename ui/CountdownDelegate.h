#pragma once

#include <QStyledItemDelegate>

class Clock;

// Paints the time left of a token: "4:59" with a thin bar under it that shrinks with the token's life,
// amber inside the refresh lead time and red once expired; "unknown" when the expiry is unknown; "rate
// limited — retry in 12 s" while the provider asks to wait. Reads everything from the model's roles and
// the clock at paint time, so a repaint is all a tick needs.
class CountdownDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    CountdownDelegate(const Clock *clock, bool isAccessColumn, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor barColor(qint64 secondsLeft, qint64 leadSeconds, const QPalette &palette);

private:
    const Clock *m_clock;
    bool m_access;
};
