package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar through Java: every day 2007–2026 against the holiday data read
 * independently (as the C test does), then the cases the C++, C and Python tests share.
 */
class CalendarTest {
  static WorkCalendar cal;

  @BeforeAll
  static void open() {
    cal = WorkCalendar.china();
  }

  @AfterAll
  static void close() {
    cal.close();
  }

  static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  @Test
  void everyDayAgainstTheHolidayData() {
    Map<LocalDate, Boolean> special = new HashMap<>();
    List<String> lines = TestData.lines(TestData.sourceDir().resolve("data/calendars/cn_holidays.csv"));
    for (String line : lines.subList(1, lines.size())) {
      if (line.length() < 11) continue;
      special.put(LocalDate.parse(line.substring(0, 10)), line.startsWith("true", 11));
    }
    assertTrue(special.size() > 600);
    int mismatches = 0;
    for (LocalDate x = d(2007, 1, 1); !x.isAfter(d(2026, 12, 31)); x = x.plusDays(1)) {
      Boolean off = special.get(x);
      boolean want = off != null ? !off
          : x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY;
      if (cal.isWorkingDay(x) != want) ++mismatches;
    }
    assertEquals(0, mismatches);
  }

  @Test
  void sharedCases() {
    assertEquals(new DateRange(d(2007, 1, 1), d(2026, 12, 31)), cal.coverage());
    assertEquals(d(2016, 10, 8), cal.addWorkingDays(d(2016, 9, 30), 1));
    assertEquals(d(2016, 9, 30), cal.addWorkingDays(d(2016, 10, 8), -1));
    assertEquals(d(2016, 10, 3), cal.addWorkingDays(d(2016, 10, 3), 0));
    assertEquals(new DateRange(d(2016, 9, 30), d(2016, 10, 11)), cal.window(d(2016, 9, 30), 5));
    assertEquals(new DateRange(d(2016, 10, 8), d(2016, 10, 12)), cal.window(d(2016, 10, 3), 5));
    assertEquals(250, cal.countWorkingDays(d(2016, 1, 1), d(2016, 12, 31)));
    assertEquals(new DateRange(d(2016, 9, 29), d(2016, 10, 5)),
        cal.calendarWindow(d(2016, 9, 29), 7));
    assertTrue(cal.isWorkingDay(d(2016, 10, 8)), "make-up day of National Day");
  }

  @Test
  void coverageStrictAndLenient() {
    CadreKitException e = Golden.assertFails("calendar_coverage",
        () -> cal.addWorkingDays(d(2026, 12, 31), 1), "strict");
    Golden.assertContains(e.getMessage(), "coverage", "message");
    Golden.assertFails("calendar_coverage", () -> cal.isWorkingDay(d(2030, 1, 1)), "strict");
    try (WorkCalendar lenient = WorkCalendar.china(true)) {
      assertEquals(d(2027, 1, 1), lenient.addWorkingDays(d(2026, 12, 31), 1));
      Golden.assertFails("invalid_input",
          () -> lenient.addWorkingDays(d(2016, 1, 4), Integer.MAX_VALUE), "n too large");
    }
  }

  @Test
  void aNewlyAnnouncedYear() {
    try (WorkCalendar ext = cal.withCsv("date,is_off_day,name\n2027-01-01,true,x\n2027-01-04,true,x\n")) {
      assertEquals(d(2027, 1, 5), ext.addWorkingDays(d(2026, 12, 31), 1));
    }
    Golden.assertFails("calendar_coverage", () -> cal.addWorkingDays(d(2026, 12, 31), 1),
        "the original is unchanged");
    Golden.assertFails("invalid_input",
        () -> WorkCalendar.fromCsv("date,is_off_day,name\n2020-02-30,true,x\n", false), "bad row");
  }

  @Test
  void badArguments() {
    Golden.assertFails("invalid_input", () -> cal.window(d(2016, 1, 4), 0), "window of no days");
    Golden.assertFails("invalid_input", () -> cal.isWorkingDay(LocalDate.MAX), "beyond ck_date");
    Golden.assertFails("invalid_input", () -> cal.isWorkingDay(d(1399, 12, 31)), "before 1400");
    assertThrows(NullPointerException.class, () -> cal.isWorkingDay(null));
  }

  @Test
  void columnsAllOrNothing() {
    int[] from = Dates.toDays(new LocalDate[] {d(2016, 9, 30), d(2016, 9, 30), d(2016, 10, 8), null}, "from");
    int[] n = {1, 5, -1, 3};
    int[] out = cal.addWorkingDays(from, n);
    assertArrayEquals(new LocalDate[] {d(2016, 10, 8), d(2016, 10, 12), d(2016, 9, 30), null},
        Dates.fromDays(out));
    // the same as the one-date call, row by row
    for (int i = 0; i < 3; ++i) {
      assertEquals(cal.addWorkingDays(LocalDate.ofEpochDay(from[i]), n[i]), Dates.fromDay(out[i]));
    }
    int[] res = {7, 7, 7, 7};
    from[1] = Dates.toDay(d(2030, 1, 1), "from");
    CadreKitException e = Golden.assertFails("calendar_coverage",
        () -> cal.addWorkingDays(from, n, res), "row 2 outside");
    Golden.assertContains(e.getMessage(), "row 2", "message names the row");
    assertEquals("row 2", e.record());
    assertEquals("from", e.field(), e.getMessage());
    assertArrayEquals(new int[] {7, 7, 7, 7}, res, "nothing written");
    assertEquals(0, cal.addWorkingDays(new int[0], new int[0]).length);
    Golden.assertFails("invalid_input", () -> cal.addWorkingDays(new int[2], new int[3]),
        "different lengths");
  }

  @Test
  void columnsInPlace() {
    int[] days = {Dates.toDay(d(2016, 9, 30), "d"), Dates.toDay(d(2016, 10, 8), "d")};
    cal.addWorkingDays(days, new int[] {1, 1}, days);
    assertEquals(d(2016, 10, 8), Dates.fromDay(days[0]));
    assertEquals(d(2016, 10, 9), Dates.fromDay(days[1]));
    int[] one = cal.addWorkingDays(new int[] {Dates.toDay(d(2016, 9, 30), "d")}, 5);
    assertEquals(d(2016, 10, 12), Dates.fromDay(one[0]));
  }

  @Test
  void countColumns() {
    int[] first = {Dates.toDay(d(2016, 1, 1), "f"), Dates.NO_DATE, Dates.toDay(d(2016, 10, 1), "f")};
    int[] last = {Dates.toDay(d(2016, 12, 31), "l"), Dates.toDay(d(2016, 1, 1), "l"),
        Dates.toDay(d(2016, 9, 1), "l")};
    assertArrayEquals(new int[] {250, -1, 0}, cal.countWorkingDays(first, last));
    last[2] = Dates.toDay(d(2030, 1, 1), "l");
    CadreKitException e = Golden.assertFails("calendar_coverage",
        () -> cal.countWorkingDays(first, last), "row 3 outside");
    assertEquals("row 3", e.record(), "the row, counted from 1");
  }

  @Test
  void datesByTheLibrarysRule() {
    assertEquals(d(2016, 2, 29), Dates.of(2016, 2, 29));
    Golden.assertFails("invalid_input", () -> Dates.of(2015, 2, 29), "impossible date");
    assertEquals(d(2016, 9, 22), Dates.parseIso("2016-09-22"));
    Golden.assertFails("invalid_input", () -> Dates.parseIso("2016-9-22"), "malformed");
    assertFalse(Dates.fromDay(Dates.NO_DATE) != null);
  }
}
