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

    // The top-level object's members, or false. Each element of the array under `listKey` is handed over
    // as it is found (one pass over the file): `read(rest)`, given the bytes from the element on, may read the
    // element itself and return its length (0: it did not, and the scanner skips it); then `take(element)`
    // gets the element's text, and false from it stops the scan.
    template <typename Read, typename Take>
    bool members(QList<Member> *out, QByteArrayView listKey, Read &&read, Take &&take) {
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
            if (list ? !arrayElements(read, take) : !skipValue())
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
    template <typename Read, typename Take>
    bool arrayElements(Read &read, Take &take) {
        if (m_listSeen)
            return false; // a second list: left to the general path
        m_listSeen = true;
        ++m_p;
        skipSpace();
        if (eat(']'))
            return true;
        for (;;) {
            const char *value = m_p;
            if (const qsizetype length = read(QByteArrayView(m_p, m_end - m_p)); length > 0)
                m_p += length;
            else if (!skipValue())
                return false;
            if (!take(QByteArrayView(value, m_p - value)))
                return false;
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
    bool m_listSeen = false;
};

} // namespace AccountFile
