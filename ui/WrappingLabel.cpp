#include "WrappingLabel.h"

#include <algorithm>

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent) {
    setWordWrap(true);
}

WrappingLabel::Inputs WrappingLabel::inputs() const {
    return {text(),   font(),     contentsMargins() + QMargins(margin(), margin(), margin(), margin()),
            indent(), wordWrap(), textFormat()};
}

int WrappingLabel::heightForWidth(int width) const {
    if (Inputs now = inputs(); !(now == m_inputs)) {
        m_inputs = std::move(now);
        m_cache.fill({});
    }
    const auto hit =
        std::find_if(m_cache.begin(), m_cache.end(), [width](const Entry &e) { return e.width == width; });
    if (hit != m_cache.end())
        return hit->height;
    std::rotate(m_cache.begin(), m_cache.end() - 1, m_cache.end());
    m_cache.front() = {width, QLabel::heightForWidth(width)};
    return m_cache.front().height;
}
