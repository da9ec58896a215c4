#include "AuthHeaderPanel.h"

#include "AuthHeaderModel.h"
#include "ClipboardGuard.h"
#include "Confirm.h"
#include "CoreServices.h"
#include "accounts/AccountStore.h"
#include "auth/Clock.h"
#include "providers/ProviderRegistry.h"

#include <QAction>
#include <QFrame>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QToolButton>

AuthHeaderPanel::AuthHeaderPanel(CoreServices *core, ClipboardGuard *clipboard, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_client(core->authHeaders())
    , m_clipboard(clipboard)
    , m_model(new AuthHeaderModel(this))
    , m_proxy(new AuthHeaderFilterModel(this))
{
    setObjectName(QStringLiteral("authHeaderPanel"));
    m_proxy->setSourceModel(m_model);
    buildUi();

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &AuthHeaderFilterModel::setSearchText);
    connect(m_refresh, &QAction::triggered, this, &AuthHeaderPanel::refresh);
    connect(m_add, &QAction::triggered, this, &AuthHeaderPanel::openAddForm);
    connect(m_rotate, &QAction::triggered, this, &AuthHeaderPanel::rotateSelected);
    connect(m_delete, &QAction::triggered, this, &AuthHeaderPanel::deleteSelected);
    connect(m_reveal, &QAction::triggered, this, &AuthHeaderPanel::toggleReveal);
    connect(m_copyToken, &QAction::triggered, this, [this] {
        copyToken(m_model->headerAt(currentRow()).token, Copy::Token);
    });
    connect(m_copyHeader, &QAction::triggered, this, [this] {
        copyToken(m_model->headerAt(currentRow()).token, Copy::HeaderLine);
    });

    connect(m_name, &QLineEdit::textChanged, this, &AuthHeaderPanel::updateActions);
    connect(m_name, &QLineEdit::returnPressed, this, &AuthHeaderPanel::submitAdd);
    connect(m_create, &QPushButton::clicked, this, &AuthHeaderPanel::submitAdd);
    connect(m_cancelAdd, &QPushButton::clicked, this, &AuthHeaderPanel::closeAddForm);
    // Escape in the name field cancels like the Cancel button (the panel sits in the main window, which
    // has no Escape of its own).
    new QShortcut(QKeySequence(Qt::Key_Escape), m_addForm, this, &AuthHeaderPanel::closeAddForm,
                  Qt::WidgetWithChildrenShortcut);
    connect(m_dismissMessage, &QToolButton::clicked, this, &AuthHeaderPanel::clearMessage);
    connect(m_resultCopyToken, &QPushButton::clicked, this, [this] { copyFromResult(Copy::Token); });
    connect(m_resultCopyHeader, &QPushButton::clicked, this, [this] { copyFromResult(Copy::HeaderLine); });
    connect(m_deleteOld, &QPushButton::clicked, this, [this] { deleteHeader(m_replaced, true); });
    connect(m_resultDone, &QPushButton::clicked, this, &AuthHeaderPanel::closeResult);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == AuthHeaderModel::TokenColumn)
            m_reveal->trigger();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuthHeaderPanel::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuthHeaderPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuthHeaderPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuthHeaderPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuthHeaderPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuthHeaderPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AuthHeaderPanel::updateActions);
    updateActions();
    reloadAfterLogin();
}

AuthHeaderPanel::~AuthHeaderPanel() = default;

const ProviderProfile *AuthHeaderPanel::profile() const
{
    const auto account = m_core->accounts()->account(m_accountId);
    return account ? m_core->providers()->find(account->providerId) : nullptr;
}

bool AuthHeaderPanel::isSupported() const
{
    const ProviderProfile *p = profile();
    return p && AuthHeaderClient::supports(*p);
}

void AuthHeaderPanel::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    ++m_generation;
    m_pending = 0;
    m_loaded = false;
    m_waitingForLogin = false;
    m_busy->hide();
    m_model->clear();
    m_filter->clear();
    closeAddForm();
    closeResult();
    clearMessage();
    updateActions();
}

QString AuthHeaderPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_messageLabel->text();
}

QString AuthHeaderPanel::newTokenText() const
{
    return m_result->isHidden() ? QString() : m_resultToken->text();
}

QString AuthHeaderPanel::rotatedName(const QString &name, const QDate &date)
{
    static const QRegularExpression dateSuffix(QStringLiteral("-\\d{4}-\\d{2}-\\d{2}$"));
    QString base = name;
    base.remove(dateSuffix);
    return base + QLatin1Char('-') + date.toString(Qt::ISODate);
}

int AuthHeaderPanel::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return -1;
    return m_proxy->mapToSource(current).row();
}

int AuthHeaderPanel::beginCall()
{
    if (m_pending++ == 0) {
        m_busy->show();
        Q_EMIT busyChanged(true);
    }
    updateActions();
    return m_generation;
}

// False when the answer belongs to an account no longer shown: the caller then drops it.
bool AuthHeaderPanel::endCall(int generation)
{
    if (generation != m_generation)
        return false;
    if (--m_pending == 0) {
        m_busy->hide();
        Q_EMIT busyChanged(false);
    }
    updateActions();
    return true;
}

void AuthHeaderPanel::updateActions()
{
    const bool usable = isSupported();
    const bool idle = m_pending == 0;
    const int row = currentRow();
    const bool hasRow = row >= 0;
    m_refresh->setEnabled(usable && idle);
    m_add->setEnabled(usable && idle);
    m_rotate->setEnabled(usable && idle && hasRow);
    m_delete->setEnabled(usable && idle && hasRow);
    m_reveal->setEnabled(hasRow);
    m_reveal->setChecked(hasRow && m_model->isRevealed(row));
    m_copyToken->setEnabled(hasRow);
    m_copyHeader->setEnabled(hasRow && profile());
    m_create->setEnabled(usable && idle && !m_name->text().trimmed().isEmpty());
    m_deleteOld->setEnabled(m_resultCopied && !m_replaced.token.isEmpty() && usable && idle);
    m_emptyHint->setVisible(usable && idle && m_loaded && m_model->rowCount() == 0 && m_filter->text().isEmpty());
}

void AuthHeaderPanel::refresh()
{
    clearMessage();
    load();
}

void AuthHeaderPanel::load()
{
    if (!isSupported()) {
        m_model->clear();
        return;
    }
    if (showsRefusedCredential(tr("Could not load the auth headers.")))
        return;
    const int generation = beginCall();
    m_client->list(m_accountId, this, [this, generation](const QList<AuthHeader> &headers, const AuthError &error) {
        if (!endCall(generation))
            return;
        if (error) {
            showError(tr("Could not load the auth headers."), error);
            return;
        }
        m_loaded = true;
        m_model->setHeaders(headers);
        updateActions();
    });
}

void AuthHeaderPanel::openAddForm()
{
    m_addForm->show();
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void AuthHeaderPanel::closeAddForm()
{
    m_name->clear();
    m_addForm->hide();
}

void AuthHeaderPanel::submitAdd()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || !isSupported() || isBusy())
        return;
    clearMessage();
    if (showsRefusedCredential(tr("Could not add \"%1\".").arg(name)))
        return;
    const int generation = beginCall();
    m_client->add(m_accountId, name, this, [this, generation, name](const AuthHeader &header, const AuthError &error) {
        if (!endCall(generation))
            return;
        if (error) {
            showError(tr("Could not add \"%1\".").arg(name), error);
            return;
        }
        closeAddForm();
        m_model->addHeader(header);
        showResult(header, AuthHeader{});
    });
}

void AuthHeaderPanel::rotateSelected()
{
    const AuthHeader old = m_model->headerAt(currentRow());
    if (old.token.isEmpty() || !isSupported() || isBusy())
        return;
    clearMessage();
    const QString name = rotatedName(old.name, m_core->clock()->now().toLocalTime().date());
    if (showsRefusedCredential(tr("Could not add \"%1\" to replace \"%2\".").arg(name, old.name)))
        return;
    const int generation = beginCall();
    m_client->add(m_accountId, name, this, [this, generation, name, old](const AuthHeader &header, const AuthError &error) {
        if (!endCall(generation))
            return;
        if (error) {
            showError(tr("Could not add \"%1\" to replace \"%2\".").arg(name, old.name), error);
            return;
        }
        m_model->addHeader(header);
        showResult(header, old);
    });
}

void AuthHeaderPanel::deleteSelected()
{
    const AuthHeader header = m_model->headerAt(currentRow());
    if (!header.token.isEmpty())
        deleteHeader(header, false);
}

void AuthHeaderPanel::deleteHeader(const AuthHeader &header, bool replacedByRotation)
{
    if (header.token.isEmpty() || !isSupported() || isBusy())
        return;
    const QString name = header.name.isEmpty() ? AuthHeaderModel::maskToken(header.token) : header.name;
    if (showsRefusedCredential(tr("Could not delete \"%1\".").arg(name)))
        return;
    const QString question =
        replacedByRotation
            ? tr("Delete the old auth header \"%1\"? Anything still using it stops working; use the new token "
                 "there first.").arg(name)
            : tr("Delete the auth header \"%1\"? Anything still using it stops working.").arg(name);
    if (!Confirm::ask(this, tr("Delete auth header"), question,
                      tr("Delete", "button: delete the auth header")))
        return;
    clearMessage();
    const int generation = beginCall();
    m_client->remove(m_accountId, header.token, this,
                     [this, generation, header, name, replacedByRotation](const AuthError &error) {
        if (!endCall(generation))
            return;
        const bool goneAlready = error && error.httpStatus == 404;
        if (error) {
            showError(tr("Could not delete \"%1\".").arg(name), error);
            if (!goneAlready)
                return;
            load(); // it is gone at the provider already: show the list as it is there
        }
        m_model->removeByToken(header.token);
        if (replacedByRotation && header.token == m_replaced.token) {
            m_replaced = AuthHeader{};
            m_deleteOld->hide();
            m_resultTitle->setText(tr("\"%1\" is deleted; \"%2\" replaces it. Its token stays here until you "
                                      "click Done.").arg(name, m_created.name));
        }
        if (header.token == m_created.token)
            closeResult();
        updateActions();
    });
}

void AuthHeaderPanel::toggleReveal(bool revealed)
{
    m_model->setRevealed(currentRow(), revealed);
    // A revealed token is wider than its mask: grow the column to show it whole, never shrink it.
    if (revealed) {
        const int before = m_table->columnWidth(AuthHeaderModel::TokenColumn);
        m_table->resizeColumnToContents(AuthHeaderModel::TokenColumn);
        if (m_table->columnWidth(AuthHeaderModel::TokenColumn) < before)
            m_table->setColumnWidth(AuthHeaderModel::TokenColumn, before);
    }
    updateActions();
}

void AuthHeaderPanel::copyToken(const QByteArray &token, Copy what)
{
    if (token.isEmpty())
        return;
    if (what == Copy::Token) {
        m_clipboard->copy(QString::fromLatin1(token), tr("Auth header token"));
        return;
    }
    const ProviderProfile *p = profile();
    if (p)
        m_clipboard->copy(QString::fromLatin1(p->headerLineFor(token)), tr("Auth header line"));
}

void AuthHeaderPanel::copyFromResult(Copy what)
{
    copyToken(m_created.token, what);
    // Only now may the old header go: whatever used it can be switched to the new token.
    m_resultCopied = true;
    updateActions();
}

void AuthHeaderPanel::showResult(const AuthHeader &created, const AuthHeader &replaced)
{
    m_created = created;
    m_replaced = replaced;
    const QString name = created.name.isEmpty() ? tr("(no name)") : created.name;
    m_resultTitle->setText(
        replaced.token.isEmpty()
            ? tr("New auth header \"%1\". Copy its token now; Reveal shows it again later.").arg(name)
            : tr("\"%1\" replaces \"%2\". Copy the new token, put it where the old one was used, then delete the "
                 "old header.").arg(name, replaced.name));
    m_resultToken->setText(QString::fromLatin1(created.token));
    m_resultToken->setCursorPosition(0);
    m_resultCopied = false;
    m_deleteOld->setVisible(!replaced.token.isEmpty());
    m_result->show();
    m_resultCopyHeader->setFocus(Qt::OtherFocusReason);
    // Select the new row so that the toolbar acts on it.
    const int row = m_model->rowOfToken(created.token);
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AuthHeaderPanel::closeResult()
{
    m_resultToken->clear();
    m_created = AuthHeader{};
    m_replaced = AuthHeader{};
    m_resultCopied = false;
    m_result->hide();
    updateActions();
}

void AuthHeaderPanel::showError(const QString &text, const AuthError &error)
{
    QString message = text + QLatin1Char(' ') + error.message;
    if (!error.providerMessage.isEmpty() && !error.message.contains(error.providerMessage))
        message += QLatin1Char(' ') + tr("(Provider said: %1)").arg(error.providerMessage);
    m_messageLabel->setText(message);
    m_message->show();
}

void AuthHeaderPanel::clearMessage()
{
    m_messageLabel->clear();
    m_message->hide();
}
