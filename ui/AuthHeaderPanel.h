#pragma once

#include "admin/AuthHeaderClient.h"

#include <QWidget>

class AuthHeaderFilterModel;
class AuthHeaderModel;
class ClipboardGuard;
class CoreServices;
class QAction;
class QFrame;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;
struct ProviderProfile;

// The selected account's long-lived auth headers (the provider's /authheader admin API): list, filter
// and sort them, add one and see its token once, rotate one (same name plus today's date, then delete
// the old one once the new token is copied), delete with a confirmation, reveal or copy a token or its
// header line. Every call is asynchronous; while one runs a busy indicator shows and only the panel's
// own add/rotate/delete/refresh wait. Failures show inline, in the provider's words, never in a dialog.
class AuthHeaderPanel : public QWidget
{
    Q_OBJECT
public:
    AuthHeaderPanel(CoreServices *core, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~AuthHeaderPanel() override;

    // Shows another account: the list empties (refresh() loads it) and any unseen result is dropped.
    // Answers still on their way for the previous account are ignored. Empty: no account.
    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }
    bool isSupported() const; // the account's provider has the auth-header feature
    // Loads the list from the provider (the "Refresh" button; the main window calls it when the tab opens).
    void refresh();

    bool isBusy() const { return m_pending > 0; }
    QString messageText() const;  // the inline error, empty when none is shown
    QString newTokenText() const; // the token in the result box, empty when the box is closed
    AuthHeaderModel *model() const { return m_model; }
    AuthHeaderFilterModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }

    // "deploy" → "deploy-2026-11-22"; a date suffix already there is replaced, not stacked.
    static QString rotatedName(const QString &name, const QDate &date);

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    // AuthHeaderPanelKeys.cpp: Del, Ctrl+C and Ctrl+Shift+C act on the selected auth header while the panel
    // has the focus, instead of reaching the main window's account shortcuts.
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Copy { Token, HeaderLine };

    // AuthHeaderPanelUi.cpp: the widgets and their layout.
    void buildUi();
    QAction *makeAction(const QString &text, const QString &iconName, const QString &tip);
    QToolButton *makeButton(QAction *action, const QString &objectName,
                            Qt::ToolButtonStyle style = Qt::ToolButtonTextBesideIcon);
    QWidget *buildAddForm();
    QWidget *buildMessageArea();
    QWidget *buildResultBox();
    void buildTable();
    void setUpTabOrder();

    // AuthHeaderPanel.cpp: the behaviour.
    void load();
    void openAddForm();
    void closeAddForm();
    void submitAdd();
    void rotateSelected();
    void deleteSelected();
    void deleteHeader(const AuthHeader &header, bool replacedByRotation);
    void toggleReveal(bool revealed);
    void copyToken(const QByteArray &token, Copy what);
    void copyFromResult(Copy what);
    void showResult(const AuthHeader &created, const AuthHeader &replaced);
    void closeResult();
    void showError(const QString &text, const AuthError &error);
    void clearMessage();
    int beginCall();
    bool endCall(int generation);
    int currentRow() const; // in the source model; -1: none
    void updateActions();
    const ProviderProfile *profile() const;

    // AuthHeaderPanelKeys.cpp
    QAction *actionForKey(const QKeyEvent *event) const; // null: not one of the panel's keys
    bool triggerKey(QKeyEvent *event);                   // true: the key was the panel's (acted on or not)

    // AuthHeaderPanelLogin.cpp: no login with a credential the provider refused.
    bool showsRefusedCredential(const QString &what);
    void reloadAfterLogin();

    CoreServices *m_core;
    AuthHeaderClient *m_client;
    ClipboardGuard *m_clipboard;
    AuthHeaderModel *m_model;
    AuthHeaderFilterModel *m_proxy;
    QString m_accountId;
    int m_generation = 0; // bumped per account: late answers for another account are dropped
    int m_pending = 0;
    bool m_loaded = false; // the list came from the provider at least once for this account
    bool m_waitingForLogin = false; // a call was refused for the account's refused credential

    QLineEdit *m_filter = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_add = nullptr;
    QAction *m_rotate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_reveal = nullptr;
    QAction *m_copyToken = nullptr;
    QAction *m_copyHeader = nullptr;
    QList<QToolButton *> m_buttons; // toolbar order, for the tab chain
    QProgressBar *m_busy = nullptr;

    QWidget *m_addForm = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_cancelAdd = nullptr;

    QFrame *m_message = nullptr;
    QLabel *m_messageLabel = nullptr;
    QToolButton *m_dismissMessage = nullptr;

    QFrame *m_result = nullptr;
    QLabel *m_resultTitle = nullptr;
    QLineEdit *m_resultToken = nullptr;
    QPushButton *m_resultCopyToken = nullptr;
    QPushButton *m_resultCopyHeader = nullptr;
    QPushButton *m_deleteOld = nullptr;
    QPushButton *m_resultDone = nullptr;
    AuthHeader m_created;  // the header the result box shows
    AuthHeader m_replaced; // rotation: the old header, offered for deletion; empty token: none
    bool m_resultCopied = false; // the new token was copied from the box

    QLabel *m_emptyHint = nullptr;
    QTableView *m_table = nullptr;
};
