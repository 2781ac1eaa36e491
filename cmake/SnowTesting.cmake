# snow_add_test(NAME <name> SOURCES <files...> LIBRARIES <targets...> [LABELS <labels...>] [TIMEOUT <seconds>])
#
# Builds one Qt Test executable and registers it with CTest. Tests run headless
# (QT_QPA_PLATFORM=offscreen) and get the location of the optional shared reference
# folder through SNOW_SHARED_DIR; a test that needs it must QSKIP when it is absent.
function(snow_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})

    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBRARIES} snow_warnings)
    target_compile_definitions(${ARG_NAME} PRIVATE
        SNOW_SHARED_DIR="${SNOW_SHARED_DIR}"
        SNOW_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})

    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=snow.*.debug=false")
endfunction()
