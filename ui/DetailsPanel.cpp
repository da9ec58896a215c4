#include "DetailsPanel.h"

#include "AccountModel.h"
#include "accounts/AccountStore.h"
#include "accounts/SecretStore.h"
#include "auth/Clock.h"
#include "providers/Jwt.h"
#include "providers/ProviderRegistry.h"

#include <QEvent>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPalette>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Secondary text: halfway between the text and the background, so it reads on light and dark palettes alike
// (palette(mid) is darker than a dark palette's background).
QString dimColor()
{
    const QPalette p = QGuiApplication::palette();
    const QColor text = p.color(QPalette::Text);
    const QColor base = p.color(QPalette::Base);
    const auto mix = [](int a, int b) { return (a * 62 + b * 38) / 100; };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()), mix(text.blue(), base.blue()))
        .name(QColor::HexRgb);
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='color:%3;padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(esc(label), valueHtml, dimColor());
}

// The history stores the operation as a key ("login", "refresh", "logout"); people read it in their language.
QString operationName(const QString &key)
{
    if (key == u"login")
        return DetailsPanel::tr("login", "history: the operation");
    if (key == u"refresh")
        return DetailsPanel::tr("refresh", "history: the operation");
    if (key == u"logout")
        return DetailsPanel::tr("logout", "history: the operation");
    return key;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? esc(QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)) : QStringLiteral("—");
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QStringLiteral("null");
}
} // namespace

DetailsPanel::DetailsPanel(AccountStore *accounts, SecretStore *secrets, const ProviderRegistry *providers,
                           const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_providers(providers)
    , m_clock(clock)
    , m_view(new QTextBrowser(this))
    , m_waitEnd(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setOpenLinks(false);
    m_view->setAccessibleName(tr("Account details"));
    m_view->viewport()->installEventFilter(this);
    m_waitEnd->setSingleShot(true);
    connect(m_waitEnd, &QTimer::timeout, this, [this] { showAccount(m_accountId); });
    connect(m_accounts, &AccountStore::accountChanged, this, [this](const QString &id) {
        if (id == m_accountId)
            showAccount(id);
    });
    connect(m_accounts, &AccountStore::accountRemoved, this, [this](const QString &id) {
        if (id == m_accountId)
            showAccount({});
    });
    showAccount({});
}

QString DetailsPanel::text() const
{
    return m_view->toPlainText();
}

void DetailsPanel::showAccount(const QString &accountId)
{
    m_accountId = accountId;
    m_readPending = false; // a read queued for the account shown before must not run for this one
    const int generation = ++m_generation;
    const auto account = accountId.isEmpty() ? std::nullopt : m_accounts->account(accountId);
    if (!account) {
        m_view->setHtml(QStringLiteral("<p style='color:%1'>%2</p>")
                            .arg(dimColor())
                            .arg(esc(tr("Select an account to see its token, "
                                        "profile and history."))));
        return;
    }
    render({});
    rerenderWhenWaitEnds(account->token);
    m_readPending = account->token.hasAccessToken;
    if (m_readPending && m_painted)
        readToken(generation);
}

// A rate limit's message speaks of the wait; when it ends, show the account again so the panel says so.
void DetailsPanel::rerenderWhenWaitEnds(const TokenMeta &token)
{
    const qint64 left = token.rateLimitedUntil.isValid() ? m_clock->now().msecsTo(token.rateLimitedUntil) : -1;
    if (left < 0) {
        m_waitEnd->stop();
        return;
    }
    m_waitEnd->start(int(qMin<qint64>(left + 1, 24LL * 3600 * 1000)));
}

// The token is read when it is shown, never at start-up: not before the panel has first been painted (the
// window's first frame does not wait for the keychain, 7 M instructions), and not while it never was.
bool DetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && watched == m_view->viewport() && event->type() == QEvent::Paint) {
        m_painted = true;
        if (m_readPending) // after this paint, not in it
            QMetaObject::invokeMethod(this, [this, generation = m_generation] { readToken(generation); },
                                      Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void DetailsPanel::readToken(int generation)
{
    if (generation != m_generation || !m_readPending)
        return; // another account was shown meanwhile, and read if need be
    m_readPending = false;
    m_secrets->read(m_accountId, SecretKind::AccessToken, this, [this, generation](const SecretResult &r) {
        if (generation == m_generation && r.ok())
            render(r.data);
    });
}

void DetailsPanel::render(const QByteArray &accessToken)
{
    const auto account = m_accounts->account(m_accountId);
    if (!account)
        return;
    const ProviderProfile *profile = m_providers->find(account->providerId);
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(account->name));
    html += QStringLiteral("<p>%1 · %2</p>").arg(esc(profile ? profile->name : account->providerId),
                                                 esc(displayedUrl(account->baseUrl)));
    html += accountSection(*account);
    html += tokenSection(*account, accessToken);
    html += historySection(*account);
    m_view->setHtml(html);
}

QString DetailsPanel::accountSection(const Account &account) const
{
    const TokenMeta &t = account.token;
    QString html;
    if (t.lastError) {
        html += QStringLiteral("<h4 style='color:#d32f2f'>%1</h4><p>%2</p>").arg(esc(tr("Last error")), esc(t.lastError.message));
        if (!t.lastError.providerMessage.isEmpty())
            html += QStringLiteral("<p>%1 <i>%2</i></p>").arg(esc(tr("Provider said:")), esc(t.lastError.providerMessage));
        html += QStringLiteral("<p style='color:%1'>%2</p>").arg(dimColor()).arg(when(t.lastErrorAt));
        // The message was written during the wait ("sends nothing before then"); once it is over, say so.
        if (t.lastError.kind == AuthError::Kind::RateLimited && t.rateLimitedUntil.isValid()
            && t.rateLimitedUntil <= m_clock->now())
            html += QStringLiteral("<p>%1</p>").arg(esc(tr("The wait ended on %1; TokenDesk may send again.")
                                                            .arg(when(t.rateLimitedUntil))));
    }
    if (t.passwordExpiresAt.isValid()) {
        const qint64 days = m_clock->now().daysTo(t.passwordExpiresAt);
        const bool soon = days < AccountModel::kPasswordWarningDays;
        const QString text = days < 0 ? tr("The password expired on %1. Change it at the provider.").arg(when(t.passwordExpiresAt))
                                      : tr("The password expires on %1 (in %n day(s)).", nullptr, int(days)).arg(when(t.passwordExpiresAt));
        html += QStringLiteral("<p style='%1'>%2</p>").arg(soon ? QStringLiteral("color:#b45309;font-weight:bold") : QString(), text);
    }
    // The fields belong to the session the login opened: a signed-out account has none to show (the
    // file keeps them until the next login replaces them).
    if (!t.extras.isEmpty() && (t.hasAccessToken || t.hasRefreshToken)) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(esc(tr("Returned by the login")));
        for (auto it = t.extras.begin(); it != t.extras.end(); ++it)
            html += row(it.key(), esc(jsonText(it.value())));
        html += QStringLiteral("</table>");
    }
    return html;
}

QString DetailsPanel::tokenSection(const Account &account, const QByteArray &accessToken) const
{
    const TokenMeta &t = account.token;
    QString html = QStringLiteral("<h4>%1</h4><table>").arg(esc(tr("Token", "details heading")));
    html += row(tr("Obtained", "token: when"), when(t.accessObtainedAt));
    html += row(tr("Expires", "token: when"), t.hasAccessToken && !t.accessExpiresAt.isValid()
                                                  ? esc(tr("unknown", "expiry"))
                                                  : when(t.accessExpiresAt));
    if (t.hasRefreshToken)
        html += row(tr("Refresh token expires"), when(t.refreshExpiresAt));
    html += QStringLiteral("</table>");
    if (accessToken.isEmpty())
        return html;
    const JwtInfo jwt = JwtInfo::decode(accessToken);
    if (!jwt.isJwt) {
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(dimColor())
                    .arg(esc(tr("The token is not a JWT: nothing to decode.")));
        return html;
    }
    html += QStringLiteral("<p style='color:%1'>%2</p>")
                .arg(dimColor())
                .arg(esc(tr("Decoded from the token for information only; "
                            "the signature is not checked.")));
    html += QStringLiteral("<h4>%1</h4><table>").arg(esc(tr("JWT header")));
    for (auto it = jwt.header.begin(); it != jwt.header.end(); ++it)
        html += row(it.key(), esc(jsonText(it.value())));
    html += QStringLiteral("</table><h4>%1</h4><table>").arg(esc(tr("JWT claims")));
    const QStringList named{QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"), QStringLiteral("iat"),
                            QStringLiteral("nbf"), QStringLiteral("exp")};
    const QStringList labels{
        tr("Issuer", "JWT claim"), tr("Subject", "JWT claim"), tr("Audience", "JWT claim"),
        tr("Issued at"),           tr("Not before"),           tr("Expires at")};
    for (qsizetype i = 0; i < named.size(); ++i) {
        const QJsonValue v = jwt.claims.value(named[i]);
        if (v.isUndefined())
            continue;
        const auto date = i >= 3 ? JwtInfo::numericDate(v) : std::nullopt;
        html += row(labels[i], date ? when(*date) : esc(jsonText(v)));
    }
    for (auto it = jwt.claims.begin(); it != jwt.claims.end(); ++it) {
        if (!named.contains(it.key()))
            html += row(it.key(), esc(jsonText(it.value())));
    }
    html += QStringLiteral("</table>");
    return html;
}

QString DetailsPanel::historySection(const Account &account) const
{
    if (account.token.history.isEmpty())
        return {};
    QString html = QStringLiteral("<h4>%1</h4><table>").arg(esc(tr("Recent logins and refreshes")));
    for (auto it = account.token.history.crbegin(); it != account.token.history.crend(); ++it) {
        const QString result =
            it->result == AuthError::Kind::None ? tr("OK", "history: the operation succeeded") : it->message;
        html += row(when(it->at), esc(operationName(it->operation)) + QStringLiteral(" — ") + esc(result));
    }
    html += QStringLiteral("</table>");
    return html;
}
