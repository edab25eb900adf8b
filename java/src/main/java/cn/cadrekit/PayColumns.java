package cn.cadrekit;

import java.math.BigDecimal;

/**
 * The pay sheet's arithmetic over columns ({@link Village#payColumns}): per village the team
 * grade and rank in its township; per principal base, performance and total pay in fen, grade
 * and months paid. The arrays are this result's own.
 */
public final class PayColumns {
  /** Team grades: 0 实绩突出, 1 比较突出, 2 一般, 3 not graded. Principal grades: 0 优秀, 1 基本合格, 2 不合格, 3 not graded. */
  public static final byte NOT_GRADED = 3;

  private final byte[] villageTeamGrade;
  private final int[] villageRank;
  private final long[] baseFen;
  private final long[] performanceFen;
  private final long[] totalFen;
  private final byte[] grade;
  private final int[] units;

  PayColumns(byte[] villageTeamGrade, int[] villageRank, long[] baseFen, long[] performanceFen,
             long[] totalFen, byte[] grade, int[] units) {
    this.villageTeamGrade = villageTeamGrade;
    this.villageRank = villageRank;
    this.baseFen = baseFen;
    this.performanceFen = performanceFen;
    this.totalFen = totalFen;
    this.grade = grade;
    this.units = units;
  }

  /** Per village: 0 实绩突出, 1 比较突出, 2 一般, 3 not graded. */
  public byte[] villageTeamGrade() {
    return villageTeamGrade;
  }

  /** Per village: rank in its township, 0 if not graded. */
  public int[] villageRank() {
    return villageRank;
  }

  /** Per principal: base pay in fen. */
  public long[] baseFen() {
    return baseFen;
  }

  /** Per principal: performance pay in fen. */
  public long[] performanceFen() {
    return performanceFen;
  }

  /** Per principal: total pay in fen. */
  public long[] totalFen() {
    return totalFen;
  }

  /** Per principal: 0 优秀, 1 基本合格, 2 不合格, 3 not graded. */
  public byte[] grade() {
    return grade;
  }

  /** Per principal: months (or days) paid. */
  public int[] units() {
    return units;
  }

  /** Principal i's total pay in yuan, exact fen. */
  public BigDecimal total(int i) {
    return Money.ofFen(totalFen[i]);
  }
}
