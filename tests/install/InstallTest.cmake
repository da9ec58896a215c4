# Installs the build into PREFIX (emptied first) and checks the result. Run by ctest (tests/install).
cmake_minimum_required(VERSION 3.25)
foreach(var BUILD_DIR PREFIX VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "pass -D${var}=…")
    endif()
endforeach()

function(fail message)
    message(SEND_ERROR "install test: ${message}")
endfunction()

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()

# GNUInstallDirs' defaults for a non-/usr prefix: bin/ and share/.
set(expected
    bin/tokendesk
    bin/tokendesk-cli
    share/applications/tokendesk.desktop
    share/icons/hicolor/scalable/apps/tokendesk.svg
    share/bash-completion/completions/tokendesk-cli
    share/tokendesk/translations/tokendesk_de.qm
    share/tokendesk/translations/tokendesk_en.qm)
foreach(file IN LISTS expected)
    if(NOT EXISTS "${PREFIX}/${file}")
        fail("${file} was not installed")
    endif()
endforeach()
foreach(exe bin/tokendesk bin/tokendesk-cli)
    if(EXISTS "${PREFIX}/${exe}" AND NOT IS_DIRECTORY "${PREFIX}/${exe}")
        file(READ "${PREFIX}/${exe}" magic LIMIT 4 HEX)
        if(NOT magic STREQUAL "7f454c46")
            fail("${exe} is not an executable")
        endif()
    endif()
endforeach()

# The .desktop file names the installed executable and icon, and is valid.
file(READ "${PREFIX}/share/applications/tokendesk.desktop" desktop)
foreach(line "Exec=tokendesk" "Icon=tokendesk" "Type=Application")
    string(FIND "${desktop}" "${line}\n" at)
    if(at EQUAL -1)
        fail("tokendesk.desktop has no '${line}'")
    endif()
endforeach()
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${PREFIX}/share/applications/tokendesk.desktop"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        fail("desktop-file-validate: ${out}${err}")
    endif()
endif()

# The installed executables run and report the project's version; no display needed.
function(expect_output description expected)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
    string(FIND "${out}" "${expected}" at)
    if(NOT rc EQUAL 0 OR at EQUAL -1)
        fail("${description}: exit ${rc}, expected '${expected}' in:\n${out}${err}")
    else()
        message(STATUS "${description}: ok")
    endif()
endfunction()
set(clean_env "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=LANGUAGE LC_ALL=C.UTF-8)
expect_output("tokendesk-cli --version" "tokendesk-cli ${VERSION}" ${clean_env} "${PREFIX}/bin/tokendesk-cli" --version)
expect_output("tokendesk --version" "TokenDesk ${VERSION}" ${clean_env} "${PREFIX}/bin/tokendesk" --version)
# The system language reaches the CLI: German help from the German translation.
set(german_env "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=LANGUAGE LC_ALL=de_DE.UTF-8)
expect_output("LC_ALL=de_DE tokendesk-cli --help" "Diese Hilfe anzeigen." ${german_env} "${PREFIX}/bin/tokendesk-cli" --help)
expect_output("LC_ALL=de_DE tokendesk --help" "Mit den eingebauten Demo-Anbietern laufen" ${german_env} "${PREFIX}/bin/tokendesk" --help)

file(REMOVE_RECURSE "${PREFIX}")
