package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The talent section's batch call of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_talent_team_structure_columns} with its versioned in/out structs.
 */
final class TalentBatch {
  private TalentBatch() {}

  static {
    Native.register(TalentBatch.class, Lib.LIBRARY);
  }

  private static native int ck_talent_team_structure_columns(Pointer out, Pointer policy,
                                                             Pointer in);

  /** ck_talent_team_structure_in: as_of, the member rows and the number of teams. */
  @Structure.FieldOrder({"struct_size", "as_of", "n_members", "team", "sex", "birth_date",
      "ethnicity", "political_status", "n_teams"})
  public static final class In extends BatchStruct {
    public long struct_size;
    public int as_of;
    public long n_members;
    public Pointer team;
    public Pointer sex;
    public Pointer birth_date;
    public Pointer ethnicity;
    public Pointer political_status;
    public long n_teams;
  }

  /** ck_talent_team_structure_out: one value per team in each column. */
  @Structure.FieldOrder({"struct_size", "size", "young", "women", "minority", "non_party",
      "gaps"})
  public static final class Out extends BatchStruct {
    public long struct_size;
    public Pointer size;
    public Pointer young;
    public Pointer women;
    public Pointer minority;
    public Pointer non_party;
    public Pointer gaps;
  }

  private static final In IN = new In();
  private static final Out OUT = new Out();
  private static final int IN_SIZE = IN.size();
  private static final int OUT_SIZE = OUT.size();
  private static final int AS_OF = IN.offsetOf("as_of");
  private static final int N_MEMBERS = IN.offsetOf("n_members");
  private static final int TEAM = IN.offsetOf("team");
  private static final int SEX = IN.offsetOf("sex");
  private static final int BIRTH_DATE = IN.offsetOf("birth_date");
  private static final int ETHNICITY = IN.offsetOf("ethnicity");
  private static final int POLITICAL_STATUS = IN.offsetOf("political_status");
  private static final int N_TEAMS = IN.offsetOf("n_teams");
  private static final int O_SIZE = OUT.offsetOf("size");
  private static final int O_YOUNG = OUT.offsetOf("young");
  private static final int O_WOMEN = OUT.offsetOf("women");
  private static final int O_MINORITY = OUT.offsetOf("minority");
  private static final int O_NON_PARTY = OUT.offsetOf("non_party");
  private static final int O_GAPS = OUT.offsetOf("gaps");

  static TeamColumns teamStructure(Policy policy, int asOf, TeamMembers members) {
    int n = members.members();
    int t = members.teams();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(IN_SIZE);
    long outAt = l.take(OUT_SIZE);
    long teamAt = l.take(4L * n);
    long sexAt = l.take(n);
    long birthAt = l.take(4L * n);
    long ethnicityAt = l.take(n);
    long politicalAt = l.take(n);
    long sizeAt = l.take(4L * t);
    long youngAt = l.take(4L * t);
    long womenAt = l.take(4L * t);
    long minorityAt = l.take(4L * t);
    long nonPartyAt = l.take(4L * t);
    long gapsAt = l.take(t);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer m = b.base;
      m.write(teamAt, members.team, 0, n);
      m.write(sexAt, members.sex, 0, n);
      m.write(birthAt, members.birthDate, 0, n);
      m.write(ethnicityAt, members.ethnicity, 0, n);
      m.write(politicalAt, members.politicalStatus, 0, n);
      Pointer s = b.struct(inAt, IN_SIZE);
      s.setInt(AS_OF, asOf);
      s.setLong(N_MEMBERS, n);
      s.setPointer(TEAM, b.at(teamAt));
      s.setPointer(SEX, b.at(sexAt));
      s.setPointer(BIRTH_DATE, b.at(birthAt));
      s.setPointer(ETHNICITY, b.at(ethnicityAt));
      s.setPointer(POLITICAL_STATUS, b.at(politicalAt));
      s.setLong(N_TEAMS, t);
      Pointer o = b.struct(outAt, OUT_SIZE);
      o.setPointer(O_SIZE, b.at(sizeAt));
      o.setPointer(O_YOUNG, b.at(youngAt));
      o.setPointer(O_WOMEN, b.at(womenAt));
      o.setPointer(O_MINORITY, b.at(minorityAt));
      o.setPointer(O_NON_PARTY, b.at(nonPartyAt));
      o.setPointer(O_GAPS, b.at(gapsAt));
      Pointer p = policy.acquire();
      try {
        Lib.check(ck_talent_team_structure_columns(o, p, s));
      } finally {
        policy.release();
      }
      return new TeamColumns(m.getIntArray(sizeAt, t), m.getIntArray(youngAt, t),
          m.getIntArray(womenAt, t), m.getIntArray(minorityAt, t), m.getIntArray(nonPartyAt, t),
          m.getByteArray(gapsAt, t));
    }
  }
}
