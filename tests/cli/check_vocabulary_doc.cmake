# docs/input.md must be exactly what `cadrekit vocabulary --markdown` writes (the page is
# generated from the library's vocabulary; regenerate it with that command).
#   CMD: the cadrekit executable; DOC: docs/input.md
execute_process(COMMAND ${CMD} vocabulary --markdown RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cadrekit vocabulary --markdown failed (${rc}): ${err}")
endif()
file(READ ${DOC} doc)
if(NOT doc STREQUAL out)
  message(FATAL_ERROR "${DOC} differs from `cadrekit vocabulary --markdown`; regenerate it:\n"
                      "  cadrekit vocabulary --markdown > docs/input.md")
endif()
