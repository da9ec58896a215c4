// The config-file loader: AccountFile::parse, what AccountFile::read and AccountStore call on the bytes
// of accounts.json. A file it accepts must survive the store's own round trip: serialize() and parse again
// give the same accounts, and re-parsing against the previous snapshot (the incremental path the store
// takes when another process changed the file) agrees with a fresh parse. The input is also read as one
// account entry both ways (AccountEntryAgreement.h): what the direct reader accepts, QJsonDocument +
// accountFromJson accept as the same account.
#include "AccountEntryAgreement.h"
#include "FuzzTargets.h"

#include "accounts/AccountFile.h"

void FuzzTargets::accountFile(const uint8_t *data, size_t size) {
    using AccountFile::Status;
    const QString path = QStringLiteral("/fuzz/tokendesk/accounts.json");
    const QByteArray input = bytes(data, size);
    if (const QString problem = AccountEntryAgreement::disagreement(input); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        FUZZ_CHECK(problem.isEmpty());
    }
    AccountFile::ReadResult first = AccountFile::parse(path, input);
    if (first.status != Status::Ok) {
        FUZZ_CHECK(!first.message.isEmpty());
        FUZZ_CHECK(first.snapshot.accounts.isEmpty());
        return;
    }
    const qsizetype count = first.snapshot.accounts.size();
    FUZZ_CHECK(first.snapshot.objects.size() == count);

    const AccountFile::ReadResult again = AccountFile::parse(path, input, &first.snapshot);
    FUZZ_CHECK(again.status == Status::Ok);
    FUZZ_CHECK(again.snapshot.accounts.size() == count);

    AccountFile::Snapshot snapshot = first.snapshot;
    const QByteArray written = AccountFile::serialize(&snapshot);
    const AccountFile::ReadResult reread = AccountFile::parse(path, written);
    FUZZ_CHECK(reread.status == Status::Ok);
    FUZZ_CHECK(reread.snapshot.accounts.size() == count);
    for (qsizetype i = 0; i < count; ++i) {
        FUZZ_CHECK(reread.snapshot.accounts.at(i).id == first.snapshot.accounts.at(i).id);
        FUZZ_CHECK(reread.snapshot.objects.at(i) == first.snapshot.objects.at(i));
    }
    FUZZ_CHECK(reread.snapshot.otherFields == first.snapshot.otherFields);
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::accountFile(data, size);
    return 0;
}
#endif
