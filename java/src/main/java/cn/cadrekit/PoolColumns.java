package cn.cadrekit;

/**
 * The pools of each cadre ({@link Talent#poolsColumns}), as the C ABI's bit masks — bit 0 the
 * first echelon, 1 the second, 2 女少非 — and the age. Arrays indexed by cadre, this result's own.
 */
public final class PoolColumns {
  private final byte[] member;
  private final byte[] nearMiss;
  private final byte[] excluded;
  private final int[] age;

  PoolColumns(byte[] member, byte[] nearMiss, byte[] excluded, int[] age) {
    this.member = member;
    this.nearMiss = nearMiss;
    this.excluded = excluded;
    this.age = age;
  }

  public int cadres() {
    return member.length;
  }

  /** The pools each cadre belongs to. */
  public byte[] member() {
    return member;
  }

  /** The pools each cadre misses by one condition only. */
  public byte[] nearMiss() {
    return nearMiss;
  }

  /** The pools each cadre is kept out of by a rule (supervised, or already in the first echelon). */
  public byte[] excluded() {
    return excluded;
  }

  /** Each cadre's age (周岁) on the as-of date. */
  public int[] age() {
    return age;
  }
}
