# The sample county and `cadrekit demo`: the generator reproduces data/sample byte
# for byte, and the demo's outputs hold the source's figures, recomputed here independently of
# the report code (tests/demo/check_demo.py).
if(Python3_EXECUTABLE)
  set(_ck_demo_python ${Python3_EXECUTABLE})
else()
  find_program(_ck_demo_python NAMES python3 REQUIRED)
endif()
add_test(NAME demo.sample_county_reproducible
  COMMAND ${_ck_demo_python} ${PROJECT_SOURCE_DIR}/scripts/gen-sample-county --check)
if(TARGET cadrekit_cli)
  add_test(NAME demo.outputs_hold_source_figures
    COMMAND ${_ck_demo_python} ${CMAKE_CURRENT_LIST_DIR}/check_demo.py $<TARGET_FILE:cadrekit_cli>
            ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/demo_out)
  add_test(NAME demo.bad_out_dir_exit_status
    COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:cadrekit_cli> "-DARGS=demo;--out;/dev/null/x"
            -DEXPECT_RC=2 "-DEXPECT_ERR=invalid_input.*field --out" -P ${CMAKE_CURRENT_LIST_DIR}/../run_expect.cmake)
endif()
