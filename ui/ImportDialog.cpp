#include "ImportDialog.h"

#include "providers/ProviderRegistry.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace {
using Action = ImportPlan::Action;

QString providerName(const ProviderRegistry *providers, const ImportPlan &plan, const QString &id)
{
    for (const ImportPlan::ProfileItem &p : plan.profiles) {
        if (p.id == id)
            return p.name;
    }
    const ProviderProfile *profile = providers->find(id);
    return profile ? profile->name : id;
}

// A tree view asks its delegate for a row's height without the column's width, so wrapped text would get
// one line: this delegate measures it at the column's width (less the indentation in the first column;
// the whole width for a row spanning all columns).
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem measured(option);
        const bool spanned = index.column() == 0 && m_view->isFirstColumnSpanned(index.row(), index.parent());
        int width = spanned ? m_view->viewport()->width() : m_view->header()->sectionSize(index.column());
        if (index.column() == 0) {
            for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
                width -= m_view->indentation();
            width -= m_view->rootIsDecorated() ? m_view->indentation() : 0;
        }
        measured.rect.setSize(QSize(std::max(width, 1), 1 << 16)); // wraps only within a valid rect
        return QStyledItemDelegate::sizeHint(measured, index);
    }

private:
    QTreeView *m_view;
};
} // namespace

ImportDialog::ImportDialog(const ImportPlan &plan, const QString &fileName, const ProviderRegistry *providers,
                           QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
{
    setWindowTitle(tr("Import accounts"));
    setObjectName(QStringLiteral("ImportDialog"));
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    const int added = plan.count(Action::Add);
    const int changed = plan.count(Action::Change);
    const int same = plan.count(Action::Same);
    QStringList parts;
    if (added > 0 || (changed == 0 && same == 0))
        parts.append(tr("%n new account(s)", nullptr, added));
    if (changed > 0)
        parts.append(tr("%n existing account(s) the file would change", nullptr, changed));
    if (same > 0)
        parts.append(tr("%n already here, unchanged", nullptr, same));
    if (!plan.profiles.isEmpty())
        parts.append(tr("%n provider profile(s)", nullptr, int(plan.profiles.size())));
    m_summary->setText(tr("%1 holds: %2.").arg(QFileInfo(fileName).fileName(), parts.join(QLatin1String(", "))));
    layout->addWidget(m_summary);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("importPlan"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Account", "column"), tr("Details", "column")});
    m_tree->setRootIsDecorated(true);
    // The warnings under an account ("Replaced: …", the plain-http note) are sentences: they wrap onto
    // more lines rather than lose their middle. A long URL still elides.
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [tree = m_tree] { tree->doItemsLayout(); });
    layout->addWidget(m_tree, 1);
    fill(providers);

    auto *secrets = new QLabel(tr("No secret is imported: TokenDesk asks for each new account's API key or "
                                  "password at its first login."),
                               this);
    secrets->setObjectName(QStringLiteral("importSecretsNote"));
    secrets->setWordWrap(true);
    secrets->setVisible(added > 0); // about new accounts only: nothing to say when there are none
    layout->addWidget(secrets);

    m_applyChanges = new QCheckBox(this);
    m_applyChanges->setObjectName(QStringLiteral("applyChanges"));
    const int profileChanges = plan.profileCount(Action::Change);
    m_applyChanges->setText(profileChanges > 0
                                ? tr("Also apply the changes to the %n existing account(s) and provider profile(s) "
                                     "listed above",
                                     nullptr, changed + profileChanges)
                                : tr("Also apply the changes to the %n existing account(s) listed above", nullptr,
                                     changed));
    m_applyChanges->setToolTip(tr("Unticked, existing accounts stay exactly as they are. Ticked, an account "
                                  "whose provider, host or user changes is replaced: its stored secret and "
                                  "tokens are removed."));
    m_applyChanges->setVisible(changed + profileChanges > 0);
    layout->addWidget(m_applyChanges);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import", "button"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_applyChanges, &QCheckBox::toggled, this, &ImportDialog::updateButtons);
    layout->addWidget(m_buttons);
    updateButtons();
    resize(720, 460);
}

void ImportDialog::fill(const ProviderRegistry *providers)
{
    const auto group = [this](const QString &title) {
        auto *item = new QTreeWidgetItem(m_tree, {title});
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        item->setFirstColumnSpanned(true);
        return item;
    };
    const auto describe = [&](const AccountExchange::SharedAccount &a) {
        // The host in ACE form (xn--…): a look-alike Unicode host is visible.
        QStringList bits{providerName(providers, m_plan, a.providerId), a.baseUrl.toString(QUrl::FullyEncoded)};
        if (!a.username.isEmpty())
            bits.append(tr("user %1").arg(a.username));
        if (a.allowInsecureHttp)
            bits.append(tr("allows insecure http"));
        return bits.join(QStringLiteral(" · "));
    };
    const int added = m_plan.count(Action::Add);
    const int changed = m_plan.count(Action::Change);
    const int same = m_plan.count(Action::Same);
    QTreeWidgetItem *addGroup = added ? group(tr("New accounts (%1)").arg(added)) : nullptr;
    QTreeWidgetItem *changeGroup = changed ? group(tr("Existing accounts the file would change (%1)").arg(changed)) : nullptr;
    QTreeWidgetItem *sameGroup = same ? group(tr("Already here, unchanged (%1)").arg(same)) : nullptr;
    for (const ImportPlan::AccountItem &item : m_plan.accounts) {
        switch (item.action) {
        case Action::Add: {
            auto *row = new QTreeWidgetItem(addGroup, {item.incoming.name, describe(item.incoming)});
            if (item.needsInsecureOptIn)
                new QTreeWidgetItem(row, {QString(), insecureNote()});
            break;
        }
        case Action::Same:
            new QTreeWidgetItem(sameGroup, {item.incoming.name, describe(item.incoming)});
            break;
        case Action::Change: {
            auto *row = new QTreeWidgetItem(changeGroup, {item.incoming.name, tr("%n field(s) differ", nullptr,
                                                                                 int(item.changedFields.size()))});
            const AccountExchange::SharedAccount here = AccountExchange::fromAccount(item.existing);
            for (const QString &field : item.changedFields) {
                new QTreeWidgetItem(row, {AccountExchange::fieldLabel(field),
                                          tr("%1 → %2").arg(AccountExchange::displayValue(here, field),
                                                            AccountExchange::displayValue(item.incoming, field))});
            }
            if (item.replaces)
                new QTreeWidgetItem(row, {QString(), tr("Replaced: another provider, host or user. Its stored API "
                                                        "key or password and its tokens are removed; TokenDesk "
                                                        "asks for its secret at the next login.")});
            if (item.needsInsecureOptIn)
                new QTreeWidgetItem(row, {QString(), insecureNote()});
            row->setExpanded(true);
            break;
        }
        }
    }
    if (!m_plan.profiles.isEmpty()) {
        QTreeWidgetItem *profiles = group(tr("Provider profiles (%1)").arg(m_plan.profiles.size()));
        for (const ImportPlan::ProfileItem &p : m_plan.profiles) {
            const QString state = p.action == Action::Add      ? tr("new: will be installed")
                                  : p.action == Action::Change ? tr("differs from the profile installed here")
                                                               : tr("already installed, identical");
            new QTreeWidgetItem(profiles, {p.name, tr("%1 — %2").arg(p.id, state)});
        }
    }
    m_tree->expandAll();
    if (sameGroup)
        sameGroup->setExpanded(same <= 5);
    m_tree->header()->setStretchLastSection(true);
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(0, qMin(m_tree->columnWidth(0) + 24, 260));
}

QString ImportDialog::insecureNote()
{
    return tr("Uses plain http: it logs in only after you allow insecure http in its own settings (an import "
              "never allows it).");
}

bool ImportDialog::applyChanges() const
{
    return m_applyChanges->isChecked();
}

void ImportDialog::setApplyChanges(bool apply)
{
    m_applyChanges->setChecked(apply);
}

QString ImportDialog::summary() const
{
    return m_summary->text();
}

void ImportDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_plan.hasWork(applyChanges()));
}
