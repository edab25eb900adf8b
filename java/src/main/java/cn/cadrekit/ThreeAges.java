package cn.cadrekit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * 三龄 as of a date: age, years of party standing and years of work, in whole years
 * (docs/person.md; 29 February anniversaries fall on 1 March in common years).
 */
public final class ThreeAges {
  private final int age;
  private final int partyYears;
  private final int workYears;

  ThreeAges(int age, int partyYears, int workYears) {
    this.age = age;
    this.partyYears = partyYears;
    this.workYears = workYears;
  }

  /**
   * 三龄 on {@code asOf} from the dates. {@code partyJoined} (null: not a member, or unknown)
   * counts as a member's date of joining; {@code workStarted} may be null. A date after
   * {@code asOf} or before the birth is an InvalidInputException naming the field.
   */
  public static ThreeAges of(LocalDate birth, LocalDate partyJoined, LocalDate workStarted,
                             LocalDate asOf) {
    int b = Dates.toDay(birth, "birth");
    int p = partyJoined == null ? 0 : Dates.toDay(partyJoined, "party_joined");
    int w = workStarted == null ? 0 : Dates.toDay(workStarted, "work_started");
    int d = Dates.toDay(asOf, "as_of");
    int[] age = new int[1];
    int[] party = new int[1];
    int[] work = new int[1];
    Lib.check(Lib.ck_three_ages(age, party, work, b, partyJoined == null ? 0 : 1, p,
        workStarted == null ? 0 : 1, w, d));
    return new ThreeAges(age[0], party[0], work[0]);
  }

  /**
   * 三龄 of many people in one native call (columns of day numbers, {@link Dates#NO_DATE} for
   * a missing date; {@code partyJoined} / {@code workStarted} may be null when no row has one).
   * All or nothing: the first bad row throws naming the field and {@code row i}.
   */
  public static Columns columns(int[] birth, int[] partyJoined, int[] workStarted,
                                LocalDate asOf) {
    Objects.requireNonNull(birth, "birth");
    int n = birth.length;
    Columns.optional(n, "party_joined", partyJoined);
    Columns.optional(n, "work_started", workStarted);
    int d = Dates.toDay(asOf, "as_of");
    int[] age = new int[n];
    int[] party = new int[n];
    int[] work = new int[n];
    PersonBatch.threeAges(age, party, work, d, birth, partyJoined, workStarted);
    return new Columns(age, party, work);
  }

  /** Whole years since birth. */
  public int age() {
    return age;
  }

  /** Whole years since joining the party; empty for a non-member or an unknown date. */
  public OptionalInt partyYears() {
    return partyYears < 0 ? OptionalInt.empty() : OptionalInt.of(partyYears);
  }

  /** Whole years since starting work; empty when unknown. */
  public OptionalInt workYears() {
    return workYears < 0 ? OptionalInt.empty() : OptionalInt.of(workYears);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ThreeAges)) return false;
    ThreeAges t = (ThreeAges) o;
    return t.age == age && t.partyYears == partyYears && t.workYears == workYears;
  }

  @Override
  public int hashCode() {
    return (age * 31 + partyYears) * 31 + workYears;
  }

  @Override
  public String toString() {
    return "ThreeAges[age " + age + ", party " + (partyYears < 0 ? "-" : partyYears) + ", work "
        + (workYears < 0 ? "-" : workYears) + "]";
  }

  /** 三龄 of many people: three int columns, -1 where the date is absent. */
  public static final class Columns {
    private final int[] age;
    private final int[] partyYears;
    private final int[] workYears;

    Columns(int[] age, int[] partyYears, int[] workYears) {
      this.age = age;
      this.partyYears = partyYears;
      this.workYears = workYears;
    }

    static void optional(int n, String field, int[] column) {
      if (column != null) cn.cadrekit.Columns.sameLength(n, field, column.length);
    }

    /** Ages, one per row. The array is this result's own; changing it changes the result. */
    public int[] age() {
      return age;
    }

    /** Years of party standing, -1 where there is no date of joining. */
    public int[] partyYears() {
      return partyYears;
    }

    /** Years of work, -1 where there is no start date. */
    public int[] workYears() {
      return workYears;
    }

    public int size() {
      return age.length;
    }
  }
}
