#include "TextCellDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

void TextCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!paintTextCell(painter, opt))
        QStyledItemDelegate::paint(painter, option, index);
}

void TextCellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_elide)
        option->textElideMode = *m_elide;
}

namespace {

// One line laid out at `width`, as QCommonStyle's viewItemTextLayout does.
QTextLine layOut(QTextLayout &layout, qreal width)
{
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(width);
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    return line;
}

// Qt's own Fusion and Windows styles draw an item's text as QCommonStyle does, which is what this delegate
// reproduces. A style sheet (the widget's style is then QStyleSheetStyle) or another style may draw it its
// own way (text colour, padding), so their cells are left to the style.
bool drawsItemsAsQtDoes(const QStyle *style)
{
    const char *name = style->metaObject()->className();
    return qstrcmp(name, "QFusionStyle") == 0 || qstrcmp(name, "QWindowsStyle") == 0;
}

} // namespace

bool TextCellDelegate::paintTextCell(QPainter *painter, const QStyleOptionViewItem &opt)
{
    if (opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator
                        | QStyleOptionViewItem::WrapText)
        || opt.text.contains(QChar::LineSeparator) || opt.text.contains(QLatin1Char('\n')))
        return false;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    if (!drawsItemsAsQtDoes(style))
        return false;

    painter->save();
    painter->setClipRect(opt.rect);
    // Background: selection, alternate rows, the model's BackgroundRole (as CE_ItemViewItem does).
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));

    if (!opt.text.isEmpty()) {
        // The text rectangle and margins of QCommonStyle's viewItemDrawText for a cell without decoration.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::ManualWrap);
        textOption.setTextDirection(opt.direction);
        textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
        QTextLayout layout(opt.text, opt.font);
        layout.setTextOption(textOption);
        QTextLine line = layOut(layout, textRect.width());
        if (line.naturalTextWidth() > textRect.width()) {
            // Too wide: elided as the style elides it, and laid out again.
            layout.setText(QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, textRect.width()));
            line = layOut(layout, textRect.width());
        }
        const QRect lineRect = QStyle::alignedRect(opt.direction, opt.displayAlignment,
                                                   QSize(textRect.width(), int(line.height())), textRect);
        layout.draw(painter, QPointF(textRect.x(), lineRect.top()));
    }

    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        // As CE_ItemViewItem: Normal or Disabled, never Inactive, for the frame's background.
        const QPalette::ColorGroup focusGroup = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        focus.backgroundColor =
            opt.palette.color(focusGroup, opt.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
    return true;
}
