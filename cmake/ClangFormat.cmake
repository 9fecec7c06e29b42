# `format` rewrites every C++ source in place; `check-format` fails on any
# file clang-format would change. Both see the same file list.
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format clang-format-14)

if(CLANG_FORMAT_EXECUTABLE)
    file(GLOB_RECURSE RELEASEDECK_FORMAT_SOURCES CONFIGURE_DEPENDS
        "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h"
        "${PROJECT_SOURCE_DIR}/core/*.cpp" "${PROJECT_SOURCE_DIR}/core/*.h"
        "${PROJECT_SOURCE_DIR}/cli/*.cpp" "${PROJECT_SOURCE_DIR}/cli/*.h"
        "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
        "${PROJECT_SOURCE_DIR}/tests/*.cpp" "${PROJECT_SOURCE_DIR}/tests/*.h")
    add_custom_target(format
        COMMAND "${CLANG_FORMAT_EXECUTABLE}" -i ${RELEASEDECK_FORMAT_SOURCES}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Formatting C++ sources"
        VERBATIM)
    add_custom_target(check-format
        COMMAND "${CLANG_FORMAT_EXECUTABLE}" --dry-run --Werror ${RELEASEDECK_FORMAT_SOURCES}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Checking C++ formatting"
        VERBATIM)
endif()
