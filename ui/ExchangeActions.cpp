#include "ExchangeActions.h"

#include "AccountActions.h"
#include "CoreServices.h"
#include "ImportDialog.h"
#include "ProvidersDialog.h"
#include "accounts/AccountExport.h"
#include "accounts/AccountImport.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

ExchangeActions::ExchangeActions(CoreServices *core, AccountActions *accounts, QWidget *window)
    : QObject(window)
    , m_core(core)
    , m_accounts(accounts)
    , m_window(window)
{
    m_import = new QAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import accounts…"), this);
    m_import->setStatusTip(tr("Add the accounts of a file a colleague exported; asks before changing an existing one"));
    m_export = new QAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export accounts…"), this);
    m_export->setStatusTip(tr("Save the selected accounts (all when none is selected) to a file to share, without "
                              "any secret"));
    m_providers = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Providers…"), this);
    m_providers->setStatusTip(tr("See the provider profiles, add your own, test a login"));
    connect(m_import, &QAction::triggered, this, &ExchangeActions::chooseImportFile);
    connect(m_export, &QAction::triggered, this, &ExchangeActions::chooseExportFile);
    connect(m_providers, &QAction::triggered, this, &ExchangeActions::showProviders);
}

void ExchangeActions::populateMenu(QMenu *menu) const
{
    menu->addActions({m_import, m_export});
    menu->addSeparator();
    menu->addAction(m_providers);
}

QStringList ExchangeActions::exportIds() const
{
    const QStringList selected = m_accounts->selectedIds();
    if (!selected.isEmpty())
        return selected;
    QStringList all;
    for (const Account &a : m_core->accounts()->accounts())
        all.append(a.id);
    return all;
}

void ExchangeActions::chooseExportFile()
{
    const QStringList selected = m_accounts->selectedIds();
    QStringList ids = exportIds();
    const int total = int(m_core->accounts()->count());
    if (ids.isEmpty()) {
        Q_EMIT message(tr("There are no accounts to export yet."), false);
        return;
    }
    // A row is nearly always selected: say which accounts go, and offer all of them.
    if (!selected.isEmpty() && selected.size() < total) {
        QMessageBox box(QMessageBox::Question, tr("Export accounts"),
                        tr("Export the %n selected account(s), or all %1 accounts?", nullptr, int(selected.size()))
                            .arg(total),
                        QMessageBox::Cancel, m_window);
        box.setInformativeText(tr("The file holds no API key, password or token: each person enters their own "
                                  "at the first login."));
        QPushButton *onlySelected = box.addButton(tr("&Selected (%1)").arg(selected.size()), QMessageBox::AcceptRole);
        QPushButton *everything = box.addButton(tr("&All (%1)").arg(total), QMessageBox::AcceptRole);
        box.setDefaultButton(onlySelected);
        box.exec();
        if (box.clickedButton() == everything) {
            ids.clear();
            for (const Account &a : m_core->accounts()->accounts())
                ids.append(a.id);
        } else if (box.clickedButton() != onlySelected) {
            return;
        }
    }
    const QString title = ids.size() == total ? tr("Export all %n account(s) — no secrets", nullptr, int(ids.size()))
                                              : tr("Export the %n selected account(s) — no secrets", nullptr, int(ids.size()));
    const QString start = QDir(startFolder()).filePath(QStringLiteral("tokendesk-accounts.json"));
    const QString path = QFileDialog::getSaveFileName(m_window, title, start, tr("TokenDesk export (*.json)"));
    if (!path.isEmpty())
        exportTo(path, ids);
}

bool ExchangeActions::exportTo(const QString &path, const QStringList &ids)
{
    QList<Account> accounts;
    for (const QString &id : ids) {
        if (const auto a = m_core->accounts()->account(id))
            accounts.append(*a);
    }
    const bool all = accounts.size() == m_core->accounts()->count();
    const AccountExport::Document doc = AccountExport::build(accounts, *m_core->providers(), all);
    QString error = doc.error;
    if (!error.isEmpty() || !AccountExport::writeFile(path, doc.json, &error)) {
        showError(tr("Export failed"), error);
        Q_EMIT message(error, true);
        return false;
    }
    const QString accountsText = tr("%n account(s)", nullptr, doc.accountCount);
    const QString what = doc.providerCount > 0
                             ? tr("%1 and %2").arg(accountsText, tr("%n provider profile(s)", nullptr, doc.providerCount))
                             : accountsText;
    Q_EMIT message(tr("Exported %1 to %2, without any secret.").arg(what, QDir::toNativeSeparators(path)), false);
    return true;
}

QString ExchangeActions::startFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void ExchangeActions::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import accounts"), startFolder(),
                                                      tr("TokenDesk export (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

ImportDialog *ExchangeActions::importFrom(const QString &path)
{
    const QString fileName = QFileInfo(path).fileName();
    if (!m_core->accounts()->isWritable()) {
        showError(tr("Import not possible"), m_core->accounts()->readOnlyReason());
        return nullptr;
    }
    const AccountImport::Parsed parsed = AccountImport::readFile(path, *m_core->providers());
    if (!parsed.ok()) {
        showError(tr("Cannot import %1").arg(fileName),
                  tr("%1 cannot be imported; nothing was changed.\n\n%2")
                      .arg(fileName, QStringLiteral("• ") + parsed.errors.join(QStringLiteral("\n• "))));
        Q_EMIT message(tr("%1 cannot be imported: %2").arg(fileName, parsed.errors.constFirst()), true);
        return nullptr;
    }
    const ImportPlan plan = ImportPlan::make(parsed, *m_core->accounts(), *m_core->providers());
    if (!plan.hasWork(true)) {
        Q_EMIT message(tr("Nothing to import: the %n account(s) in %1 are already here, unchanged.", nullptr,
                          int(plan.accounts.size()))
                           .arg(fileName),
                       false);
        return nullptr;
    }
    if (m_importDialog)
        m_importDialog->close();
    auto *dialog = new ImportDialog(plan, path, m_core->providers(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, fileName] { apply(dialog, fileName); });
    m_importDialog = dialog;
    dialog->open();
    return dialog;
}

void ExchangeActions::apply(ImportDialog *dialog, const QString &fileName)
{
    const ImportPlan::Result result = dialog->plan().apply(dialog->applyChanges(), m_core->accounts(), m_core->providers());
    if (!result.ok) {
        showError(tr("Import failed"), tr("Nothing was imported from %1: %2").arg(fileName, result.error));
        Q_EMIT message(tr("Nothing was imported from %1: %2").arg(fileName, result.error), true);
        return;
    }
    // Replaced accounts: their old id left the account file in the same write; now its keychain entries
    // go too. Best effort: entries left behind are orphans that no account uses.
    for (const ImportPlan::Result::Replaced &r : result.replaced) {
        const QString name = r.name;
        m_core->secrets()->removeAll(r.oldId, this, [this, name](const SecretResult &removed) {
            if (!removed.ok())
                Q_EMIT message(tr("The old keychain entries of \"%1\" could not be removed (%2); they are no "
                                  "longer used.")
                                   .arg(name, removed.errorString),
                               true);
        });
    }
    QString text = tr("Imported from %1: %n new account(s)", nullptr, int(result.addedIds.size())).arg(fileName);
    if (!result.changedIds.isEmpty())
        text += tr(", %n changed", nullptr, int(result.changedIds.size()));
    if (!result.replaced.isEmpty())
        text += tr(", %n replaced", nullptr, int(result.replaced.size()));
    text += QLatin1Char('.'); // the counts are one sentence
    if (!result.addedIds.isEmpty() || !result.replaced.isEmpty())
        text += QLatin1Char(' ') + tr("Log in to enter their API keys or passwords.");
    Q_EMIT message(text, false);
    Q_EMIT imported(result.addedIds);
}

ProvidersDialog *ExchangeActions::showProviders()
{
    if (m_providersDialog) {
        m_providersDialog->raise();
        m_providersDialog->activateWindow();
        return m_providersDialog;
    }
    auto *dialog = new ProvidersDialog(m_core, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProvidersDialog::message, this, &ExchangeActions::message);
    m_providersDialog = dialog;
    dialog->open();
    return dialog;
}

void ExchangeActions::showError(const QString &title, const QString &text)
{
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    m_errorBox = box;
    box->open();
}
