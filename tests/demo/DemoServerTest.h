#pragma once

// The base of the demo server's HTTP tests: a fresh server and client for every test case (setUp and
// tearDown, called from init and cleanup) and the URL of a preset's route.

#include "DemoHttp.h"
#include "demo/DemoServer.h"

#include <QTest>

#include <memory>

class DemoServerTest : public QObject {
protected:
    void setUp() {
        m_server = std::make_unique<DemoServer>();
        QVERIFY(m_server->listen());
        m_http = std::make_unique<DemoHttp>();
    }

    void tearDown() {
        m_http.reset();
        m_server.reset();
    }

    QUrl url(const QString &preset, const QString &route) const {
        return DemoHttp::at(m_server->baseUrl(preset), route);
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<DemoHttp> m_http;
};
