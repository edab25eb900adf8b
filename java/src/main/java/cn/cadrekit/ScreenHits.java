package cn.cadrekit;

/**
 * The red lines that fire, from {@link Assessment#screenColumns}, by cadre key then rule index:
 * columns of one row per hit. {@code rule} indexes {@link Assessment#rules}' list. For a record
 * rule the periods are year × 100 + n; for a finding rule they are the first and last finding's
 * dates (day numbers) and {@code count} the findings.
 */
public final class ScreenHits {
  private final long[] cadre;
  private final int[] rule;
  private final int[] firstPeriod;
  private final int[] lastPeriod;
  private final int[] count;

  ScreenHits(long[] cadre, int[] rule, int[] firstPeriod, int[] lastPeriod, int[] count) {
    this.cadre = cadre;
    this.rule = rule;
    this.firstPeriod = firstPeriod;
    this.lastPeriod = lastPeriod;
    this.count = count;
  }

  public int size() {
    return cadre.length;
  }

  /** The caller's cadre key of each hit. */
  public long[] cadre() {
    return cadre;
  }

  /** The rule index of each hit. */
  public int[] rule() {
    return rule;
  }

  public int[] firstPeriod() {
    return firstPeriod;
  }

  public int[] lastPeriod() {
    return lastPeriod;
  }

  /** Qualifying periods (or findings) that made each rule fire. */
  public int[] count() {
    return count;
  }
}
