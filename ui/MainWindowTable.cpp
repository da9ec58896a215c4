// MainWindow's account table: building it (columns, delegates, the filter bar above it), the empty page that
// stands in for it while there is no account, the countdown's repaint, and which account the details and
// the actions follow. The rest of the window is in MainWindow.cpp.
#include "MainWindow.h"

#include "AccountActions.h"
#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "ClearButton.h"
#include "CoreServices.h"
#include "CountdownDelegate.h"
#include "ElasticColumns.h"
#include "TextCellDelegate.h"
#include "WrappingLabel.h"
#include "auth/TokenState.h"

#include <QAction>
#include <QCheckBox>
#include <QFocusEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

QWidget *MainWindow::buildTablePage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filterBar = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search name, provider, user or URL (Ctrl+F)"));
    enableNamedClearButton(m_search, tr("Clear search"));
    m_search->setAccessibleName(tr("Search accounts"));
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusSearch);
    m_attention = new QCheckBox(tr("&Needs attention"));
    m_attention->setToolTip(tr("Only accounts that are expired, failed, rate limited or whose password expires soon"));
    filterBar->addWidget(m_search, 1);
    filterBar->addWidget(m_attention);
    layout->addLayout(filterBar);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &AccountFilterModel::setSearchText);
    connect(m_attention, &QCheckBox::toggled, m_proxy, &AccountFilterModel::setOnlyNeedingAttention);
    // Down and Enter go on to the results (the table), so that the search is not a dead end for the keyboard.
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::enterResults);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("accountTable"));
    m_table->setAccessibleName(tr("Accounts"));
    // The headers are set up before the model arrives: a visible vertical header measures 200 of its
    // sections for its size hint, and a new default row height would resize every row again.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Hidden with the table page (the empty page stands in for it) and shown with its first row: a visible
    // header measures its sections' labels, in the bold header font, for its height whenever the model's
    // columns change (3.8 M instructions of a start-up with no account).
    m_table->horizontalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setModel(m_proxy);
    // Indicator first: enabling sorting sorts by the indicator (Qt's default: column 0 descending), and a
    // sort by name descending would reorder every row.
    m_table->horizontalHeader()->setSortIndicator(AccountModel::NameColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setItemDelegate(new TextCellDelegate(m_table)); // one text layout per cell, not three
    // A base URL elided in its middle loses its host, the part that tells per-customer accounts apart.
    m_table->setItemDelegateForColumn(AccountModel::BaseUrlColumn, new TextCellDelegate(Qt::ElideRight, m_table));
    m_table->setItemDelegateForColumn(AccountModel::AccessExpiryColumn,
                                      new CountdownDelegate(m_core->clock(), true, m_table));
    m_table->setItemDelegateForColumn(AccountModel::RefreshExpiryColumn,
                                      new CountdownDelegate(m_core->clock(), false, m_table));
    int widths[AccountModel::ColumnCount] = {};
    widths[AccountModel::NameColumn] = 110;
    widths[AccountModel::ProviderColumn] = 110;
    widths[AccountModel::BaseUrlColumn] = 115;
    widths[AccountModel::UserColumn] = 90;
    widths[AccountModel::StateColumn] = stateColumnWidth();
    widths[AccountModel::AccessExpiryColumn] = 105;
    widths[AccountModel::RefreshExpiryColumn] = 110;
    for (int c = 0; c < AccountModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, qMax(widths[c], headerLabelWidth(c))); // a longer translated label is not cut
    // In a narrow window the text columns narrow and are elided (the name last), down to a few letters,
    // rather than the state and the countdowns pushed out of view; a countdown keeps room for its digits.
    const int cellMargins = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->horizontalHeader()->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("Wm…")) + 2 * cellMargins);
    m_elasticColumns = new ElasticColumns(m_table,
                                          {AccountModel::NameColumn, AccountModel::ProviderColumn,
                                           AccountModel::BaseUrlColumn, AccountModel::UserColumn},
                                          metrics.horizontalAdvance(QStringLiteral("0:00:00")) + 2 * cellMargins);
    // Tabbing into a table where nothing is selected selects the current row, so that the keys act on it.
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        m_actions->populateMenu(&menu);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] { m_actions->editAction()->trigger(); });
    layout->addWidget(m_table, 1);
    return page;
}

void MainWindow::followSelection()
{
    const QItemSelectionModel *selection = m_table->selectionModel();
    QModelIndex shown = selection->currentIndex();
    if (!shown.isValid() || !selection->isRowSelected(shown.row(), shown.parent())) {
        const QModelIndexList rows = selection->selectedRows();
        shown = rows.size() == 1 ? rows.constFirst() : QModelIndex();
    }
    const QString id = shown.data(AccountModel::AccountIdRole).toString();
    if (id != m_shownAccountId)
        showAccountDetails(id);
}

// In ExtendedSelection, Qt moves only the focus frame for Ctrl+Home and Ctrl+End (Ctrl keeps the selection
// for Ctrl+click), and the actions then act on a row the frame no longer marks. Here they select the row.
bool MainWindow::selectRowByKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if ((event->key() != Qt::Key_Home && event->key() != Qt::Key_End) || modifiers != Qt::ControlModifier
        || m_proxy->rowCount() == 0)
        return false;
    const int row = event->key() == Qt::Key_Home ? 0 : m_proxy->rowCount() - 1;
    const int column = qMax(0, m_table->currentIndex().column());
    const QModelIndex index = m_proxy->index(row, column);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool MainWindow::enterResults()
{
    if (m_proxy->rowCount() == 0)
        return false;
    QItemSelectionModel *selection = m_table->selectionModel();
    if (!selection->hasSelection()) { // a selected match stays the one; otherwise the first match
        const QModelIndex first = m_proxy->index(0, 0);
        selection->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_table->scrollTo(selection->currentIndex());
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        if (watched == m_table && selectRowByKey(key))
            return true;
        if (watched == m_search && key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier && enterResults())
            return true;
    }
    // Only when the user moved there with the keyboard: not when the window is activated again or a menu
    // or dialog closes (Delete and Log out would then act on a row nobody chose).
    const auto byKeyboard = [](const QEvent *e) {
        const Qt::FocusReason reason = static_cast<const QFocusEvent *>(e)->reason();
        return reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason || reason == Qt::ShortcutFocusReason;
    };
    if (watched == m_table && event->type() == QEvent::FocusIn && byKeyboard(event)
        && !m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0) {
        const QModelIndex current = m_table->currentIndex();
        m_table->selectionModel()->setCurrentIndex(current.isValid() ? current : m_proxy->index(0, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return QMainWindow::eventFilter(watched, event);
}

// Wide enough for the longest state in the user's language, with its colour mark.
int MainWindow::stateColumnWidth() const
{
    const QFontMetrics metrics = m_table->fontMetrics();
    int widest = 0;
    for (const TokenState state : {TokenState::SignedOut, TokenState::LoggingIn, TokenState::Valid, TokenState::Refreshing,
                                   TokenState::Expired, TokenState::Failed, TokenState::RateLimited})
        widest = qMax(widest, metrics.horizontalAdvance(tokenStateText(state)));
    const int mark = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    const int margin = m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1;
    return widest + mark + 4 * margin + 4; // and the grid line
}

// What the header needs for a column's label and the sort indicator beside it. The header measures its labels
// in bold.
int MainWindow::headerLabelWidth(int column) const
{
    const QHeaderView *header = m_table->horizontalHeader();
    QFont bold = header->font();
    bold.setBold(true);
    const QString label = m_proxy->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    const QStyle *style = header->style();
    const int margin = style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int mark = style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    return QFontMetrics(bold).horizontalAdvance(label) + mark + 4 * margin + 2; // and the grid line
}

QWidget *MainWindow::buildEmptyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *title = new QLabel(tr("No accounts yet"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto *hint = new WrappingLabel(tr("Add an account for each API you use: pick the provider, enter its base URL "
                                      "and your API key or username and password. TokenDesk logs in, keeps the "
                                      "token fresh and copies it, or a ready header line, with one keystroke."));
    hint->setAlignment(Qt::AlignCenter);
    hint->setMaximumWidth(460);
    auto *add = new QPushButton(tr("&Add an account…"));
    add->setDefault(true);
    connect(add, &QPushButton::clicked, this, &MainWindow::addAccountRequested);
    layout->addWidget(title);
    // Centred by stretches, not by an alignment flag: an aligned item gets the height for the layout's full
    // width but is then narrowed to its size hint, and a wrapped text was cut off.
    auto *hintRow = new QHBoxLayout;
    hintRow->addStretch();
    hintRow->addWidget(hint, 1);
    hintRow->addStretch();
    layout->addLayout(hintRow);
    layout->addSpacing(12);
    layout->addWidget(add, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    // Built when first shown: its word-wrapped hint is costly to lay out, also as a hidden stack page.
    if (empty && !m_emptyPage) {
        m_emptyPage = buildEmptyPage();
        m_stack->addWidget(m_emptyPage);
    }
    m_stack->setCurrentIndex(empty ? 1 : 0);
    if (!empty)
        m_table->horizontalHeader()->show();
    if (!empty && !m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
}

void MainWindow::tick()
{
    // Only what is on screen is repainted; the delegates compute time left from instants.
    m_table->viewport()->update();
}

void MainWindow::selectAccount(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}
