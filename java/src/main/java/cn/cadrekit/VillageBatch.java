package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The village section's batch call of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_village_pay_sheet_columns} with its versioned in/out structs.
 */
final class VillageBatch {
  private VillageBatch() {}

  static {
    Native.register(VillageBatch.class, Lib.LIBRARY);
  }

  private static native int ck_village_pay_sheet_columns(Pointer out, Pointer policy, Pointer in);

  /** ck_village_pay_sheet_in: the year and two tables, villages and principals. */
  @Structure.FieldOrder({"struct_size", "year", "n_villages", "village_township", "population",
      "scores", "score_present", "n_principals", "principal_village", "post", "served_from",
      "served_to"})
  public static final class In extends BatchStruct {
    public long struct_size;
    public int year;
    public long n_villages;
    public Pointer village_township;
    public Pointer population;
    public Pointer scores;
    public Pointer score_present;
    public long n_principals;
    public Pointer principal_village;
    public Pointer post;
    public Pointer served_from;
    public Pointer served_to;
  }

  /** ck_village_pay_sheet_out: the caller's output columns. */
  @Structure.FieldOrder({"struct_size", "village_team_grade", "village_rank", "base_fen",
      "performance_fen", "total_fen", "grade", "units"})
  public static final class Out extends BatchStruct {
    public long struct_size;
    public Pointer village_team_grade;
    public Pointer village_rank;
    public Pointer base_fen;
    public Pointer performance_fen;
    public Pointer total_fen;
    public Pointer grade;
    public Pointer units;
  }

  private static final In IN = new In();
  private static final Out OUT = new Out();
  private static final int IN_SIZE = IN.size();
  private static final int OUT_SIZE = OUT.size();

  private static final int YEAR = IN.offsetOf("year");
  private static final int N_VILLAGES = IN.offsetOf("n_villages");
  private static final int VILLAGE_TOWNSHIP = IN.offsetOf("village_township");
  private static final int POPULATION = IN.offsetOf("population");
  private static final int SCORES = IN.offsetOf("scores");
  private static final int SCORE_PRESENT = IN.offsetOf("score_present");
  private static final int N_PRINCIPALS = IN.offsetOf("n_principals");
  private static final int PRINCIPAL_VILLAGE = IN.offsetOf("principal_village");
  private static final int POST = IN.offsetOf("post");
  private static final int SERVED_FROM = IN.offsetOf("served_from");
  private static final int SERVED_TO = IN.offsetOf("served_to");
  private static final int O_TEAM_GRADE = OUT.offsetOf("village_team_grade");
  private static final int O_RANK = OUT.offsetOf("village_rank");
  private static final int O_BASE = OUT.offsetOf("base_fen");
  private static final int O_PERFORMANCE = OUT.offsetOf("performance_fen");
  private static final int O_TOTAL = OUT.offsetOf("total_fen");
  private static final int O_GRADE = OUT.offsetOf("grade");
  private static final int O_UNITS = OUT.offsetOf("units");

  static PayColumns pay(Policy policy, int year, PayInput in) {
    int v = in.villages();
    int p = in.principals();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(IN_SIZE);
    long outAt = l.take(OUT_SIZE);
    long townAt = l.take(4L * v);
    long popAt = l.take(8L * v);
    long scoresAt = l.take(8L * 5 * v);
    long presentAt = l.take(v);
    long pvAt = l.take(4L * p);
    long postAt = l.take(p);
    long fromAt = l.take(4L * p);
    long toAt = l.take(4L * p);
    long oGradeAt = l.take(v);
    long oRankAt = l.take(4L * v);
    long oBaseAt = l.take(8L * p);
    long oPerfAt = l.take(8L * p);
    long oTotalAt = l.take(8L * p);
    long oPGradeAt = l.take(p);
    long oUnitsAt = l.take(4L * p);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      m.write(townAt, in.villageTownship, 0, v);
      m.write(popAt, in.population, 0, v);
      m.write(scoresAt, in.scores, 0, 5 * v);
      m.write(presentAt, in.scorePresent, 0, v);
      m.write(pvAt, in.principalVillage, 0, p);
      m.write(postAt, in.post, 0, p);
      m.write(fromAt, in.servedFrom, 0, p);
      m.write(toAt, in.servedTo, 0, p);
      Pointer s = b.struct(inAt, IN_SIZE);
      s.setInt(YEAR, year);
      s.setLong(N_VILLAGES, v);
      s.setPointer(VILLAGE_TOWNSHIP, b.at(townAt));
      s.setPointer(POPULATION, b.at(popAt));
      s.setPointer(SCORES, b.at(scoresAt));
      s.setPointer(SCORE_PRESENT, b.at(presentAt));
      s.setLong(N_PRINCIPALS, p);
      s.setPointer(PRINCIPAL_VILLAGE, b.at(pvAt));
      s.setPointer(POST, b.at(postAt));
      s.setPointer(SERVED_FROM, b.at(fromAt));
      s.setPointer(SERVED_TO, b.at(toAt));
      Pointer o = b.struct(outAt, OUT_SIZE);
      o.setPointer(O_TEAM_GRADE, b.at(oGradeAt));
      o.setPointer(O_RANK, b.at(oRankAt));
      o.setPointer(O_BASE, b.at(oBaseAt));
      o.setPointer(O_PERFORMANCE, b.at(oPerfAt));
      o.setPointer(O_TOTAL, b.at(oTotalAt));
      o.setPointer(O_GRADE, b.at(oPGradeAt));
      o.setPointer(O_UNITS, b.at(oUnitsAt));
      Pointer pol = policy.acquire();
      try {
        Lib.check(ck_village_pay_sheet_columns(o, pol, s));
      } finally {
        policy.release();
      }
      // Read back only on success: the outputs of a failed call are never seen.
      return new PayColumns(m.getByteArray(oGradeAt, v), m.getIntArray(oRankAt, v),
          m.getLongArray(oBaseAt, p), m.getLongArray(oPerfAt, p), m.getLongArray(oTotalAt, p),
          m.getByteArray(oPGradeAt, p), m.getIntArray(oUnitsAt, p));
    }
  }
}
