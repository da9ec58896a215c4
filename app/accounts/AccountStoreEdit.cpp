#include "AccountStoreEdit.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <functional>
#include <utility>

namespace AccountStoreEdit {

using AccountFile::Snapshot;

bool normalise(const Account &given, const QJsonObject &unknown, Account *out, QByteArray *line, QString *error) {
    Account account = given;
    account.name = Account::normalName(given.name); // whoever creates or renames it: one spelling on disk
    QJsonObject object = accountToJson(account);
    QString problem;
    const std::optional<Account> back = accountFromJson(object, &problem);
    if (!back) {
        *error = QCoreApplication::translate("AccountStore", "The account \"%1\" cannot be saved: %2").arg(account.name, problem);
        return false;
    }
    *out = *back;
    for (auto it = unknown.begin(); it != unknown.end(); ++it)
        object.insert(it.key(), it.value());
    *line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return true;
}

bool nameTaken(const Snapshot &snapshot, const QString &name, const QString &exceptId) {
    for (const Account &a : snapshot.accounts) {
        if (a.id != exceptId && (a.name == name || Account::normalName(a.name) == name))
            return true;
    }
    return false;
}

QString nameTakenMessage(const QString &name) {
    return QCoreApplication::translate("AccountStore", "An account named \"%1\" already exists. Choose another name.").arg(name);
}

QString goneMessage(const QString &name) {
    return QCoreApplication::translate("AccountStore", "The account \"%1\" no longer exists; another TokenDesk window or the command line may have "
              "removed it.")
        .arg(name);
}

void reindex(Snapshot &snapshot) {
    snapshot.indexById.clear();
    snapshot.indexById.reserve(snapshot.accounts.size());
    for (qsizetype i = 0; i < snapshot.accounts.size(); ++i)
        snapshot.indexById.insert(snapshot.accounts.at(i).id, i);
}

void reindexFrom(Snapshot &snapshot, qsizetype from) {
    for (qsizetype i = from; i < snapshot.accounts.size(); ++i)
        snapshot.indexById[snapshot.accounts.at(i).id] = i;
}

bool replaceAt(Snapshot &snapshot, qsizetype index, const Account &account, QString *error,
               bool checkName) {
    Account normal;
    QByteArray line;
    if (!normalise(account, snapshot.objects.at(index), &normal, &line, error))
        return false;
    if (normal.id != snapshot.accounts.at(index).id) {
        *error = QCoreApplication::translate("AccountStore", "The account \"%1\" cannot change its id.").arg(account.name);
        return false;
    }
    // Only a new name is checked: a renewal keeps the name, and a file from before names were kept in NFC
    // may hold two spellings of one name that must stay savable.
    const bool renamed = normal.name != Account::normalName(snapshot.accounts.at(index).name);
    if (checkName && renamed && nameTaken(snapshot, normal.name, normal.id)) {
        *error = nameTakenMessage(normal.name);
        return false;
    }
    const size_t hash = AccountFile::entryHash(line);
    snapshot.replace(index, {std::move(normal), snapshot.objects.at(index), std::move(line), {}, hash});
    return true;
}

} // namespace AccountStoreEdit

using namespace AccountStoreEdit;

AccountStore::Result AccountStore::addAndModify(const QList<Account> &added,
                                                const QHash<QString, std::function<void(Account &)>> &changes,
                                                const QStringList &removed) {
    QList<Account> normals;
    QList<QByteArray> lines;
    normals.reserve(added.size());
    lines.reserve(added.size());
    for (const Account &account : added) {
        Account normal;
        QByteArray line;
        QString error;
        if (!normalise(account, {}, &normal, &line, &error))
            return failed(error);
        normals.append(normal);
        lines.append(line);
    }
    // A null id: several accounts change, on a copy of the file's state that is adopted whole.
    return mutate(QString(), [&](Snapshot &snapshot, QString *problem) {
        // On a copy: a refusal half-way must leave the snapshot as it was read.
        Snapshot work = snapshot;
        const auto gone = [&](const QString &id) {
            const std::optional<Account> known = account(id);
            *problem = goneMessage(known ? known->name : id);
            return false;
        };
        // Removals first: a replacement adds a new account under the name of the one it removes.
        if (!removed.isEmpty()) {
            QList<qsizetype> indexes;
            indexes.reserve(removed.size());
            for (const QString &id : removed) {
                const qsizetype index = work.indexById.value(id, -1);
                if (index < 0)
                    return gone(id);
                indexes.append(index);
            }
            std::sort(indexes.begin(), indexes.end(), std::greater<qsizetype>());
            indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
            for (const qsizetype index : std::as_const(indexes))
                work.removeAt(index);
            reindex(work);
        }
        // Name → id once, instead of a scan of every account per change or addition.
        QHash<QString, QString> idByName;
        idByName.reserve(work.accounts.size() + normals.size());
        for (const Account &a : std::as_const(work.accounts))
            idByName.insert(Account::normalName(a.name), a.id);
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const qsizetype index = work.indexById.value(it.key(), -1);
            if (index < 0)
                return gone(it.key());
            const QString oldName = Account::normalName(work.accounts.at(index).name);
            Account changed = work.accounts.at(index);
            it.value()(changed);
            changed.name = Account::normalName(changed.name);
            const auto holder = idByName.constFind(changed.name);
            if (holder != idByName.constEnd() && *holder != changed.id) {
                *problem = nameTakenMessage(changed.name);
                return false;
            }
            if (!replaceAt(work, index, changed, problem, false))
                return false;
            if (oldName != changed.name) {
                idByName.remove(oldName);
                idByName.insert(changed.name, changed.id);
            }
        }
        for (qsizetype i = 0; i < normals.size(); ++i) {
            const Account &normal = normals.at(i);
            if (work.indexById.contains(normal.id)) {
                *problem = tr("An account with the id %1 already exists.").arg(normal.id);
                return false;
            }
            if (idByName.contains(normal.name)) {
                *problem = nameTakenMessage(normal.name);
                return false;
            }
            idByName.insert(normal.name, normal.id);
            work.indexById.insert(normal.id, work.size());
            work.appendLine(normal, lines.at(i));
        }
        snapshot = std::move(work);
        return true;
    });
}
