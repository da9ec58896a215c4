#pragma once

#include "Account.h"
#include "AccountFile.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// The non-secret account list, kept in a JSON file shared by every TokenDesk process (GUI and CLI).
//
// Every mutation takes a lock file next to the account file, re-reads the file, applies its one change
// to what is on disk (by account id), writes the result and adopts it: changes made meanwhile by another
// process are picked up, never overwritten. When the file still holds what the store last read or wrote
// (the common case), the change is made in place and announced with one signal, without copying or
// comparing the other accounts. A file that cannot be read, does not parse, has broken entries
// or comes from a newer version is never written: the store turns read-only and says why.
//
// The order of accounts() is the file's order and may change when another process removes an account;
// keep rows keyed by id. An empty path means a purely in-memory store (demo mode): nothing is written.
class AccountStore : public QObject {
    Q_OBJECT
public:
    using LoadStatus = AccountFile::Status;
    struct LoadResult {
        LoadStatus status = LoadStatus::Ok;
        QString message; // for people: names the file and the problem; empty for Ok and Missing
        bool ok() const { return status == LoadStatus::Ok || status == LoadStatus::Missing; }
    };

    struct Result {
        bool ok = true;
        QString error; // for people
        explicit operator bool() const { return ok; }
    };

    static constexpr std::chrono::milliseconds kDefaultLockTimeout{3000};

    explicit AccountStore(const QString &path, QObject *parent = nullptr);
    ~AccountStore() override;

    QString path() const { return m_path; }
    bool isInMemory() const { return m_path.isEmpty(); }
    bool isWritable() const { return m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    // Why the last write of the file failed (a full disk: names the file and the cause), or empty once a
    // write succeeds. The file on disk is then the one before the failed change.
    QString saveError() const { return m_saveError; }

    // Reads the file. Missing is fine (no accounts yet). On failure the store keeps what it had and
    // becomes read-only; on success it is writable again. Emits accountsReloaded() on success. A
    // read-only store reads the file again on syncFromDisk() and before each change, so a repaired file
    // is taken up without a restart.
    LoadResult load();
    LoadResult reload() { return load(); }
    // Re-reads the file and returns the fresh version of one account (nullopt: it no longer exists).
    // Whatever else changed on disk is adopted too, with narrow signals.
    std::optional<Account> reloadAccount(const QString &id);
    // Adopts what another process wrote, with one narrow signal per changed account; cheap when the
    // file is unchanged.
    void syncFromDisk();

    const QList<Account> &accounts() const { return m_snapshot.accounts; }
    qsizetype count() const { return m_snapshot.accounts.size(); }
    std::optional<Account> account(const QString &id) const;
    // The stored account without copying it, or null. Valid until the store next changes (any mutation,
    // load or sync): for reads on hot paths (item models painting, sorting and filtering thousands of rows).
    const Account *find(const QString &id) const;
    // Exact and case-sensitive, after Unicode normalisation (Account::normalName): NFC and NFD agree.
    std::optional<Account> findByName(const QString &name) const;
    bool contains(const QString &id) const { return m_snapshot.indexById.contains(id); }

    Result add(const Account &account);
    // Replaces the stored account with the same id as a whole.
    Result update(const Account &account);
    // Applies `change` to the freshest on-disk version of the account, under the store lock: use it to
    // change a few fields without overwriting what another process changed in the others. `change` runs
    // while the lock is held: it must not call back into the store.
    Result modify(const QString &id, const std::function<void(Account &)> &change);
    Result remove(const QString &id);
    // Removes the accounts `removed` (ids), applies `changes` (account id → change, as modify()) and adds
    // `added`, in that order, in ONE write of the file: all of them or, if any is refused (a taken name, an
    // account gone), none. Used by the import, which replaces an account by removing its id and adding a
    // new one under the same name. The caller removes the removed ids' keychain entries afterwards.
    Result addAndModify(const QList<Account> &added,
                        const QHash<QString, std::function<void(Account &)>> &changes,
                        const QStringList &removed = {});

    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }

Q_SIGNALS:
    void accountAdded(const QString &id);
    void accountChanged(const QString &id);
    void accountRemoved(const QString &id);
    void accountsReloaded();
    void writableChanged(bool writable);
    void saveErrorChanged(const QString &error);

protected:
    // Writes the whole file. Tests override it to simulate a crash or a full disk between the keychain
    // write and the config write. Not called for an in-memory store.
    virtual bool writeFile(const QByteArray &contents, QString *error);

private:
    // Changes the account `id` (only that one) in `snapshot` (the current on-disk state) in place and
    // returns true, or explains why it cannot and leaves `snapshot` as it was. A null id (addAndModify)
    // may change several accounts: it gets a copy, adopted whole with one narrow signal per change.
    using Change = std::function<bool(AccountFile::Snapshot &snapshot, QString *error)>;
    // The account's entry before a change: to announce what the change did, and to undo it if the file
    // cannot be written.
    struct Before {
        qsizetype index = -1; // -1: the account did not exist
        AccountFile::Entry entry;
        qsizetype size = 0; // its entry text's size, for comparing
    };

    Result mutate(const QString &id, const Change &change);
    Result mutateFile(const QString &id, const Change &change);
    // Reads the file into `snapshot`, or sets `unchanged` when it holds exactly what m_snapshot came from
    // (then `bytes` holds the contents, which m_snapshot's spans point into).
    bool readDisk(AccountFile::Snapshot *snapshot, bool *unchanged, QByteArray *bytes, QString *error);
    Before before(const QString &id) const;
    void undo(const QString &id, const Before &before);
    void announce(const QString &id, const Before &before);
    void adopt(AccountFile::Snapshot next, bool narrowSignals);
    void setReadOnly(const QString &reason);
    void setSaveError(const QString &error);

    QString m_path;
    AccountFile::Snapshot m_snapshot; // its text is dropped once adopted: read again when needed
    QString m_readOnlyReason;
    QString m_saveError;
    std::chrono::milliseconds m_lockTimeout = kDefaultLockTimeout;
};
