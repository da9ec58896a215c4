#pragma once

// The desktop parts a GUI test drives: a demo core (CoreServices in memory: no config file, secrets in
// memory) and the ClipboardGuard on the real clipboard, plus the parts a test asks for: the main window
// in demo mode (its layout stays out of the user's settings), the AccountEditor wired to it as the
// application wires it, an in-process demo provider server, settings in a fresh INI file, the
// ExpiryNotifier and a manual clock for the core. One fixture a test case: make it in init(), reset it in
// cleanup(). Link tokendesk_ui.

#include "AccountActions.h"
#include "AccountEditor.h"
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "ExpiryNotifier.h"
#include "MainWindow.h"
#include "accounts/Account.h"
#include "accounts/AccountStore.h"
#include "accounts/MemorySecretStore.h"
#include "accounts/SecretStore.h"
#include "auth/Clock.h"
#include "demo/DemoServer.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct GuiFixture
{
    enum Part {
        Window = 0x1,     // the main window (not shown yet)
        Editor = 0x2,     // the AccountEditor for the window's add, edit, duplicate and credential requests
        Server = 0x4,     // the demo provider server, listening
        Settings = 0x8,   // AppSettings over a QSettings file in dir (new for every fixture, so empty)
        Notifier = 0x10,  // the ExpiryNotifier
        ManualTime = 0x20, // the core's clock is `clock`, a ManualClock that starts at now
        OnDisk = 0x40      // the accounts in a real file under dir/config (watched); secrets still in memory
    };

    explicit GuiFixture(int parts)
    {
        QVERIFY2(dir.isValid(), "temporary directory");
        if (parts & Server) {
            server = std::make_unique<DemoServer>();
            QVERIFY2(server->listen(), qPrintable(server->errorString()));
        }
        if (parts & Settings) {
            qsettings = std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
            settings = std::make_unique<AppSettings>(qsettings.get());
        }
        CoreOptions options;
        options.inMemory = !(parts & OnDisk);
        if (parts & OnDisk) {
            options.configDirectory = dir.filePath(QStringLiteral("config/tokendesk"));
            memorySecrets = std::make_unique<MemorySecretStore>();
            options.secrets = memorySecrets.get();
        }
        if (parts & ManualTime) {
            clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
            options.clock = clock.get();
        }
        core = std::make_unique<CoreServices>(options);
        clipboard = std::make_unique<ClipboardGuard>(QGuiApplication::clipboard());
        if (parts & (Window | Editor))
            window = std::make_unique<MainWindow>(core.get(), clipboard.get(), MainWindow::Mode::Demo);
        if (parts & Editor) {
            editor = std::make_unique<AccountEditor>(core.get(), window.get());
            AccountEditor *e = editor.get();
            QObject::connect(window.get(), &MainWindow::addAccountRequested, e, [e] { e->addAccount(); });
            QObject::connect(window->actions(), &AccountActions::editRequested, e,
                             &AccountEditor::editAccount);
            QObject::connect(window->actions(), &AccountActions::duplicateRequested, e,
                             &AccountEditor::duplicateAccount);
            QObject::connect(window->actions(), &AccountActions::credentialNeeded, e, &AccountEditor::enterCredential);
            QObject::connect(e, &AccountEditor::credentialPromptsCancelled, window->actions(),
                             &AccountActions::credentialPromptsCancelled);
        }
        if (parts & Notifier)
            notifier = std::make_unique<ExpiryNotifier>(core->accounts(), core->tokens(), core->clock());
    }

    QString settingsFile() const { return dir.filePath(QStringLiteral("settings.ini")); }

    // Adds the demo account of `presetId` at the demo server (needs Server), named `name` if one is given,
    // with its credential stored: the demo's own, or `secret` if one is given. Returns its id.
    QString addDemoAccount(const QString &presetId, const QByteArray &secret = {}, const QString &name = {})
    {
        for (const DemoAccount &d : DemoServer::demoAccounts()) {
            if (d.presetId != presetId)
                continue;
            Account a;
            a.id = Account::newId();
            a.name = name.isEmpty() ? d.accountName : name;
            a.providerId = presetId;
            a.baseUrl = server->baseUrl(presetId);
            a.username = d.username;
            bool done = false;
            core->secrets()->write(a.id, SecretKind::Credential, secret.isEmpty() ? d.secret : secret,
                                   nullptr, [&done](const SecretResult &) { done = true; });
            [&] { QTRY_VERIFY(done); }();
            core->accounts()->add(a);
            return a.id;
        }
        return {};
    }

    // Makes `id` the window's selected account and checks that the window's actions act on it alone.
    void select(const QString &id)
    {
        window->selectAccount(id);
        QCOMPARE(window->actions()->selectedIds(), QStringList{id});
    }

    static QPushButton *okButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    // Declared in the order they are made; destroyed the other way round, the window before the core.
    QTemporaryDir dir;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<MemorySecretStore> memorySecrets;
    std::unique_ptr<DemoServer> server;
    std::unique_ptr<QSettings> qsettings;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<CoreServices> core;
    std::unique_ptr<ClipboardGuard> clipboard;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<AccountEditor> editor;
    std::unique_ptr<ExpiryNotifier> notifier;
};
