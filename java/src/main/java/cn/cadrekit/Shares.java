package cn.cadrekit;

import java.math.BigDecimal;

/** Shares and quotas, exactly (docs/numbers.md): "35%", "0.35", "7/20", "1:3". */
public final class Shares {
  private Shares() {}

  /**
   * ⌈share × n⌉ exactly: the least count that meets "at least share of n" (⌈35 % × 20⌉ = 7).
   * A negative share or n is an InvalidInputException.
   */
  public static long atLeast(long n, String share) {
    long[] out = new long[1];
    Lib.check(Lib.ck_at_least_share(out, n, Lib.utf8(share, "share")));
    return out[0];
  }

  /** {@link #atLeast(long, String)} for a decimal share (0.35). */
  public static long atLeast(long n, BigDecimal share) {
    return atLeast(n, share.toPlainString());
  }
}
