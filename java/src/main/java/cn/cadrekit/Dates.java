package cn.cadrekit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Dates across the boundary. The API takes and returns {@link LocalDate}; the C ABI's ck_date
 * is days since 1970-01-01 ({@link LocalDate#toEpochDay()}), which the column calls take as
 * {@code int[]} with {@link #NO_DATE} for a missing date. The library supports 1400-01-01 to
 * 9999-12-31; nothing reads the clock.
 */
public final class Dates {
  private Dates() {}

  /** "No date" in an {@code int[]} date column (C's CK_NO_DATE, INT32_MIN). */
  public static final int NO_DATE = Integer.MIN_VALUE;

  /**
   * The day number of a date, for a column. The range check happens before the narrowing (a
   * LocalDate reaches far beyond ck_date), so a date that cannot be a ck_date is an
   * InvalidInputException naming {@code field}, never a wrapped-around day.
   */
  public static int toDay(LocalDate date, String field) {
    Objects.requireNonNull(date, field);
    long day = date.toEpochDay();
    if (day <= Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
      throw CadreKitException.local(CadreKitException.INVALID_INPUT,
          "date outside the supported range 1400-01-01..9999-12-31 (field " + field + ")");
    }
    return (int) day;
  }

  /** The date of a day number; {@code null} for {@link #NO_DATE}. */
  public static LocalDate fromDay(int day) {
    return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
  }

  /** Day numbers of dates, {@link #NO_DATE} for null entries: one pass, for column calls. */
  public static int[] toDays(LocalDate[] dates, String field) {
    int[] out = new int[dates.length];
    for (int i = 0; i < dates.length; ++i) {
      out[i] = dates[i] == null ? NO_DATE : toDay(dates[i], field);
    }
    return out;
  }

  /** Dates of day numbers, null for {@link #NO_DATE}. */
  public static LocalDate[] fromDays(int[] days) {
    LocalDate[] out = new LocalDate[days.length];
    for (int i = 0; i < days.length; ++i) out[i] = fromDay(days[i]);
    return out;
  }

  /**
   * Parses exactly "YYYY-MM-DD" by the library's rule (the same words on every surface): an
   * impossible or malformed date is an InvalidInputException.
   */
  public static LocalDate parseIso(String text) {
    int[] out = new int[1];
    Lib.check(Lib.ck_date_parse_iso(out, Lib.utf8(text, "text")));
    return LocalDate.ofEpochDay(out[0]);
  }

  /**
   * The date year-month-day by the library's rule: 2015-02-29 or month 13 is an
   * InvalidInputException (where {@link LocalDate#of} would throw a DateTimeException).
   */
  public static LocalDate of(int year, int month, int day) {
    int[] out = new int[1];
    Lib.check(Lib.ck_date_from_ymd(out, year, month, day));
    return LocalDate.ofEpochDay(out[0]);
  }
}
