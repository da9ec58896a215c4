// The providers dialog driven as a person would, offscreen, against the demo providers: a custom provider
// is added, offered by the account dialog and logs in; a profile's errors name the field; a provider in
// use cannot be deleted; the test login succeeds and reports a wrong password, keeping no secret.
#include "ExchangeTestSupport.h"
#include "GuiFixture.h"

#include "AccountDialog.h"
#include "Confirm.h"
#include "ExchangeActions.h"
#include "ProvidersDialog.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace ExchangeTest;

class TestProvidersGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void customProviderAddedAndUsed();
    void profileErrorsNameTheField();
    void deleteRefusedWhileUsed();
    void testLoginInProvidersDialog();

private:
    std::unique_ptr<GuiFixture> m_gui;
};

void TestProvidersGui::init()
{
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | GuiFixture::Editor | GuiFixture::Server);
    m_gui->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_gui->window.get()));
}

void TestProvidersGui::cleanup()
{
    m_gui.reset();
}

void TestProvidersGui::customProviderAddedAndUsed()
{
    ProvidersDialog *dialog = m_gui->window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->list()->count(), 5);
    dialog->selectProfile(QStringLiteral("quadrata"));
    QVERIFY(dialog->editor()->isReadOnly());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"))->isEnabled());

    // Import a profile file (a demo preset under a new id): shown, validated, saved with the Save button.
    const QString file = m_gui->dir.filePath(QStringLiteral("acme.json"));
    QVERIFY(writeAll(file, customProfile()));
    QVERIFY(dialog->importFile(file));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("Valid profile: Acme Keys")), qPrintable(dialog->validationText()));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(m_gui->core->providers()->find(QStringLiteral("acme-keys")));
    QCOMPARE(dialog->list()->count(), 6);
    QCOMPARE(dialog->currentId(), QStringLiteral("acme-keys"));
    dialog->close();

    // The account dialog offers it at once; an account using it logs in against the demo server.
    m_gui->window->actions()->addAction()->trigger();
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible());
    AccountDialog *add = m_gui->editor->currentDialog();
    auto *provider = add->findChild<QComboBox *>(QStringLiteral("provider"));
    const int index = provider->findText(QStringLiteral("Acme Keys"), Qt::MatchStartsWith);
    QVERIFY(index >= 0);
    provider->setCurrentIndex(index);
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("acme prod"));
    auto *baseUrl = add->findChild<QComboBox *>(QStringLiteral("baseUrl"));
    baseUrl->lineEdit()->clear();
    QTest::keyClicks(baseUrl->lineEdit(), m_gui->server->baseUrl(QStringLiteral("quadrata")).toString());
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-quadrata-key"));
    QTRY_VERIFY(GuiFixture::okButton(add)->isEnabled());
    QTest::mouseClick(GuiFixture::okButton(add), Qt::LeftButton);
    QTRY_VERIFY(m_gui->core->accounts()->findByName(QStringLiteral("acme prod")));
    const Account acme = *m_gui->core->accounts()->findByName(QStringLiteral("acme prod"));
    QCOMPARE(acme.providerId, QStringLiteral("acme-keys"));
    QTRY_COMPARE(m_gui->window->actions()->selectedIds(), QStringList{acme.id});
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(acme.id), TokenState::Valid);
}

void TestProvidersGui::profileErrorsNameTheField()
{
    ProvidersDialog *dialog = m_gui->window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("b2b-api"));
    dialog->newProfile();
    QVERIFY(!dialog->editor()->isReadOnly());
    QVERIFY2(dialog->isProfileValid(), qPrintable(dialog->validationText()));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"));
    QVERIFY(save->isEnabled());
    QString text = dialog->editor()->toPlainText();
    dialog->editor()->setPlainText(QString(text).replace(QStringLiteral("\"/auth/login\""), QStringLiteral("\"auth/login\"")));
    QVERIFY(!dialog->isProfileValid());
    QVERIFY2(dialog->validationText().startsWith(QStringLiteral("field 'login.path'")), qPrintable(dialog->validationText()));
    QVERIFY(!save->isEnabled());
    dialog->editor()->setPlainText(QString(text).replace(QStringLiteral("\"my-provider\""), QStringLiteral("\"b2b-api\"")));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("field 'id'")), qPrintable(dialog->validationText()));
    QVERIFY(!save->isEnabled());
    dialog->editor()->setPlainText(text.left(text.size() / 2));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("not valid JSON")), qPrintable(dialog->validationText()));
    QCOMPARE(m_gui->core->providers()->profiles().size(), 5);
}

void TestProvidersGui::deleteRefusedWhileUsed()
{
    QVERIFY(m_gui->core->providers()->saveUserProfile(customProfile(), nullptr));
    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("acme prod");
    a.providerId = QStringLiteral("acme-keys");
    a.baseUrl = m_gui->server->baseUrl(QStringLiteral("quadrata"));
    QVERIFY(m_gui->core->accounts()->add(a));
    ProvidersDialog *dialog = m_gui->window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("acme-keys"));
    QVERIFY(!dialog->removeCurrent());
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("profileStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("acme prod")), qPrintable(status->text()));
    QVERIFY(m_gui->core->providers()->find(QStringLiteral("acme-keys")));
    QVERIFY(m_gui->core->accounts()->remove(a.id));
    Confirm::setNextAnswer(true);
    QVERIFY(dialog->removeCurrent());
    QVERIFY(!m_gui->core->providers()->find(QStringLiteral("acme-keys")));
    QCOMPARE(dialog->list()->count(), 5);
}

void TestProvidersGui::testLoginInProvidersDialog()
{
    ProvidersDialog *dialog = m_gui->window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("kyc-jwt"));
    QVERIFY(dialog->testUsername()->isEnabled());
    QTest::keyClicks(dialog->testUrl(), m_gui->server->baseUrl(QStringLiteral("kyc-jwt")).toString());
    QTest::keyClicks(dialog->testUsername(), QStringLiteral("demo@example.com"));
    QTest::keyClicks(dialog->testSecret(), QStringLiteral("demo-kyc-password"));
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QVERIFY(dialog->testSecret()->text().isEmpty()); // the field does not keep the secret
    QTRY_VERIFY(!dialog->isTestingLogin());
    QVERIFY(dialog->testSecret()->text().isEmpty());
    QVERIFY2(dialog->testResult()->text().startsWith(QStringLiteral("Login OK")), qPrintable(dialog->testResult()->text()));

    dialog->testSecret()->clear();
    QTest::keyClicks(dialog->testSecret(), QStringLiteral("wrong-password-123"));
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isTestingLogin());
    const QString failure = dialog->testResult()->text();
    QVERIFY2(!failure.startsWith(QStringLiteral("Login OK")) && !failure.isEmpty(), qPrintable(failure));
    QVERIFY(!failure.contains(QStringLiteral("wrong-password-123")));
    QVERIFY2(failure.contains(QStringLiteral("username or password"), Qt::CaseInsensitive), qPrintable(failure));
    QCOMPARE(m_gui->core->accounts()->count(), 0); // nothing stored
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QCOMPARE(memory->count(), 0);
}

QTEST_MAIN(TestProvidersGui)
#include "tst_providersgui.moc"
