package cn.cadrekit;

import java.util.EnumSet;
import java.util.Set;

/**
 * The structure of each team ({@link Talent#teamStructureColumns}): counts of members, young
 * (at most {@code talent.team.young_max_age}), women, minority and non-party members, and the
 * criteria whose count is below the policy's target. Arrays indexed by team, this result's own.
 */
public final class TeamColumns {
  /** A structure criterion of HURE.5, by its bit in the C ABI's gap mask. */
  public enum Criterion {
    YOUNG, WOMEN, MINORITY, NON_PARTY;

    /** The name the JSON call uses ("non_party"). */
    public String criterion() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final int[] size;
  private final int[] young;
  private final int[] women;
  private final int[] minority;
  private final int[] nonParty;
  private final byte[] gaps;

  TeamColumns(int[] size, int[] young, int[] women, int[] minority, int[] nonParty, byte[] gaps) {
    this.size = size;
    this.young = young;
    this.women = women;
    this.minority = minority;
    this.nonParty = nonParty;
    this.gaps = gaps;
  }

  public int teams() {
    return size.length;
  }

  public int[] size() {
    return size;
  }

  public int[] young() {
    return young;
  }

  public int[] women() {
    return women;
  }

  public int[] minority() {
    return minority;
  }

  public int[] nonParty() {
    return nonParty;
  }

  /** The C gap mask per team: bit 0 young, 1 women, 2 minority, 3 non-party. */
  public byte[] gapMask() {
    return gaps;
  }

  /** The criteria team t falls short of, in the order young, women, minority, non-party. */
  public Set<Criterion> gaps(int t) {
    Set<Criterion> out = EnumSet.noneOf(Criterion.class);
    for (Criterion c : Criterion.values()) {
      if ((gaps[t] & (1 << c.ordinal())) != 0) out.add(c);
    }
    return out;
  }
}
