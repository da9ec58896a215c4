// The .ts files are complete: every message translated, nothing vanished, plurals with all their forms
// (in the English, plural-only file too),
// the same placeholders and accelerators as the source, and running lupdate over the sources now (through
// scripts/update-translations.sh, as a developer would) leaves nothing new to translate.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations; // one, or one per numerus form

    QString key() const { return context + QChar(0) + source + QChar(0) + comment; }
    QString describe() const {
        return QStringLiteral("%1: \"%2\"%3")
            .arg(context, source, comment.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(comment));
    }
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTsFile(const QString &path) {
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement()) {
            if (xml.name() == u"message")
                ts.messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations = {xml.readElementText()};
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        ts.error = xml.errorString();
    return ts;
}

// %1…%99, %L1 and %n, each counted once.
QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.insert(m.captured(0));
    return found;
}

// Keyboard accelerators: a single '&' before a character ("&&" is a literal ampersand).
int accelerators(const QString &text) {
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) != u'&')
                ++count;
            ++i;
        }
    }
    return count;
}

QString sorted(const QSet<QString> &set) {
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QLatin1Char(' '));
}

// Plural forms Qt expects per language (the ones shipped or likely next); others fall back to "at least 1".
int numerusForms(const QString &language) {
    const QString lang = language.section(QLatin1Char('_'), 0, 0);
    if (lang == u"ja" || lang == u"zh" || lang == u"ko" || lang == u"tr")
        return 1;
    if (lang == u"pl" || lang == u"ru" || lang == u"uk" || lang == u"cs")
        return 3;
    return 2; // de, en, fr, es, it, nl, …
}

QString sourceDir() {
    return qEnvironmentVariable("TOKENDESK_SOURCE_DIR", QStringLiteral(TOKENDESK_SOURCE_DIR));
}

QStringList tsFiles() {
    const QDir dir(sourceDir() + QStringLiteral("/translations"));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("tokendesk_*.ts")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

} // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void committedFileIsComplete_data();
    void committedFileIsComplete();
    void lupdateFindsNothingNew_data();
    void lupdateFindsNothingNew();
    void everyTrCallHasAContext();

private:
    QString m_lupdateOutput;
    bool m_lupdateRan = false;
    QTemporaryDir m_tmp;
    QHash<QString, QString> m_updated; // committed .ts → its updated temporary copy
    void runUpdateScript();
};

void TestTranslationFiles::initTestCase() {
    QVERIFY2(!tsFiles().isEmpty(),
             qPrintable(QStringLiteral("no translations/tokendesk_*.ts under ") + sourceDir()));
    QVERIFY(m_tmp.isValid());
}

void TestTranslationFiles::committedFileIsComplete_data() {
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslationFiles::committedFileIsComplete() {
    QFETCH(QString, path);
    const TsFile ts = readTsFile(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    const int forms = numerusForms(ts.language);
    // The source language's file (lupdate -pluralonly) holds the plural forms of the %n messages and nothing
    // else: a singular message there would be a stale copy of the source.
    const bool pluralOnly = QFileInfo(path).fileName() == u"tokendesk_en.ts";
    QStringList problems;
    for (const Message &m : ts.messages) {
        if (pluralOnly && !m.numerus) {
            problems << QStringLiteral("not a plural message in the plural-only file: %1").arg(m.describe());
            continue;
        }
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 entry: %2").arg(m.type, m.describe());
            continue;
        }
        if (m.numerus && m.translations.size() != forms)
            problems << QStringLiteral("%1 of %2 plural forms: %3")
                            .arg(m.translations.size())
                            .arg(forms)
                            .arg(m.describe());
        for (const QString &t : m.translations) {
            if (t.isEmpty()) {
                problems << QStringLiteral("empty translation: %1").arg(m.describe());
                continue;
            }
            const QSet<QString> want = placeholders(m.source);
            const QSet<QString> got = placeholders(t);
            if (want != got)
                problems << QStringLiteral("placeholders %1 in the source, %2 in \"%3\": %4")
                                .arg(sorted(want), sorted(got), t, m.describe());
            if (accelerators(m.source) != accelerators(t))
                problems << QStringLiteral("%1 accelerator(s) in the source, %2 in \"%3\": %4")
                                .arg(accelerators(m.source))
                                .arg(accelerators(t))
                                .arg(t, m.describe());
        }
    }
    for (const QString &p : std::as_const(problems))
        qWarning().noquote() << p;
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2 (listed above)")
                                                .arg(problems.size())
                                                .arg(QFileInfo(path).fileName())));
}

void TestTranslationFiles::runUpdateScript() {
    if (m_lupdateRan)
        return;
    m_lupdateRan = true;
    QStringList copies;
    for (const QString &path : tsFiles()) {
        const QString copy = m_tmp.filePath(QFileInfo(path).fileName());
        QVERIFY(QFile::copy(path, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        m_updated.insert(path, copy);
        copies << copy;
    }
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUPDATE"), QStringLiteral(TOKENDESK_LUPDATE));
    script.setProcessEnvironment(env);
    script.setProcessChannelMode(QProcess::MergedChannels);
    // timeout(1) runs the script in a process group of its own and signals the whole group, so a
    // lupdate that hangs is ended with the script instead of being left spinning after this test.
    script.start(QStringLiteral("timeout"),
                 QStringList{QStringLiteral("--kill-after=5"), QStringLiteral("80"), QStringLiteral("bash"),
                             sourceDir() + QStringLiteral("/scripts/update-translations.sh")}
                     + copies);
    QVERIFY2(script.waitForFinished(90000), "update-translations.sh did not finish");
    m_lupdateOutput = QString::fromUtf8(script.readAll());
    QVERIFY2(script.exitCode() != 124 && script.exitCode() != 137,
             "update-translations.sh did not finish within 80 s and was stopped with its lupdate");
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
             qPrintable(m_lupdateOutput));
}

void TestTranslationFiles::lupdateFindsNothingNew_data() {
    committedFileIsComplete_data();
}

void TestTranslationFiles::lupdateFindsNothingNew() {
    QFETCH(QString, path);
    runUpdateScript();
    QVERIFY(m_updated.contains(path));
    const TsFile before = readTsFile(path);
    const TsFile after = readTsFile(m_updated.value(path));
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));

    QSet<QString> now;
    QStringList problems;
    for (const Message &m : after.messages) {
        now.insert(m.key());
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1 after lupdate (new or changed in the sources): %2")
                            .arg(m.type, m.describe());
    }
    for (const Message &m : before.messages) {
        if (!now.contains(m.key()))
            problems << QStringLiteral("vanished from the sources: %1").arg(m.describe());
    }
    for (const QString &p : std::as_const(problems))
        qWarning().noquote() << p;
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 entr(y/ies) out of date in %2: run scripts/update-translations.sh and "
                                  "translate what it lists")
                       .arg(problems.size())
                       .arg(QFileInfo(path).fileName())));
}

void TestTranslationFiles::everyTrCallHasAContext() {
    runUpdateScript();
    QStringList problems;
    for (const QString &line : m_lupdateOutput.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("cannot be called without context")))
            problems << line;
    }
    for (const QString &p : std::as_const(problems))
        qWarning().noquote() << p;
    QVERIFY2(problems.isEmpty(),
             "tr() calls lupdate cannot place in a context (listed above): their strings are "
             "never translated. Use QCoreApplication::translate(\"Context\", …) there.");
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
