#include "Hardening.h"

#include <QString>

#include <cstdio>
#include <string.h> // explicit_bzero
#include <sys/prctl.h>
#include <sys/resource.h>

namespace Hardening {

Status current() {
    Status status;
    status.dumpableOff = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
    rlimit core{};
    status.coreLimitZero = ::getrlimit(RLIMIT_CORE, &core) == 0 && core.rlim_cur == 0 && core.rlim_max == 0;
    return status;
}

Status apply() {
    // Each step on its own: one failing must not stop the other.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    const Status status = current();

    if (qEnvironmentVariable("TOKENDESK_PRINT_HARDENING") == QLatin1String("1")) {
        rlimit core{};
        const bool haveLimit = ::getrlimit(RLIMIT_CORE, &core) == 0;
        std::fprintf(stderr, "tokendesk-hardening: dumpable=%d core=%lld/%lld\n",
                     ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0),
                     haveLimit ? static_cast<long long>(core.rlim_cur) : -1LL,
                     haveLimit ? static_cast<long long>(core.rlim_max) : -1LL);
        std::fflush(stderr);
    }
    return status;
}

bool zeroIfSoleOwner(QByteArray &bytes) {
    // isDetached() is false for a shared buffer and for fromRawData() (not ours to write).
    if (!bytes.isDetached())
        return false;
    if (bytes.capacity() > 0)
        ::explicit_bzero(bytes.data(), static_cast<size_t>(bytes.capacity()));
    return true;
}

void wipe(QByteArray &bytes) {
    zeroIfSoleOwner(bytes);
    bytes.clear();
}

} // namespace Hardening
