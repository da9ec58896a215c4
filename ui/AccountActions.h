#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class AccountFilterModel;
class AccountModel;
class ClipboardGuard;
class CoreServices;
class QAction;
class QMenu;
class QTableView;
class QToolBar;
class QWidget;
struct AuthError;

// The account actions of the main window — add, edit, duplicate, remove, log in, refresh, log out, log in
// all, copy token, copy header line, copy as curl — with their shortcuts, and their enabled state kept in
// step with the selection and the accounts' states. Failures are reported through message(), never in a
// modal dialog.
class AccountActions : public QObject
{
    Q_OBJECT
public:
    AccountActions(CoreServices *core, ClipboardGuard *clipboard, QTableView *view, AccountFilterModel *proxy,
                   AccountModel *model, QWidget *window);

    void populateToolBar(QToolBar *toolBar) const;
    void populateMenu(QMenu *menu) const;
    QStringList selectedIds() const;
    void updateEnabled();

    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *removeAction() const { return m_remove; }
    QAction *loginAction() const { return m_login; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *logoutAction() const { return m_logout; }
    QAction *loginAllAction() const { return m_loginAll; }
    QAction *copyTokenAction() const { return m_copyToken; }
    QAction *copyHeaderAction() const { return m_copyHeader; }
    QAction *copyCurlAction() const { return m_copyCurl; }

    enum Copy { CopyToken, CopyHeaderLine, CopyCurl };
    void removeSelected();
    void copySelected(int what); // a Copy, for the current account
    // Copies a valid token (logging in or refreshing first when needed) through the clipboard guard; what
    // the window's copy actions and the tray menu both do. Failures go to message().
    void copyAccount(const QString &accountId, int what);
    // "Log in all": every account the table shows (all of them, or the filter's matches) that has no valid
    // token and is not busy. Those without a stored API key or password are asked for it one at a time
    // (credentialNeeded) until the user cancels one such prompt: then the rest are skipped, and a status
    // message says how many and why.
    void loginAll();
    // The user cancelled the credential prompt for `accountIds` (the one shown and those queued behind it).
    void credentialPromptsCancelled(const QStringList &accountIds);

Q_SIGNALS:
    void addRequested();
    void editRequested(const QString &accountId);
    void duplicateRequested(const QString &accountId);
    // A login the user started found no stored API key or password (an imported account): ask for it.
    void credentialNeeded(const QString &accountId);
    void message(const QString &text, bool isError);
    // An operation on an account failed; its error message follows at once (message, isError).
    void failed(const QString &accountId, const QString &accountName);

private:
    QAction *make(const QString &text, const QString &iconName, const QKeySequence &shortcut, const QString &tip);
    QString currentId() const;
    void runOnSelection(int operation); // 0 login, 1 refresh, 2 logout
    void reportFailure(const QString &accountId, const QString &verb, const AuthError &error);
    void onLoginAllResult(const QString &accountId, const AuthError &error);
    void finishLoginAll();

    CoreServices *m_core;
    ClipboardGuard *m_clipboard;
    QTableView *m_view;
    AccountFilterModel *m_proxy;
    AccountModel *m_model;
    QWidget *m_window;
    QAction *m_add, *m_edit, *m_duplicate, *m_remove, *m_login, *m_refresh, *m_logout, *m_loginAll;
    QAction *m_copyToken, *m_copyHeader, *m_copyCurl;

    // The running "Log in all".
    QSet<QString> m_loginAllWaiting;     // logins not answered yet
    QSet<QString> m_loginAllAsked;       // asked for their credential
    bool m_loginAllPromptsStopped = false; // a credential prompt was cancelled: ask no more
    int m_loginAllSkipped = 0;
};
