// File → Providers… while another process (another window, the CLI, an import) saves or deletes profiles in
// the same config directory: the open dialog's list follows (CoreServices::providersReloaded), the selection
// and unsaved editor text stay, and a profile that changed or went while it was being edited is reported,
// never silently overwritten. Real CoreServices on a temporary config directory, real widgets, offscreen.
#include "Confirm.h"
#include "CoreServices.h"
#include "ProvidersDialog.h"
#include "providers/ProviderRegistry.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray profileJson(const QString &id, const QString &name) {
    QFile preset(u":/providers/quadrata.json"_s);
    if (!preset.open(QIODevice::ReadOnly))
        return {};
    QJsonObject o = QJsonDocument::fromJson(preset.readAll()).object();
    o.insert(u"id"_s, id);
    o.insert(u"name"_s, name);
    o.remove(u"knownHosts"_s);
    return QJsonDocument(o).toJson();
}

QStringList listedIds(const ProvidersDialog &dialog) {
    QStringList ids;
    for (int row = 0; row < dialog.list()->count(); ++row)
        ids << dialog.list()->item(row)->data(Qt::UserRole).toString();
    return ids;
}

} // namespace

class TestProvidersDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void newProfileElsewhereKeepsSelectionAndEdits();
    void changedElsewhereWithoutEditsShowsTheNewVersion();
    void changedElsewhereWhileEditingKeepsEditsAndAsks();
    void deletedElsewhereKeepsTheText();
    void unsavedNewProfileStays();
    void closingAsksBeforeDiscarding();

private:
    // What another process does: its own registry on the same directory.
    void saveElsewhere(const QString &id, const QString &name);
    void removeElsewhere(const QString &id);
    void waitForReload();
    void typeInEditor(const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CoreServices> m_core;
    std::unique_ptr<ProvidersDialog> m_dialog;
    std::unique_ptr<QSignalSpy> m_reloaded;
};

void TestProvidersDialog::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The user's profile exists before the app starts, so the core watches its folder from the start.
    saveElsewhere(u"acme-keys"_s, u"Acme Keys"_s);
    CoreOptions options;
    options.configDirectory = m_dir->filePath(u"config"_s);
    options.keychainService = u"TokenDesk-providers-dialog-test"_s; // never used: no account is read
    m_core = std::make_unique<CoreServices>(options);
    QVERIFY(m_core->providers()->find(u"acme-keys"_s));
    m_reloaded = std::make_unique<QSignalSpy>(m_core.get(), &CoreServices::providersReloaded);
    m_dialog = std::make_unique<ProvidersDialog>(m_core.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->selectProfile(u"acme-keys"_s);
    QCOMPARE(m_dialog->currentId(), u"acme-keys"_s);
    QVERIFY(!m_dialog->editor()->isReadOnly());
}

void TestProvidersDialog::cleanup() {
    m_dialog.reset();
    m_reloaded.reset();
    m_core.reset();
    m_dir.reset();
}

void TestProvidersDialog::saveElsewhere(const QString &id, const QString &name) {
    ProviderRegistry other;
    other.loadUserProfiles(m_dir->filePath(u"config/providers"_s));
    QString error;
    QVERIFY2(other.saveUserProfile(profileJson(id, name), &error), qPrintable(error));
}

void TestProvidersDialog::removeElsewhere(const QString &id) {
    ProviderRegistry other;
    other.loadUserProfiles(m_dir->filePath(u"config/providers"_s));
    QString error;
    QVERIFY2(other.removeUserProfile(id, &error), qPrintable(error));
}

void TestProvidersDialog::waitForReload() {
    QTRY_VERIFY_WITH_TIMEOUT(m_reloaded->count() > 0, 10000);
    m_reloaded->clear();
}

void TestProvidersDialog::typeInEditor(const QString &text) {
    m_dialog->editor()->setFocus();
    m_dialog->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_dialog->editor(), text);
    QVERIFY(m_dialog->hasUnsavedEdits());
}

void TestProvidersDialog::newProfileElsewhereKeepsSelectionAndEdits() {
    typeInEditor(u" "_s);
    const QString typed = m_dialog->editor()->toPlainText();
    const int before = m_dialog->list()->count();

    saveElsewhere(u"beta-keys"_s, u"Beta Keys"_s);
    waitForReload();

    QCOMPARE(m_dialog->list()->count(), before + 1);
    QVERIFY(listedIds(*m_dialog).contains(u"beta-keys"_s));
    QCOMPARE(m_dialog->currentId(), u"acme-keys"_s);
    QCOMPARE(m_dialog->list()->currentItem()->data(Qt::UserRole).toString(), u"acme-keys"_s);
    QCOMPARE(m_dialog->editor()->toPlainText(), typed);
    QVERIFY(m_dialog->statusText().isEmpty());
}

void TestProvidersDialog::changedElsewhereWithoutEditsShowsTheNewVersion() {
    saveElsewhere(u"acme-keys"_s, u"Acme Renamed"_s);
    waitForReload();

    QCOMPARE(m_dialog->currentId(), u"acme-keys"_s);
    QCOMPARE(m_dialog->list()->currentItem()->text(), u"Acme Renamed"_s);
    QVERIFY(m_dialog->editor()->toPlainText().contains(u"Acme Renamed"_s));
    QVERIFY(!m_dialog->hasUnsavedEdits());
    QVERIFY2(m_dialog->statusText().contains(u"changed"_s), qPrintable(m_dialog->statusText()));
}

void TestProvidersDialog::changedElsewhereWhileEditingKeepsEditsAndAsks() {
    typeInEditor(u" "_s);
    const QString typed = m_dialog->editor()->toPlainText();

    saveElsewhere(u"acme-keys"_s, u"Acme Renamed"_s);
    waitForReload();

    QCOMPARE(m_dialog->editor()->toPlainText(), typed);
    QCOMPARE(m_dialog->currentId(), u"acme-keys"_s);
    QVERIFY2(m_dialog->statusText().contains(u"while you were editing"_s),
             qPrintable(m_dialog->statusText()));

    // Saving would replace the other change: the user is asked, and "no" keeps the other version.
    Confirm::setNextAnswer(false);
    QVERIFY(!m_dialog->save());
    QCOMPARE(m_core->providers()->find(u"acme-keys"_s)->name, u"Acme Renamed"_s);
    Confirm::setNextAnswer(true);
    QVERIFY(m_dialog->save());
    QCOMPARE(m_core->providers()->find(u"acme-keys"_s)->name, u"Acme Keys"_s);
    ProviderRegistry onDisk;
    onDisk.loadUserProfiles(m_dir->filePath(u"config/providers"_s));
    QCOMPARE(onDisk.find(u"acme-keys"_s)->name, u"Acme Keys"_s);
}

void TestProvidersDialog::deletedElsewhereKeepsTheText() {
    typeInEditor(u" "_s);
    const QString typed = m_dialog->editor()->toPlainText();

    removeElsewhere(u"acme-keys"_s);
    waitForReload();

    QVERIFY(!listedIds(*m_dialog).contains(u"acme-keys"_s));
    QCOMPARE(m_dialog->editor()->toPlainText(), typed);
    QVERIFY(m_dialog->currentId().isEmpty());
    QVERIFY2(m_dialog->statusText().contains(u"deleted"_s), qPrintable(m_dialog->statusText()));
    QVERIFY(!m_dialog->findChild<QPushButton *>(u"deleteProfile"_s)->isEnabled());

    // Saving creates it again.
    QVERIFY(m_dialog->isProfileValid());
    QVERIFY(m_dialog->save());
    QVERIFY(m_core->providers()->find(u"acme-keys"_s));
    QCOMPARE(m_dialog->currentId(), u"acme-keys"_s);
}

void TestProvidersDialog::unsavedNewProfileStays() {
    m_dialog->newProfile();
    typeInEditor(u" "_s);
    const QString typed = m_dialog->editor()->toPlainText();

    saveElsewhere(u"beta-keys"_s, u"Beta Keys"_s);
    waitForReload();

    QCOMPARE(m_dialog->editor()->toPlainText(), typed);
    QVERIFY(m_dialog->currentId().isEmpty());
    QCOMPARE(m_dialog->list()->currentRow(), -1);
    QVERIFY(listedIds(*m_dialog).contains(u"beta-keys"_s));
}

// Escape or Close with an unsaved new or changed profile asks first; "no" keeps the dialog and the text.
// Without unsaved work it closes without a question.
void TestProvidersDialog::closingAsksBeforeDiscarding() {
    m_dialog->newProfile();
    const QString fresh = m_dialog->editor()->toPlainText();
    Confirm::setNextAnswer(false);
    QTest::keyClick(m_dialog->editor(), Qt::Key_Escape);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->editor()->toPlainText(), fresh);
    Confirm::setNextAnswer(true);
    QTest::keyClick(m_dialog->editor(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());

    m_dialog->show();
    m_dialog->selectProfile(u"acme-keys"_s);
    typeInEditor(u" "_s);
    const QString typed = m_dialog->editor()->toPlainText();
    QPushButton *close = nullptr;
    for (auto *box : m_dialog->findChildren<QDialogButtonBox *>())
        close = close ? close : box->button(QDialogButtonBox::Close);
    QVERIFY(close);
    Confirm::setNextAnswer(false);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->editor()->toPlainText(), typed);
    QVERIFY(m_dialog->hasUnsavedEdits());

    QVERIFY(m_dialog->save());
    Confirm::setNextAnswer(false); // would keep the dialog open if it were asked
    QTest::keyClick(m_dialog->editor(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(!Confirm::ask(nullptr, QString(), QString(), QString())); // the unused answer, so it leaks nowhere
}

QTEST_MAIN(TestProvidersDialog)
#include "tst_providersdialog.moc"
