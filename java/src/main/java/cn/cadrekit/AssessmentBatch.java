package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The assessment section's batch calls of the C ABI, bound here alone so that a change of the C
 * batch convention touches one class: {@code ck_assessment_screen_batch} and
 * {@code ck_assessment_screen_batch_findings}, loose column pointers in and a malloc'd array of
 * {@code ck_assessment_hit} out (released with ck_free).
 */
final class AssessmentBatch {
  private AssessmentBatch() {}

  static {
    Native.register(AssessmentBatch.class, Lib.LIBRARY);
  }

  // ck_assessment_hit **hits and size_t *n_hits as long[1] each (64-bit pointers and size_t,
  // checked when the library is loaded); size_t counts as longs.
  private static native int ck_assessment_screen_batch(long[] hits, long[] nHits, Pointer policy,
                                                       int asOf, long n, long[] cadre, byte[] kind,
                                                       int[] period, int[] rank, int[] groupSize,
                                                       byte[] rating);

  private static native int ck_assessment_screen_batch_findings(
      long[] hits, long[] nHits, Pointer policy, int asOf, long n, long[] cadre, byte[] kind,
      int[] period, int[] rank, int[] groupSize, byte[] rating, long m, long[] fCadre,
      int[] fStandard, byte[] fSource, byte[] fClass, byte[] fSeverity, int[] fDate);

  /** ck_assessment_hit: its layout, for reading the library's array in one copy. */
  @Structure.FieldOrder({"cadre", "rule", "first_period", "last_period", "count"})
  public static final class Hit extends Structure {
    public long cadre;
    /** uint32_t: rule indexes are small. */
    public int rule;
    public int first_period;
    public int last_period;
    /** uint32_t: counts are small. */
    public int count;

    int offsetOf(String field) {
      return fieldOffset(field);
    }
  }

  private static final Hit LAYOUT = new Hit();
  private static final int HIT_SIZE = LAYOUT.size();
  private static final int CADRE = LAYOUT.offsetOf("cadre");
  private static final int RULE = LAYOUT.offsetOf("rule");
  private static final int FIRST = LAYOUT.offsetOf("first_period");
  private static final int LAST = LAYOUT.offsetOf("last_period");
  private static final int COUNT = LAYOUT.offsetOf("count");

  static ScreenHits screen(Policy policy, int asOf, ScreenInput in) {
    long[] hits = new long[1];
    long[] nHits = new long[1];
    Pointer p = policy.acquire();
    try {
      if (in.hasFindings()) {
        Lib.check(ck_assessment_screen_batch_findings(hits, nHits, p, asOf, in.records(), in.cadre,
            in.kind, in.periodColumn, in.rank, in.groupSize, in.rating, in.findings(), in.fCadre,
            in.fStandard, in.fSource, in.fClass, in.fSeverity, in.fDate));
      } else {
        Lib.check(ck_assessment_screen_batch(hits, nHits, p, asOf, in.records(), in.cadre, in.kind,
            in.periodColumn, in.rank, in.groupSize, in.rating));
      }
    } finally {
      policy.release();
    }
    if (nHits[0] > Integer.MAX_VALUE / HIT_SIZE) {
      Lib.ck_free(new Pointer(hits[0]));
      throw CadreKitException.local(CadreKitException.OVERFLOW, "more hits than a Java array holds");
    }
    int n = (int) nHits[0];
    long[] cadre = new long[n];
    int[] rule = new int[n];
    int[] first = new int[n];
    int[] last = new int[n];
    int[] count = new int[n];
    if (hits[0] != 0) {
      Pointer arr = new Pointer(hits[0]);
      try {
        ByteBuffer b = ByteBuffer.wrap(arr.getByteArray(0, n * HIT_SIZE)).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; ++i) {
          int at = i * HIT_SIZE;
          cadre[i] = b.getLong(at + CADRE);
          rule[i] = b.getInt(at + RULE);
          first[i] = b.getInt(at + FIRST);
          last[i] = b.getInt(at + LAST);
          count[i] = b.getInt(at + COUNT);
        }
      } finally {
        Lib.ck_free(arr);
      }
    }
    return new ScreenHits(cadre, rule, first, last, count);
  }
}
