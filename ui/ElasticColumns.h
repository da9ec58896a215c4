#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QHeaderView;
class QTableView;

// The text columns of a table (names, URLs) that give up width when the table is narrower than its
// columns, so that the columns whose content has a set width (a state, a countdown) stay in view without
// scrolling: the widest text column narrows first, none below the header's minimum section size, and their
// text is elided. The widths they were given (by the program, by dragging, by a saved layout) come back as
// the table widens; a stretched last column narrows with them. The table gets the minimum width that keeps
// every column in view with those at that minimum, so a splitter or layout narrows its neighbours first.
class ElasticColumns : public QObject
{
    Q_OBJECT
public:
    // `table`'s columns have their widths; `columns` are the text columns that may narrow.
    ElasticColumns(QTableView *table, const QList<int> &columns);

    // The header's state (QHeaderView::saveState) with the text columns at their given widths, not the
    // narrowed ones; restoring takes the widths in it as given.
    QByteArray saveHeaderState();
    void restoreHeaderState(const QByteArray &state);

    int givenWidth(int column) const { return m_given.value(column); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();
    void takeGivenWidths();
    void updateMinimumWidth();

    QTableView *m_table;
    QHeaderView *m_header;
    QList<int> m_columns;  // the text columns and the stretched last one
    int m_stretched = -1; // the last column, if the header stretches it
    QHash<int, int> m_given; // column → the width it was given
    bool m_fitting = false;
};
