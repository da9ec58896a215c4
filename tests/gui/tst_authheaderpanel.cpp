// The auth-header panel driven through its real widgets, offscreen, against the in-process demo providers:
// list, add and see the token once, copy the header line, delete with confirmation, delete a header that
// is already gone, rotate, inline errors; and the main window's tab, shown only where the provider has it.
#include "GuiFixture.h"

#include "AuthHeaderModel.h"
#include "AuthHeaderPanel.h"
#include "Confirm.h"
#include "DetailsPanel.h"
#include "admin/AuthHeaderClient.h"
#include "auth/TokenManager.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

class TestAuthHeaderPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsEmptyAtFirst();
    void addShowsTheTokenOnceAndCopiesTheHeaderLine();
    void revealAndCopyPerRow();
    void escapeCancelsTheNameField();
    void deleteAsksFirst();
    void deleteOfAGoneHeaderShowsAnError();
    void rotateAddsADatedHeaderThenDeletesTheOld();
    void filterAndSort();
    void networkErrorShowsInline();
    void answersForAnotherAccountAreDropped();
    void tabOnlyForProvidersWithTheFeature();
    void screenshots();

private:
    template<typename T>
    T *child(const QString &objectName) const;
    void click(const QString &objectName);
    void addThroughWidgets(const QString &name);
    void selectHeader(const QString &name);
    int rowOf(const QString &name) const;
    QList<AuthHeader> listAtProvider();
    int listRequests() const;

    std::unique_ptr<GuiFixture> m_gui;
    std::unique_ptr<AuthHeaderPanel> m_panel;
    QString m_account;
};

void TestAuthHeaderPanel::init()
{
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Server | GuiFixture::ManualTime);
    m_account = m_gui->addDemoAccount(QStringLiteral("user-authheader"));
    QVERIFY(!m_account.isEmpty());
    m_panel = std::make_unique<AuthHeaderPanel>(m_gui->core.get(), m_gui->clipboard.get());
    m_panel->resize(560, 480);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QApplication::setActiveWindow(m_panel.get());
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->setAccount(m_account);
    QVERIFY(m_panel->isSupported());
}

void TestAuthHeaderPanel::cleanup()
{
    m_panel.reset();
    m_gui.reset();
    QGuiApplication::clipboard()->clear();
}

template<typename T>
T *TestAuthHeaderPanel::child(const QString &objectName) const
{
    T *widget = m_panel->findChild<T *>(objectName);
    if (!widget)
        qWarning("no child named %s", qPrintable(objectName));
    return widget;
}

void TestAuthHeaderPanel::click(const QString &objectName)
{
    QAbstractButton *button = child<QAbstractButton>(objectName);
    QVERIFY(button);
    QTRY_VERIFY2(button->isEnabled() && button->isVisible(), qPrintable(objectName));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestAuthHeaderPanel::addThroughWidgets(const QString &name)
{
    click(QStringLiteral("addAuthHeader"));
    auto *field = child<QLineEdit>(QStringLiteral("authHeaderName"));
    QVERIFY(field && field->isVisible());
    QVERIFY(field->hasFocus());
    QTest::keyClicks(field, name);
    click(QStringLiteral("createAuthHeader"));
    QTRY_VERIFY(rowOf(name) >= 0);
    QVERIFY(!m_panel->newTokenText().isEmpty());
    QVERIFY(child<QLabel>(QStringLiteral("newAuthHeaderTitle"))->text().contains(name));
    QVERIFY(!field->isVisible());
    QVERIFY(!m_panel->isBusy());
}

int TestAuthHeaderPanel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_panel->proxy()->rowCount(); ++row) {
        if (m_panel->proxy()->index(row, AuthHeaderModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

void TestAuthHeaderPanel::selectHeader(const QString &name)
{
    const int row = rowOf(name);
    QVERIFY2(row >= 0, qPrintable(name));
    QTableView *table = m_panel->table();
    const QRect cell = table->visualRect(m_panel->proxy()->index(row, AuthHeaderModel::NameColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(table->currentIndex().row(), row);
}

QList<AuthHeader> TestAuthHeaderPanel::listAtProvider()
{
    QList<AuthHeader> result;
    bool done = false;
    m_gui->core->authHeaders()->list(m_account, nullptr,
                                     [&](const QList<AuthHeader> &headers, const AuthError &error) {
                                         if (error)
                                             qWarning("list failed: %s", qPrintable(error.message));
                                         result = headers;
                                         done = true;
                                     });
    [&] { QTRY_VERIFY(done); }();
    return result;
}

int TestAuthHeaderPanel::listRequests() const
{
    int n = 0;
    for (const DemoRequest &r : m_gui->server->requests())
        n += r.path.endsWith("/authheader/list") ? 1 : 0;
    return n;
}

void TestAuthHeaderPanel::listsEmptyAtFirst()
{
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY(m_panel->isBusy());
    QVERIFY(child<QWidget>(QStringLiteral("authHeaderBusy"))->isVisible());
    QTRY_VERIFY(!m_panel->isBusy());
    QVERIFY(!child<QWidget>(QStringLiteral("authHeaderBusy"))->isVisible());
    QCOMPARE(listRequests(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(m_panel->messageText().isEmpty());
    QVERIFY(child<QLabel>(QStringLiteral("authHeaderEmptyHint"))->isVisible());
    // Nothing selected: the per-row actions wait for a row.
    QVERIFY(!child<QToolButton>(QStringLiteral("deleteAuthHeader"))->isEnabled());
    QVERIFY(!child<QToolButton>(QStringLiteral("copyAuthHeaderToken"))->isEnabled());
    // Every control says what it is.
    for (QWidget *w : m_panel->findChildren<QWidget *>()) {
        if ((qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)) && w->focusPolicy() != Qt::NoFocus)
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestAuthHeaderPanel::addShowsTheTokenOnceAndCopiesTheHeaderLine()
{
    m_panel->refresh();
    QTRY_VERIFY(!m_panel->isBusy());
    addThroughWidgets(QStringLiteral("ci-runner"));

    const QList<AuthHeader> atProvider = listAtProvider();
    QCOMPARE(atProvider.size(), 1);
    const QByteArray token = atProvider.first().token;
    QVERIFY(!token.isEmpty());
    // Shown in full, once, in the result box.
    QCOMPARE(m_panel->newTokenText(), QString::fromLatin1(token));
    QVERIFY(child<QLabel>(QStringLiteral("newAuthHeaderTitle"))->text().contains(QStringLiteral("ci-runner")));
    // The provider lists the token again later and Reveal shows it: the box must not claim otherwise.
    QVERIFY(!child<QLabel>(QStringLiteral("newAuthHeaderTitle"))->text().contains(QStringLiteral("only this once")));
    QVERIFY(child<QLabel>(QStringLiteral("newAuthHeaderTitle"))->text().contains(QStringLiteral("Reveal")));
    QVERIFY(!child<QPushButton>(QStringLiteral("deleteOldAuthHeader"))->isVisible()); // not a rotation

    click(QStringLiteral("newTokenCopyHeaderLine"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(token));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArrayLiteral("secret"));
    click(QStringLiteral("newTokenCopyToken"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(token));

    // The list shows it, masked.
    QCOMPARE(m_panel->model()->rowCount(), 1);
    const int row = rowOf(QStringLiteral("ci-runner"));
    QVERIFY(row >= 0);
    const QModelIndex cell = m_panel->proxy()->index(row, AuthHeaderModel::TokenColumn);
    QCOMPARE(cell.data().toString(), AuthHeaderModel::maskToken(token));
    QCOMPARE(m_panel->proxy()->index(row, AuthHeaderModel::IdColumn).data().toString(), atProvider.first().id);

    // "Done" forgets it; it is not shown in full again.
    click(QStringLiteral("newTokenDone"));
    QVERIFY(m_panel->newTokenText().isEmpty());
    QVERIFY(child<QLineEdit>(QStringLiteral("newAuthHeaderToken"))->text().isEmpty());
    QVERIFY(!child<QFrame>(QStringLiteral("newAuthHeaderBox"))->isVisible());

    // A refresh agrees with what the panel added locally.
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->headerAt(0).token, token);
}

// Escape in the inline name field closes it like Cancel, forgetting what was typed; nothing is created.
void TestAuthHeaderPanel::escapeCancelsTheNameField()
{
    m_panel->refresh();
    QTRY_VERIFY(!m_panel->isBusy());
    click(QStringLiteral("addAuthHeader"));
    auto *field = child<QLineEdit>(QStringLiteral("authHeaderName"));
    QVERIFY(field->isVisible() && field->hasFocus());
    QTest::keyClicks(field, QStringLiteral("typo"));
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!field->isVisible());
    QVERIFY(!child<QWidget>(QStringLiteral("addAuthHeaderForm"))->isVisible());
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->model()->rowCount(), 0);
    click(QStringLiteral("addAuthHeader"));
    QVERIFY(field->text().isEmpty());
}

void TestAuthHeaderPanel::revealAndCopyPerRow()
{
    addThroughWidgets(QStringLiteral("alpha"));
    addThroughWidgets(QStringLiteral("beta"));
    click(QStringLiteral("newTokenDone"));
    const QList<AuthHeader> atProvider = listAtProvider();
    QCOMPARE(atProvider.size(), 2);
    const QByteArray alpha = atProvider.first().token;

    selectHeader(QStringLiteral("alpha"));
    auto *reveal = child<QToolButton>(QStringLiteral("revealAuthHeader"));
    QVERIFY(!reveal->isChecked());
    click(QStringLiteral("revealAuthHeader"));
    QVERIFY(reveal->isChecked());
    const int alphaRow = rowOf(QStringLiteral("alpha"));
    const int betaRow = rowOf(QStringLiteral("beta"));
    QCOMPARE(m_panel->proxy()->index(alphaRow, AuthHeaderModel::TokenColumn).data().toString(),
             QString::fromLatin1(alpha));
    QVERIFY(!m_panel->proxy()->index(betaRow, AuthHeaderModel::TokenColumn).data(AuthHeaderModel::RevealedRole).toBool());

    // The button follows the selected row.
    selectHeader(QStringLiteral("beta"));
    QVERIFY(!reveal->isChecked());
    selectHeader(QStringLiteral("alpha"));
    QVERIFY(reveal->isChecked());
    click(QStringLiteral("revealAuthHeader"));
    QCOMPARE(m_panel->proxy()->index(alphaRow, AuthHeaderModel::TokenColumn).data().toString(),
             AuthHeaderModel::maskToken(alpha));

    click(QStringLiteral("copyAuthHeaderToken"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(alpha));
    click(QStringLiteral("copyAuthHeaderLine"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(alpha));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArrayLiteral("secret"));
    QVERIFY(m_gui->clipboard->isHoldingOurText());
}

void TestAuthHeaderPanel::deleteAsksFirst()
{
    addThroughWidgets(QStringLiteral("production-api-key"));
    addThroughWidgets(QStringLiteral("keep-me"));
    click(QStringLiteral("newTokenDone"));
    QCOMPARE(m_panel->model()->rowCount(), 2);

    selectHeader(QStringLiteral("production-api-key"));
    Confirm::setNextAnswer(false);
    click(QStringLiteral("deleteAuthHeader"));
    QVERIFY(!m_panel->isBusy()); // "no": nothing was sent
    QCOMPARE(m_panel->model()->rowCount(), 2);
    QCOMPARE(listAtProvider().size(), 2);

    Confirm::setNextAnswer(true);
    click(QStringLiteral("deleteAuthHeader"));
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(rowOf(QStringLiteral("production-api-key")), -1);
    QVERIFY(rowOf(QStringLiteral("keep-me")) >= 0);
    QVERIFY(m_panel->messageText().isEmpty());
    const QList<AuthHeader> left = listAtProvider();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().name, QStringLiteral("keep-me"));
}

void TestAuthHeaderPanel::deleteOfAGoneHeaderShowsAnError()
{
    addThroughWidgets(QStringLiteral("ci-runner"));
    click(QStringLiteral("newTokenDone"));
    const QByteArray token = m_panel->model()->headerAt(0).token;

    // Deleted behind the panel's back (another window, the CLI).
    bool done = false;
    m_gui->core->authHeaders()->remove(m_account, token, nullptr, [&done](const AuthError &error) {
        QVERIFY(!error);
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(m_panel->model()->rowCount(), 1);

    selectHeader(QStringLiteral("ci-runner"));
    Confirm::setNextAnswer(true);
    click(QStringLiteral("deleteAuthHeader"));
    QTRY_VERIFY(!m_panel->messageText().isEmpty());
    const QString text = m_panel->messageText();
    QVERIFY2(text.contains(QStringLiteral("ci-runner")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("deleted already")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Auth header not found")), qPrintable(text)); // the provider's words
    QVERIFY(!QApplication::activeModalWidget());
    // The list is reloaded to match the provider; the message stays until dismissed.
    QTRY_COMPARE(m_panel->model()->rowCount(), 0);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->messageText(), text);
    auto *message = child<QFrame>(QStringLiteral("authHeaderMessage"));
    QToolButton *dismiss = message->findChild<QToolButton *>();
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(m_panel->messageText().isEmpty());
}

void TestAuthHeaderPanel::rotateAddsADatedHeaderThenDeletesTheOld()
{
    QCOMPARE(AuthHeaderPanel::rotatedName(QStringLiteral("deploy"), QDate(2026, 11, 22)),
             QStringLiteral("deploy-2026-11-22"));
    QCOMPARE(AuthHeaderPanel::rotatedName(QStringLiteral("deploy-2026-01-02"), QDate(2026, 11, 22)),
             QStringLiteral("deploy-2026-11-22"));

    addThroughWidgets(QStringLiteral("production-api-key"));
    click(QStringLiteral("newTokenDone"));
    const QByteArray oldToken = m_panel->model()->headerAt(0).token;
    selectHeader(QStringLiteral("production-api-key"));
    click(QStringLiteral("rotateAuthHeader"));
    QTRY_VERIFY(!m_panel->newTokenText().isEmpty());

    const QString newName = QStringLiteral("production-api-key-")
                            + m_gui->clock->now().toLocalTime().date().toString(Qt::ISODate);
    QCOMPARE(m_panel->model()->rowCount(), 2);
    const int newRow = rowOf(newName);
    QVERIFY2(newRow >= 0, qPrintable(newName));
    const QByteArray newToken = m_panel->proxy()->index(newRow, 0).data(AuthHeaderModel::TokenRole).toByteArray();
    QCOMPARE(m_panel->newTokenText(), QString::fromLatin1(newToken));
    QVERIFY(newToken != oldToken);
    QCOMPARE(listAtProvider().size(), 2);

    // The old one can go only once the new token was copied.
    auto *deleteOld = child<QPushButton>(QStringLiteral("deleteOldAuthHeader"));
    QVERIFY(deleteOld->isVisible());
    QVERIFY(!deleteOld->isEnabled());
    click(QStringLiteral("newTokenCopyHeaderLine"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(newToken));
    QVERIFY(deleteOld->isEnabled());

    // A "no" keeps it; a "yes" deletes the old header, not the new one.
    Confirm::setNextAnswer(false);
    click(QStringLiteral("deleteOldAuthHeader"));
    QCOMPARE(m_panel->model()->rowCount(), 2);
    Confirm::setNextAnswer(true);
    click(QStringLiteral("deleteOldAuthHeader"));
    QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    QTRY_VERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->model()->headerAt(0).name, newName);
    QVERIFY(!deleteOld->isVisible());
    QCOMPARE(m_panel->newTokenText(), QString::fromLatin1(newToken)); // still there until "Done"
    const QList<AuthHeader> left = listAtProvider();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().token, newToken);
}

void TestAuthHeaderPanel::filterAndSort()
{
    for (const QString &name : {QStringLiteral("build-b"), QStringLiteral("Alpha"), QStringLiteral("build-a")}) {
        addThroughWidgets(name);
        m_gui->clock->advance(1000);
    }
    auto *filter = child<QLineEdit>(QStringLiteral("authHeaderFilter"));
    QTest::keyClicks(filter, QStringLiteral("build"));
    QCOMPARE(m_panel->proxy()->rowCount(), 2);
    filter->clear();
    QCOMPARE(m_panel->proxy()->rowCount(), 3);

    QHeaderView *header = m_panel->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(AuthHeaderModel::NameColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(AuthHeaderModel::NameColumn));
    const auto names = [this] {
        QStringList list;
        for (int row = 0; row < m_panel->proxy()->rowCount(); ++row)
            list.append(m_panel->proxy()->index(row, AuthHeaderModel::NameColumn).data().toString());
        return list;
    };
    const QStringList byName{QStringLiteral("Alpha"), QStringLiteral("build-a"), QStringLiteral("build-b")};
    if (header->sortIndicatorOrder() == Qt::AscendingOrder)
        QCOMPARE(names(), byName);
    else
        QCOMPARE(names(), QStringList(byName.crbegin(), byName.crend()));
}

void TestAuthHeaderPanel::networkErrorShowsInline()
{
    m_gui->server->close();
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->messageText().isEmpty(), 15000);
    QVERIFY2(m_panel->messageText().contains(QStringLiteral("Could not load")), qPrintable(m_panel->messageText()));
    QVERIFY(!m_panel->isBusy());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(child<QToolButton>(QStringLiteral("refreshAuthHeaders"))->isEnabled());
}

void TestAuthHeaderPanel::answersForAnotherAccountAreDropped()
{
    addThroughWidgets(QStringLiteral("ci-runner"));
    click(QStringLiteral("newTokenDone"));
    const QString second =
        m_gui->addDemoAccount(QStringLiteral("user-authheader"), {}, QStringLiteral("demo-user-2"));
    click(QStringLiteral("refreshAuthHeaders"));
    m_panel->setAccount(second); // before the answer arrives
    QVERIFY(!m_panel->isBusy());
    QCOMPARE(m_panel->model()->rowCount(), 0);
    // Once a later call has had its answer, the earlier one has had its own: it must not have been shown.
    QTRY_COMPARE(listRequests(), 1);
    QCOMPARE(listAtProvider().size(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(m_panel->messageText().isEmpty());
}

void TestAuthHeaderPanel::tabOnlyForProvidersWithTheFeature()
{
    m_panel.reset();
    const QString quadrata = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabWidget *tabs = window.detailsTabs();

    window.selectAccount(quadrata);
    QVERIFY(!window.isAuthHeaderTabVisible());
    window.selectAccount(m_account);
    QVERIFY(window.isAuthHeaderTabVisible());
    QCOMPARE(tabs->currentWidget(), window.details()); // shown, not opened
    QCOMPARE(listRequests(), 0);

    // Opening the tab loads the list.
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(window.authHeaders())).center());
    QCOMPARE(tabs->currentWidget(), window.authHeaders());
    QTRY_COMPARE(listRequests(), 1);
    QTRY_VERIFY(!window.authHeaders()->isBusy());

    // Another account while it is open: reloaded for that one.
    const QString second =
        m_gui->addDemoAccount(QStringLiteral("user-authheader"), {}, QStringLiteral("demo-user-2"));
    window.selectAccount(second);
    QCOMPARE(window.authHeaders()->accountId(), second);
    QTRY_COMPARE(listRequests(), 2);

    // An account without the feature hides the tab and falls back to the details.
    window.selectAccount(quadrata);
    QVERIFY(!window.isAuthHeaderTabVisible());
    QCOMPARE(tabs->currentWidget(), window.details());
    QVERIFY(!window.authHeaders()->isBusy()); // nothing was asked of the provider
}

void TestAuthHeaderPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    for (const QString &name : {QStringLiteral("production-api-key"), QStringLiteral("ci-runner"),
                                QStringLiteral("grafana-agent")})
        addThroughWidgets(name);
    click(QStringLiteral("newTokenDone"));
    selectHeader(QStringLiteral("ci-runner"));
    click(QStringLiteral("revealAuthHeader"));
    selectHeader(QStringLiteral("production-api-key"));
    click(QStringLiteral("rotateAuthHeader"));
    QTRY_VERIFY(!m_panel->newTokenText().isEmpty());
    click(QStringLiteral("newTokenCopyToken"));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/authheader-panel.png")));

    click(QStringLiteral("newTokenDone"));
    m_gui->server->setFault(QStringLiteral("user-authheader"), DemoFault::serverError(503), 1);
    click(QStringLiteral("refreshAuthHeaders"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->messageText().isEmpty(), 15000);
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/authheader-panel-error.png")));

    // In the main window, as a user sees it first.
    m_panel.reset();
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Demo);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectAccount(m_account);
    window.detailsTabs()->setCurrentWidget(window.authHeaders());
    QTRY_VERIFY(!window.authHeaders()->isBusy());
    QVERIFY(window.grab().save(dir + QStringLiteral("/main-window-authheaders.png")));
}

QTEST_MAIN(TestAuthHeaderPanel)
#include "tst_authheaderpanel.moc"
