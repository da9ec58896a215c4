#include "JsonByteReader.h"

#include <array>
#include <cstring>

namespace {

// Bytes that end or interrupt a run of plain string characters: the quote, the backslash, control
// characters, DEL and everything not ASCII.
constexpr std::array<bool, 256> kNotPlain = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x7F;
    return table;
}();

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (the caller checked that they are there).
bool hex4(const char *p, char32_t *out)
{
    char32_t u = 0;
    for (int i = 0; i < 4; ++i) {
        const int d = hexDigit(p[i]);
        if (d < 0)
            return false;
        u = u << 4 | char32_t(d);
    }
    *out = u;
    return true;
}

bool isSurrogate(char32_t u)
{
    return u >= 0xD800 && u <= 0xDFFF;
}

void appendCodePoint(QString *out, char32_t u)
{
    if (QChar::requiresSurrogates(u)) {
        out->append(QChar(QChar::highSurrogate(u)));
        out->append(QChar(QChar::lowSurrogate(u)));
    } else {
        out->append(QChar(char16_t(u)));
    }
}

// One UTF-8 sequence at p (a byte >= 0x80): no overlong forms, no surrogates, nothing above U+10FFFF, no
// noncharacters.
bool utf8(const char *&p, const char *end, char32_t *out)
{
    const auto b0 = uchar(*p);
    int length = 0;
    char32_t u = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2, u = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3, u = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4, u = b0 & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (end - p < length)
        return false;
    for (int i = 1; i < length; ++i) {
        const auto b = uchar(p[i]);
        if ((b & 0xC0) != 0x80)
            return false;
        u = u << 6 | (b & 0x3F);
    }
    if (u < min || u > 0x10FFFF || isSurrogate(u) || QChar::isNonCharacter(u))
        return false;
    p += length;
    *out = u;
    return true;
}

// The escape after a backslash at p; p moves past it.
bool unescape(const char *&p, const char *end, QString *out)
{
    switch (*p++) {
    case '"': out->append(u'"'); return true;
    case '\\': out->append(u'\\'); return true;
    case '/': out->append(u'/'); return true;
    case 'b': out->append(u'\b'); return true;
    case 'f': out->append(u'\f'); return true;
    case 'n': out->append(u'\n'); return true;
    case 'r': out->append(u'\r'); return true;
    case 't': out->append(u'\t'); return true;
    case 'u': break;
    default: return false;
    }
    char32_t u = 0;
    if (end - p < 4 || !hex4(p, &u))
        return false;
    p += 4;
    if (u >= 0xD800 && u <= 0xDBFF) {
        char32_t low = 0;
        if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &low) || low < 0xDC00 || low > 0xDFFF)
            return false;
        p += 6;
        u = QChar::surrogateToUcs4(char16_t(u), char16_t(low));
    } else if (isSurrogate(u)) {
        return false;
    }
    if (QChar::isNonCharacter(u))
        return false;
    appendCodePoint(out, u);
    return true;
}

// Whether [p, end) holds only printable ASCII other than the backslash (the quote was searched for).
bool isPlain(const char *p, const char *end)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighs = 0x8080808080808080ULL;
    constexpr quint64 kBackslashes = kOnes * '\\';
    for (; end - p >= 8; p += 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        const quint64 below20 = (w - kOnes * 0x20) & ~w & kHighs;  // a byte below 0x20
        const quint64 from7F = ((w + kOnes) | w) & kHighs;          // a byte from 0x7F up
        const quint64 x = w ^ kBackslashes;
        const quint64 backslash = (x - kOnes) & ~x & kHighs;       // a zero byte in x
        if (below20 | from7F | backslash)
            return false;
    }
    for (; p != end; ++p) {
        if (kNotPlain[uchar(*p)])
            return false;
    }
    return true;
}

} // namespace

bool JsonByteReader::decode(const Text &text, QString *out)
{
    if (text.plain) {
        *out = QString::fromLatin1(text.raw);
        return true;
    }
    QString s;
    s.reserve(text.raw.size());
    const char *p = text.raw.data();
    const char *const end = p + text.raw.size();
    while (p != end) {
        const auto c = uchar(*p);
        if (c >= 0x80) {
            char32_t u = 0;
            if (!utf8(p, end, &u))
                return false;
            appendCodePoint(&s, u);
        } else if (c == '\\') {
            ++p; // string() keeps the character after a backslash inside the text
            if (!unescape(p, end, &s))
                return false;
        } else {
            s.append(QChar(char16_t(c)));
            ++p;
        }
    }
    *out = std::move(s);
    return true;
}

bool JsonByteReader::boolean(bool *out)
{
    if (literal("true"))
        *out = true;
    else if (literal("false"))
        *out = false;
    else
        return false;
    return true;
}

bool JsonByteReader::string(Text *out)
{
    if (!eat('"'))
        return false;
    const char *start = m_p;
    // Most strings are plain: find the closing quote, then check the bytes before it 8 at a time.
    if (const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
        quote && isPlain(start, quote)) {
        *out = {QByteArrayView(start, quote - start), true};
        m_p = quote + 1;
        return true;
    }
    bool plain = true;
    for (;;) {
        while (m_p != m_end && !kNotPlain[uchar(*m_p)])
            ++m_p;
        if (m_p == m_end)
            return false;
        const auto c = uchar(*m_p);
        if (c == '"') {
            *out = {QByteArrayView(start, m_p - start), plain};
            ++m_p;
            return true;
        }
        if (c < 0x20 || c == 0x7F) // control characters are invalid; DEL is left to the general path
            return false;
        if (c == '\\' && ++m_p == m_end) // the escaped character is skipped with it; decode() checks it
            return false;
        plain = false;
        ++m_p;
    }
}

bool JsonByteReader::string(QString *out)
{
    Text text;
    return string(&text) && decode(text, out);
}

bool JsonByteReader::smallInteger(int *out)
{
    const char *start = m_p;
    int n = 0;
    while (m_p != m_end && *m_p >= '0' && *m_p <= '9' && m_p - start < 4)
        n = n * 10 + (*m_p++ - '0');
    const qsizetype digits = m_p - start;
    if (digits == 0 || digits > 3 || (digits > 1 && *start == '0'))
        return false;
    if (m_p != m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E' || (*m_p >= '0' && *m_p <= '9')))
        return false;
    *out = n;
    return true;
}

bool JsonByteReader::objectText(QByteArrayView *out, int maxDepth)
{
    const char *start = m_p;
    if (m_p == m_end || *m_p != '{')
        return false;
    int depth = 0;
    while (m_p != m_end) {
        const char c = *m_p;
        if (c == '"') {
            Text ignored;
            if (!string(&ignored))
                return false;
            continue;
        }
        ++m_p;
        if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return false;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            *out = QByteArrayView(start, m_p - start);
            return true;
        }
    }
    return false;
}

