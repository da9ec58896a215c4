#pragma once

#include "AccountStore.h"

// Internal to AccountStore (AccountStore.cpp, AccountStoreEdit.cpp): the checks and edits of a snapshot
// shared by the single-account mutations and addAndModify(). Messages keep the "AccountStore" context.
namespace AccountStoreEdit {

inline AccountStore::Result failed(const QString &error) {
    return {false, error};
}

// Converts the account the way the file will hold it and reads it back, so that nothing is ever
// written that could not be loaded again. `line` receives the entry's text, with `unknown` kept.
bool normalise(const Account &account, const QJsonObject &unknown, Account *out, QByteArray *line, QString *error);
bool nameTaken(const AccountFile::Snapshot &snapshot, const QString &name, const QString &exceptId);
QString nameTakenMessage(const QString &name);
QString goneMessage(const QString &name);
// Rebuilds the id → index map after entries were removed or inserted.
void reindex(AccountFile::Snapshot &snapshot);
// indexById for accounts[from..]: after one account was inserted or removed at `from` (a removed one's id
// taken out of indexById by the caller), cheaper than reindex() for one change in a long list.
void reindexFrom(AccountFile::Snapshot &snapshot, qsizetype from);
// Replaces the account at `index` after validating it against the rest of the list.
// `checkName` false: the caller has checked the name already (addAndModify, with a name index).
bool replaceAt(AccountFile::Snapshot &snapshot, qsizetype index, const Account &account, QString *error,
               bool checkName = true);

} // namespace AccountStoreEdit
