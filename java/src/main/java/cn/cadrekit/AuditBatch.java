package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The audit section's batch call of the C ABI, bound here alone so that a change of the C
 * batch convention touches one class: {@code ck_audit_tier_batch} with its {@code ck_audit_units}
 * struct of column pointers and loose output pointers.
 */
final class AuditBatch {
  private AuditBatch() {}

  static {
    Native.register(AuditBatch.class, Lib.LIBRARY);
  }

  private static native int ck_audit_tier_batch(byte[] outLevels, long[] outScores, Pointer policy,
                                                int asOf, Pointer units);

  /**
   * ck_audit_units: the count and ten borrowed column pointers (a NULL factor is all zeros).
   * JNA computes its layout once (checked against the C compiler's by StructLayoutTest); each
   * call writes the members at those offsets into its own block, as building a Structure per
   * call would cost more than the call.
   */
  @Structure.FieldOrder({"n", "budget_fen", "admin_fees", "special_funds", "economic_power",
      "allocation_power", "attention", "complaints", "high_risk_sector", "special_need",
      "window_unit"})
  public static final class Units extends Structure {
    /** size_t: a Java long, as size_t is 64 bits on the LP64 platforms this binding loads on. */
    public long n;
    public Pointer budget_fen;
    public Pointer admin_fees;
    public Pointer special_funds;
    public Pointer economic_power;
    public Pointer allocation_power;
    public Pointer attention;
    public Pointer complaints;
    public Pointer high_risk_sector;
    public Pointer special_need;
    public Pointer window_unit;

    int offsetOf(String field) {
      return fieldOffset(field);
    }
  }

  private static final Units UNITS = new Units();
  private static final int UNITS_SIZE = UNITS.size();
  private static final int N = UNITS.offsetOf("n");
  private static final int BUDGET = UNITS.offsetOf("budget_fen");
  /** Offsets of the factor members, in the order of {@link AuditUnits.Factor}. */
  private static final int[] FACTOR = new int[AuditUnits.Factor.values().length];

  static {
    for (AuditUnits.Factor f : AuditUnits.Factor.values()) {
      FACTOR[f.ordinal()] = UNITS.offsetOf(f.column());
    }
  }

  static TierColumns tier(Policy policy, int asOf, AuditUnits units) {
    int n = units.size();
    AuditUnits.Factor[] factors = AuditUnits.Factor.values();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long structAt = l.take(UNITS_SIZE);
    long budgetAt = l.take(8L * n);
    long[] factorAt = new long[factors.length];
    for (AuditUnits.Factor f : factors) {
      factorAt[f.ordinal()] = units.factor(f) == null ? -1 : l.take(n);
    }
    byte[] levels = new byte[n];
    long[] scores = new long[n];
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer s = b.at(structAt);
      s.setLong(N, n);
      b.base.write(budgetAt, units.budgetFen(), 0, n);
      s.setPointer(BUDGET, b.at(budgetAt));
      for (AuditUnits.Factor f : factors) {
        byte[] col = units.factor(f);
        if (col == null) {
          s.setPointer(FACTOR[f.ordinal()], null);
        } else {
          b.base.write(factorAt[f.ordinal()], col, 0, n);
          s.setPointer(FACTOR[f.ordinal()], b.at(factorAt[f.ordinal()]));
        }
      }
      Pointer p = policy.acquire();
      try {
        Lib.check(ck_audit_tier_batch(levels, scores, p, asOf, s));
      } finally {
        policy.release();
      }
    }
    return new TierColumns(levels, scores);
  }
}
