package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The talent section's batch calls of the C ABI, bound here alone so that the C batch convention
 * shows in one class: {@code ck_talent_team_structure_columns} and {@code ck_talent_pools_columns}
 * with their versioned in/out structs.
 */
final class TalentBatch {
  private TalentBatch() {}

  static {
    Native.register(TalentBatch.class, Lib.LIBRARY);
  }

  private static native int ck_talent_team_structure_columns(Pointer out, Pointer policy,
                                                             Pointer in);

  private static native int ck_talent_pools_columns(Pointer out, Pointer policy, Pointer in);

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

  /** ck_talent_pools_in: as_of, the cadre rows and their annual ratings. */
  @Structure.FieldOrder({"struct_size", "as_of", "n_cadres", "birth_date", "sex", "ethnicity",
      "political_status", "rank", "civil_servant", "selected_graduate", "supervised", "n_ratings",
      "rating_cadre", "rating_year", "rating"})
  public static final class PoolsIn extends BatchStruct {
    public long struct_size;
    public int as_of;
    public long n_cadres;
    public Pointer birth_date;
    public Pointer sex;
    public Pointer ethnicity;
    public Pointer political_status;
    public Pointer rank;
    public Pointer civil_servant;
    public Pointer selected_graduate;
    public Pointer supervised;
    public long n_ratings;
    public Pointer rating_cadre;
    public Pointer rating_year;
    public Pointer rating;
  }

  /** ck_talent_pools_out: one value per cadre in each column. */
  @Structure.FieldOrder({"struct_size", "member", "near_miss", "excluded", "age"})
  public static final class PoolsOut extends BatchStruct {
    public long struct_size;
    public Pointer member;
    public Pointer near_miss;
    public Pointer excluded;
    public Pointer age;
  }

  private static final PoolsIn PIN = new PoolsIn();
  private static final PoolsOut POUT = new PoolsOut();
  private static final int PIN_SIZE = PIN.size();
  private static final int POUT_SIZE = POUT.size();

  static PoolColumns pools(Policy policy, int asOf, PoolCadres cadres) {
    int n = cadres.cadres();
    int m = cadres.ratings();
    NativeBlock.Layout l = new NativeBlock.Layout();
    long inAt = l.take(PIN_SIZE);
    long outAt = l.take(POUT_SIZE);
    long birthAt = l.take(4L * n);
    long sexAt = l.take(n);
    long ethnicityAt = l.take(n);
    long politicalAt = l.take(n);
    long rankAt = l.take(n);
    long civilAt = l.take(n);
    long graduateAt = l.take(n);
    long supervisedAt = l.take(n);
    long rCadreAt = l.take(4L * m);
    long rYearAt = l.take(4L * m);
    long ratingAt = l.take(m);
    long memberAt = l.take(n);
    long nearAt = l.take(n);
    long excludedAt = l.take(n);
    long ageAt = l.take(4L * n);
    try (NativeBlock b = new NativeBlock(l.size())) {
      Pointer mem = b.base;
      mem.write(birthAt, cadres.birthDate, 0, n);
      mem.write(sexAt, cadres.sex, 0, n);
      mem.write(ethnicityAt, cadres.ethnicity, 0, n);
      mem.write(politicalAt, cadres.politicalStatus, 0, n);
      mem.write(rankAt, cadres.rank, 0, n);
      mem.write(civilAt, cadres.civilServant, 0, n);
      mem.write(graduateAt, cadres.selectedGraduate, 0, n);
      mem.write(supervisedAt, cadres.supervised, 0, n);
      mem.write(rCadreAt, cadres.ratingCadre, 0, m);
      mem.write(rYearAt, cadres.ratingYear, 0, m);
      mem.write(ratingAt, cadres.rating, 0, m);
      Pointer s = b.struct(inAt, PIN_SIZE);
      s.setInt(PIN.offsetOf("as_of"), asOf);
      s.setLong(PIN.offsetOf("n_cadres"), n);
      s.setPointer(PIN.offsetOf("birth_date"), b.at(birthAt));
      s.setPointer(PIN.offsetOf("sex"), b.at(sexAt));
      s.setPointer(PIN.offsetOf("ethnicity"), b.at(ethnicityAt));
      s.setPointer(PIN.offsetOf("political_status"), b.at(politicalAt));
      s.setPointer(PIN.offsetOf("rank"), b.at(rankAt));
      s.setPointer(PIN.offsetOf("civil_servant"), b.at(civilAt));
      s.setPointer(PIN.offsetOf("selected_graduate"), b.at(graduateAt));
      s.setPointer(PIN.offsetOf("supervised"), b.at(supervisedAt));
      s.setLong(PIN.offsetOf("n_ratings"), m);
      s.setPointer(PIN.offsetOf("rating_cadre"), b.at(rCadreAt));
      s.setPointer(PIN.offsetOf("rating_year"), b.at(rYearAt));
      s.setPointer(PIN.offsetOf("rating"), b.at(ratingAt));
      Pointer o = b.struct(outAt, POUT_SIZE);
      o.setPointer(POUT.offsetOf("member"), b.at(memberAt));
      o.setPointer(POUT.offsetOf("near_miss"), b.at(nearAt));
      o.setPointer(POUT.offsetOf("excluded"), b.at(excludedAt));
      o.setPointer(POUT.offsetOf("age"), b.at(ageAt));
      Pointer p = policy.acquire();
      try {
        Lib.check(ck_talent_pools_columns(o, p, s));
      } finally {
        policy.release();
      }
      return new PoolColumns(mem.getByteArray(memberAt, n), mem.getByteArray(nearAt, n),
          mem.getByteArray(excludedAt, n), mem.getIntArray(ageAt, n));
    }
  }
}
