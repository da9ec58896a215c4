#include "MainWindow.h"

#include "AccountActions.h"
#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "AuthHeaderPanel.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "DetailsPanel.h"
#include "ElasticColumns.h"
#include "ErrorBanner.h"
#include "ExchangeActions.h"
#include "WindowPlacement.h"
#include "accounts/AccountStore.h"
#include "admin/AuthHeaderClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(CoreServices *core, ClipboardGuard *clipboard, Mode mode, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_clipboard(clipboard)
    , m_mode(mode)
{
    setWindowTitle(mode == Mode::Demo ? tr("TokenDesk — demo") : tr("TokenDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    m_model = new AccountModel(core->accounts(), core->tokens(), core->providers(), core->clock(), this);
    // The start-up order before any view or proxy mapping follows the rows: the table's sort by name
    // (setSortingEnabled in buildTablePage) then finds them in order, and nothing is laid out twice.
    m_model->sort(AccountModel::NameColumn, Qt::AscendingOrder);
    m_proxy = new AccountFilterModel(this);
    m_proxy->setSourceModel(m_model);

    m_stack = new QStackedWidget;
    m_stack->addWidget(buildTablePage()); // the empty page is built when first needed (updateEmptyState)

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(buildDetailsArea());
    // Both share what the window gains or loses; the table not below the width that keeps its state and
    // countdowns in view (ElasticColumns): in a narrow window the details panel gives way.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_actions = new AccountActions(core, clipboard, m_table, m_proxy, m_model, this);
    // Errors in a banner above the table, not in a dialog: work on other accounts is never blocked.
    m_banner = new ErrorBanner(core->accounts(), core->tokens(), central);
    layout->insertWidget(0, m_banner);
    connect(m_actions, &AccountActions::failed, m_banner, &ErrorBanner::noteFailure);
    connect(m_actions, &AccountActions::message, this, &MainWindow::showMessage);
    connect(m_actions, &AccountActions::addRequested, this, &MainWindow::addAccountRequested);
    // Its title is also its accessible name: "Accounts" is the table's.
    auto *toolBar = addToolBar(tr("Account actions"));
    toolBar->setObjectName(QStringLiteral("accountsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->populateToolBar(toolBar);
    m_exchange = new ExchangeActions(core, m_actions, this);
    connect(m_exchange, &ExchangeActions::message, this, &MainWindow::showMessage);
    m_exchange->populateMenu(menuBar()->addMenu(tr("&File", "menu")));
    QMenu *accountMenu = menuBar()->addMenu(tr("&Account", "menu"));
    m_actions->populateMenu(accountMenu);
    accountMenu->addSeparator();
    m_settingsAction = accountMenu->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                                              &MainWindow::settingsRequested);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setStatusTip(tr("Clipboard, token renewal, notifications, language and tray options"));
    accountMenu->addSeparator();
    m_quitAction = accountMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::requestQuit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_clipboardStatus = new QLabel;
    statusBar()->addPermanentWidget(m_clipboardStatus);
    if (mode == Mode::Demo)
        statusBar()->showMessage(tr("Demo mode: embedded demo providers; accounts and secrets live in memory only."));
    connect(m_clipboard, &ClipboardGuard::countdown, m_clipboardStatus, [this](const QString &text, int) {
        m_clipboardStatus->setText(text);
    });
    connect(m_clipboard, &ClipboardGuard::cleared, m_clipboardStatus, [this](bool wasOurs) {
        m_clipboardStatus->setText(wasOurs ? tr("Clipboard cleared") : QString());
        QTimer::singleShot(3000, m_clipboardStatus, [this] { m_clipboardStatus->clear(); });
    });

    // The details follow what is selected, not only the current row: a filter that hides the selected row
    // leaves a current row nobody selected.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::followSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::followSelection);
    // The source model's signals: the proxy's rowsRemoved did not arrive here when the last row went
    // (tst_mainwindow partsBuiltWhenFirstNeeded). The proxy, connected first, has already followed them.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_core->tokens(), &TokenManager::operationFinished, this, [this](const QString &id, const AuthError &e) {
        // Automatic renewals report here too; user-started ones also go through AccountActions.
        if (e && !m_core->tokens()->isBusy(id) && e.kind != AuthError::Kind::Cancelled) {
            const auto account = m_core->accounts()->account(id);
            if (account)
                statusBar()->showMessage(tr("%1: %2").arg(account->name, e.message), 10000);
        } else if (!e && !statusBar()->currentMessage().isEmpty()) {
            // This account's failure is over: its message must not stay up beside the row that says so.
            const Account *account = m_core->accounts()->find(id);
            if (account && statusBar()->currentMessage().startsWith(tr("%1: %2").arg(account->name, QString())))
                statusBar()->clearMessage();
        }
    });

    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    m_ticker->setTimerType(Qt::CoarseTimer);
    connect(m_ticker, &QTimer::timeout, this, &MainWindow::tick);
    updateEmptyState();
    resize(1280, 640);
    m_splitter->setSizes({820, 460}); // room for the auth-header list beside the details
}

MainWindow::~MainWindow() = default;

// The selected account's details, and its auth headers when its provider has them. The auth-header panel
// (8.5 M instructions to build) is built when an account whose provider has the feature is
// first shown; until then its tab would be hidden anyway.
QWidget *MainWindow::buildDetailsArea()
{
    m_details = new DetailsPanel(m_core->accounts(), m_core->secrets(), m_core->providers(), m_core->clock());
    m_detailsTabs = new QTabWidget;
    m_detailsTabs->setObjectName(QStringLiteral("detailsTabs"));
    m_detailsTabs->setDocumentMode(true);
    m_detailsTabs->addTab(m_details, tr("&Details", "tab"));
    connect(m_detailsTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_authHeaders && m_detailsTabs->widget(index) == m_authHeaders)
            m_authHeaders->refresh(); // the list may have changed elsewhere (the CLI, another machine)
    });
    // An edit may move the account to a provider with or without the feature.
    connect(m_core->accounts(), &AccountStore::accountChanged, this, [this](const QString &id) {
        if (id == m_shownAccountId)
            updateAuthHeaderTab();
    });
    return m_detailsTabs;
}

bool MainWindow::supportsAuthHeaders(const QString &accountId) const
{
    const Account *account = accountId.isEmpty() ? nullptr : m_core->accounts()->find(accountId);
    const ProviderProfile *profile = account ? m_core->providers()->find(account->providerId) : nullptr;
    return profile && AuthHeaderClient::supports(*profile);
}

void MainWindow::ensureAuthHeaderPanel()
{
    if (m_authHeaders)
        return;
    m_authHeaders = new AuthHeaderPanel(m_core, m_clipboard);
    const QSignalBlocker blocker(m_detailsTabs); // adding a tab is not opening it
    const int index = m_detailsTabs->addTab(m_authHeaders, tr("Auth &headers"));
    m_detailsTabs->setTabVisible(index, false);
    m_authHeaders->setAccount(m_shownAccountId);
}

void MainWindow::showAccountDetails(const QString &accountId)
{
    m_details->showAccount(accountId);
    m_shownAccountId = accountId;
    if (!m_authHeaders && !supportsAuthHeaders(accountId))
        return; // no panel, no tab: nothing to update
    ensureAuthHeaderPanel();
    const bool changed = accountId != m_authHeaders->accountId();
    m_authHeaders->setAccount(accountId);
    updateAuthHeaderTab();
    if (changed && m_detailsTabs->currentWidget() == m_authHeaders)
        m_authHeaders->refresh();
}

void MainWindow::updateAuthHeaderTab()
{
    if (!m_authHeaders) {
        if (!supportsAuthHeaders(m_shownAccountId))
            return;
        ensureAuthHeaderPanel();
    }
    const int index = m_detailsTabs->indexOf(m_authHeaders);
    const bool supported = m_authHeaders->isSupported();
    if (!supported && m_detailsTabs->currentIndex() == index)
        m_detailsTabs->setCurrentWidget(m_details);
    m_detailsTabs->setTabVisible(index, supported);
}

bool MainWindow::isAuthHeaderTabVisible() const
{
    return m_authHeaders && m_detailsTabs->isTabVisible(m_detailsTabs->indexOf(m_authHeaders));
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    if (isError)
        m_banner->showError(text);
    else
        statusBar()->showMessage(text, 8000);
}

void MainWindow::withdrawMessage(const QString &text)
{
    m_banner->withdraw(text);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_ticker->start();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_ticker->stop(); // nothing to count down on screen
}

void MainWindow::restoreState()
{
    if (m_mode == Mode::Demo)
        return; // the demo leaves the user's settings alone
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    fitWindowOnScreen(this); // a layout saved on a bigger screen or at a smaller scale factor
    QMainWindow::restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    m_elasticColumns->restoreHeaderState(settings.value(QStringLiteral("tableHeader")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
}

void MainWindow::saveState() const
{
    if (m_mode == Mode::Demo)
        return;
    QSettings settings;
    settings.beginGroup(m_settingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("tableHeader"), m_elasticColumns->saveHeaderState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
}

void MainWindow::requestQuit()
{
    saveState();
    Q_EMIT quitRequested();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    if (m_keepRunningInTray) {
        event->ignore();
        hide();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT quitRequested();
}
