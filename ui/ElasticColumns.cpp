#include "ElasticColumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

ElasticColumns::ElasticColumns(QTableView *table, const QList<int> &columns)
    : QObject(table)
    , m_table(table)
    , m_header(table->horizontalHeader())
    , m_columns(columns)
{
    // A stretched last column fills what is left, but never gets narrower than the width it was given:
    // it narrows here too, to the same minimum.
    if (m_header->stretchLastSection()) {
        m_stretched = m_header->logicalIndex(m_header->count() - 1);
        m_columns.append(m_stretched);
    }
    takeGivenWidths();
    updateMinimumWidth();
    // A width set by the program or by dragging is the one given; a narrow table does not undo a drag.
    connect(m_header, &QHeaderView::sectionResized, this, [this](int column) {
        if (m_fitting || column == m_stretched) // the header stretching it is not a width given
            return;
        if (m_columns.contains(column))
            m_given.insert(column, m_header->sectionSize(column));
        else
            updateMinimumWidth();
    });
    m_table->viewport()->installEventFilter(this);
}

QByteArray ElasticColumns::saveHeaderState()
{
    m_fitting = true;
    for (const int column : std::as_const(m_columns))
        m_header->resizeSection(column, m_given.value(column));
    m_fitting = false;
    const QByteArray state = m_header->saveState();
    fit();
    return state;
}

void ElasticColumns::restoreHeaderState(const QByteArray &state)
{
    const int minimum = m_header->minimumSectionSize(); // a saved state has one too, maybe an older one
    m_header->restoreState(state);
    m_header->setMinimumSectionSize(minimum);
    takeGivenWidths();
    updateMinimumWidth();
    fit();
}

void ElasticColumns::takeGivenWidths()
{
    for (const int column : std::as_const(m_columns))
        m_given.insert(column, m_header->sectionSize(column));
}

bool ElasticColumns::eventFilter(QObject *watched, QEvent *event)
{
    if ((event->type() == QEvent::Resize || event->type() == QEvent::Show) && watched == m_table->viewport())
        fit();
    return QObject::eventFilter(watched, event);
}

// The narrowest the table can be with every column in view: the narrowing ones at the minimum section size
// (or narrower if given so), the others as they are, and room for the frame and a vertical scroll bar.
void ElasticColumns::updateMinimumWidth()
{
    int width = 2 * m_table->frameWidth() + m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table);
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        width += m_columns.contains(column) ? qMin(m_header->minimumSectionSize(), m_given.value(column))
                                            : m_header->sectionSize(column);
    }
    m_table->setMinimumWidth(width);
}

void ElasticColumns::fit()
{
    if (!m_table->isVisible())
        return; // its viewport has no width yet
    int room = m_table->viewport()->width();
    int widest = 0;
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        if (m_columns.contains(column))
            widest = qMax(widest, m_given.value(column));
        else
            room -= m_header->sectionSize(column);
    }
    // The widest columns are cut to one level, the highest at which they all fit: at level L a column is
    // min(given, max(L, floor)) wide, which never shrinks as L grows.
    const int floor = m_header->minimumSectionSize();
    const auto widthAt = [this, floor](int column, int level) {
        return qMin(m_given.value(column), qMax(level, floor));
    };
    const auto totalAt = [&](int level) {
        int total = 0;
        for (const int column : std::as_const(m_columns))
            total += m_header->isSectionHidden(column) ? 0 : widthAt(column, level);
        return total;
    };
    int level = widest;
    if (totalAt(level) > room) {
        int low = 0;
        int high = widest - 1;
        while (low < high) {
            const int mid = (low + high + 1) / 2;
            if (totalAt(mid) <= room)
                low = mid;
            else
                high = mid - 1;
        }
        level = low;
    }
    m_fitting = true;
    for (const int column : std::as_const(m_columns)) {
        if (column == m_stretched || m_header->sectionSize(column) != widthAt(column, level))
            m_header->resizeSection(column, widthAt(column, level));
    }
    m_fitting = false;
}
