#pragma once

// What every CLI test does before and after each test function.

#include "CliHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#define CLI_SKIP_WITHOUT_KEYRING()                                                                           \
    do {                                                                                                     \
        if (qEnvironmentVariableIntValue("TOKENDESK_TEST_KEYRING") != 1)                                     \
            QSKIP("needs the private Secret Service of scripts/test.sh (TOKENDESK_TEST_KEYRING=1)");         \
    } while (false)

// Runs `run` once and checks that it finished with `code`; on failure shows its stdout and stderr.
#define CLI_EXPECT(run, code)                                                                                \
    do {                                                                                                     \
        const CliRun cliRun_ = (run);                                                                        \
        QVERIFY2(cliRun_.finished &&cliRun_.exitCode == (code), cliRun_.describe().constData());             \
    } while (false)

// After each test: no secret in any file under the XDG directories or on any stderr; then the accounts
// go, keychain entries included, so the shared test keyring stays clean.
inline void verifyNoSecretsAndClean(CliHarness &cli) {
    const QStringList files = cli.filesWithSecrets();
    const QByteArray onStderr = cli.secretOnStderr();
    cli.removeAllAccounts();
    QVERIFY2(files.isEmpty(),
             qPrintable(QStringLiteral("secret found in: ") + files.join(QStringLiteral(", "))));
    QVERIFY2(onStderr.isEmpty(), "a secret was printed on stderr");
}

inline QJsonDocument parseJson(const QByteArray &bytes) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), bytes.constData());
    return doc;
}

inline QStringList sortedKeys(const QJsonObject &object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}
