#include "Output.h"

#include "CliText.h"
#include "accounts/SecretStore.h"

#include <QJsonDocument>

#include <cerrno>

Output::Output(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err) {}

void Output::data(const QByteArray &bytes) {
    if (m_outError != 0)
        return; // the output is already incomplete: what follows must not pretend otherwise
    errno = 0;
    const bool ok = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out) == size_t(bytes.size()) &&
                    std::fputc('\n', m_out) != EOF && std::fflush(m_out) == 0 && !std::ferror(m_out);
    if (!ok)
        m_outError = errno != 0 ? errno : EIO;
}

QString Output::outputError() const {
    return m_outError == 0 ? QString() : tr("Could not write the output: %1").arg(qt_error_string(m_outError));
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

namespace {

// East Asian wide and full-width characters, which a terminal draws two columns wide (the blocks of
// Unicode's EastAsianWidth W and F that names use: Hangul, CJK, kana, full-width forms, emoji).
bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// How many terminal columns `text` takes: combining marks and format characters none, wide ones two.
qsizetype columns(const QString &text) {
    qsizetype n = 0;
    for (const char32_t c : text.toUcs4()) {
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
            break;
        default:
            n += isWide(c) ? 2 : 1;
        }
    }
    return n;
}

} // namespace

void Output::table(const QList<QStringList> &rows) {
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = qMax(widths[i], columns(row[i]));
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += QString(widths[i] + 2 - columns(row[i]), QLatin1Char(' '));
        }
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
