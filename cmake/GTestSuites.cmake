# gtest_discover_suites(TARGET LABELS label... [TIMEOUT seconds])
#
# Like gtest_discover_tests, but registers one ctest test per test suite
# (named after the suite, running `TARGET --gtest_filter=Suite.*`) instead of
# one per test. The black-box suites share one server per suite inside one
# process (tests/api/api_fixture.hpp), which only pays off when ctest runs a
# whole suite as one process. The suites are listed after every build of
# TARGET, so new test files need no CMake change.
#
# Also the script that does the listing, in script mode (cmake -P) with
# EXECUTABLE, OUTPUT, LABELS and TIMEOUT defined.

if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(
    COMMAND "${EXECUTABLE}" --gtest_list_tests
    OUTPUT_VARIABLE listing
    ERROR_VARIABLE errors
    RESULT_VARIABLE result
    TIMEOUT 60)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${EXECUTABLE} --gtest_list_tests failed (${result}):\n${listing}\n${errors}")
  endif()
  # Suite lines start in the first column and end with "." (maybe followed
  # by a "# TypeParam" comment); test lines are indented.
  string(REGEX MATCHALL "(^|\n)[A-Za-z_][^ \n]*\\." suite_lines "${listing}")
  set(content "")
  foreach(line IN LISTS suite_lines)
    string(STRIP "${line}" line)
    string(REGEX REPLACE "\\.$" "" suite "${line}")
    if(suite MATCHES "^DISABLED_")
      continue()
    endif()
    # A suite whose every test skipped itself is reported as skipped.
    string(APPEND content "add_test([==[${suite}]==] [==[${EXECUTABLE}]==] [==[--gtest_filter=${suite}.*]==])\n"
           "set_tests_properties([==[${suite}]==] PROPERTIES LABELS [==[${LABELS}]==] TIMEOUT ${TIMEOUT}\n"
           "  SKIP_REGULAR_EXPRESSION [==[\\[  PASSED  \\] 0 tests]==])\n")
  endforeach()
  file(WRITE "${OUTPUT}" "${content}")
  return()
endif()

set(_gtest_suites_script "${CMAKE_CURRENT_LIST_FILE}")

function(gtest_discover_suites target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "LABELS")
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 600)
  endif()
  set(listed "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites_include.cmake")
  add_custom_command(
    TARGET ${target}
    POST_BUILD
    BYPRODUCTS "${listed}"
    COMMAND "${CMAKE_COMMAND}" -D "EXECUTABLE=$<TARGET_FILE:${target}>" -D "OUTPUT=${listed}" -D "LABELS=${arg_LABELS}"
            -D "TIMEOUT=${arg_TIMEOUT}" -P "${_gtest_suites_script}"
    VERBATIM)
  file(WRITE "${include_file}"
       "if(EXISTS [==[${listed}]==])\n"
       "  include([==[${listed}]==])\n"
       "else()\n"
       "  add_test([==[${target}_NOT_BUILT]==] [==[${target}_NOT_BUILT]==])\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
