package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The assessment section's batch call of the C ABI, bound here alone so that the C batch
 * convention shows in one class: {@code ck_assessment_screen_columns} with its versioned in/out
 * structs, two tables in (records, findings) and a malloc'd array of {@code ck_assessment_hit}
 * out (released with ck_free).
 */
final class AssessmentBatch {
  private AssessmentBatch() {}

  static {
    Native.register(AssessmentBatch.class, Lib.LIBRARY);
  }

  private static native int ck_assessment_screen_columns(Pointer out, Pointer policy, Pointer in);

  /** ck_assessment_screen_in: as_of, the records (n rows) and the findings (n_findings rows). */
  @Structure.FieldOrder({"struct_size", "as_of", "n", "cadre", "kind", "period", "rank",
      "group_size", "rating", "n_findings", "finding_cadre", "finding_standard", "finding_source",
      "finding_class", "finding_severity", "finding_date"})
  public static final class In extends BatchStruct {
    public long struct_size;
    public int as_of;
    public long n;
    public Pointer cadre;
    public Pointer kind;
    public Pointer period;
    public Pointer rank;
    public Pointer group_size;
    public Pointer rating;
    public long n_findings;
    public Pointer finding_cadre;
    public Pointer finding_standard;
    public Pointer finding_source;
    public Pointer finding_class;
    public Pointer finding_severity;
    public Pointer finding_date;
  }

  /** ck_assessment_screen_out: set by the library, the hits (malloc'd) and their count. */
  @Structure.FieldOrder({"struct_size", "hits", "n_hits"})
  public static final class Out extends BatchStruct {
    public long struct_size;
    public Pointer hits;
    public long n_hits;
  }

  private static final In IN = new In();
  private static final Out OUT = new Out();
  private static final int IN_SIZE = IN.size();
  private static final int OUT_SIZE = OUT.size();
  private static final int AS_OF = IN.offsetOf("as_of");
  private static final int N = IN.offsetOf("n");
  private static final int I_CADRE = IN.offsetOf("cadre");
  private static final int I_KIND = IN.offsetOf("kind");
  private static final int I_PERIOD = IN.offsetOf("period");
  private static final int I_RANK = IN.offsetOf("rank");
  private static final int I_GROUP_SIZE = IN.offsetOf("group_size");
  private static final int I_RATING = IN.offsetOf("rating");
  private static final int N_FINDINGS = IN.offsetOf("n_findings");
  private static final int F_CADRE = IN.offsetOf("finding_cadre");
  private static final int F_STANDARD = IN.offsetOf("finding_standard");
  private static final int F_SOURCE = IN.offsetOf("finding_source");
  private static final int F_CLASS = IN.offsetOf("finding_class");
  private static final int F_SEVERITY = IN.offsetOf("finding_severity");
  private static final int F_DATE = IN.offsetOf("finding_date");
  private static final int O_HITS = OUT.offsetOf("hits");
  private static final int O_N_HITS = OUT.offsetOf("n_hits");

  /** ck_assessment_hit: its layout, for reading the library's array in one copy. */
  @Structure.FieldOrder({"cadre", "rule", "first_period", "last_period", "count"})
  public static final class Hit extends BatchStruct {
    public long cadre;
    /** uint32_t: rule indexes are small. */
    public int rule;
    public int first_period;
    public int last_period;
    /** uint32_t: counts are small. */
    public int count;
  }

  private static final Hit LAYOUT = new Hit();
  private static final int HIT_SIZE = LAYOUT.size();
  private static final int CADRE = LAYOUT.offsetOf("cadre");
  private static final int RULE = LAYOUT.offsetOf("rule");
  private static final int FIRST = LAYOUT.offsetOf("first_period");
  private static final int LAST = LAYOUT.offsetOf("last_period");
  private static final int COUNT = LAYOUT.offsetOf("count");

  /**
   * Screens the records and, when given, the findings: one call either way. With no finding
   * rows the library evaluates the assessment rules only (a finding rule cannot fire without
   * findings, and the catalogue of standards is then not read).
   */
  static ScreenHits screen(Policy policy, int asOf, ScreenInput in) {
    int n = in.records();
    int m = in.findings();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(IN_SIZE);
    long outAt = l.take(OUT_SIZE);
    long cadreAt = l.take(8L * n);
    long kindAt = l.take(n);
    long periodAt = l.take(4L * n);
    long rankAt = l.take(4L * n);
    long groupAt = l.take(4L * n);
    long ratingAt = l.take(n);
    long fCadreAt = l.take(8L * m);
    long fStandardAt = l.take(4L * m);
    long fSourceAt = l.take(m);
    long fClassAt = l.take(m);
    long fSeverityAt = l.take(m);
    long fDateAt = l.take(4L * m);
    long hitsAddress;
    long nHits;
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer mem = b.base;
      Pointer s = b.struct(inAt, IN_SIZE);
      s.setInt(AS_OF, asOf);
      s.setLong(N, n);
      mem.write(cadreAt, in.cadre, 0, n);
      mem.write(kindAt, in.kind, 0, n);
      mem.write(periodAt, in.periodColumn, 0, n);
      mem.write(rankAt, in.rank, 0, n);
      mem.write(groupAt, in.groupSize, 0, n);
      mem.write(ratingAt, in.rating, 0, n);
      s.setPointer(I_CADRE, b.at(cadreAt));
      s.setPointer(I_KIND, b.at(kindAt));
      s.setPointer(I_PERIOD, b.at(periodAt));
      s.setPointer(I_RANK, b.at(rankAt));
      s.setPointer(I_GROUP_SIZE, b.at(groupAt));
      s.setPointer(I_RATING, b.at(ratingAt));
      s.setLong(N_FINDINGS, m);
      if (m > 0) {
        mem.write(fCadreAt, in.fCadre, 0, m);
        mem.write(fStandardAt, in.fStandard, 0, m);
        mem.write(fSourceAt, in.fSource, 0, m);
        mem.write(fClassAt, in.fClass, 0, m);
        mem.write(fSeverityAt, in.fSeverity, 0, m);
        mem.write(fDateAt, in.fDate, 0, m);
        s.setPointer(F_CADRE, b.at(fCadreAt));
        s.setPointer(F_STANDARD, b.at(fStandardAt));
        s.setPointer(F_SOURCE, b.at(fSourceAt));
        s.setPointer(F_CLASS, b.at(fClassAt));
        s.setPointer(F_SEVERITY, b.at(fSeverityAt));
        s.setPointer(F_DATE, b.at(fDateAt));
      }
      Pointer o = b.struct(outAt, OUT_SIZE);
      Pointer p = policy.acquire();
      try {
        Lib.check(ck_assessment_screen_columns(o, p, s));
      } finally {
        policy.release();
      }
      // out.hits as an address: pointers are 8 bytes, as the loader checked
      hitsAddress = o.getLong(O_HITS);
      nHits = o.getLong(O_N_HITS);
    }
    if (nHits > Integer.MAX_VALUE / HIT_SIZE) {
      Lib.ck_free(new Pointer(hitsAddress));
      throw CadreKitException.local(CadreKitException.OVERFLOW, "more hits than a Java array holds");
    }
    int h = (int) nHits;
    long[] cadre = new long[h];
    int[] rule = new int[h];
    int[] first = new int[h];
    int[] last = new int[h];
    int[] count = new int[h];
    if (hitsAddress != 0) {
      Pointer arr = new Pointer(hitsAddress);
      try {
        ByteBuffer b = ByteBuffer.wrap(arr.getByteArray(0, h * HIT_SIZE)).order(ByteOrder.nativeOrder());
        for (int i = 0; i < h; ++i) {
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
