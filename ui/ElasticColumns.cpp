#include "ElasticColumns.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

ElasticColumns::ElasticColumns(QTableView *table, const QList<int> &columns, int stretchedFloor)
    : QObject(table)
    , m_table(table)
    , m_header(table->horizontalHeader())
    , m_columns(columns)
    , m_stretchedFloor(stretchedFloor)
{
    // A stretched last column fills what is left, but never gets narrower than the width it was given:
    // it narrows here too, to its own floor.
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

int ElasticColumns::floorOf(int column) const
{
    const int textFloor = m_header->minimumSectionSize();
    return column == m_stretched ? qMax(m_stretchedFloor, textFloor) : textFloor;
}

// At level L a column is min(given, max(L, its floor)) wide, which never shrinks as L grows.
int ElasticColumns::widthAt(int column, int level) const
{
    return m_header->isSectionHidden(column) ? 0 : qMin(m_given.value(column), qMax(level, floorOf(column)));
}

int ElasticColumns::totalAt(const QList<int> &columns, int level) const
{
    int total = 0;
    for (const int column : columns)
        total += widthAt(column, level);
    return total;
}

// The highest level at which `columns` fit in `room` (0 if they do not fit even at their floors).
int ElasticColumns::levelFor(const QList<int> &columns, int room) const
{
    int widest = 0;
    for (const int column : columns)
        widest = qMax(widest, m_given.value(column));
    if (totalAt(columns, widest) <= room)
        return widest;
    int low = 0;
    int high = widest - 1;
    while (low < high) {
        const int mid = (low + high + 1) / 2;
        if (totalAt(columns, mid) <= room)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}

// The narrowest the table can be with every column in view: the narrowing ones at their floors (or
// narrower if given so), the others as they are, and room for the frame and a vertical scroll bar.
void ElasticColumns::updateMinimumWidth()
{
    int width = 2 * m_table->frameWidth() + m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table);
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        width += m_columns.contains(column) ? qMin(floorOf(column), m_given.value(column)) : m_header->sectionSize(column);
    }
    m_table->setMinimumWidth(width);
}

void ElasticColumns::fit()
{
    if (!m_table->isVisible())
        return; // its viewport has no width yet
    int room = m_table->viewport()->width();
    for (int column = 0; column < m_header->count(); ++column) {
        if (!m_header->isSectionHidden(column) && !m_columns.contains(column))
            room -= m_header->sectionSize(column);
    }
    // The first column (the name) keeps its width while the others can narrow; the others narrow widest
    // first, to one level, the highest at which they all fit.
    const int first = m_columns.constFirst();
    const QList<int> others = m_columns.mid(1);
    int firstLevel = m_given.value(first);
    int othersLevel = 0;
    if (totalAt(others, 0) + widthAt(first, firstLevel) <= room)
        othersLevel = levelFor(others, room - widthAt(first, firstLevel));
    else
        firstLevel = levelFor({first}, room - totalAt(others, 0));
    m_fitting = true;
    for (const int column : std::as_const(m_columns)) {
        const int width = widthAt(column, column == first ? firstLevel : othersLevel);
        if (m_header->isSectionHidden(column))
            continue;
        if (column == m_stretched || m_header->sectionSize(column) != width)
            m_header->resizeSection(column, width);
    }
    m_fitting = false;
}
