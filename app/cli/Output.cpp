#include "Output.h"

#include "CliText.h"
#include "accounts/SecretStore.h"

#include <QJsonDocument>

Output::Output(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err) {}

void Output::data(const QByteArray &bytes) {
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void Output::text(const QString &text) {
    data(text.toUtf8());
}

void Output::json(const QJsonDocument &document) {
    QByteArray bytes = document.toJson(QJsonDocument::Indented);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    data(bytes);
}

void Output::table(const QList<QStringList> &rows) {
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = qMax(widths[i], row[i].size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text(line);
    }
}

void Output::note(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fputc('\n', m_err);
    std::fflush(m_err);
}

void Output::error(const QString &text) {
    note(QStringLiteral("tokendesk-cli: ") + text);
}

ExitCode Output::authError(const AuthError &e, const QString &accountName) {
    const bool defaultText = e.message.isEmpty() || e.message == AuthError::defaultMessage(e.kind);
    if (e.kind == AuthError::Kind::MissingCredential && defaultText && !accountName.isEmpty())
        error(tr("No API key or password was found for this account in the keychain. If the keychain is "
                 "locked, unlock it; otherwise store the secret again: tokendesk-cli credential %1")
                  .arg(CliText::shellQuoted(accountName)));
    else
        error(defaultText ? AuthError::defaultMessage(e.kind) : e.message);
    if (!e.providerMessage.isEmpty() && !e.message.contains(e.providerMessage))
        error(tr("Provider said: %1").arg(e.providerMessage));
    if (e.kind == AuthError::Kind::RateLimited && e.retryAfter.isValid())
        error(tr("Try again after %1.").arg(isoUtc(e.retryAfter)));
    return exitCodeFor(e.kind);
}

ExitCode Output::keychainError(const SecretResult &result) {
    // The store's own sentence says what is wrong (locked, did not answer, no Secret Service); the general
    // "not available" is only for a failure that came without one. One of them, never both: they disagree.
    error(result.errorString.isEmpty() ? AuthError::defaultMessage(AuthError::Kind::Keychain)
                                       : result.errorString);
    return ExitCode::Keychain;
}

ExitCode Output::usage(const QString &problem, const QString &command) {
    error(problem);
    note(command.isEmpty() ? tr("Run 'tokendesk-cli --help' for usage.")
                           : tr("Run 'tokendesk-cli %1 --help' for usage.").arg(command));
    return ExitCode::Usage;
}

QJsonValue Output::isoOrNull(const QDateTime &instant) {
    return instant.isValid() ? QJsonValue(isoUtc(instant)) : QJsonValue(QJsonValue::Null);
}

QString Output::isoUtc(const QDateTime &instant) {
    return instant.toUTC().toString(Qt::ISODate);
}

QString Output::duration(qint64 seconds) {
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}
