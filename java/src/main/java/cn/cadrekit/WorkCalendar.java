package cn.cadrekit;

import com.sun.jna.Pointer;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A working-day calendar (docs/calendar.md): weekends, the State Council's holidays and make-up
 * working days. Owns a native ck_calendar: close it (try-with-resources); a forgotten one is
 * freed by a Cleaner once unreachable. Immutable: one calendar may serve any number of threads
 * at once, and {@link #close()} waits for the calls in flight.
 *
 * <pre>{@code
 * try (WorkCalendar cal = WorkCalendar.china()) {
 *   LocalDate due = cal.addWorkingDays(LocalDate.of(2016, 9, 30), 1); // 2016-10-08
 * }
 * }</pre>
 */
public final class WorkCalendar extends NativeHandle {
  private WorkCalendar(Pointer peer) {
    super(peer, Lib::ck_calendar_free, "WorkCalendar");
  }

  private static WorkCalendar wrap(long[] out) {
    return new WorkCalendar(new Pointer(out[0]));
  }

  /** Mainland China's calendar, 2007–2026, strict: a date outside it is a coverage error. */
  public static WorkCalendar china() {
    return china(false);
  }

  /**
   * Mainland China's calendar. {@code lenient}: outside the coverage only weekends are off
   * (results that relied on that are estimates); strict: such a date is a
   * {@link CalendarCoverageException}.
   */
  public static WorkCalendar china(boolean lenient) {
    long[] out = new long[1];
    Lib.check(Lib.ck_calendar_china(out, lenient ? 1 : 0));
    return wrap(out);
  }

  /** A calendar from CSV text {@code date,is_off_day,name} (docs/calendar.md). */
  public static WorkCalendar fromCsv(String csv, boolean lenient) {
    long[] out = new long[1];
    Lib.check(Lib.ck_calendar_from_csv(out, Lib.utf8(csv, "csv"), lenient ? 1 : 0));
    return wrap(out);
  }

  /**
   * A new calendar: this one plus the days of {@code csv} (a newly announced year). This
   * calendar is unchanged; the new one is independent of it and must be closed too.
   */
  public WorkCalendar withCsv(String csv) {
    byte[] text = Lib.utf8(csv, "csv");
    long[] out = new long[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_with_csv(out, cal, text));
    } finally {
      release();
    }
    return wrap(out);
  }

  /** The days the calendar's data covers, inclusive. */
  public DateRange coverage() {
    int[] first = new int[1];
    int[] last = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_coverage(first, last, cal));
    } finally {
      release();
    }
    return DateRange.ofDays(first[0], last[0]);
  }

  /** Whether {@code day} is a working day. */
  public boolean isWorkingDay(LocalDate day) {
    int d = Dates.toDay(day, "d");
    int[] out = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_is_working_day(out, cal, d));
    } finally {
      release();
    }
    return out[0] != 0;
  }

  /** The n-th working day strictly after {@code from} (n &lt; 0: before; n = 0: from). */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    int d = Dates.toDay(from, "from");
    int[] out = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_add_working_days(out, cal, d, n));
    } finally {
      release();
    }
    return LocalDate.ofEpochDay(out[0]);
  }

  /** A notice period of n &ge; 1 working days starting on {@code start} or the next working day. */
  public DateRange window(LocalDate start, int n) {
    int d = Dates.toDay(start, "start");
    int[] first = new int[1];
    int[] last = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_window(first, last, cal, d, n));
    } finally {
      release();
    }
    return DateRange.ofDays(first[0], last[0]);
  }

  /** Working days in [first, last], inclusive (0 when last &lt; first). */
  public int countWorkingDays(LocalDate first, LocalDate last) {
    int a = Dates.toDay(first, "first");
    int b = Dates.toDay(last, "last");
    int[] out = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_count_working_days(out, cal, a, b));
    } finally {
      release();
    }
    return out[0];
  }

  /** n &ge; 1 calendar days from start ("publicised for 7 days"): (start, start + n - 1). */
  public DateRange calendarWindow(LocalDate start, int n) {
    int d = Dates.toDay(start, "start");
    int[] first = new int[1];
    int[] last = new int[1];
    Pointer cal = acquire();
    try {
      Lib.check(Lib.ck_calendar_calendar_window(first, last, cal, d, n));
    } finally {
      release();
    }
    return DateRange.ofDays(first[0], last[0]);
  }

  // ---- columns: one native call for all rows -------------------------------------------

  /**
   * {@code out[i] = addWorkingDays(from[i], n[i])} over day numbers ({@link Dates#toDays});
   * {@link Dates#NO_DATE} stays NO_DATE. One native call for all rows. All or nothing: a bad
   * row throws the one-date call's exception naming the field and {@code row i}.
   */
  public int[] addWorkingDays(int[] from, int[] n) {
    int[] out = new int[from.length];
    addWorkingDays(from, n, out);
    return out;
  }

  /** {@link #addWorkingDays(int[], int[])} with one n for every row. */
  public int[] addWorkingDays(int[] from, int n) {
    int[] ns = new int[from.length];
    Arrays.fill(ns, n);
    return addWorkingDays(from, ns);
  }

  /**
   * {@link #addWorkingDays(int[], int[])} into the caller's {@code out} (which may be
   * {@code from} itself); on failure {@code out} is unchanged.
   */
  public void addWorkingDays(int[] from, int[] n, int[] out) {
    Columns.sameLength(from.length, "n", n.length);
    Columns.sameLength(from.length, "out", out.length);
    Pointer cal = acquire();
    try {
      CalendarBatch.addWorkingDays(out, cal, from, n);
    } finally {
      release();
    }
  }

  /**
   * {@code out[i] = countWorkingDays(first[i], last[i])} over day numbers; -1 where either is
   * {@link Dates#NO_DATE}. One native call, all or nothing.
   */
  public int[] countWorkingDays(int[] first, int[] last) {
    Columns.sameLength(first.length, "last", last.length);
    int[] out = new int[first.length];
    Pointer cal = acquire();
    try {
      CalendarBatch.countWorkingDays(out, cal, first, last);
    } finally {
      release();
    }
    return out;
  }
}
