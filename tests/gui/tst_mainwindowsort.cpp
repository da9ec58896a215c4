// The main window's sort, offscreen, against the demo providers: a click on a column header sorts the rows
// and keeps the selection; the sort column and order (and a column's width) are saved and restored with
// the window's layout. The rest of the window: tst_mainwindow.
#include "MainWindowTest.h"

#include "AccountModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindowSort : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void remembersLayout();
    void headerClicksSortAndKeepTheSelection();
};

void TestMainWindowSort::init()
{
    setUp(GuiFixture::Server);
}

void TestMainWindowSort::cleanup()
{
    tearDown();
}

void TestMainWindowSort::remembersLayout()
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    {
        MainWindow window(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Normal);
        window.restoreState();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.table()->setColumnWidth(AccountModel::BaseUrlColumn, 333);
        window.table()->sortByColumn(AccountModel::AccessExpiryColumn, Qt::DescendingOrder);
        window.close();
    }
    MainWindow again(m_gui->core.get(), m_gui->clipboard.get(), MainWindow::Mode::Normal);
    again.restoreState();
    QCOMPARE(again.table()->columnWidth(AccountModel::BaseUrlColumn), 333);
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorSection(), int(AccountModel::AccessExpiryColumn));
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(again.model()->sortColumn(), int(AccountModel::AccessExpiryColumn)); // the rows too, not just the arrow
    QCOMPARE(again.model()->sortOrder(), Qt::DescendingOrder);
}

// A click on a header sorts the rows by that column (again: the other way round); the current and
// selected account stay current and selected wherever their rows go, also when a rename moves them.
void TestMainWindowSort::headerClicksSortAndKeepTheSelection()
{
    const QString b2b = m_gui->addDemoAccount(QStringLiteral("b2b-api"));       // demo-b2b
    const QString kyc = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"));       // demo-kyc
    const QString quadrata = m_gui->addDemoAccount(QStringLiteral("quadrata")); // demo-quadrata
    QTableView *table = m_gui->window->table();
    QHeaderView *header = table->horizontalHeader();
    const auto shown = [table] {
        QStringList ids;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            ids.append(table->model()->index(r, 0).data(AccountModel::AccountIdRole).toString());
        return ids;
    };
    const auto clickHeader = [header](int column) {
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    };
    QCOMPARE(shown(), (QStringList{b2b, kyc, quadrata})); // by name, as the window starts
    m_gui->select(kyc);
    clickHeader(AccountModel::NameColumn);
    QCOMPARE(header->sortIndicatorSection(), int(AccountModel::NameColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(shown(), (QStringList{quadrata, kyc, b2b}));
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);

    QVERIFY(m_gui->core->accounts()->modify(kyc, [](Account &a) { a.name = QStringLiteral("zz-kyc"); }).ok);
    QCOMPARE(shown(), (QStringList{kyc, quadrata, b2b}));
    QCOMPARE(table->currentIndex().row(), 0);
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);
    QCOMPARE(m_gui->window->actions()->selectedIds(), QStringList{kyc});

    clickHeader(AccountModel::ProviderColumn); // B2B API, KYC JWT, Quadrata
    QCOMPARE(header->sortIndicatorSection(), int(AccountModel::ProviderColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(shown(), (QStringList{b2b, kyc, quadrata}));
    QCOMPARE(m_gui->window->actions()->selectedIds(), QStringList{kyc});
    clickHeader(AccountModel::ProviderColumn);
    QCOMPARE(shown(), (QStringList{quadrata, kyc, b2b}));
    QCOMPARE(table->currentIndex().data(AccountModel::AccountIdRole).toString(), kyc);
}

QTEST_MAIN(TestMainWindowSort)
#include "tst_mainwindowsort.moc"
