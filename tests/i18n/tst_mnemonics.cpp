// Alt+letter in each language: in the main window (menu titles, tabs, check boxes, buttons, labels of
// fields), in each of its menus and the row's context menu, and in the account dialog, no two items share
// a mnemonic. With a clash, the first press of the key does nothing visible (the black-box report's
// Alt+D for "&Datei" and the "&Details" tab).
#include "GuiFixture.h"

#include "AccountDialog.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTest>
#include <QToolButton>

#include <memory>

class TestMnemonics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unique_data();
    void unique();

private:
    static QChar mnemonic(const QString &text);
    static QStringList widgetTexts(const QWidget *top);
    static QStringList menuTexts(const QMenu *menu);
    static QStringList clashes(const QString &scope, const QStringList &texts);
};

QChar TestMnemonics::mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i; // "&&" is a literal ampersand
    }
    return {};
}

// What Alt+letter reaches in a window: the tab titles, buttons and the labels that name a field. Tool bar
// buttons show their action's text without a mnemonic.
QStringList TestMnemonics::widgetTexts(const QWidget *top)
{
    QStringList texts;
    for (const QTabBar *bar : top->findChildren<QTabBar *>()) {
        if (!bar->isVisibleTo(top))
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->isTabVisible(i))
                texts.append(bar->tabText(i));
        }
    }
    for (const QAbstractButton *button : top->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(top) && !qobject_cast<const QToolButton *>(button))
            texts.append(button->text());
    }
    for (const QLabel *label : top->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(top))
            texts.append(label->text());
    }
    return texts;
}

QStringList TestMnemonics::menuTexts(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (action->isVisible() && !action->isSeparator())
            texts.append(action->text());
    }
    return texts;
}

QStringList TestMnemonics::clashes(const QString &scope, const QStringList &texts)
{
    QHash<QChar, QString> seen;
    QStringList found;
    for (const QString &text : texts) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            continue;
        if (seen.contains(key))
            found.append(QStringLiteral("%1: Alt+%2 is both \"%3\" and \"%4\"").arg(scope, key, seen.value(key), text));
        else
            seen.insert(key, text);
    }
    return found;
}

void TestMnemonics::unique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestMnemonics::unique()
{
    QFETCH(QString, language);
    Translations translations;
    QVERIFY(translations.install(QLocale(language)));
    {
        GuiFixture gui(GuiFixture::Window | GuiFixture::Editor | GuiFixture::Server);
        // An account whose provider has auth headers: the window then has all its tabs.
        const QString id = gui.addDemoAccount(QStringLiteral("user-authheader"));
        gui.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(gui.window.get()));
        gui.select(id);

        QStringList found;
        QStringList windowTexts = widgetTexts(gui.window.get());
        for (const QAction *menu : gui.window->menuBar()->actions())
            windowTexts.append(menu->text());
        found += clashes(QStringLiteral("main window"), windowTexts);
        for (const QAction *title : gui.window->menuBar()->actions()) {
            if (title->menu())
                found += clashes(title->text(), menuTexts(title->menu()));
        }
        QMenu context;
        gui.window->actions()->populateMenu(&context);
        found += clashes(QStringLiteral("context menu"), menuTexts(&context));

        AccountDialog *dialog = gui.editor->editAccount(id);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        found += clashes(QStringLiteral("account dialog"), widgetTexts(dialog));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
