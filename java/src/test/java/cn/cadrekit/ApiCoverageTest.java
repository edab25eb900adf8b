package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every function of cadrekit.h is bound by the Java binding, or on the short list of those left
 * out on purpose; and no deprecated function is bound. Read from the header itself, so a
 * function added to the C ABI without its Java side fails here.
 */
class ApiCoverageTest {
  /** Left out on purpose, with the reason (docs/java.md). */
  static final Map<String, String> NOT_BOUND = Map.of(
      "ck_date_to_ymd", "LocalDate does it",
      "ck_date_format_iso", "LocalDate.toString does it",
      "ck_last_error_code", "the status comes back with the call");

  /** The classes that bind functions of the library. */
  static final String[] BINDERS = {"Lib", "CalendarBatch", "PersonBatch", "AuditBatch",
      "VillageBatch", "AssessmentBatch", "TalentBatch"};

  /** Function name → deprecated?, for every CK_API declaration of the header. */
  static Map<String, Boolean> header() {
    return declarations(TestData.read(TestData.sourceDir().resolve("capi/cadrekit.h")));
  }

  static Map<String, Boolean> declarations(String h) {
    // comments out, so that a name in prose is not taken for a declaration
    h = h.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    // and the preprocessor's lines (the definitions of CK_API and CK_DEPRECATED themselves)
    h = h.replaceAll("(?m)^\\s*#(?:[^\n]*\\\\\n)*[^\n]*$", " ");
    Map<String, Boolean> out = new TreeMap<>();
    Matcher m = Pattern.compile("(?s)([^;{}]*?)\\bCK_API\\b([^;]*?)\\b(ck_\\w+)\\s*\\(([^;]*);").matcher(h);
    while (m.find()) {
      String decl = m.group(0);
      out.put(m.group(3), decl.contains("CK_DEPRECATED"));
    }
    return out;
  }

  static Set<String> bound() throws Exception {
    Set<String> out = new TreeSet<>();
    for (String c : BINDERS) {
      for (Method meth : Class.forName("cn.cadrekit." + c).getDeclaredMethods()) {
        if (Modifier.isNative(meth.getModifiers())) out.add(meth.getName());
      }
    }
    return out;
  }

  @Test
  void everyFunctionOfTheHeaderIsBound() throws Exception {
    Map<String, Boolean> h = header();
    assertTrue(h.size() >= 70, "functions read from the header: " + h.size());
    Set<String> bound = bound();
    Set<String> missing = new TreeSet<>();
    for (Map.Entry<String, Boolean> e : h.entrySet()) {
      if (!e.getValue() && !bound.contains(e.getKey()) && !NOT_BOUND.containsKey(e.getKey())) {
        missing.add(e.getKey());
      }
    }
    assertEquals(Set.of(), missing, "functions of cadrekit.h without a Java binding");
    Set<String> unknown = new TreeSet<>(bound);
    unknown.removeAll(h.keySet());
    assertEquals(Set.of(), unknown, "bound functions the header does not declare");
  }

  @Test
  void theReaderSeesBothPlacesOfTheDeprecationMark() {
    Map<String, Boolean> d = declarations("#define CK_DEPRECATED(msg) __attribute__((deprecated(msg)))\n"
        + "#define CK_API __attribute__((visibility(\"default\")))\n"
        + "/* ck_in_a_comment(void); */\n"
        + "CK_API int ck_new(int *out, const char *x);\n"
        + "CK_DEPRECATED(\"use ck_new\") CK_API int ck_old(int *out);\n"
        + "CK_API int ck_old2(int *out,\n    size_t n) CK_DEPRECATED(\"use ck_new\");\n"
        + "CK_API void ck_free(void *p);\n");
    assertEquals(Map.of("ck_new", false, "ck_old", true, "ck_old2", true, "ck_free", false), d);
  }

  @Test
  void noDeprecatedFunctionIsBound() throws Exception {
    Set<String> deprecated = new TreeSet<>();
    header().forEach((name, dep) -> {
      if (dep) deprecated.add(name);
    });
    deprecated.retainAll(bound());
    assertEquals(Set.of(), deprecated, "deprecated functions bound");
  }
}
