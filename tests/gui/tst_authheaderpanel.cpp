// The auth-header panel driven through its real widgets, offscreen, against the in-process demo providers:
// list, add and see the token once, copy the header line, reveal and copy per row, delete with
// confirmation, delete a header that is already gone, rotate. Filter and sort, inline errors and the main
// window's tab: tst_authheaderpanelview.
#include "AuthHeaderPanelTest.h"

#include "Confirm.h"

#include <QFrame>
#include <QMimeData>
#include <QPushButton>
#include <QToolButton>

class TestAuthHeaderPanel : public AuthHeaderPanelTest
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
};

void TestAuthHeaderPanel::init()
{
    setUp();
}

void TestAuthHeaderPanel::cleanup()
{
    tearDown();
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

QTEST_MAIN(TestAuthHeaderPanel)
#include "tst_authheaderpanel.moc"
