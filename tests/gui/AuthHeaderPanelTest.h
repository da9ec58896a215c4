#pragma once

// The base of the auth-header panel tests: a GUI fixture with the demo provider server and a demo
// "user-authheader" account, and the panel for it, shown and active, new for every test case (setUp and
// tearDown, called from init and cleanup); its widgets by object name, adding a header through them,
// selecting a row, and what the provider lists.

#include "GuiFixture.h"

#include "AuthHeaderModel.h"
#include "AuthHeaderPanel.h"
#include "admin/AuthHeaderClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <memory>

class AuthHeaderPanelTest : public QObject
{
protected:
    void setUp()
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

    void tearDown()
    {
        m_panel.reset();
        m_gui.reset();
        QGuiApplication::clipboard()->clear();
    }

    template<typename T>
    T *child(const QString &objectName) const
    {
        T *widget = m_panel->findChild<T *>(objectName);
        if (!widget)
            qWarning("no child named %s", qPrintable(objectName));
        return widget;
    }

    void click(const QString &objectName)
    {
        QAbstractButton *button = child<QAbstractButton>(objectName);
        QVERIFY(button);
        QTRY_VERIFY2(button->isEnabled() && button->isVisible(), qPrintable(objectName));
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void addThroughWidgets(const QString &name)
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

    int rowOf(const QString &name) const
    {
        for (int row = 0; row < m_panel->proxy()->rowCount(); ++row) {
            if (m_panel->proxy()->index(row, AuthHeaderModel::NameColumn).data().toString() == name)
                return row;
        }
        return -1;
    }

    void selectHeader(const QString &name)
    {
        const int row = rowOf(name);
        QVERIFY2(row >= 0, qPrintable(name));
        QTableView *table = m_panel->table();
        const QRect cell = table->visualRect(m_panel->proxy()->index(row, AuthHeaderModel::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(table->currentIndex().row(), row);
    }

    QList<AuthHeader> listAtProvider()
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

    int listRequests() const
    {
        int n = 0;
        for (const DemoRequest &r : m_gui->server->requests())
            n += r.path.endsWith("/authheader/list") ? 1 : 0;
        return n;
    }

    std::unique_ptr<GuiFixture> m_gui;
    std::unique_ptr<AuthHeaderPanel> m_panel;
    QString m_account;
};
