// WrappingLabel answers heightForWidth as QLabel does, also after its text, font or margins change.
#include "WrappingLabel.h"

#include <QTest>

class TestWrappingLabel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameHeightsAsQLabel();
};

namespace {
const QString kShort = QStringLiteral("A short line.");
const QString kLong =
    QStringLiteral("Add an account for each API you use: pick the provider, enter its base URL and "
                   "your API key or username and password, and TokenDesk does the rest.");

void compareAt(const WrappingLabel &label, const QLabel &plain) {
    for (int width : {120, 225, 238, 120, 460, 225})
        QCOMPARE(label.heightForWidth(width), plain.heightForWidth(width));
}
} // namespace

void TestWrappingLabel::sameHeightsAsQLabel() {
    WrappingLabel label(kShort);
    QLabel plain(kShort);
    plain.setWordWrap(true);
    QVERIFY(label.wordWrap());
    compareAt(label, plain);

    label.setText(kLong); // more lines at the widths already asked for
    plain.setText(kLong);
    QVERIFY(label.heightForWidth(120) > QLabel(kShort).heightForWidth(120));
    compareAt(label, plain);

    QFont big = label.font();
    big.setPointSizeF(big.pointSizeF() * 2);
    label.setFont(big);
    plain.setFont(big);
    compareAt(label, plain);

    label.setMargin(10);
    plain.setMargin(10);
    compareAt(label, plain);

    label.setContentsMargins(5, 7, 5, 7);
    plain.setContentsMargins(5, 7, 5, 7);
    compareAt(label, plain);

    label.setIndent(40);
    plain.setIndent(40);
    compareAt(label, plain);

    label.setTextFormat(Qt::RichText);
    plain.setTextFormat(Qt::RichText);
    label.setText(QStringLiteral("<h1>") + kLong + QStringLiteral("</h1>"));
    plain.setText(label.text());
    compareAt(label, plain);

    label.setWordWrap(false); // then QLabel has no height for a width either
    plain.setWordWrap(false);
    compareAt(label, plain);
}

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrappinglabel.moc"
