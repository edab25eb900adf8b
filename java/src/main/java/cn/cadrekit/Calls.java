package cn.cadrekit;

import com.sun.jna.Pointer;

/**
 * The shapes of the library's JSON calls ({@code int f(char **out, …, const char *request)}):
 * encode the request, borrow the handles for the call, check the status, take the text.
 */
final class Calls {
  private Calls() {}

  interface Text1 {
    int call(long[] out, byte[] a);
  }

  interface Text2 {
    int call(long[] out, byte[] a, byte[] b);
  }

  interface PolicyText {
    int call(long[] out, Pointer policy, byte[] text);
  }

  interface PolicyText2 {
    int call(long[] out, Pointer policy, byte[] a, byte[] b);
  }

  interface PolicyCalendarText {
    int call(long[] out, Pointer policy, Pointer cal, byte[] text);
  }

  interface PolicyCalendarText2 {
    int call(long[] out, Pointer policy, Pointer cal, byte[] a, byte[] b);
  }

  interface PolicyDate {
    int call(long[] out, Pointer policy, int asOf);
  }

  static String text(Text1 f, String a, String fieldA) {
    byte[] x = Lib.utf8(a, fieldA);
    long[] out = new long[1];
    Lib.check(f.call(out, x));
    return Lib.take(out);
  }

  /** A call of two texts; {@code b} may be null where the C call takes NULL. */
  static String text(Text2 f, String a, String fieldA, String b, String fieldB) {
    byte[] x = a == null ? null : Lib.utf8(a, fieldA);
    byte[] y = b == null ? null : Lib.utf8(b, fieldB);
    long[] out = new long[1];
    Lib.check(f.call(out, x, y));
    return Lib.take(out);
  }

  static String policy(PolicyText f, Policy policy, String text, String field) {
    byte[] x = Lib.utf8(text, field);
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Lib.check(f.call(out, p, x));
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }

  /** A call of a policy and two texts; {@code a} may be null where the C call takes NULL. */
  static String policy(PolicyText2 f, Policy policy, String a, String fieldA, String b,
                       String fieldB) {
    byte[] x = a == null ? null : Lib.utf8(a, fieldA);
    byte[] y = Lib.utf8(b, fieldB);
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Lib.check(f.call(out, p, x, y));
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }

  static String policyDate(PolicyDate f, Policy policy, int asOf) {
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Lib.check(f.call(out, p, asOf));
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }

  static String policyCalendar(PolicyCalendarText f, Policy policy, WorkCalendar cal,
                               String text, String field) {
    byte[] x = Lib.utf8(text, field);
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Pointer c = cal.acquire();
      try {
        Lib.check(f.call(out, p, c, x));
      } finally {
        cal.release();
      }
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }

  static String policyCalendar(PolicyCalendarText2 f, Policy policy, WorkCalendar cal, String a,
                               String fieldA, String b, String fieldB) {
    byte[] x = Lib.utf8(a, fieldA);
    byte[] y = Lib.utf8(b, fieldB);
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Pointer c = cal.acquire();
      try {
        Lib.check(f.call(out, p, c, x, y));
      } finally {
        cal.release();
      }
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }
}
