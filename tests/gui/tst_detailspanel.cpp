// The details panel on its own, against the real core and the demo providers.

#include "CoreFixture.h"
#include "DetailsPanel.h"
#include "demo/DemoCredentials.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDetailsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rateLimitSaysWhenTheWaitIsOver();
    void logoutHidesTheLoginExtras();
};

// A refused login's message speaks of the wait ("sends nothing before then"). Once the wait is over the
// panel says so, without the account being selected again.
void TestDetailsPanel::rateLimitSaysWhenTheWaitIsOver()
{
    ManualClock clock;
    CoreFixture f(nullptr, &clock);
    const QString id = f.addAccount(u"b2b-api"_s, {}, DemoCredentials::b2bRateLimitedUsername());
    QCOMPARE(f.login(id).error.kind, AuthError::Kind::RateLimited);
    const QDateTime until = f.account(id).token.rateLimitedUntil;
    QVERIFY(until > clock.now());

    DetailsPanel panel(f.store.get(), f.secrets, &f.registry, &clock);
    panel.showAccount(id);
    QVERIFY2(panel.text().contains(u"sends nothing before then"_s), qPrintable(panel.text()));
    const QString ended = u"The wait ended"_s;
    QVERIFY(!panel.text().contains(ended));

    // Shortly before the end, shown again: the panel wakes up by itself when the time comes.
    clock.set(until.addMSecs(-100));
    panel.showAccount(id);
    QVERIFY(!panel.text().contains(ended));
    clock.set(until.addSecs(1));
    QTRY_VERIFY2(panel.text().contains(ended), qPrintable(panel.text()));
    QVERIFY(panel.text().contains(u"sends nothing before then"_s)); // the message itself is kept
}

// The login's extras (b2b-api returns a client_id) belong to the session: after a logout the panel no
// longer lists them for the signed-out account.
void TestDetailsPanel::logoutHidesTheLoginExtras()
{
    CoreFixture f;
    const QString id = f.addAccount(u"b2b-api"_s);
    QVERIFY(!f.login(id).error);
    DetailsPanel panel(f.store.get(), f.secrets, &f.registry, f.clock);
    panel.showAccount(id);
    const QString heading = u"Returned by the login"_s;
    QTRY_VERIFY2(panel.text().contains(heading), qPrintable(panel.text()));
    QVERIFY(panel.text().contains(u"client_id"_s));

    QVERIFY(!f.logout(id).error);
    panel.showAccount(id);
    QTRY_VERIFY2(!panel.text().contains(heading), qPrintable(panel.text()));
    QVERIFY(!panel.text().contains(u"client_id"_s));
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
