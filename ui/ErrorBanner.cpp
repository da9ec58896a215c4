#include "ErrorBanner.h"

#include "WrappingLabel.h"
#include "accounts/AccountStore.h"
#include "auth/TokenManager.h"

#include <QHBoxLayout>
#include <QToolButton>

ErrorBanner::ErrorBanner(AccountStore *accounts, TokenManager *tokens, QWidget *parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("banner"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    colours.setColor(QPalette::WindowText, QColor(0x7f, 0x1d, 0x1d));
    setPalette(colours);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    auto *label = new WrappingLabel;
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label = label;
    auto *close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setAccessibleName(tr("Dismiss message"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, [this] {
        m_failures.clear();
        hide();
    });
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    hide();

    followFailures();
    // The account file failing while the window runs (a full disk, a broken or newer file written by someone
    // else) shows as at start-up, and goes away with the next save or read that works.
    connect(m_accounts, &AccountStore::writableChanged, this, &ErrorBanner::showAccountFileProblem);
    connect(m_accounts, &AccountStore::saveErrorChanged, this, &ErrorBanner::showAccountFileProblem);
    showAccountFileProblem();
}

void ErrorBanner::noteFailure(const QString &accountId, const QString &name)
{
    m_failures.noteFailure(accountId, name);
}

void ErrorBanner::showError(const QString &text)
{
    m_label->setText(m_failures.text(text));
    show();
}

void ErrorBanner::withdraw(const QString &text)
{
    if (!isHidden() && m_label->text() == text)
        hide();
}

QString ErrorBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void ErrorBanner::followFailures()
{
    connect(m_tokens, &TokenManager::operationFinished, this, [this](const QString &id, const AuthError &e) {
        if (!e && m_failures.forget(id))
            updateFailures();
    });
    connect(m_accounts, &AccountStore::accountRemoved, this, [this](const QString &id) {
        if (m_failures.forget(id))
            updateFailures();
    });
    // A rename, or (after the file was read again) an account gone or renamed elsewhere.
    const auto follow = [this](const QStringList &ids) {
        bool changed = false;
        for (const QString &id : ids) {
            const Account *account = m_accounts->find(id);
            changed = (account ? m_failures.rename(id, account->name) : m_failures.forget(id)) || changed;
        }
        if (changed)
            updateFailures();
    };
    connect(m_accounts, &AccountStore::accountChanged, this, [this, follow](const QString &id) {
        if (m_failures.count() > 0)
            follow({id});
    });
    connect(m_accounts, &AccountStore::accountsReloaded, this, [this, follow] { follow(m_failures.accountIds()); });
}

void ErrorBanner::updateFailures()
{
    if (isHidden())
        return;
    const QString text = m_failures.summary();
    if (!text.isEmpty())
        m_label->setText(text);
    else if (!m_accountFileProblem.isEmpty())
        m_label->setText(m_accountFileProblem); // a failure had covered it; it still stands
    else
        hide();
}

void ErrorBanner::showAccountFileProblem()
{
    QString problem;
    if (!m_accounts->isWritable())
        problem = m_accounts->readOnlyReason();
    else if (!m_accounts->saveError().isEmpty())
        problem = tr("%1 New tokens and changes are not recorded in it until it can be saved: free up disk "
                     "space or check the folder, then log in again.")
                      .arg(m_accounts->saveError());
    if (problem == m_accountFileProblem)
        return;
    withdraw(m_accountFileProblem);
    m_accountFileProblem = problem;
    if (!problem.isEmpty())
        showError(problem);
}
