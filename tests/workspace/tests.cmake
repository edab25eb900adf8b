# The county workspace (docs/workspace.md): unit tests over the C++ API, and the process tests —
# kill -9 during a large import, two writers at once — which run the command line many times
# in one test process within a bounded time.
add_executable(cadrekit_workspace_tests ${CMAKE_CURRENT_LIST_DIR}/test_workspace.cpp)
target_link_libraries(cadrekit_workspace_tests PRIVATE cadrekit_workspace SQLite::SQLite3 GTest::gtest_main)
target_include_directories(cadrekit_workspace_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(cadrekit_workspace_tests PRIVATE CADREKIT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
cadrekit_strict_warnings(cadrekit_workspace_tests)
gtest_discover_tests(cadrekit_workspace_tests TEST_PREFIX workspace. DISCOVERY_TIMEOUT 60)

if(TARGET cadrekit_cli)
  add_executable(cadrekit_workspace_process_tests
    ${CMAKE_CURRENT_LIST_DIR}/process/test_crash.cpp ${CMAKE_CURRENT_LIST_DIR}/process/test_concurrency.cpp)
  target_link_libraries(cadrekit_workspace_process_tests PRIVATE cadrekit_workspace SQLite::SQLite3 GTest::gtest_main)
  target_include_directories(cadrekit_workspace_process_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
  target_compile_definitions(cadrekit_workspace_process_tests PRIVATE CADREKIT_CLI="$<TARGET_FILE:cadrekit_cli>")
  add_dependencies(cadrekit_workspace_process_tests cadrekit_cli)
  cadrekit_strict_warnings(cadrekit_workspace_process_tests)
  add_test(NAME workspace.crash_kill9_during_import
    COMMAND cadrekit_workspace_process_tests --gtest_filter=WorkspaceCrash.*)
  add_test(NAME workspace.two_writers_at_once
    COMMAND cadrekit_workspace_process_tests --gtest_filter=WorkspaceConcurrency.*)
  # Each is bounded by its own budget (about 30 s and 15 s); the timeout is a safety net.
  set_tests_properties(workspace.crash_kill9_during_import workspace.two_writers_at_once PROPERTIES
    TIMEOUT 180 RUN_SERIAL TRUE)
endif()

# A year of the sample county run step by step into a workspace with the command line, and every
# query answered from it (tests/workspace/check_cli_year.py).
if(Python3_EXECUTABLE)
  set(_ck_ws_python ${Python3_EXECUTABLE})
else()
  find_program(_ck_ws_python NAMES python3 REQUIRED)
endif()
if(TARGET cadrekit_cli)
  add_test(NAME workspace.cli_year
    COMMAND ${_ck_ws_python} ${CMAKE_CURRENT_LIST_DIR}/check_cli_year.py $<TARGET_FILE:cadrekit_cli>
            ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/workspace_cli_year)
endif()
