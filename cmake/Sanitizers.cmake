# Sanitizer and fuzzing builds. Included right after project() through CMAKE_PROJECT_INCLUDE (the "asan"
# and "fuzz" presets in CMakePresets.json set it; scripts/test.sh and scripts/fuzz.sh use those presets),
# so the flags reach every target of the build directory, tokendesk_core included:
#
#   cmake --preset asan     # build-asan/: gcc, AddressSanitizer + UndefinedBehaviorSanitizer, whole project
#   cmake --preset fuzz     # build-fuzz/: clang-14, libFuzzer + ASan + UBSan, the fuzz targets in tests/fuzz/
#
# Any UBSan report is fatal (-fno-sanitize-recover), so a test or a fuzz run cannot pass over one. Qt and
# the other system libraries are not instrumented; ASan still sees every heap block they allocate.
option(TOKENDESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(TOKENDESK_FUZZ "Build with libFuzzer + ASan + UBSan (clang) and add the fuzz targets of tests/fuzz/" OFF)

if(TOKENDESK_SANITIZE AND TOKENDESK_FUZZ)
    message(FATAL_ERROR "TOKENDESK_SANITIZE and TOKENDESK_FUZZ are separate build directories; pick one")
endif()

set(_tokendesk_ub_flags -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

if(TOKENDESK_SANITIZE)
    message(STATUS "TokenDesk: AddressSanitizer + UndefinedBehaviorSanitizer build")
    # gcc's "undefined" leaves out float-cast-overflow (clang's includes it); a double outside int's range
    # cast to int is exactly what the account-file fuzzer found (tests/fuzz/regressions/account_file/).
    add_compile_options(-fsanitize=address,undefined,float-cast-overflow ${_tokendesk_ub_flags}
                        -fno-sanitize-recover=float-cast-overflow)
    add_link_options(-fsanitize=address,undefined,float-cast-overflow)
endif()

if(TOKENDESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "TOKENDESK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    message(STATUS "TokenDesk: libFuzzer build (fuzzer-no-link,address,undefined)")
    # Every object gets the coverage instrumentation libFuzzer steers by; only the fuzz executables link
    # libFuzzer's main (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer to them).
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined ${_tokendesk_ub_flags}
                        # cmake/CompilerSettings.cmake has gcc-only options such as -Wshadow=local
                        -Wno-unknown-warning-option)
    add_link_options(-fsanitize=address,undefined)
endif()
