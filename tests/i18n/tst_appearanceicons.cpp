// How the icons look: the action icons read on a light and a dark palette and are rendered at the screen's
// resolution, and the application icon holds up from 16 to 256 px. The window and dialogs, and the
// screenshots: tst_appearance.
#include "AppearanceTest.h"

#include "Icons.h"

#include <QTest>

#include <cmath>

using namespace AppearanceTesting;

namespace {

// WCAG relative luminance of an sRGB colour.
double luminance(double r, double g, double b) {
    auto lin = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

double contrast(double l1, double l2) {
    return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}

struct Drawn {
    int pixels = 0;       // pixels at least half covered
    double luminance = 0; // their mean luminance, composited over the background
};

Drawn drawnOver(const QImage &icon, const QColor &background) {
    const QImage image = icon.convertToFormat(QImage::Format_ARGB32);
    Drawn d;
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alphaF() < 0.5)
                continue;
            const double a = c.alphaF();
            auto over = [a](double fg, double bg) { return fg * a + bg * (1 - a); };
            sum += luminance(over(c.redF(), background.redF()), over(c.greenF(), background.greenF()),
                             over(c.blueF(), background.blueF()));
            ++d.pixels;
        }
    }
    d.luminance = d.pixels ? sum / d.pixels : 0;
    return d;
}

} // namespace

class TestAppearanceIcons : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void actionIconsReadOnLightAndDark_data();
    void actionIconsReadOnLightAndDark();
    void iconsAreRenderedAtTheScreensResolution();
    void applicationIconFrom16To256();
};

void TestAppearanceIcons::initTestCase() {
    useFusionStyle();
    QVERIFY(!Icons::actionNames().isEmpty());
}

void TestAppearanceIcons::cleanup() {
    QApplication::setPalette(lightPalette());
}

void TestAppearanceIcons::actionIconsReadOnLightAndDark_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dark");
    for (const QString &name : Icons::actionNames()) {
        QTest::newRow(qPrintable(name + QStringLiteral(" light"))) << name << false;
        QTest::newRow(qPrintable(name + QStringLiteral(" dark"))) << name << true;
    }
}

void TestAppearanceIcons::actionIconsReadOnLightAndDark() {
    QFETCH(QString, name);
    QFETCH(bool, dark);
    const QPalette palette = dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    const QIcon icon = Icons::action(name);
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(QSize(32, 32)).toImage();
    QCOMPARE(image.size(), QSize(32, 32));
    for (const auto role : {QPalette::Window, QPalette::Button, QPalette::Base}) {
        const QColor background = palette.color(role);
        const Drawn drawn = drawnOver(image, background);
        QVERIFY2(drawn.pixels >= 40, qPrintable(QStringLiteral("only %1 pixels drawn").arg(drawn.pixels)));
        const double ratio =
            contrast(drawn.luminance, luminance(background.redF(), background.greenF(), background.blueF()));
        // WCAG's 4.5:1 for text; the icons are drawn in the palette's text colour.
        QVERIFY2(
            ratio >= 4.5,
            qPrintable(QStringLiteral("contrast %1:1 on %2").arg(ratio, 0, 'f', 2).arg(background.name())));
    }
}

void TestAppearanceIcons::iconsAreRenderedAtTheScreensResolution() {
    for (const QString &name : Icons::actionNames()) {
        const QIcon icon = Icons::action(name);
        const QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(hiDpi.size(), QSize(32, 32));
        QCOMPARE(hiDpi.devicePixelRatio(), 2.0);
        // Drawn for 32 device pixels, not a 16-pixel image scaled up.
        QImage drawn = hiDpi.toImage().convertToFormat(QImage::Format_ARGB32);
        drawn.setDevicePixelRatio(1.0);
        QCOMPARE(drawn, icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32));
    }
}

void TestAppearanceIcons::applicationIconFrom16To256() {
    const QIcon icon = Icons::application();
    QVERIFY(!icon.isNull());
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QImage image = icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(size, size));
        // The key and the ring (white, amber) stand out from the blue background at every size: at least a
        // tenth of the icon contrasts 3:1 with the background colour.
        const QColor background = image.pixelColor(size / 2, size * 20 / 64);
        const double lb = luminance(background.redF(), background.greenF(), background.blueF());
        int standingOut = 0;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() == 255 && contrast(luminance(c.redF(), c.greenF(), c.blueF()), lb) >= 3.0)
                    ++standingOut;
            }
        }
        QVERIFY2(standingOut * 10 >= size * size,
                 qPrintable(QStringLiteral("%1 px: %2 of %3 pixels stand out")
                                .arg(size)
                                .arg(standingOut)
                                .arg(size * size)));
    }
}

QTEST_MAIN(TestAppearanceIcons)
#include "tst_appearanceicons.moc"
