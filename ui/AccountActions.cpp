#include "AccountActions.h"

#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "ClipboardGuard.h"
#include "Confirm.h"
#include "Icons.h"
#include "CoreServices.h"
#include "accounts/SecretStore.h"
#include "auth/AuthClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QAction>
#include <QIcon>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMetaMethod>
#include <QTableView>
#include <QToolBar>

namespace {
enum Operation { Login, Refresh, Logout };

QString shellQuote(const QString &s)
{
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

AccountActions::AccountActions(CoreServices *core, ClipboardGuard *clipboard, QTableView *view,
                               AccountFilterModel *proxy, AccountModel *model, QWidget *window)
    : QObject(window)
    , m_core(core)
    , m_clipboard(clipboard)
    , m_view(view)
    , m_proxy(proxy)
    , m_model(model)
    , m_window(window)
{
    m_add = make(tr("&Add account…"), QStringLiteral("add"), QKeySequence::New, tr("Add an account at a provider"));
    m_edit = make(tr("&Edit…", "account"), QStringLiteral("edit"), QKeySequence(Qt::Key_F2),
                  tr("Edit the selected account"));
    m_duplicate = make(tr("D&uplicate…", "account"), QStringLiteral("duplicate"),
                       QKeySequence(Qt::CTRL | Qt::Key_D), tr("Add a copy of the selected account"));
    m_remove = make(tr("&Remove…", "account"), QStringLiteral("remove"), QKeySequence::Delete,
                    tr("Remove the selected account and its keychain entries"));
    m_login = make(tr("&Log in", "account"), QStringLiteral("login"), QKeySequence(Qt::CTRL | Qt::Key_L),
                   tr("Log in with the stored credential"));
    m_refresh = make(tr("Re&fresh", "get a new token"), QStringLiteral("refresh"), QKeySequence(Qt::Key_F5),
                     tr("Get a new token now"));
    m_logout = make(tr("Log &out", "account"), QStringLiteral("logout"), QKeySequence(),
                    tr("Forget the tokens, keep the credential"));
    m_loginAll = make(tr("Log &in all"), QStringLiteral("login-all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                      tr("Log in every account shown in the list (with a filter: its matches) that is not logged in"));
    m_copyToken = make(tr("&Copy token"), QStringLiteral("copy-token"), QKeySequence::Copy,
                       tr("Copy a valid token to the clipboard"));
    m_copyHeader = make(tr("Copy &header line"), QStringLiteral("copy-header"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                        tr("Copy the whole header line, such as \"Authorization: Bearer …\""));
    m_copyCurl = make(tr("Cop&y as curl"), QStringLiteral("copy-curl"), QKeySequence(),
                      tr("Copy a curl command line that sends the header"));

    connect(m_add, &QAction::triggered, this, &AccountActions::addRequested);
    connect(m_edit, &QAction::triggered, this, [this] { Q_EMIT editRequested(currentId()); });
    connect(m_duplicate, &QAction::triggered, this, [this] { Q_EMIT duplicateRequested(currentId()); });
    connect(m_remove, &QAction::triggered, this, &AccountActions::removeSelected);
    connect(m_login, &QAction::triggered, this, [this] { runOnSelection(Login); });
    connect(m_refresh, &QAction::triggered, this, [this] { runOnSelection(Refresh); });
    connect(m_logout, &QAction::triggered, this, [this] { runOnSelection(Logout); });
    connect(m_loginAll, &QAction::triggered, this, &AccountActions::loginAll);
    connect(m_copyToken, &QAction::triggered, this, [this] { copySelected(CopyToken); });
    connect(m_copyHeader, &QAction::triggered, this, [this] { copySelected(CopyHeaderLine); });
    connect(m_copyCurl, &QAction::triggered, this, [this] { copySelected(CopyCurl); });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountActions::updateEnabled);
    connect(m_core->tokens(), &TokenManager::stateChanged, this, &AccountActions::updateEnabled);
    connect(m_core->tokens(), &TokenManager::operationFinished, this, [this](const QString &id, const AuthError &e) {
        if (!e)
            m_loginAllAsked.remove(id); // its credential was entered and it logged in
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AccountActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AccountActions::updateEnabled);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AccountActions::updateEnabled);
    updateEnabled();
}

QAction *AccountActions::make(const QString &text, const QString &iconName, const QKeySequence &shortcut,
                              const QString &tip)
{
    auto *action = new QAction(Icons::action(iconName), text, this);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(tip);
    }
    action->setStatusTip(tip);
    m_window->addAction(action);
    return action;
}

void AccountActions::populateToolBar(QToolBar *toolBar) const
{
    toolBar->addActions({m_add, m_edit, m_remove});
    toolBar->addSeparator();
    toolBar->addActions({m_login, m_refresh, m_logout, m_loginAll});
    toolBar->addSeparator();
    toolBar->addActions({m_copyToken, m_copyHeader});
}

void AccountActions::populateMenu(QMenu *menu) const
{
    menu->addActions({m_copyToken, m_copyHeader, m_copyCurl});
    menu->addSeparator();
    menu->addActions({m_login, m_refresh, m_logout, m_loginAll});
    menu->addSeparator();
    menu->addActions({m_add, m_edit, m_duplicate, m_remove});
}

QStringList AccountActions::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(AccountModel::AccountIdRole).toString());
    return ids;
}

QString AccountActions::currentId() const
{
    const QStringList ids = selectedIds();
    if (ids.size() == 1)
        return ids.first();
    return m_view->currentIndex().data(AccountModel::AccountIdRole).toString();
}

void AccountActions::updateEnabled()
{
    const QStringList ids = selectedIds();
    const bool one = ids.size() == 1;
    bool anyToken = false;
    bool anyIdle = false;
    for (const QString &id : ids) {
        anyIdle = anyIdle || !m_core->tokens()->isBusy(id);
        const auto account = m_core->accounts()->account(id);
        anyToken = anyToken || (account && account->token.hasAccessToken);
    }
    m_edit->setEnabled(one);
    m_duplicate->setEnabled(one);
    m_remove->setEnabled(!ids.isEmpty());
    m_login->setEnabled(!ids.isEmpty() && anyIdle);
    m_refresh->setEnabled(!ids.isEmpty() && anyIdle);
    m_logout->setEnabled(anyToken);
    m_loginAll->setEnabled(m_proxy->rowCount() > 0);
    // Copying logs in or refreshes first when needed, so any one account can be copied from.
    m_copyToken->setEnabled(one);
    m_copyHeader->setEnabled(one);
    m_copyCurl->setEnabled(one);
}

void AccountActions::runOnSelection(int operation)
{
    for (const QString &id : selectedIds()) {
        auto done = [this, id, operation](const TokenResult &r) {
            if (r.error && r.error.kind != AuthError::Kind::Cancelled)
                reportFailure(id,
                              operation == Login     ? tr("Login", "the operation that failed")
                              : operation == Refresh ? tr("Refresh", "the operation that failed")
                                                     : tr("Logout", "the operation that failed"),
                              r.error);
        };
        switch (operation) {
        case Login:
            m_core->tokens()->login(id, this, done);
            break;
        case Refresh:
            m_core->tokens()->refresh(id, this, done);
            break;
        default:
            m_core->tokens()->logout(id, this, done);
        }
    }
}

void AccountActions::loginAll()
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QString id = m_proxy->index(row, 0).data(AccountModel::AccountIdRole).toString();
        const TokenState s = m_core->tokens()->state(id);
        if (s != TokenState::Valid && s != TokenState::LoggingIn && s != TokenState::Refreshing)
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    if (m_proxy->rowCount() < m_model->rowCount()) {
        const int count = int(ids.size());
        Q_EMIT message(tr("Logging in %n account(s) shown by the filter; the hidden ones are left alone.", nullptr,
                          count),
                       false);
    }
    for (const QString &id : std::as_const(ids)) {
        m_loginAllWaiting.insert(id);
        m_core->tokens()->login(id, this, [this, id](const TokenResult &r) { onLoginAllResult(id, r.error); });
    }
}

void AccountActions::onLoginAllResult(const QString &accountId, const AuthError &error)
{
    m_loginAllWaiting.remove(accountId);
    const bool asks = isSignalConnected(QMetaMethod::fromSignal(&AccountActions::credentialNeeded));
    if (error.kind == AuthError::Kind::MissingCredential && asks) {
        if (m_loginAllPromptsStopped) {
            ++m_loginAllSkipped;
        } else {
            m_loginAllAsked.insert(accountId);
            Q_EMIT credentialNeeded(accountId);
        }
    } else if (error && error.kind != AuthError::Kind::Cancelled) {
        reportFailure(accountId, tr("Login", "the operation that failed"), error);
    }
    finishLoginAll();
}

void AccountActions::credentialPromptsCancelled(const QStringList &accountIds)
{
    bool ours = false;
    for (const QString &id : accountIds) {
        if (m_loginAllAsked.remove(id)) {
            ours = true;
            ++m_loginAllSkipped;
        }
    }
    if (!ours)
        return; // not a prompt "Log in all" asked for
    m_loginAllPromptsStopped = true;
    m_loginAllAsked.clear();
    finishLoginAll();
}

// Once every login has answered and the prompting is over, says what was skipped and starts afresh.
void AccountActions::finishLoginAll()
{
    if (!m_loginAllWaiting.isEmpty())
        return;
    if (!m_loginAllPromptsStopped)
        return; // nothing asked, or the prompts are still up to the user
    const int skipped = m_loginAllSkipped;
    m_loginAllPromptsStopped = false;
    m_loginAllSkipped = 0;
    if (skipped > 0)
        Q_EMIT message(tr("Log in all: %n account(s) without a stored API key or password skipped. To enter one, "
                          "select the account and log in (Ctrl+L).", nullptr, skipped),
                       false);
}

void AccountActions::reportFailure(const QString &accountId, const QString &verb, const AuthError &error)
{
    if (error.kind == AuthError::Kind::MissingCredential && isSignalConnected(QMetaMethod::fromSignal(&AccountActions::credentialNeeded))) {
        Q_EMIT credentialNeeded(accountId);
        return;
    }
    const auto account = m_core->accounts()->account(accountId);
    const QString name = account ? account->name : accountId;
    QString text = tr("%1 failed for %2: %3").arg(verb, name, error.message);
    if (!error.providerMessage.isEmpty())
        text += QLatin1Char(' ') + tr("(Provider said: %1)").arg(error.providerMessage);
    Q_EMIT failed(accountId, name);
    Q_EMIT message(text, true);
}

void AccountActions::removeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList names;
    for (const QString &id : ids)
        names.append(m_core->accounts()->account(id).value_or(Account{}).name);
    const QString text = ids.size() == 1
        ? tr("Remove the account \"%1\"? Its API key or password and its tokens are deleted from the keychain.")
              .arg(names.first())
        : tr("Remove %n accounts (%1)? Their credentials and tokens are deleted from the keychain.", nullptr,
             int(ids.size())).arg(names.join(QLatin1String(", ")));
    if (!Confirm::ask(m_window, tr("Remove account"), text, tr("Remove", "button: remove the accounts")))
        return;
    for (const QString &id : ids) {
        // Keychain first: an account that is gone from the list must not leave secrets behind.
        m_core->secrets()->removeAll(id, this, [this, id](const SecretResult &r) {
            if (!r.ok()) {
                Q_EMIT message(tr("Could not remove the keychain entries: %1 The account was kept.").arg(r.errorString), true);
                return;
            }
            const auto removed = m_core->accounts()->remove(id);
            if (!removed.ok)
                Q_EMIT message(removed.error, true);
        });
    }
}

void AccountActions::copySelected(int what)
{
    copyAccount(currentId(), what);
}

void AccountActions::copyAccount(const QString &id, int what)
{
    const auto account = m_core->accounts()->account(id);
    if (!account)
        return;
    const ProviderProfile *profile = m_core->providers()->find(account->providerId);
    m_core->tokens()->ensureValid(id, 30, this, [this, what, profile, account](const TokenResult &r) {
        if (r.error) {
            reportFailure(account->id, tr("Copy", "the operation that failed"), r.error);
            return;
        }
        const QByteArray header = profile ? profile->headerLineFor(r.accessToken) : QByteArray();
        switch (what) {
        case CopyToken:
            m_clipboard->copy(QString::fromLatin1(r.accessToken), tr("Token", "what was copied"));
            break;
        case CopyHeaderLine:
            m_clipboard->copy(QString::fromLatin1(header), tr("Header line", "what was copied"));
            break;
        default:
            m_clipboard->copy(
                QStringLiteral("curl -H %1 %2")
                    .arg(shellQuote(QString::fromLatin1(header)), shellQuote(account->baseUrl.toString())),
                tr("curl command", "what was copied"));
        }
    });
}
