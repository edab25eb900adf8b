package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The calendar's batch calls of the C ABI (ck_calendar_*_batch), bound here alone: the C batch
 * convention may change (docs/java.md), and then only this class does.
 */
final class CalendarBatch {
  private CalendarBatch() {}

  static {
    Native.register(CalendarBatch.class, Lib.LIBRARY);
  }

  // size_t len: a Java long, as size_t is 64 bits on the LP64 platforms JNA runs this on.
  private static native int ck_calendar_add_working_days_batch(int[] out, Pointer cal, int[] from,
                                                               int[] n, long len);
  private static native int ck_calendar_count_working_days_batch(int[] out, Pointer cal,
                                                                 int[] first, int[] last, long len);

  static void addWorkingDays(int[] out, Pointer cal, int[] from, int[] n) {
    Lib.check(ck_calendar_add_working_days_batch(out, cal, from, n, from.length));
  }

  static void countWorkingDays(int[] out, Pointer cal, int[] first, int[] last) {
    Lib.check(ck_calendar_count_working_days_batch(out, cal, first, last, first.length));
  }
}
