#include "WrappingLabel.h"

#include <algorithm>

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent) {
    setWordWrap(true);
}

int WrappingLabel::heightForWidth(int width) const {
    const QMargins margins = contentsMargins() + QMargins(margin(), margin(), margin(), margin());
    if (margins != m_margins || text() != m_text || font() != m_font) {
        m_cache.fill({});
        m_text = text();
        m_font = font();
        m_margins = margins;
    }
    const auto hit =
        std::find_if(m_cache.begin(), m_cache.end(), [width](const Entry &e) { return e.width == width; });
    if (hit != m_cache.end())
        return hit->height;
    std::rotate(m_cache.begin(), m_cache.end() - 1, m_cache.end());
    m_cache.front() = {width, QLabel::heightForWidth(width)};
    return m_cache.front().height;
}
