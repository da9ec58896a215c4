#pragma once

#include "accounts/ImportPlan.h"

#include <QDialog>

class ProviderRegistry;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QTreeWidget;

// Asks before an import changes anything: lists the accounts that will be added, each existing account
// the file would change with its old and new values, what stays as it is, and the provider profiles the
// file brings. Changes to existing accounts (and profiles) are applied only if the user ticks the box.
// It changes nothing itself: the caller applies the plan after accept, with applyChanges().
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const ImportPlan &plan, const QString &fileName, const ProviderRegistry *providers,
                 QWidget *parent = nullptr);

    const ImportPlan &plan() const { return m_plan; }
    bool applyChanges() const;
    void setApplyChanges(bool apply);
    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;

private:
    void fill(const ProviderRegistry *providers);
    static QString insecureNote();
    void updateButtons();

    ImportPlan m_plan;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    QCheckBox *m_applyChanges = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
