#include "AccountStore.h"
#include "AccountStoreEdit.h"
#include "AccountStoreLock.h"

#include <QDir>

#include <utility>

using AccountFile::Snapshot;
using namespace AccountStoreEdit;


AccountStore::AccountStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path) {}

AccountStore::~AccountStore() = default;

std::optional<Account> AccountStore::account(const QString &id) const {
    const qsizetype index = m_snapshot.indexById.value(id, -1);
    if (index < 0)
        return std::nullopt;
    return m_snapshot.accounts.at(index);
}

const Account *AccountStore::find(const QString &id) const {
    const qsizetype index = m_snapshot.indexById.value(id, -1);
    return index < 0 ? nullptr : &m_snapshot.accounts.at(index);
}

std::optional<Account> AccountStore::findByName(const QString &name) const {
    const QString wanted = Account::normalName(name);
    for (const Account &a : m_snapshot.accounts) {
        if (a.name == wanted)
            return a;
    }
    // A file written before names were kept in NFC may hold another form: normalise only on a miss, so that
    // the usual lookup stays one comparison per account.
    for (const Account &a : m_snapshot.accounts) {
        if (Account::normalName(a.name) == wanted)
            return a;
    }
    return std::nullopt;
}

AccountStore::LoadResult AccountStore::load() {
    if (isInMemory()) {
        Q_EMIT accountsReloaded();
        return {};
    }
    AccountFile::ReadResult read = AccountFile::read(m_path, &m_snapshot);
    if (read.status != LoadStatus::Ok && read.status != LoadStatus::Missing) {
        setReadOnly(read.message);
        return {read.status, read.message};
    }
    const bool wasReadOnly = !isWritable();
    m_readOnlyReason.clear();
    if (read.unchanged) {
        Q_EMIT accountsReloaded();
    } else {
        adopt(std::move(read.snapshot), false);
        AccountFile::dropText(&m_snapshot);
    }
    if (wasReadOnly)
        Q_EMIT writableChanged(true);
    return {read.status, {}};
}

std::optional<Account> AccountStore::reloadAccount(const QString &id) {
    syncFromDisk();
    return account(id);
}

void AccountStore::syncFromDisk() {
    if (isInMemory())
        return;
    if (!isWritable()) { // perhaps repaired meanwhile
        load();
        return;
    }
    Snapshot fresh;
    bool unchanged = false;
    QByteArray bytes;
    QString error;
    if (!readDisk(&fresh, &unchanged, &bytes, &error)) {
        setReadOnly(error);
    } else if (!unchanged) {
        adopt(std::move(fresh), true);
        AccountFile::dropText(&m_snapshot);
    }
}

AccountStore::Result AccountStore::add(const Account &account) {
    Account normal;
    QByteArray line;
    QString error;
    if (!normalise(account, {}, &normal, &line, &error))
        return failed(error);
    return mutate(normal.id, [&](Snapshot &snapshot, QString *problem) {
        if (snapshot.indexById.contains(normal.id)) {
            *problem = tr("An account with the id %1 already exists.").arg(normal.id);
            return false;
        }
        if (nameTaken(snapshot, normal.name, normal.id)) {
            *problem = nameTakenMessage(normal.name);
            return false;
        }
        snapshot.indexById.insert(normal.id, snapshot.size());
        snapshot.appendLine(normal, line);
        return true;
    });
}

AccountStore::Result AccountStore::update(const Account &account) {
    return mutate(account.id, [&](Snapshot &snapshot, QString *problem) {
        const qsizetype index = snapshot.indexById.value(account.id, -1);
        if (index < 0) {
            *problem = goneMessage(account.name);
            return false;
        }
        return replaceAt(snapshot, index, account, problem);
    });
}

AccountStore::Result AccountStore::modify(const QString &id, const std::function<void(Account &)> &change) {
    return mutate(id, [&](Snapshot &snapshot, QString *problem) {
        const qsizetype index = snapshot.indexById.value(id, -1);
        if (index < 0) {
            const std::optional<Account> known = account(id);
            *problem = goneMessage(known ? known->name : id);
            return false;
        }
        Account changed = snapshot.accounts.at(index);
        change(changed);
        return replaceAt(snapshot, index, changed, problem);
    });
}

AccountStore::Result AccountStore::remove(const QString &id) {
    const bool known = contains(id);
    return mutate(id, [&](Snapshot &snapshot, QString *problem) {
        const qsizetype index = snapshot.indexById.value(id, -1);
        if (index < 0) {
            // Already gone on disk: fine if we knew it (another process removed it first).
            if (!known)
                *problem = tr("There is no account with the id %1.").arg(id);
            return known;
        }
        snapshot.removeAt(index);
        snapshot.indexById.remove(id);
        reindexFrom(snapshot, index);
        return true;
    });
}

bool AccountStore::writeFile(const QByteArray &contents, QString *error) {
    return AccountFile::write(m_path, contents, error);
}

AccountStore::Result AccountStore::mutate(const QString &id, const Change &change) {
    if (!isWritable() && !isInMemory())
        load(); // the file may have been repaired since it was found broken
    if (!isWritable())
        return failed(m_readOnlyReason);
    if (!isInMemory())
        return mutateFile(id, change);
    QString error;
    if (id.isNull()) { // several accounts: on a copy, adopted with one narrow signal per account changed
        Snapshot work = m_snapshot;
        if (!change(work, &error))
            return failed(error);
        adopt(std::move(work), true);
        return {};
    }
    const Before was = before(id);
    if (!change(m_snapshot, &error))
        return failed(error);
    announce(id, was);
    return {};
}


AccountStore::Result AccountStore::mutateFile(const QString &id, const Change &change) {
    QString error;
    if (!AccountFile::ensureDirectory(m_path, &error))
        return failed(error);

    const QString lockPath = m_path + QStringLiteral(".lock");
    AccountStoreLock lock(lockPath);
    if (!lock.isOpen())
        return failed(tr("Could not lock the account file %1 (%2). Check the folder's permissions.")
                          .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(lockPath)));
    if (!lock.tryLock(m_lockTimeout))
        return failed(tr("The account file %1 is being changed by another TokenDesk process. Try again "
                         "in a moment.")
                          .arg(QDir::toNativeSeparators(m_path)));

    Snapshot next;
    bool unchanged = false;
    QByteArray bytes;
    if (!readDisk(&next, &unchanged, &bytes, &error)) {
        lock.unlock();
        setReadOnly(error);
        return failed(error);
    }
    QList<AccountFile::Span> spans;
    if (unchanged && id.isNull()) {
        // Several accounts change (the import): on a copy of what is on disk, adopted whole below.
        next = m_snapshot;
        next.text = bytes;
        unchanged = false;
    }
    if (unchanged) {
        // The file holds what this store last saw: change that one account in place.
        const Before was = before(id);
        if (!change(m_snapshot, &error))
            return failed(error);
        m_snapshot.text = bytes; // what the spans of the other entries point into
        const QByteArray written = AccountFile::serialize(m_snapshot, &spans);
        AccountFile::dropText(&m_snapshot);
        if (!writeFile(written, &error)) {
            // Memory goes back to the last state known to be on disk.
            undo(id, was);
            setSaveError(error);
            return failed(error);
        }
        lock.unlock();
        AccountFile::adoptWritten(&m_snapshot, written, std::move(spans));
        AccountFile::dropText(&m_snapshot);
        announce(id, was);
        setSaveError({});
        return {};
    }

    // Another process changed the file: apply the change to what it wrote and adopt all of it.
    const bool changed = change(next, &error);
    if (changed) {
        const QByteArray written = AccountFile::serialize(next, &spans);
        if (!writeFile(written, &error)) {
            // Nothing was adopted: memory still shows the last state known to be on disk.
            setSaveError(error);
            return failed(error);
        }
        AccountFile::adoptWritten(&next, written, std::move(spans));
    }
    lock.unlock();
    // Adopt what is on disk now, also when the change was refused: the refusal (a taken name, an
    // account removed elsewhere) is explained by what the other process did.
    adopt(std::move(next), true);
    AccountFile::dropText(&m_snapshot);
    if (changed)
        setSaveError({});
    return changed ? Result{} : failed(error);
}

// Reads the file, skipping the parse when it holds exactly what this store last saw.
bool AccountStore::readDisk(Snapshot *snapshot, bool *unchanged, QByteArray *bytes, QString *error) {
    AccountFile::ReadResult read = AccountFile::read(m_path, &m_snapshot);
    if (read.status == LoadStatus::Missing) {
        *snapshot = Snapshot{};
        *unchanged =
            m_snapshot.textId.size < 0 && m_snapshot.accounts.isEmpty() && m_snapshot.otherFields.isEmpty();
        return true;
    }
    if (read.status != LoadStatus::Ok) {
        *error = read.message;
        return false;
    }
    *unchanged = read.unchanged;
    if (read.unchanged)
        *bytes = std::move(read.bytes);
    else
        *snapshot = std::move(read.snapshot);
    return true;
}

AccountStore::Before AccountStore::before(const QString &id) const {
    Before b;
    b.index = m_snapshot.indexById.value(id, -1);
    if (b.index >= 0) {
        b.entry = m_snapshot.entryAt(b.index);
        b.size = AccountFile::entrySize(m_snapshot, b.index);
    }
    return b;
}

// Reverses a change of `id` made in place (an add, a replacement or a removal).
void AccountStore::undo(const QString &id, const Before &before) {
    Snapshot &s = m_snapshot;
    const qsizetype now = s.indexById.value(id, -1);
    if (before.index < 0) {
        if (now >= 0) { // added: it is the last entry
            s.removeAt(s.size() - 1);
            s.indexById.remove(id);
        }
        return;
    }
    if (now < 0) { // removed
        s.insert(before.index, before.entry);
        reindexFrom(s, before.index);
        return;
    }
    s.replace(now, before.entry);
}

// One narrow signal for the one account a change touched; none if its entry is as it was.
void AccountStore::announce(const QString &id, const Before &before) {
    const qsizetype now = m_snapshot.indexById.value(id, -1);
    if (before.index < 0 && now >= 0)
        Q_EMIT accountAdded(id);
    else if (before.index >= 0 && now < 0)
        Q_EMIT accountRemoved(id);
    else if (now >= 0 && (m_snapshot.hashes.at(now) != before.entry.hash || AccountFile::entrySize(m_snapshot, now) != before.size))
        Q_EMIT accountChanged(id);
}

void AccountStore::adopt(Snapshot next, bool narrowSignals) {
    const Snapshot old = std::exchange(m_snapshot, std::move(next));
    if (!narrowSignals) {
        Q_EMIT accountsReloaded();
        return;
    }
    QStringList removed;
    QStringList added;
    QStringList changed;
    for (const Account &a : old.accounts) {
        if (!m_snapshot.indexById.contains(a.id))
            removed.append(a.id);
    }
    for (qsizetype i = 0; i < m_snapshot.accounts.size(); ++i) {
        const QString &id = m_snapshot.accounts.at(i).id;
        const qsizetype before = old.indexById.value(id, -1);
        if (before < 0)
            added.append(id);
        else if (!AccountFile::sameEntry(old, before, m_snapshot, i))
            changed.append(id);
    }
    for (const QString &id : std::as_const(removed))
        Q_EMIT accountRemoved(id);
    for (const QString &id : std::as_const(added))
        Q_EMIT accountAdded(id);
    for (const QString &id : std::as_const(changed))
        Q_EMIT accountChanged(id);
}

void AccountStore::setReadOnly(const QString &reason) {
    const bool wasWritable = isWritable();
    m_readOnlyReason = reason;
    if (wasWritable)
        Q_EMIT writableChanged(false);
}

void AccountStore::setSaveError(const QString &error) {
    if (error == m_saveError)
        return;
    m_saveError = error;
    Q_EMIT saveErrorChanged(error);
}
