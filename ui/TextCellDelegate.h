#pragma once

#include <QStyledItemDelegate>

#include <optional>

// Paints a table cell of plain text the way the style's CE_ItemViewItem does (background, selection and
// alternate-row colours, the text elided and aligned in the same place, right-to-left too, the focus
// frame), but shapes the text once instead of three times (size, elision, drawing): a cell whose text
// fits is laid out once and that layout is drawn; only a text that does not fit is elided first. Cells
// with a decoration, a check box or word wrap, and every cell under a style sheet or a style other than Qt's
// Fusion or Windows (which may draw items their own way), are left to QStyledItemDelegate.
class TextCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    // Elides its cells with `elide` whatever the view's mode (a URL elided at its end keeps its host).
    TextCellDelegate(Qt::TextElideMode elide, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_elide(elide)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Paints `option` (already initialised from the index) as described above; false if it has what only
    // the style can paint (decoration, check box, word wrap), and nothing was painted.
    static bool paintTextCell(QPainter *painter, const QStyleOptionViewItem &option);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::optional<Qt::TextElideMode> m_elide; // none: the view's
};
