# Strict warnings, on our own targets only (never PUBLIC: users' code is theirs). -Werror only
# with CADREKIT_WERROR=ON (our CI): a packager's compiler may warn where ours does not, and a
# warning must not fail their build.
#
# GCC 12 at -O3 (Release) reports -Wrestrict inside std::string's operator+ for the everyday
# `"U" + std::to_string(i)` (GCC bug 105329, fixed in GCC 13); where it fires depends on inlining,
# so no line-by-line silencing keeps up with it. With -Werror it stays a warning under GCC 12
# (shown, never silenced); every other warning is an error.
function(cadrekit_strict_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<OR:$<C_COMPILER_ID:GNU,Clang>,$<CXX_COMPILER_ID:GNU,Clang>>:-Wall -Wextra -Wpedantic>
    $<$<BOOL:${CADREKIT_WERROR}>:-Werror>)
  if(CADREKIT_WERROR AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wno-error=restrict>)
  endif()
endfunction()

# cadrekit_embed(<out_var> <symbol> <file>): generate a .cpp defining
#   extern "C++" const unsigned char <symbol>[]; const std::size_t <symbol>_size;
# holding <file>'s bytes, so the library reads its reference data without file lookups.
function(cadrekit_embed out_var symbol file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${file}"
    VERBATIM)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
