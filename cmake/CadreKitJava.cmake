# The Java binding (java/, docs/java.md) needs a JDK (javac, jar, java) and JNA's jar
# (Debian: openjdk-17-jdk-headless, libjna-java). It is built by default when both are found
# (not in sanitizer or fuzzer builds); a packager turns it off with -DCADREKIT_BUILD_JAVA=OFF,
# and =ON makes a missing one an error.
find_package(Java 11 QUIET COMPONENTS Development Runtime)
include(UseJava)
find_jar(CADREKIT_JNA_JAR NAMES jna DOC "JNA's jar, for the Java binding (Debian: libjna-java)")
set(_ck_java_default OFF)
if(Java_FOUND AND CADREKIT_JNA_JAR AND NOT CADREKIT_SANITIZE AND NOT CADREKIT_BUILD_FUZZERS)
  set(_ck_java_default ON)
endif()
option(CADREKIT_BUILD_JAVA
  "Build the Java binding cadrekit.jar (on by default when a JDK and JNA are found)"
  ${_ck_java_default})
if(CADREKIT_BUILD_JAVA)
  message(STATUS "cadrekit: Java binding ON (javac ${Java_VERSION_STRING}, JNA ${CADREKIT_JNA_JAR})")
elseif(CADREKIT_SANITIZE OR CADREKIT_BUILD_FUZZERS)
  # A JVM cannot load a sanitized libcadrekit_c unless the sanitizer's runtime is preloaded.
  message(STATUS "cadrekit: Java binding OFF (not built with sanitizers or fuzzers)")
elseif(Java_FOUND AND CADREKIT_JNA_JAR)
  message(STATUS "cadrekit: Java binding OFF (CADREKIT_BUILD_JAVA=OFF)")
else()
  message(STATUS "cadrekit: Java binding OFF (no JDK >= 11 or no JNA jar found)")
endif()
if(CADREKIT_BUILD_JAVA AND NOT (Java_FOUND AND CADREKIT_JNA_JAR))
  message(FATAL_ERROR "CADREKIT_BUILD_JAVA is ON but a JDK >= 11 (${Java_JAVAC_EXECUTABLE}) or "
    "JNA's jar (${CADREKIT_JNA_JAR}) was not found: install them (scripts/setup) or pass "
    "-DCADREKIT_BUILD_JAVA=OFF")
endif()
