#include "AccountName.h"

namespace AccountName {

namespace {

bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

// Calls `f(codePoint)` for each code point; a surrogate without its partner is passed on its own.
template<typename F>
void forEachCodePoint(const QString &text, F f)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            f(char32_t(c.unicode()));
        }
    }
}

QString escaped(char32_t c)
{
    switch (c) {
    case u'\t':
        return QStringLiteral("\\t");
    case u'\n':
        return QStringLiteral("\\n");
    case u'\r':
        return QStringLiteral("\\r");
    default:
        break;
    }
    if (c < 0x100)
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    if (c < 0x10000)
        return QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    return QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
}

} // namespace

Problem check(const QString &name)
{
    if (name.isEmpty())
        return Problem::Empty;
    if (name.trimmed() != name)
        return Problem::SurroundingSpace;
    if (name.startsWith(u'-'))
        return Problem::LeadingDash;
    bool invisible = false;
    forEachCodePoint(name, [&](char32_t c) { invisible = invisible || isInvisible(c); });
    return invisible ? Problem::InvisibleCharacter : Problem::None;
}

QString visible(const QString &text)
{
    bool any = false;
    forEachCodePoint(text, [&](char32_t c) { any = any || isInvisible(c); });
    if (!any)
        return text;
    QString out;
    out.reserve(text.size() + 8);
    forEachCodePoint(text, [&](char32_t c) {
        if (isInvisible(c))
            out += escaped(c);
        else
            out += QString::fromUcs4(&c, 1);
    });
    return out;
}

} // namespace AccountName
