#pragma once

#include "Account.h"

#include <QByteArrayView>

#include <optional>

// Reads one account entry's JSON text straight into an Account, without a QJsonDocument: start-up reads
// thousands of entries. It takes only what it can read exactly as accountFromJson() reads the parsed
// entry, and returns nullopt for everything else: text that is not strictly valid JSON, a field that is not
// one accountFromJson() knows, a repeated key, an escape it does not decode, a value accountFromJson()
// would refuse, a timestamp not in the canonical form. The caller then reads the entry the general way
// (QJsonDocument + accountFromJson), which also explains every error. Entries it accepts have no unknown
// fields.
std::optional<Account> readAccountEntry(QByteArrayView text, AccountReadCache *cache);
// The same for the entry that `text` starts with (its object, up to the closing brace; what follows is not
// looked at): its length goes to `length`. The account file's reader reads entries this way while it finds
// them.
std::optional<Account> readAccountEntryAt(QByteArrayView text, AccountReadCache *cache, qsizetype *length);
