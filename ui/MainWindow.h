#pragma once

#include <QMainWindow>

class AccountActions;
class AccountFilterModel;
class AccountModel;
class AuthHeaderPanel;
class ClipboardGuard;
class CoreServices;
class DetailsPanel;
class ElasticColumns;
class ErrorBanner;
class ExchangeActions;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

// The operator's everyday screen: every account in a sortable, filterable table with live countdowns,
// the details of the selected one beside it, and the account actions. One 1 Hz timer repaints the visible
// countdown cells; its cost does not depend on how many accounts there are. The table and the empty page
// that stands in for it are built in MainWindowTable.cpp.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Mode { Normal, Demo };

    MainWindow(CoreServices *core, ClipboardGuard *clipboard, Mode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountActions *actions() const { return m_actions; }
    ExchangeActions *exchange() const { return m_exchange; }
    QTableView *table() const { return m_table; }
    AccountModel *model() const { return m_model; }
    AccountFilterModel *proxy() const { return m_proxy; }
    DetailsPanel *details() const { return m_details; }
    // Built when an account whose provider has auth headers is first shown; null until then.
    AuthHeaderPanel *authHeaders() const { return m_authHeaders; }
    QWidget *emptyPage() const { return m_emptyPage; } // built when there is first no account; null until then
    QTabWidget *detailsTabs() const { return m_detailsTabs; }
    bool isAuthHeaderTabVisible() const;
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *attentionFilter() const { return m_attention; }
    QString bannerText() const;
    void showMessage(const QString &text, bool isError);
    void withdrawMessage(const QString &text); // hides the banner if it still shows this text
    void selectAccount(const QString &accountId);
    void tick(); // one countdown step: repaint the visible countdown cells

    void setSettingsGroup(const QString &group) { m_settingsGroup = group; }
    void restoreState();

    // With a tray: closing the window hides it and TokenDesk keeps running; Quit still quits.
    void setKeepRunningInTray(bool keep) { m_keepRunningInTray = keep; }
    bool keepsRunningInTray() const { return m_keepRunningInTray; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *quitAction() const { return m_quitAction; }
    void requestQuit(); // saves the layout and emits quitRequested()

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void addAccountRequested();
    void settingsRequested();
    void quitRequested();  // Quit, or the window closed while not kept in the tray
    void hiddenToTray();   // the window was closed but TokenDesk keeps running in the tray

private:
    QWidget *buildTablePage();
    QWidget *buildEmptyPage();
    QWidget *buildDetailsArea();
    void followSelection();
    bool selectRowByKey(const QKeyEvent *event); // Ctrl+Home and Ctrl+End select, not only move the focus
    bool enterResults(); // from the search field into the table, a match selected; false: no match
    int stateColumnWidth() const;
    int headerLabelWidth(int column) const;
    void showAccountDetails(const QString &accountId);
    void updateAuthHeaderTab();
    bool supportsAuthHeaders(const QString &accountId) const;
    void ensureAuthHeaderPanel();
    void updateEmptyState();
    void saveState() const;

    CoreServices *m_core;
    ClipboardGuard *m_clipboard;
    Mode m_mode;
    AccountModel *m_model = nullptr;
    AccountFilterModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    ElasticColumns *m_elasticColumns = nullptr; // the table's text columns
    DetailsPanel *m_details = nullptr;
    AuthHeaderPanel *m_authHeaders = nullptr;
    QTabWidget *m_detailsTabs = nullptr;
    AccountActions *m_actions = nullptr;
    ExchangeActions *m_exchange = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_emptyPage = nullptr;
    QString m_shownAccountId; // in the details panel
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_attention = nullptr;
    ErrorBanner *m_banner = nullptr;
    QLabel *m_clipboardStatus = nullptr;
    QTimer *m_ticker = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    bool m_keepRunningInTray = false;
    QString m_settingsGroup = QStringLiteral("MainWindow");
};
