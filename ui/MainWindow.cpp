#include "MainWindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>

MainWindow::MainWindow(Mode mode, QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(m_stack))
    , m_emptyLabel(new QLabel(tr("No accounts yet — add one to get started"), m_stack))
    , m_placeholderModel(new QStandardItemModel(this)) {
    setWindowTitle(mode == Mode::Demo ? tr("TokenDesk — demo") : tr("TokenDesk"));
    resize(900, 560);

    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);
    setCentralWidget(m_stack);

    statusBar()->showMessage(
        mode == Mode::Demo ? tr("Demo mode — accounts and secrets are kept in memory only") : tr("Ready"));

    setAccountModel(m_placeholderModel);
}

void MainWindow::setAccountModel(QAbstractItemModel *model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);

    m_model = model ? model : m_placeholderModel;
    m_table->setModel(m_model);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);
    updateEmptyState();
}

void MainWindow::updateEmptyState() {
    const bool empty = !m_model || m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyLabel) : m_table);
}
