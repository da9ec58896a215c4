#include "ProvidersDialog.h"

// The providers dialog following profiles that another process saved or removed while it is open.

#include "CoreServices.h"
#include "ProfileText.h"
#include "providers/ProviderRegistry.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>

namespace {
constexpr int kIdRole = Qt::UserRole; // as in ProvidersDialog.cpp
} // namespace

void ProvidersDialog::relist() {
    m_filling = true; // the editor keeps what it shows
    m_list->clear();
    int select = -1;
    for (const ProviderProfile *p : m_core->providers()->profiles()) {
        auto *item = new QListWidgetItem(p->builtIn ? tr("%1 (built in)").arg(p->name) : p->name, m_list);
        item->setData(kIdRole, p->id);
        item->setToolTip(p->id);
        if (!m_currentId.isEmpty() && p->id == m_currentId)
            select = m_list->count() - 1;
    }
    m_list->setCurrentRow(select);
    m_filling = false;
}

void ProvidersDialog::onProvidersReloaded() {
    const QString id = m_currentId;
    const QString shownName = m_list->currentItem() ? m_list->currentItem()->text() : id;
    const bool edited = hasUnsavedEdits();
    relist();
    if (id.isEmpty()) { // a new or imported profile, not saved yet: nothing of it changed elsewhere
        validate();
        return;
    }
    const ProviderProfile *now = m_core->providers()->find(id);
    if (!now) {
        // Deleted elsewhere. The text stays, as a profile not saved yet; saving creates it again.
        m_currentId.clear();
        m_changedElsewhere = false;
        m_delete->setEnabled(false);
        m_heading->setText(tr("%1 is not saved: another program deleted it.").arg(shownName));
        showStatus(
            tr("Another program deleted the provider profile %1. Its text is still in the editor: save "
               "it to create the profile again, or choose another profile.")
                .arg(shownName),
            true);
        validate();
        return;
    }
    const QString fresh = QString::fromUtf8(ProfileText::format(m_core->providers()->json(id)));
    if (fresh == m_loadedText)
        return; // this profile did not change
    if (!edited) {
        onSelectionChanged(); // nothing of the user's to lose: show the new version
        showStatus(
            tr("Another program changed the provider profile %1; this is its new version.").arg(now->name),
            false);
        return;
    }
    m_changedElsewhere = true;
    showStatus(tr("Another program changed the provider profile %1 while you were editing it. Your unsaved "
                  "edits are kept; saving them replaces that change.")
                   .arg(now->name),
               true);
}
