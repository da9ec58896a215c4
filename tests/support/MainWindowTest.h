#pragma once

// The base of the tests that drive the main window: a GuiFixture with the window shown, new for every test
// case (setUp and tearDown, called from init and cleanup), and the clipboard left empty for the next one.
// Link tokendesk_ui.

#include "GuiFixture.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTest>

#include <memory>

class MainWindowTest : public QObject
{
protected:
    // Makes the fixture with the main window and `parts` (GuiFixture::Part), and shows the window.
    void setUp(int parts)
    {
        m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | parts);
        m_gui->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_gui->window.get()));
    }

    void tearDown()
    {
        m_gui.reset();
        QGuiApplication::clipboard()->clear();
    }

    std::unique_ptr<GuiFixture> m_gui;
};
