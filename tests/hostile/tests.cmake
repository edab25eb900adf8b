# The hostile suite (tests/hostile/hostile.py, docs/limits.md): every hostile input made at run
# time and given to the command line, the C ABI (hostile_c) and, where the module is built,
# Python, each call in a child process with a time limit and (outside the sanitizer builds,
# which reserve address space) a memory limit.
add_executable(hostile_c ${CMAKE_CURRENT_LIST_DIR}/hostile_c.c)
target_link_libraries(hostile_c PRIVATE cadrekit_c)
cadrekit_strict_warnings(hostile_c)
if(Python3_EXECUTABLE)
  set(_ck_hostile_python ${Python3_EXECUTABLE})
else()
  find_program(_ck_hostile_python NAMES python3 REQUIRED)
endif()
set(_ck_hostile_args --cli $<TARGET_FILE:cadrekit_cli> --c-driver $<TARGET_FILE:hostile_c>
    --work ${CMAKE_CURRENT_BINARY_DIR}/hostile_tmp)
if(CADREKIT_SANITIZE)
  list(APPEND _ck_hostile_args --sanitized --timeout 300)
endif()
if(TARGET _core)
  list(APPEND _ck_hostile_args --pythonpath ${PROJECT_BINARY_DIR}/python)
endif()
add_test(NAME hostile.suite COMMAND ${_ck_hostile_python} ${CMAKE_CURRENT_LIST_DIR}/hostile.py ${_ck_hostile_args})
set_tests_properties(hostile.suite PROPERTIES TIMEOUT 900)
