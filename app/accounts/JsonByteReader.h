#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>

// Reads JSON text from its bytes, strictly (RFC 8259), for readers that know exactly which fields they
// want: objects with a fixed set of keys, arrays, strings, booleans, null and small whole numbers. Every
// "false" means "not sure": something else is there (invalid JSON, an unknown or repeated key, an escape
// or a number form it does not take), and the caller reads the text the general way instead (QJsonDocument).
class JsonByteReader
{
public:
    struct Text
    {
        QByteArrayView raw; // between the quotes, escapes undecoded
        bool plain = false; // printable ASCII only, no escapes: raw is the value
    };

    explicit JsonByteReader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {
    }

    const char *position() const { return m_p; }

    // Only whitespace is left.
    bool atEnd()
    {
        space();
        return m_p == m_end;
    }

    // An object whose keys are among `names`: `member(index in names)` reads each value. An unknown key, a
    // repeated key (QJsonObject would keep only one) or an escaped key is not taken. The names must be
    // printable ASCII without '"' or '\\'. Listed in the order the file's writer puts them in, each key
    // is found at once (see key()).
    template <qsizetype N, typename F>
    bool object(const QByteArrayView (&names)[N], F &&member)
    {
        static_assert(N <= 32);
        if (!eat('{'))
            return false;
        space();
        if (eat('}'))
            return true;
        quint32 seen = 0;
        int next = 0;
        for (;;) {
            const int i = key(names, next);
            if (i < 0 || (seen & (1u << i)))
                return false;
            seen |= 1u << i;
            next = i + 1;
            space();
            if (!eat(':'))
                return false;
            space();
            if (!member(i))
                return false;
            space();
            if (eat(','))
                space();
            else
                return eat('}');
        }
    }

    // An array: `element()` reads each element.
    template <typename F>
    bool array(F &&element)
    {
        if (!eat('['))
            return false;
        space();
        if (eat(']'))
            return true;
        for (;;) {
            if (!element())
                return false;
            space();
            if (eat(','))
                space();
            else
                return eat(']');
        }
    }

    // null, or whatever `read` reads.
    template <typename F>
    bool nullable(F &&read)
    {
        return m_p != m_end && *m_p == 'n' ? literal("null") : read();
    }

    bool boolean(bool *out);
    bool string(Text *out); // a string, undecoded; decode() gives its value
    bool string(QString *out);
    bool optionalString(QString *out) { return nullable([&] { return string(out); }); } // null: left as it was
    bool optionalBoolean(bool *out) { return nullable([&] { return boolean(out); }); }
    // 0 … 999 written as plain digits; a fraction, an exponent or a sign is not taken.
    bool smallInteger(int *out);
    // An object's whole JSON text, unchecked inside but for strings and a nesting of at most `maxDepth`.
    bool objectText(QByteArrayView *out, int maxDepth);

    // The string's value: escapes (surrogate pairs included) decoded, UTF-8 checked strictly. Lone
    // surrogates, noncharacters, overlong or truncated UTF-8 are not taken.
    static bool decode(const Text &text, QString *out);

private:
    // The key at the reader's position: its index in `names`, or -1 (not a plain string, or not among
    // them). names[expected] and the names after it are tried first by comparing bytes, which needs no
    // scan for the closing quote nor for escapes: a quote right after the name's bytes ends the string,
    // and the name has no escape. Writers put keys in one order (QJsonDocument sorts them) and leave some
    // out, so the key is usually names[expected] or a little after it.
    template <qsizetype N>
    int key(const QByteArrayView (&names)[N], int expected)
    {
        for (int i = expected; i < N; ++i) {
            const QByteArrayView name = names[i];
            if (m_end - m_p >= name.size() + 2 && m_p[0] == '"' && m_p[name.size() + 1] == '"' &&
                std::memcmp(m_p + 1, name.data(), size_t(name.size())) == 0) {
                m_p += name.size() + 2;
                return i;
            }
        }
        Text text;
        if (!string(&text) || !text.plain)
            return -1;
        return indexOf(names, text.raw);
    }
    template <qsizetype N>
    static int indexOf(const QByteArrayView (&names)[N], QByteArrayView key)
    {
        for (qsizetype i = 0; i < N; ++i) {
            if (names[i].size() == key.size() && std::memcmp(names[i].data(), key.data(), size_t(key.size())) == 0)
                return int(i);
        }
        return -1;
    }
    void space()
    {
        // Compact JSON has no whitespace: the first comparison settles the common case.
        while (m_p != m_end && uchar(*m_p) <= ' ' && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool eat(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }
    bool literal(QByteArrayView word)
    {
        if (m_end - m_p < word.size() || std::memcmp(m_p, word.data(), size_t(word.size())) != 0)
            return false;
        m_p += word.size();
        return true;
    }

    const char *m_p;
    const char *m_end;
};
