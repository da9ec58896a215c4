#pragma once

#include <QFont>
#include <QLabel>
#include <QMargins>

#include <array>

// A word-wrapped QLabel that remembers its heights for the last few widths. While a window is laid out,
// layouts ask a label's height for a width again and again (QStackedLayout and QBoxLayout ask for their
// minimum and their hint at two alternating widths), and QLabel shapes and breaks the whole text every
// time: for the empty page's paragraph that was most of the main window's start-up (85 layouts of the
// same text). Same text, font, margins and format, same width: the same answer.
class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(const QString &text = {}, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

private:
    // Everything besides the width that QLabel's answer depends on.
    struct Inputs {
        QString text;
        QFont font;
        QMargins margins;
        int indent = -1;
        bool wordWrap = true;
        Qt::TextFormat format = Qt::AutoText;
        bool operator==(const Inputs &) const = default;
    };
    struct Entry {
        int width = -1;
        int height = 0;
    };
    Inputs inputs() const;

    mutable Inputs m_inputs;              // what the cached heights were computed for
    mutable std::array<Entry, 4> m_cache; // most recently computed first
};
