// What the main window shows and acts on, driven from the keyboard as a person would, offscreen: the
// details follow the selection through a filter, tabbing into a table with nothing selected selects a row
// the shortcuts then act on, the state column fits its longest word, and a look-alike host is shown in
// ACE form. Found by a black-box test of the window.
#include "MainWindowTest.h"

#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "DetailsPanel.h"
#include "auth/TokenState.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

class TestMainWindowSelection : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void detailsFollowTheSelectionThroughAFilter();
    void tabIntoTheTableSelectsARow();
    void stateColumnFitsEveryState();
    void columnsFitTheirLabels();
    void lookAlikeHostShownInAceForm();
};

void TestMainWindowSelection::init()
{
    setUp(GuiFixture::Server);
}

void TestMainWindowSelection::cleanup()
{
    tearDown();
}

void TestMainWindowSelection::detailsFollowTheSelectionThroughAFilter()
{
    const QString b2b = m_gui->addDemoAccount(QStringLiteral("b2b-api"), {}, QStringLiteral("alpha"));
    m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), {}, QStringLiteral("beta"));
    m_gui->select(b2b);
    QCOMPARE(m_gui->window->details()->accountId(), b2b);

    // The filter hides the selected row; Qt keeps a current row (beta) that nobody selected.
    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("beta"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
    QVERIFY(m_gui->window->actions()->selectedIds().isEmpty());
    QCOMPARE(m_gui->window->details()->accountId(), QString());

    m_gui->window->searchField()->clear();
    m_gui->select(b2b);
    QCOMPARE(m_gui->window->details()->accountId(), b2b);
    m_gui->window->attentionFilter()->setChecked(true); // neither needs attention
    QCOMPARE(m_gui->window->proxy()->rowCount(), 0);
    QCOMPARE(m_gui->window->details()->accountId(), QString());
}

void TestMainWindowSelection::tabIntoTheTableSelectsARow()
{
    m_gui->addDemoAccount(QStringLiteral("b2b-api"), {}, QStringLiteral("alpha"));
    const QString beta = m_gui->addDemoAccount(QStringLiteral("partner-api"), {}, QStringLiteral("beta"));
    m_gui->window->activateWindow();
    m_gui->window->searchField()->setFocus(Qt::ShortcutFocusReason);
    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("beta"));
    QVERIFY(m_gui->window->actions()->selectedIds().isEmpty());

    m_gui->window->table()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_gui->window->table()->hasFocus());
    QCOMPARE(m_gui->window->actions()->selectedIds(), QStringList{beta});
    QCOMPARE(m_gui->window->details()->accountId(), beta);
    QVERIFY(m_gui->window->actions()->loginAction()->isEnabled());

    // Only the keyboard: a click chooses for itself, and the window coming back or a menu or dialog closing
    // must not choose a row that Delete or Log out would then act on.
    for (const Qt::FocusReason reason : {Qt::MouseFocusReason, Qt::ActiveWindowFocusReason, Qt::PopupFocusReason,
                                         Qt::OtherFocusReason}) {
        m_gui->window->table()->clearSelection();
        m_gui->window->searchField()->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(m_gui->window->searchField()->hasFocus());
        m_gui->window->table()->setFocus(reason);
        QTRY_VERIFY(m_gui->window->table()->hasFocus());
        QVERIFY2(m_gui->window->actions()->selectedIds().isEmpty(), qPrintable(QString::number(reason)));
    }
}

void TestMainWindowSelection::stateColumnFitsEveryState()
{
    m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QTableView *table = m_gui->window->table();
    const int width = table->columnWidth(AccountModel::StateColumn);
    for (const TokenState state : {TokenState::SignedOut, TokenState::LoggingIn, TokenState::Valid,
                                   TokenState::Refreshing, TokenState::Expired, TokenState::Failed,
                                   TokenState::RateLimited}) {
        const int text = table->fontMetrics().horizontalAdvance(tokenStateText(state));
        QVERIFY2(text + 16 < width, qPrintable(tokenStateText(state)));
    }
}

// Every header label is shown whole, with room for the sort indicator, as Qt's header measures it.
void TestMainWindowSelection::columnsFitTheirLabels()
{
    m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QTableView *table = m_gui->window->table();
    for (int column = 0; column + 1 < AccountModel::ColumnCount; ++column) { // the last one stretches
        const QString label = table->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(table->horizontalHeader()->sectionSizeHint(column) <= table->columnWidth(column),
                 qPrintable(QStringLiteral("%1: %2 > %3").arg(label).arg(table->horizontalHeader()->sectionSizeHint(column))
                                .arg(table->columnWidth(column))));
    }
}

void TestMainWindowSelection::lookAlikeHostShownInAceForm()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    std::optional<Account> account = m_gui->core->accounts()->account(id);
    QVERIFY(account);
    account->baseUrl = QUrl(QStringLiteral("https://xn--pypal-4ve.com/api")); // Cyrillic а in "pаypal"
    QVERIFY(m_gui->core->accounts()->update(*account));
    m_gui->select(id);
    QTRY_VERIFY(m_gui->window->details()->text().contains(QStringLiteral("xn--pypal-4ve.com")));
    QVERIFY(!m_gui->window->details()->text().contains(QStringLiteral("p\u0430ypal")));

    const int row = m_gui->window->model()->rowOf(id);
    const QModelIndex url = m_gui->window->model()->index(row, AccountModel::BaseUrlColumn);
    QCOMPARE(url.data().toString(), QStringLiteral("https://xn--pypal-4ve.com/api"));
    QCOMPARE(url.data(Qt::ToolTipRole).toString(), QStringLiteral("https://xn--pypal-4ve.com/api"));
    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("xn--pypal"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 1);
}

QTEST_MAIN(TestMainWindowSelection)
#include "tst_mainwindowselection.moc"
