#pragma once

#include <QByteArrayView>
#include <QList>

#include <array>
#include <cstring>

// Internal to the account file's reader.
namespace AccountFile {

// The scanner: positions in the file's bytes, no copies. Every value it skips is parsed later by
// QJsonDocument, which checks it; the scanner checks the structure around the values.
class Scanner {
public:
    struct Member {
        QByteArrayView key;   // without the quotes
        QByteArrayView value; // the value's JSON text
        QByteArrayView whole; // "key": value
    };

    explicit Scanner(QByteArrayView bytes)
        : m_begin(bytes.data())
        , m_p(bytes.data())
        , m_end(bytes.data() + bytes.size()) {}

    // The top-level object's members, or false. The elements of the array under `listKey` go to
    // `elements` as they are found (one pass over the file).
    bool members(QList<Member> *out, QByteArrayView listKey, QList<QByteArrayView> *elements) {
        skipSpace();
        if (!eat('{'))
            return false;
        skipSpace();
        if (eat('}'))
            return atEnd();
        for (;;) {
            const char *start = m_p;
            if (m_p == m_end || *m_p != '"' || !skipString())
                return false;
            const QByteArrayView key(start + 1, m_p - start - 2);
            if (key.contains('\\'))
                return false; // an escaped key: left to the general path
            skipSpace();
            if (!eat(':'))
                return false;
            skipSpace();
            const char *value = m_p;
            const bool list = key == listKey && m_p != m_end && *m_p == '[';
            if (list ? !arrayElements(elements) : !skipValue())
                return false;
            out->append({key, QByteArrayView(value, m_p - value), QByteArrayView(start, m_p - start)});
            skipSpace();
            if (eat(','))
                skipSpace();
            else if (eat('}'))
                return atEnd();
            else
                return false;
        }
    }

    qsizetype offsetOf(QByteArrayView view) const { return view.data() - m_begin; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skipSpace() {
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }
    bool eat(char c) {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }
    bool atEnd() {
        skipSpace();
        return m_p == m_end;
    }
    // At '[': the elements, past the closing ']'.
    bool arrayElements(QList<QByteArrayView> *out) {
        if (out->size() > 0)
            return false; // a second list: left to the general path
        ++m_p;
        skipSpace();
        if (eat(']'))
            return true;
        for (;;) {
            const char *value = m_p;
            if (!skipValue())
                return false;
            out->append(QByteArrayView(value, m_p - value));
            skipSpace();
            if (eat(','))
                skipSpace();
            else
                return eat(']');
        }
    }
    // Past the string whose opening quote is at p[-1]; null if it does not end.
    static const char *stringEnd(const char *p, const char *end) {
        // Most strings have no escape: find the quote, then make sure no backslash came before it.
        while (p != end) {
            const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            if (!quote)
                return nullptr;
            const auto *escape = static_cast<const char *>(std::memchr(p, '\\', size_t(quote - p)));
            if (!escape)
                return quote + 1;
            p = escape + 2; // past the escaped character (which may be that quote)
            if (p > end)
                return nullptr;
        }
        return nullptr;
    }
    // At a '"': past the closing quote.
    bool skipString() {
        const char *p = stringEnd(m_p + 1, m_end);
        if (!p)
            return false;
        m_p = p;
        return true;
    }
    bool skipValue() {
        if (m_p == m_end)
            return false;
        const char c = *m_p;
        if (c == '"')
            return skipString();
        if (c == '{' || c == '[') {
            const char *p = m_p;
            const char *const end = m_end;
            int depth = 0;
            while (p != end) {
                while (p != end && !kStructure[uchar(*p)])
                    ++p;
                if (p == end)
                    break;
                switch (*p++) {
                case '"':
                    p = stringEnd(p, end);
                    if (!p)
                        return false;
                    break;
                case '{':
                case '[':
                    ++depth;
                    break;
                case '}':
                case ']':
                    if (--depth == 0) {
                        m_p = p;
                        return true;
                    }
                    break;
                default:
                    break;
                }
            }
            return false;
        }
        const char *start = m_p;
        while (m_p != m_end && !isSpace(*m_p) && *m_p != ',' && *m_p != '}' && *m_p != ']')
            ++m_p;
        return m_p != start;
    }

    // The bytes skipValue() stops at: a string or a bracket.
    static constexpr std::array<bool, 256> kStructure = [] {
        std::array<bool, 256> table{};
        table['"'] = table['{'] = table['['] = table['}'] = table[']'] = true;
        return table;
    }();

    const char *m_begin;
    const char *m_p;
    const char *m_end;
};

} // namespace AccountFile
