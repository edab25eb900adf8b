package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions the golden tests share: the error model of docs/errors.md, seen from Java. */
final class Golden {
  private Golden() {}

  /** The exception class every surface maps a stable code to. */
  static Class<? extends CadreKitException> classOf(String code) {
    switch (code) {
      case "invalid_input": return InvalidInputException.class;
      case "invalid_argument": return InvalidArgumentException.class;
      case "overflow": return OverflowException.class;
      case "policy": return PolicyException.class;
      case "calendar_coverage": return CalendarCoverageException.class;
      case "state": return StateException.class;
      default: throw new IllegalArgumentException("unknown code " + code);
    }
  }

  /** C's status number of a stable code. */
  static int statusOf(String code) {
    switch (code) {
      case "invalid_argument": return 1;
      case "invalid_input": return 2;
      case "policy": return 3;
      case "calendar_coverage": return 4;
      case "state": return 5;
      case "overflow": return 6;
      default: throw new IllegalArgumentException("unknown code " + code);
    }
  }

  /**
   * {@code call} fails with exactly the code {@code code}: its class, its status, a message
   * that is one non-empty line. Returns the exception for further checks.
   */
  static CadreKitException assertFails(String code, Executable call, String what) {
    CadreKitException e = assertThrows(CadreKitException.class, call, what);
    assertEquals(code, e.code(), what + ": " + e.getMessage());
    assertEquals(classOf(code), e.getClass(), what + ": " + e.getMessage());
    assertEquals(statusOf(code), e.status(), what);
    assertFalse(e.getMessage().isEmpty(), what + ": empty message");
    assertFalse(e.getMessage().contains("\n"), what + ": message of more than one line");
    return e;
  }

  /** The message does not repeat {@code value} (a personal value, an amount). */
  static void assertNotEchoed(CadreKitException e, String value, String what) {
    assertFalse(e.getMessage().contains(value), what + ": message repeats the input: "
        + e.getMessage());
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); ++i) {
      if (Character.isDigit(s.charAt(i))) return true;
    }
    return false;
  }

  static void assertContains(String haystack, String needle, String what) {
    assertTrue(haystack.contains(needle), what + ": \"" + needle + "\" not in " + haystack);
  }
}
