#pragma once

// The bodies of the libFuzzer targets. Each fuzz_<name>.cpp defines one function here and, when built as a
// libFuzzer executable (TOKENDESK_LIBFUZZER, only in the TOKENDESK_FUZZ build), the LLVMFuzzerTestOneInput
// that calls it. tst_fuzzregressions compiles the same files without libFuzzer and replays every saved
// crashing input and every seed through the same functions, in the normal test suite.
//
// A target returns normally for any input. Besides what the sanitizers catch, FUZZ_CHECK states what the
// code under test promises (a parsed token is header-safe, a Retry-After instant is within a day, ...);
// a broken promise aborts like a crash, so libFuzzer saves the input.

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace FuzzTargets {
void providerAnswer(const uint8_t *data, size_t size);
void timestamp(const uint8_t *data, size_t size);
void jwt(const uint8_t *data, size_t size);
void providerProfile(const uint8_t *data, size_t size);
void accountFile(const uint8_t *data, size_t size);
void retryAfter(const uint8_t *data, size_t size);
void authHeaderAnswer(const uint8_t *data, size_t size);

inline QByteArray bytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}
} // namespace FuzzTargets

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
