#include "providers/JsonPointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The example document of RFC 6901 section 5, plus nesting for the providers' own pointers.
QJsonObject rfcDocument() {
    // Built in code rather than from JSON text: every key below is exactly what RFC 6901 lists.
    QJsonObject data{{u"accessToken"_s, u"tok"_s},
                     {u"type"_s, u"login"_s},
                     {u"nested"_s, QJsonArray{QJsonObject{{u"x"_s, QJsonArray{10, 11}}}}},
                     {u"nothing"_s, QJsonValue(QJsonValue::Null)}};
    return QJsonObject{{u"foo"_s, QJsonArray{u"bar"_s, u"baz"_s}},
                       {QString(), 0},
                       {u"a/b"_s, 1},
                       {u"c%d"_s, 2},
                       {u"e^f"_s, 3},
                       {u"g|h"_s, 4},
                       {u"i\\j"_s, 5},
                       {u"k\"l"_s, 6},
                       {u" "_s, 7},
                       {u"m~n"_s, 8},
                       {u"~1"_s, 9},
                       {u"data"_s, data},
                       {u"01"_s, u"key named 01"_s}};
}
} // namespace

class TestJsonPointer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isValid_data();
    void isValid();
    void resolve_data();
    void resolve();
    void wholeDocument();
    void nonContainerRoot();
};

void TestJsonPointer::isValid_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << true;
    QTest::newRow("root slash") << u"/"_s << true;
    QTest::newRow("simple") << u"/data/accessToken"_s << true;
    QTest::newRow("~0") << u"/m~0n"_s << true;
    QTest::newRow("~1") << u"/a~1b"_s << true;
    QTest::newRow("~01") << u"/~01"_s << true;
    QTest::newRow("trailing slash") << u"/foo/"_s << true;
    QTest::newRow("no leading slash") << u"data/accessToken"_s << false;
    QTest::newRow("bare name") << u"access_token"_s << false;
    QTest::newRow("lone ~ at end") << u"/a~"_s << false;
    QTest::newRow("~2") << u"/a~2b"_s << false;
    QTest::newRow("~ followed by slash") << u"/a~/b"_s << false;
    QTest::newRow("URI fragment form") << u"#/data"_s << false;
}

void TestJsonPointer::isValid() {
    QFETCH(QString, pointer);
    QFETCH(bool, valid);
    QCOMPARE(JsonPointer::isValid(pointer), valid);
}

void TestJsonPointer::resolve_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("expected"); // Undefined: not found

    const QJsonValue missing(QJsonValue::Undefined);
    // RFC 6901 section 5, verbatim.
    QTest::newRow("rfc /foo") << u"/foo"_s << QJsonValue(QJsonArray{u"bar"_s, u"baz"_s});
    QTest::newRow("rfc /foo/0") << u"/foo/0"_s << QJsonValue(u"bar"_s);
    QTest::newRow("rfc /") << u"/"_s << QJsonValue(0);
    QTest::newRow("rfc /a~1b") << u"/a~1b"_s << QJsonValue(1);
    QTest::newRow("rfc /c%d") << u"/c%d"_s << QJsonValue(2);
    QTest::newRow("rfc /e^f") << u"/e^f"_s << QJsonValue(3);
    QTest::newRow("rfc /g|h") << u"/g|h"_s << QJsonValue(4);
    QTest::newRow("rfc /i\\j") << u"/i\\j"_s << QJsonValue(5);
    QTest::newRow("rfc /k\"l") << u"/k\"l"_s << QJsonValue(6);
    QTest::newRow("rfc / ") << u"/ "_s << QJsonValue(7);
    QTest::newRow("rfc /m~0n") << u"/m~0n"_s << QJsonValue(8);
    // ~01 is "~1" (decode ~1 first, then ~0), not "/".
    QTest::newRow("~01 is literal ~1") << u"/~01"_s << QJsonValue(9);

    // The providers' pointers.
    QTest::newRow("nested object") << u"/data/accessToken"_s << QJsonValue(u"tok"_s);
    QTest::newRow("through array") << u"/data/nested/0/x/1"_s << QJsonValue(11);
    QTest::newRow("null is found, not missing") << u"/data/nothing"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("object key that looks like an index") << u"/01"_s << QJsonValue(u"key named 01"_s);

    // Not found.
    QTest::newRow("missing key") << u"/data/refreshToken"_s << missing;
    QTest::newRow("missing top level") << u"/access_token"_s << missing;
    QTest::newRow("key case differs") << u"/Data/accessToken"_s << missing;
    QTest::newRow("index past end") << u"/foo/2"_s << missing;
    QTest::newRow("negative index") << u"/foo/-1"_s << missing;
    QTest::newRow("append marker -") << u"/foo/-"_s << missing;
    QTest::newRow("leading zero index") << u"/foo/01"_s << missing;
    QTest::newRow("index 00") << u"/foo/00"_s << missing;
    QTest::newRow("non-numeric index") << u"/foo/bar"_s << missing;
    QTest::newRow("plus-signed index") << u"/foo/+1"_s << missing;  // RFC 6901: array-index is digits only
    QTest::newRow("space-padded index") << u"/foo/ 1"_s << missing; // ditto
    QTest::newRow("index with trailing space") << u"/foo/1 "_s << missing;
    QTest::newRow("huge index") << u"/foo/99999999999999999999"_s << missing;
    QTest::newRow("step into string") << u"/data/accessToken/0"_s << missing;
    QTest::newRow("step into number") << u"/a~1b/x"_s << missing;
    QTest::newRow("step into null") << u"/data/nothing/x"_s << missing;
    QTest::newRow("trailing slash: empty key") << u"/data/"_s << missing;
    QTest::newRow("unescaped slash is a separator") << u"/a/b"_s << missing;
    QTest::newRow("invalid pointer") << u"data"_s << missing;
    QTest::newRow("invalid escape") << u"/m~2n"_s << missing;
}

void TestJsonPointer::resolve() {
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);

    const QJsonValue actual = JsonPointer::resolve(rfcDocument(), pointer);
    QCOMPARE(actual.type(), expected.type());
    QCOMPARE(actual, expected);
}

void TestJsonPointer::wholeDocument() {
    const QJsonObject doc = rfcDocument();
    QCOMPARE(JsonPointer::resolve(doc, QString()), QJsonValue(doc));
    const QJsonArray array{1, 2, 3};
    QCOMPARE(JsonPointer::resolve(array, QString()), QJsonValue(array));
    QCOMPARE(JsonPointer::resolve(array, u"/2"_s), QJsonValue(3));
}

void TestJsonPointer::nonContainerRoot() {
    QCOMPARE(JsonPointer::resolve(QJsonValue(u"text"_s), u"/0"_s).type(), QJsonValue::Undefined);
    QCOMPARE(JsonPointer::resolve(QJsonValue(QJsonValue::Undefined), u"/a"_s).type(), QJsonValue::Undefined);
    QCOMPARE(JsonPointer::resolve(QJsonValue(42), QString()), QJsonValue(42));
}

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"
