#include "CountdownDelegate.h"

#include "AccountModel.h"
#include "TextCellDelegate.h"
#include "auth/Clock.h"

#include <QApplication>
#include <QPainter>

CountdownDelegate::CountdownDelegate(const Clock *clock, bool isAccessColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_clock(clock)
    , m_access(isAccessColumn)
{
}

QColor CountdownDelegate::barColor(qint64 secondsLeft, qint64 leadSeconds, const QPalette &palette)
{
    Q_UNUSED(palette);
    if (secondsLeft <= 0)
        return QColor(0xd3, 0x2f, 0x2f);   // red: expired
    if (secondsLeft <= leadSeconds)
        return QColor(0xf5, 0x9e, 0x0b);   // amber: inside the refresh lead time
    return QColor(0x2e, 0x9d, 0x5b);       // green
}

QSize CountdownDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("rate limited — retry in 88 s")) / 2 + 24));
    size.setHeight(size.height() + 4);
    return size;
}

void CountdownDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QDateTime now = m_clock->now();
    const bool hasToken = index.data(AccountModel::HasTokenRole).toBool();
    const QDateTime expires = index.data(AccountModel::ExpiresAtRole).toDateTime();
    const QDateTime limitedUntil = index.data(AccountModel::RateLimitedUntilRole).toDateTime();

    qint64 left = 0;
    qint64 lifetime = 0;
    bool bar = false;
    if (m_access && limitedUntil.isValid() && limitedUntil > now) {
        opt.text = tr("rate limited — retry in %n s", nullptr, int(qMax<qint64>(1, now.secsTo(limitedUntil))));
    } else if (!hasToken) {
        opt.text = QStringLiteral("—");
    } else if (!expires.isValid()) {
        opt.text = tr("unknown", "expiry");
    } else {
        left = now.secsTo(expires);
        opt.text = AccountModel::formatRemaining(left);
        // Both tokens come from the same login or refresh, so the access token's start dates both.
        const QDateTime obtained = index.data(AccountModel::ObtainedAtRole).toDateTime();
        lifetime = obtained.isValid() ? obtained.secsTo(expires) : 0;
        bar = true;
    }
    opt.displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    if (bar && left <= 0)
        opt.palette.setColor(QPalette::Text, QColor(0xd3, 0x2f, 0x2f));
    if (!TextCellDelegate::paintTextCell(painter, opt)) { // one text layout instead of the style's three
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }

    if (!bar)
        return;
    // The access token turns amber inside its refresh lead time; the refresh token in its last tenth.
    const qint64 lead = m_access ? index.data(AccountModel::LeadSecondsRole).toLongLong() : lifetime / 10;
    const double fraction = lifetime > 0 ? qBound(0.0, double(left) / double(lifetime), 1.0) : (left > 0 ? 1.0 : 0.0);
    const QRect cell = option.rect.adjusted(4, 0, -4, -2);
    const QRect track(cell.left(), cell.bottom() - 2, cell.width(), 3);
    painter->save();
    painter->setPen(Qt::NoPen);
    QColor trackColor = option.palette.color(QPalette::Mid);
    trackColor.setAlpha(60);
    painter->setBrush(trackColor);
    painter->drawRect(track);
    painter->setBrush(barColor(left, lead, option.palette));
    painter->drawRect(QRect(track.left(), track.top(), left <= 0 ? track.width() : int(track.width() * fraction), track.height()));
    painter->restore();
}
