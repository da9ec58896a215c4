// TextCellDelegate against Qt's own QStyledItemDelegate, pixel for pixel, in a real QTableView offscreen.
#include "TextCellDelegate.h"

#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

class TestTextCellDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textCellsPaintAsTheStyleDoes_data();
    void textCellsPaintAsTheStyleDoes();
};

void TestTextCellDelegate::textCellsPaintAsTheStyleDoes_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("styleSheet");
    QTest::newRow("left to right") << Qt::LeftToRight << false << QString();
    QTest::newRow("right to left") << Qt::RightToLeft << false << QString();
    QTest::newRow("dark palette") << Qt::LeftToRight << true << QString();
    QTest::newRow("dark, right to left") << Qt::RightToLeft << true << QString();
    // A style sheet's item rules (text colour, padding) apply as they do with Qt's delegate.
    QTest::newRow("style sheet") << Qt::LeftToRight << false
                                 << QStringLiteral("QTableView::item { color: red; padding-left: 30px; }"
                                                   " QTableView::item:selected { color: yellow; }");
}

// TextCellDelegate draws a cell with one text layout; the pixels must be the style's own: elided texts
// (middle, as the table elides), alignment, selection and alternate-row colours, focus, both directions.
void TestTextCellDelegate::textCellsPaintAsTheStyleDoes()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(bool, dark);
    QFETCH(QString, styleSheet);
    QStandardItemModel model(4, 3);
    const QStringList texts{QStringLiteral("demo-b2b"), QStringLiteral("http://127.0.0.1:36517/a/rather/long/path"),
                            QStringLiteral("User API (auth headers)"), QStringLiteral("Ünïcödé — שלום"), QString(),
                            QStringLiteral("demo@example.com")};
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            auto *item = new QStandardItem(texts.at((r * 3 + c) % texts.size()));
            if (c == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            model.setItem(r, c, item);
        }
    }
    QPalette palette;
    if (dark) {
        palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        palette.setColor(QPalette::AlternateBase, QColor(0x30, 0x30, 0x30));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        palette.setColor(QPalette::HighlightedText, Qt::black);
    }
    const auto render = [&](bool oneLayout) {
        QTableView view;
        view.setLayoutDirection(direction);
        view.setPalette(palette);
        view.setStyleSheet(styleSheet);
        view.setModel(&model);
        if (oneLayout)
            view.setItemDelegate(new TextCellDelegate(&view));
        else
            view.setItemDelegate(new QStyledItemDelegate(&view));
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setAlternatingRowColors(true);
        view.setWordWrap(false);
        view.setTextElideMode(Qt::ElideMiddle);
        for (int c = 0; c < model.columnCount(); ++c)
            view.setColumnWidth(c, 110);
        view.resize(400, 180);
        view.selectionModel()->setCurrentIndex(model.index(1, 1), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.show();
        view.activateWindow();
        view.setFocus();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(&view)); }();
        return view.viewport()->grab().toImage();
    };
    const QImage style = render(false);
    const QImage ours = render(true);
    QCOMPARE(ours.size(), style.size());
    QVERIFY(ours == style);
}

QTEST_MAIN(TestTextCellDelegate)
#include "tst_textcelldelegate.moc"
