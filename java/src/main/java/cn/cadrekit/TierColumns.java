package cn.cadrekit;

/** Levels (1, 2, 3) and scores of units tiered over columns ({@link Audit#tierColumns}). */
public final class TierColumns {
  private final byte[] levels;
  private final long[] scores;

  TierColumns(byte[] levels, long[] scores) {
    this.levels = levels;
    this.scores = scores;
  }

  public int size() {
    return levels.length;
  }

  /** The level of unit i: 1, 2 or 3. */
  public int level(int i) {
    return levels[i];
  }

  /** The score of unit i (band points plus weighted factors). */
  public long score(int i) {
    return scores[i];
  }

  /** All levels, one per unit; the array is this result's own. */
  public byte[] levels() {
    return levels;
  }

  /** All scores, one per unit; the array is this result's own. */
  public long[] scores() {
    return scores;
  }
}
