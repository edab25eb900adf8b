package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The audit section's batch call of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_audit_tier_columns} with its versioned in/out structs.
 */
final class AuditBatch {
  private AuditBatch() {}

  static {
    Native.register(AuditBatch.class, Lib.LIBRARY);
  }

  private static native int ck_audit_tier_columns(Pointer out, Pointer policy, Pointer in);

  /** ck_audit_tier_in: as_of, the count, the budgets and nine factor columns (NULL: all zeros). */
  @Structure.FieldOrder({"struct_size", "as_of", "n", "budget_fen", "admin_fees", "special_funds",
      "economic_power", "allocation_power", "attention", "complaints", "high_risk_sector",
      "special_need", "window_unit"})
  public static final class In extends BatchStruct {
    public long struct_size;
    public int as_of;
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
  }

  /** ck_audit_tier_out: the levels and the scores. */
  @Structure.FieldOrder({"struct_size", "level", "score"})
  public static final class Out extends BatchStruct {
    public long struct_size;
    public Pointer level;
    public Pointer score;
  }

  private static final In IN = new In();
  private static final Out OUT = new Out();
  private static final int IN_SIZE = IN.size();
  private static final int OUT_SIZE = OUT.size();
  private static final int AS_OF = IN.offsetOf("as_of");
  private static final int N = IN.offsetOf("n");
  private static final int BUDGET = IN.offsetOf("budget_fen");
  /** Offsets of the factor members, in the order of {@link AuditUnits.Factor}. */
  private static final int[] FACTOR = new int[AuditUnits.Factor.values().length];
  private static final int LEVEL = OUT.offsetOf("level");
  private static final int SCORE = OUT.offsetOf("score");

  static {
    for (AuditUnits.Factor f : AuditUnits.Factor.values()) {
      FACTOR[f.ordinal()] = IN.offsetOf(f.column());
    }
  }

  static TierColumns tier(Policy policy, int asOf, AuditUnits units) {
    int n = units.size();
    AuditUnits.Factor[] factors = AuditUnits.Factor.values();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(IN_SIZE);
    long outAt = l.take(OUT_SIZE);
    long budgetAt = l.take(8L * n);
    long[] factorAt = new long[factors.length];
    for (AuditUnits.Factor f : factors) {
      factorAt[f.ordinal()] = units.factor(f) == null ? -1 : l.take(n);
    }
    long levelAt = l.take(n);
    long scoreAt = l.take(8L * n);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      Pointer s = b.struct(inAt, IN_SIZE);
      s.setInt(AS_OF, asOf);
      s.setLong(N, n);
      m.write(budgetAt, units.budgetFen(), 0, n);
      s.setPointer(BUDGET, b.at(budgetAt));
      for (AuditUnits.Factor f : factors) {
        byte[] col = units.factor(f);
        if (col != null) {  // an absent factor stays NULL: all zeros
          m.write(factorAt[f.ordinal()], col, 0, n);
          s.setPointer(FACTOR[f.ordinal()], b.at(factorAt[f.ordinal()]));
        }
      }
      Pointer o = b.struct(outAt, OUT_SIZE);
      o.setPointer(LEVEL, b.at(levelAt));
      o.setPointer(SCORE, b.at(scoreAt));
      Pointer p = policy.acquire();
      try {
        Lib.check(ck_audit_tier_columns(o, p, s));
      } finally {
        policy.release();
      }
      return new TierColumns(m.getByteArray(levelAt, n), m.getLongArray(scoreAt, n));
    }
  }
}
