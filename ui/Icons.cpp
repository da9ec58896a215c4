#include "Icons.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace {

// Renders one SVG, with `currentColor` replaced by the palette colour for the mode asked for.
class PaletteSvgEngine final : public QIconEngine {
public:
    explicit PaletteSvgEngine(QByteArray svg)
        : m_svg(std::move(svg)) {}

    QIconEngine *clone() const override { return new PaletteSvgEngine(m_svg); }
    QString key() const override { return QStringLiteral("TokenDeskPaletteSvg"); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal) override {
        if (size.isEmpty())
            return {};
        const QColor color = colorFor(mode);
        const QString cacheKey =
            QStringLiteral("%1x%2 %3").arg(size.width()).arg(size.height()).arg(color.rgba());
        const auto cached = m_cache.constFind(cacheKey);
        if (cached != m_cache.constEnd())
            return *cached;
        QByteArray svg = m_svg;
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            if (color.alphaF() < 1.0)
                painter.setOpacity(color.alphaF());
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        QPixmap pixmap = QPixmap::fromImage(image);
        if (m_cache.size() > 32)
            m_cache.clear();
        m_cache.insert(cacheKey, pixmap);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = scaledPixmap(rect.size() * dpr, mode, state, dpr);
        pm.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect, pm);
    }

private:
    static QColor colorFor(QIcon::Mode mode) {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

QIcon fromResource(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new PaletteSvgEngine(file.readAll()));
}

} // namespace

namespace Icons {

QIcon action(const QString &name) {
    return fromResource(QStringLiteral(":/icons/%1.svg").arg(name));
}

QIcon application() {
    return fromResource(QStringLiteral(":/icons/tokendesk.svg"));
}

QStringList actionNames() {
    QStringList names;
    for (const QString &file :
         QDir(QStringLiteral(":/icons")).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name)) {
        if (file != u"tokendesk.svg")
            names << file.chopped(4);
    }
    return names;
}

} // namespace Icons
