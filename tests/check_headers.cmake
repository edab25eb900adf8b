# Compiles each public header alone: a translation unit of just `#include <HEADER>`.
set(failed "")
foreach(h IN LISTS HEADERS)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/hdr_alone.cpp "#include <${h}>\n")
  execute_process(
    COMMAND ${CXX} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INC1} -I${INC2}
            ${CMAKE_CURRENT_BINARY_DIR}/hdr_alone.cpp
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(APPEND failed "${h}: ${err}")
  endif()
endforeach()
list(LENGTH HEADERS n)
if(failed)
  message(FATAL_ERROR "headers that do not compile alone:\n${failed}")
endif()
message(STATUS "${n} public headers compile alone")
