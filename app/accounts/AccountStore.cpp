#include "AccountStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QDeadlineTimer>
#include <QThread>
#include <QSet>

#include <utility>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

using AccountFile::Snapshot;

QString tr(const char *text) {
    return QCoreApplication::translate("AccountStore", text);
}

AccountStore::Result failed(const QString &error) {
    return {false, error};
}

// Converts the account the way the file will hold it and reads it back, so that nothing is ever
// written that could not be loaded again.
bool normalise(const Account &account, Account *out, QJsonObject *object, QString *error) {
    *object = accountToJson(account);
    QString problem;
    const std::optional<Account> back = accountFromJson(*object, &problem);
    if (!back) {
        *error = tr("The account \"%1\" cannot be saved: %2").arg(account.name, problem);
        return false;
    }
    *out = *back;
    return true;
}

bool nameTaken(const Snapshot &snapshot, const QString &name, const QString &exceptId) {
    for (const Account &a : snapshot.accounts) {
        if (a.name == name && a.id != exceptId)
            return true;
    }
    return false;
}

QString nameTakenMessage(const QString &name) {
    return tr("An account named \"%1\" already exists. Choose another name.").arg(name);
}

QString goneMessage(const QString &name) {
    return tr("The account \"%1\" no longer exists; another TokenDesk window or the command line may have "
              "removed it.")
        .arg(name);
}

void reindex(Snapshot &snapshot) {
    snapshot.indexById.clear();
    snapshot.indexById.reserve(snapshot.accounts.size());
    for (qsizetype i = 0; i < snapshot.accounts.size(); ++i)
        snapshot.indexById.insert(snapshot.accounts.at(i).id, i);
}

// Replaces the account at `index` after validating it against the rest of the list.
bool replaceAt(Snapshot &snapshot, qsizetype index, const Account &account, QString *error) {
    Account normal;
    QJsonObject object;
    if (!normalise(account, &normal, &object, error))
        return false;
    if (normal.id != snapshot.accounts.at(index).id) {
        *error = tr("The account \"%1\" cannot change its id.").arg(account.name);
        return false;
    }
    if (nameTaken(snapshot, normal.name, normal.id)) {
        *error = nameTakenMessage(normal.name);
        return false;
    }
    snapshot.accounts[index] = normal;
    snapshot.objects[index] = object;
    snapshot.lines[index].clear();
    return true;
}

} // namespace

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
    for (const Account &a : m_snapshot.accounts) {
        if (a.name == name)
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
    m_bytes = read.bytes;
    const bool wasReadOnly = !isWritable();
    m_readOnlyReason.clear();
    adopt(std::move(read.snapshot), false);
    if (wasReadOnly)
        Q_EMIT writableChanged(true);
    return {read.status, {}};
}

std::optional<Account> AccountStore::reloadAccount(const QString &id) {
    syncFromDisk();
    return account(id);
}

void AccountStore::syncFromDisk() {
    if (isInMemory() || !isWritable())
        return;
    Snapshot fresh;
    QByteArray bytes;
    QString error;
    if (readDisk(&fresh, &bytes, &error)) {
        m_bytes = bytes;
        adopt(std::move(fresh), true);
    } else {
        setReadOnly(error);
    }
}

AccountStore::Result AccountStore::add(const Account &account) {
    Account normal;
    QJsonObject object;
    QString error;
    if (!normalise(account, &normal, &object, &error))
        return failed(error);
    return mutate([&](Snapshot &snapshot, QString *problem) {
        if (snapshot.indexById.contains(normal.id)) {
            *problem = tr("An account with the id %1 already exists.").arg(normal.id);
            return false;
        }
        if (nameTaken(snapshot, normal.name, normal.id)) {
            *problem = nameTakenMessage(normal.name);
            return false;
        }
        snapshot.indexById.insert(normal.id, snapshot.accounts.size());
        snapshot.accounts.append(normal);
        snapshot.objects.append(object);
        snapshot.lines.append(QByteArray());
        return true;
    });
}

AccountStore::Result AccountStore::update(const Account &account) {
    return mutate([&](Snapshot &snapshot, QString *problem) {
        const qsizetype index = snapshot.indexById.value(account.id, -1);
        if (index < 0) {
            *problem = goneMessage(account.name);
            return false;
        }
        return replaceAt(snapshot, index, account, problem);
    });
}

AccountStore::Result AccountStore::modify(const QString &id, const std::function<void(Account &)> &change) {
    return mutate([&](Snapshot &snapshot, QString *problem) {
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
    return mutate([&](Snapshot &snapshot, QString *problem) {
        const qsizetype index = snapshot.indexById.value(id, -1);
        if (index < 0) {
            // Already gone on disk: fine if we knew it (another process removed it first).
            if (!known)
                *problem = tr("There is no account with the id %1.").arg(id);
            return known;
        }
        snapshot.accounts.remove(index);
        snapshot.objects.remove(index);
        snapshot.lines.remove(index);
        reindex(snapshot);
        return true;
    });
}

bool AccountStore::writeFile(const QByteArray &contents, QString *error) {
    return AccountFile::write(m_path, contents, error);
}

AccountStore::Result AccountStore::mutate(const Change &change) {
    if (!isWritable())
        return failed(m_readOnlyReason);
    if (!isInMemory())
        return mutateFile(change);
    Snapshot next = m_snapshot;
    QString error;
    if (!change(next, &error))
        return failed(error);
    adopt(std::move(next), true);
    return {};
}

namespace {
// The store-wide lock: flock(2) on "<file>.lock". The kernel releases it when the holder dies, however it
// dies; QLockFile's lock file, left empty by a process killed while creating it, counted as held for its
// whole stale time (found by tst_configcrash).
class StoreLock {
public:
    explicit StoreLock(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {}
    ~StoreLock() { unlock(); }
    StoreLock(const StoreLock &) = delete;
    StoreLock &operator=(const StoreLock &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    bool tryLock(std::chrono::milliseconds timeout) {
        const QDeadlineTimer deadline(timeout);
        while (m_fd >= 0) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0)
                return true;
            if ((errno != EWOULDBLOCK && errno != EINTR) || deadline.hasExpired())
                return false;
            QThread::msleep(5);
        }
        return false;
    }
    void unlock() {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
        m_fd = -1;
    }

private:
    int m_fd = -1;
};
} // namespace

AccountStore::Result AccountStore::mutateFile(const Change &change) {
    QString error;
    if (!AccountFile::ensureDirectory(m_path, &error))
        return failed(error);

    const QString lockPath = m_path + QStringLiteral(".lock");
    StoreLock lock(lockPath);
    if (!lock.isOpen())
        return failed(tr("Could not lock the account file %1 (%2). Check the folder's permissions.")
                          .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(lockPath)));
    if (!lock.tryLock(m_lockTimeout))
        return failed(tr("The account file %1 is being changed by another TokenDesk process. Try again "
                         "in a moment.")
                          .arg(QDir::toNativeSeparators(m_path)));

    Snapshot next;
    QByteArray diskBytes;
    if (!readDisk(&next, &diskBytes, &error)) {
        lock.unlock();
        setReadOnly(error);
        return failed(error);
    }
    const bool changed = change(next, &error);
    QByteArray written;
    if (changed) {
        written = AccountFile::serialize(&next);
        if (!writeFile(written, &error)) {
            // Nothing was adopted: memory still shows the last state known to be on disk.
            return failed(error);
        }
    }
    lock.unlock();
    // Adopt what is on disk now, also when the change was refused: the refusal (a taken name, an
    // account removed elsewhere) is explained by what the other process did.
    m_bytes = changed ? written : diskBytes;
    adopt(std::move(next), true);
    return changed ? Result{} : failed(error);
}

// Reads the file, skipping the parse when it holds exactly what this store last saw.
bool AccountStore::readDisk(Snapshot *snapshot, QByteArray *bytes, QString *error) {
    AccountFile::ReadResult read = AccountFile::read(m_path, &m_snapshot, &m_bytes);
    if (read.status == LoadStatus::Missing) {
        *snapshot = Snapshot{};
        bytes->clear();
        return true;
    }
    if (read.status != LoadStatus::Ok) {
        *error = read.message;
        return false;
    }
    *bytes = std::move(read.bytes);
    *snapshot = std::move(read.snapshot);
    return true;
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
        else if (old.objects.at(before) != m_snapshot.objects.at(i))
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

AccountStore::Result AccountStore::addAndModify(const QList<Account> &added,
                                                const QHash<QString, std::function<void(Account &)>> &changes) {
    QList<Account> normals;
    QList<QJsonObject> objects;
    for (const Account &account : added) {
        Account normal;
        QJsonObject object;
        QString error;
        if (!normalise(account, &normal, &object, &error))
            return failed(error);
        normals.append(normal);
        objects.append(object);
    }
    return mutate([&](Snapshot &snapshot, QString *problem) {
        // On a copy: a refusal half-way must leave the snapshot as it was read.
        Snapshot work = snapshot;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const qsizetype index = work.indexById.value(it.key(), -1);
            if (index < 0) {
                const std::optional<Account> known = account(it.key());
                *problem = goneMessage(known ? known->name : it.key());
                return false;
            }
            Account changed = work.accounts.at(index);
            it.value()(changed);
            if (!replaceAt(work, index, changed, problem))
                return false;
        }
        for (qsizetype i = 0; i < normals.size(); ++i) {
            const Account &normal = normals.at(i);
            if (work.indexById.contains(normal.id)) {
                *problem = tr("An account with the id %1 already exists.").arg(normal.id);
                return false;
            }
            if (nameTaken(work, normal.name, normal.id)) {
                *problem = nameTakenMessage(normal.name);
                return false;
            }
            work.indexById.insert(normal.id, work.accounts.size());
            work.accounts.append(normal);
            work.objects.append(objects.at(i));
            work.lines.append(QByteArray());
        }
        snapshot = std::move(work);
        return true;
    });
}
