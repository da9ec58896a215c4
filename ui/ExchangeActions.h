#pragma once

#include "ImportDialog.h"
#include "ProvidersDialog.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QStringList>

class AccountActions;
class CoreServices;
class QAction;
class QMenu;
class QWidget;

// The main window's File actions: export accounts to a shared-setup file, import one (validate, show what
// would change, apply after confirmation), and the providers dialog. The file dialogs only pick a path:
// exportTo() and importFrom() do the work, so tests drive them without a native dialog.
class ExchangeActions : public QObject
{
    Q_OBJECT
public:
    ExchangeActions(CoreServices *core, AccountActions *accounts, QWidget *window);

    void populateMenu(QMenu *menu) const;
    QAction *exportAction() const { return m_export; }
    QAction *importAction() const { return m_import; }
    QAction *providersAction() const { return m_providers; }

    // The accounts an export takes: the selected ones, or all when none is selected.
    QStringList exportIds() const;
    // Writes the file for `ids` (and the user provider profiles they use; all of them when `ids` are all
    // the accounts). Reports through message(); returns false on failure.
    bool exportTo(const QString &path, const QStringList &ids);
    // Reads and validates `path`. A bad file: a message box naming every problem (errorBox()), nothing
    // changed, null returned. Otherwise the confirmation dialog, already open; accepting it applies.
    ImportDialog *importFrom(const QString &path);
    ProvidersDialog *showProviders();
    // Where the file dialogs start: the Documents folder, or the home folder where there is none (a
    // missing folder would be taken for a file name).
    static QString startFolder();

    ImportDialog *currentImportDialog() const { return m_importDialog; }
    ProvidersDialog *currentProvidersDialog() const { return m_providersDialog; }
    QMessageBox *errorBox() const { return m_errorBox; }

Q_SIGNALS:
    void message(const QString &text, bool isError);
    void imported(const QStringList &addedIds);

private:
    void chooseExportFile();
    void chooseImportFile();
    void apply(ImportDialog *dialog, const QString &fileName);
    void showError(const QString &title, const QString &text);

    CoreServices *m_core;
    AccountActions *m_accounts;
    QWidget *m_window;
    QAction *m_export;
    QAction *m_import;
    QAction *m_providers;
    QPointer<ImportDialog> m_importDialog;
    QPointer<ProvidersDialog> m_providersDialog;
    QPointer<QMessageBox> m_errorBox;
};
