package cn.cadrekit;

import java.time.LocalDate;
import java.util.Objects;

/** Two dates, both inclusive: a window of working days, a calendar's coverage. */
public final class DateRange {
  private final LocalDate first;
  private final LocalDate last;

  public DateRange(LocalDate first, LocalDate last) {
    this.first = Objects.requireNonNull(first, "first");
    this.last = Objects.requireNonNull(last, "last");
  }

  static DateRange ofDays(int first, int last) {
    return new DateRange(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
  }

  /** The first day, inclusive. */
  public LocalDate first() {
    return first;
  }

  /** The last day, inclusive. */
  public LocalDate last() {
    return last;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateRange && ((DateRange) o).first.equals(first)
        && ((DateRange) o).last.equals(last);
  }

  @Override
  public int hashCode() {
    return first.hashCode() * 31 + last.hashCode();
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
