// The account table from the keyboard, offscreen, as a black-box test walked it: Ctrl+Home and Ctrl+End
// select the row they move to (actions act on the selected account), Down and Enter in the search field go
// to the first match and select it, and a filter change keeps the selection of a row that stays visible.
#include "MainWindowTest.h"

#include "AccountFilterModel.h"
#include "DetailsPanel.h"
#include "auth/TokenManager.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

class TestMainWindowKeys : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ctrlHomeAndEndSelect();
    void downAndEnterFromTheSearchSelectAMatch();
    void filterKeepsAVisibleSelection();

private:
    QStringList addThree(); // alpha (b2b), beta (kyc), gamma (kyc), in the table's order
    void focusTable();
    QStringList selected() const { return m_gui->window->actions()->selectedIds(); }
};

void TestMainWindowKeys::init()
{
    setUp(GuiFixture::Server);
    m_gui->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_gui->window.get()));
}

void TestMainWindowKeys::cleanup()
{
    tearDown();
}

QStringList TestMainWindowKeys::addThree()
{
    return {m_gui->addDemoAccount(QStringLiteral("b2b-api"), {}, QStringLiteral("alpha")),
            m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), {}, QStringLiteral("beta kyc")),
            m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), {}, QStringLiteral("gamma kyc"))};
}

void TestMainWindowKeys::focusTable()
{
    m_gui->window->table()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_gui->window->table()->hasFocus());
}

void TestMainWindowKeys::ctrlHomeAndEndSelect()
{
    const QStringList ids = addThree();
    focusTable();
    QCOMPARE(selected(), QStringList{ids[0]});
    QTest::keyClick(m_gui->window->table(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(selected(), QStringList{ids[2]});
    QCOMPARE(m_gui->window->details()->accountId(), ids[2]);
    QTest::keyClick(m_gui->window->table(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(selected(), QStringList{ids[0]});
    QCOMPARE(m_gui->window->table()->currentIndex().row(), 0);
    // Ctrl+Down still moves only the focus frame (Ctrl+Space then adds the row): multi-selection stays.
    QTest::keyClick(m_gui->window->table(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(selected(), QStringList{ids[0]});
}

void TestMainWindowKeys::downAndEnterFromTheSearchSelectAMatch()
{
    const QStringList ids = addThree();
    QLineEdit *search = m_gui->window->searchField();
    search->setFocus(Qt::ShortcutFocusReason);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("kyc"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 2);
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(m_gui->window->table()->hasFocus());
    QCOMPARE(selected(), QStringList{ids[1]});
    QVERIFY(m_gui->window->actions()->loginAction()->isEnabled());

    // Enter does the same; a row already selected among the matches stays the one.
    QTest::keyClick(m_gui->window->table(), Qt::Key_Down);
    QCOMPARE(selected(), QStringList{ids[2]});
    search->setFocus(Qt::ShortcutFocusReason);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(m_gui->window->table()->hasFocus());
    QCOMPARE(selected(), QStringList{ids[2]});

    // No match: the keys stay in the field.
    search->setFocus(Qt::ShortcutFocusReason);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("zzz"));
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(search->hasFocus());
}

void TestMainWindowKeys::filterKeepsAVisibleSelection()
{
    const QStringList ids = addThree();
    // gamma needs attention: a refused login.
    bool done = false;
    m_gui->core->secrets()->write(ids[2], SecretKind::Credential, QByteArrayLiteral("wrong"), nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    done = false;
    m_gui->core->tokens()->login(ids[2], nullptr, [&done](const TokenResult &) { done = true; });
    QTRY_VERIFY(done);
    m_gui->select(ids[2]);

    QTest::mouseClick(m_gui->window->attentionFilter(), Qt::LeftButton);
    QVERIFY(m_gui->window->attentionFilter()->isChecked());
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
    QCOMPARE(selected(), QStringList{ids[2]});
    m_gui->window->attentionFilter()->setChecked(false);
    QCOMPARE(selected(), QStringList{ids[2]});
    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("kyc"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 2);
    QCOMPARE(selected(), QStringList{ids[2]});
    QTest::keyClick(m_gui->window->attentionFilter(), Qt::Key_Space);
    QVERIFY(m_gui->window->attentionFilter()->isChecked());
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
    QCOMPARE(selected(), QStringList{ids[2]});
    QCOMPARE(m_gui->window->details()->accountId(), ids[2]);
    m_gui->window->attentionFilter()->setChecked(false);
    m_gui->window->searchField()->clear();
    QCOMPARE(selected(), QStringList{ids[2]});
}

QTEST_MAIN(TestMainWindowKeys)
#include "tst_mainwindowkeys.moc"
