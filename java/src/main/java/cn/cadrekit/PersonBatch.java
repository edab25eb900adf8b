package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The person section's batch call of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_three_ages_columns} with its versioned in/out structs.
 */
final class PersonBatch {
  private PersonBatch() {}

  static {
    Native.register(PersonBatch.class, Lib.LIBRARY);
  }

  private static native int ck_three_ages_columns(Pointer out, Pointer in);

  /** ck_three_ages_in. */
  @Structure.FieldOrder({"struct_size", "as_of", "n", "birth", "party_joined", "work_started"})
  public static final class In extends BatchStruct {
    public long struct_size;
    public int as_of;
    public long n;
    public Pointer birth;
    public Pointer party_joined;
    public Pointer work_started;
  }

  /** ck_three_ages_out. */
  @Structure.FieldOrder({"struct_size", "age", "party_years", "work_years"})
  public static final class Out extends BatchStruct {
    public long struct_size;
    public Pointer age;
    public Pointer party_years;
    public Pointer work_years;
  }

  private static final In IN = new In();
  private static final Out OUT = new Out();
  private static final int IN_SIZE = IN.size();
  private static final int OUT_SIZE = OUT.size();
  private static final int AS_OF = IN.offsetOf("as_of");
  private static final int N = IN.offsetOf("n");
  private static final int BIRTH = IN.offsetOf("birth");
  private static final int PARTY_JOINED = IN.offsetOf("party_joined");
  private static final int WORK_STARTED = IN.offsetOf("work_started");
  private static final int AGE = OUT.offsetOf("age");
  private static final int PARTY_YEARS = OUT.offsetOf("party_years");
  private static final int WORK_YEARS = OUT.offsetOf("work_years");

  /**
   * 三龄 of every row into {@code age}, {@code party}, {@code work} (written only on success);
   * a null {@code partyJoined} / {@code workStarted} is NULL: absent in every row.
   */
  static void threeAges(int[] age, int[] party, int[] work, int asOf, int[] birth,
                        int[] partyJoined, int[] workStarted) {
    int n = birth.length;
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(IN_SIZE);
    long outAt = l.take(OUT_SIZE);
    long birthAt = l.take(4L * n);
    long partyAt = partyJoined == null ? -1 : l.take(4L * n);
    long workAt = workStarted == null ? -1 : l.take(4L * n);
    long ageAt = l.take(4L * n);
    long partyYearsAt = l.take(4L * n);
    long workYearsAt = l.take(4L * n);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      Pointer s = b.struct(inAt, IN_SIZE);
      s.setInt(AS_OF, asOf);
      s.setLong(N, n);
      m.write(birthAt, birth, 0, n);
      s.setPointer(BIRTH, b.at(birthAt));
      if (partyJoined != null) {
        m.write(partyAt, partyJoined, 0, n);
        s.setPointer(PARTY_JOINED, b.at(partyAt));
      }
      if (workStarted != null) {
        m.write(workAt, workStarted, 0, n);
        s.setPointer(WORK_STARTED, b.at(workAt));
      }
      Pointer o = b.struct(outAt, OUT_SIZE);
      o.setPointer(AGE, b.at(ageAt));
      o.setPointer(PARTY_YEARS, b.at(partyYearsAt));
      o.setPointer(WORK_YEARS, b.at(workYearsAt));
      Lib.check(ck_three_ages_columns(o, s));
      m.read(ageAt, age, 0, n);
      m.read(partyYearsAt, party, 0, n);
      m.read(workYearsAt, work, 0, n);
    }
  }
}
