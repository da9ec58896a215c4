#pragma once

#include <QString>

// The one rule for account names, applied wherever a name comes in: `add`, the account dialog and import.
// Names are typed in shells, completed by bash and printed in tables: no surrounding blanks, no leading
// '-' (it would read as an option), and no control, format or line-separator character (a newline splits
// `list --names`, an escape sequence drives the terminal, a bidi override or a zero-width space makes one
// name look like another).
namespace AccountName {

enum class Problem {
    None,
    Empty,
    SurroundingSpace,
    LeadingDash,
    InvisibleCharacter, // control, format (bidi, zero width) or line/paragraph separator, or a lone surrogate
};

Problem check(const QString &name);

// `text` with every character check() calls invisible written as an escape (\n, \t, \x1b, \u202e), so that
// a name from a file can be shown in a terminal or a message without acting on it. Other text is unchanged.
QString visible(const QString &text);

} // namespace AccountName
