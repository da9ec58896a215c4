#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QHeaderView;
class QTableView;

// The text columns of a table (names, URLs) that give up width when the table is narrower than its
// columns, so that the columns whose content has a set width (a state, a countdown) stay in view without
// scrolling. The first text column (the name, what tells the rows apart) narrows only once the others are
// at their floor; the others narrow widest first. A text column's floor is the header's minimum section
// size, and its text is elided. The widths they were given (by the program, by dragging, by a saved layout)
// come back as the table widens; a stretched last column narrows with them, down to its own floor. The
// table gets the minimum width that keeps every column in view with those at their floors, so a splitter or
// layout narrows its neighbours first.
class ElasticColumns : public QObject
{
    Q_OBJECT
public:
    // `table`'s columns have their widths; `columns` are the text columns that may narrow, the one that
    // narrows last first. `stretchedFloor`: the narrowest a stretched last column may get.
    ElasticColumns(QTableView *table, const QList<int> &columns, int stretchedFloor);

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
    int floorOf(int column) const;
    int widthAt(int column, int level) const;
    int totalAt(const QList<int> &columns, int level) const;
    int levelFor(const QList<int> &columns, int room) const;

    QTableView *m_table;
    QHeaderView *m_header;
    QList<int> m_columns;  // the text columns and the stretched last one
    int m_stretched = -1; // the last column, if the header stretches it
    int m_stretchedFloor = 0;
    QHash<int, int> m_given; // column → the width it was given
    bool m_fitting = false;
};
