#pragma once

// The base of the AccountModel tests: AccountModel and AccountFilterModel over the real core with a manual
// clock, and a QAbstractItemModelTester on each for the whole of every test case (setUp and tearDown,
// called from init and cleanup).

#include "CoreFixture.h"

#include "AccountFilterModel.h"
#include "AccountModel.h"

#include <QAbstractItemModelTester>

#include <memory>

class AccountModelTest : public QObject
{
protected:
    void setUp()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_f = std::make_unique<CoreFixture>(nullptr, m_clock.get());
        m_model = std::make_unique<AccountModel>(m_f->store.get(), m_f->manager.get(), &m_f->registry,
                                                 m_clock.get());
        m_proxy = std::make_unique<AccountFilterModel>();
        m_proxy->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void tearDown()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
        m_f.reset();
        m_clock.reset();
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CoreFixture> m_f;
    std::unique_ptr<AccountModel> m_model;
    std::unique_ptr<AccountFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};
