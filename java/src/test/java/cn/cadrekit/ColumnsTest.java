package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch calls through Java (one native call over primitive arrays), on the same golden
 * tables as the C and Python tests: audit tiering, team structure, the village pay sheet, the
 * assessment screening; each also against the JSON call, and all or nothing on a bad row.
 */
class ColumnsTest {
  static Policy policy;

  @BeforeAll
  static void open() {
    policy = Policy.defaultProfile();
  }

  @AfterAll
  static void close() {
    policy.close();
  }

  @Test
  void tierGoldenCases() {
    List<String[]> rows = AuditGoldenTest.tierCases();
    int n = rows.size();
    long[] budget = new long[n];
    AuditUnits.Factor[] f = AuditUnits.Factor.values();
    byte[][] factors = new byte[f.length][n];
    for (int i = 0; i < n; ++i) {
      budget[i] = Money.parseFen(rows.get(i)[1]);
      for (int k = 0; k < f.length; ++k) factors[k][i] = Byte.parseByte(rows.get(i)[2 + k]);
    }
    AuditUnits units = AuditUnits.of(budget);
    for (int k = 0; k < f.length; ++k) units.with(f[k], factors[k]);
    TierColumns t = Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units);
    assertEquals(n, t.size());
    for (int i = 0; i < n; ++i) {
      assertEquals(Integer.parseInt(rows.get(i)[11]), t.level(i), rows.get(i)[0]);
      assertEquals(Long.parseLong(rows.get(i)[12]), t.score(i), rows.get(i)[0]);
    }
    // A bad row: the column and the row named, nothing returned.
    factors[2][3] = 5;
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units), "economic_power 5");
    Golden.assertContains(e.getMessage(), "economic_power", "column");
    assertEquals("economic_power", e.field(), "the column as the library names it");
    assertEquals("row 4", e.record(), "the row, counted from 1");
    factors[2][3] = 0;
    // An absent factor column is zeros.
    units.with(AuditUnits.Factor.ADMIN_FEES, null);
    byte[] saved = factors[0];
    TierColumns noFees = Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units);
    units.with(AuditUnits.Factor.ADMIN_FEES, new byte[n]);
    assertArrayEquals(noFees.levels(),
        Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units).levels());
    assertEquals(n, saved.length);
    assertEquals(0, Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), AuditUnits.of(new long[0])).size());
  }

  @Test
  void teamGoldenCases() {
    List<String[]> members = TalentGoldenTest.csv("talent_team_members.csv");
    List<String> ids = new ArrayList<>();
    int n = members.size();
    int[] team = new int[n];
    byte[] sex = new byte[n];
    int[] birth = new int[n];
    byte[] eth = new byte[n];
    byte[] ps = new byte[n];
    for (int i = 0; i < n; ++i) {
      String[] c = members.get(i);
      if (!ids.contains(c[0])) ids.add(c[0]);
      team[i] = ids.indexOf(c[0]);
      sex[i] = Byte.parseByte(c[2]);
      birth[i] = Dates.toDay(LocalDate.parse(c[3]), "birth_date");
      eth[i] = Byte.parseByte(c[4]);
      ps[i] = Byte.parseByte(c[5]);
    }
    TeamMembers m = new TeamMembers(ids.size(), team, sex, birth, eth, ps);
    TeamColumns t = Talent.teamStructureColumns(policy, LocalDate.of(2016, 9, 22), m);
    List<String[]> expected = TalentGoldenTest.csv("talent_team_expected.csv");
    assertEquals(ids.size(), expected.size());
    for (String[] e : expected) {
      int k = ids.indexOf(e[0]);
      assertEquals(Integer.parseInt(e[1]), t.size()[k], e[0]);
      assertEquals(Integer.parseInt(e[2]), t.young()[k], e[0]);
      assertEquals(Integer.parseInt(e[3]), t.women()[k], e[0]);
      assertEquals(Integer.parseInt(e[4]), t.minority()[k], e[0]);
      assertEquals(Integer.parseInt(e[5]), t.nonParty()[k], e[0]);
      Set<TeamColumns.Criterion> want = EnumSet.noneOf(TeamColumns.Criterion.class);
      if (!e[6].equals("-")) {
        for (String g : e[6].split(";")) want.add(TeamColumns.Criterion.valueOf(g.toUpperCase()));
      }
      assertEquals(want, t.gaps(k), e[0]);
    }
    // the JSON call agrees, team by team
    JsonArray teams = Talent.teamStructure(policy, TalentGoldenTest.teamRequest()).getArray("teams");
    for (int k = 0; k < ids.size(); ++k) {
      assertEquals(teams.getObject(k).getInt("young"), t.young()[k]);
    }
    sex[1] = 5;
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Talent.teamStructureColumns(policy, LocalDate.of(2016, 9, 22), m), "sex 5");
    assertEquals("sex", e.field(), e.getMessage());
    assertEquals("row 2", e.record(), "the row, counted from 1");
  }

  /**
   * The golden pool cases (tests/golden/talent_pool_cases.csv, as test_talent.c reads them)
   * through the pools columns, one call per case: member and near-miss masks as the table says.
   */
  @Test
  void poolsColumnsDecideTheGoldenCases() {
    List<String> ranks = List.of("keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu", "fu_ting",
        "zheng_ting");
    List<String> ratings = List.of("", "excellent", "competent", "basically_competent",
        "incompetent");
    List<String> pools = List.of("echelon1", "echelon2", "nvshaofei");
    int cases = 0;
    for (String[] c : TalentGoldenTest.csv("talent_pool_cases.csv")) {
      LocalDate asOf = LocalDate.parse(c[1]);
      List<Integer> rc = new ArrayList<>();
      List<Integer> ry = new ArrayList<>();
      List<Integer> rr = new ArrayList<>();
      for (int p = 0; p < 2; ++p) {
        if (c[9 + p].isEmpty()) continue;
        assertTrue(ratings.indexOf(c[9 + p]) > 0, c[0]);
        rc.add(0);
        ry.add(asOf.getYear() - 2 + p);
        rr.add(ratings.indexOf(c[9 + p]));
      }
      int m = rc.size();
      int[] cadre = new int[m];
      int[] year = new int[m];
      byte[] rating = new byte[m];
      for (int k = 0; k < m; ++k) {
        cadre[k] = rc.get(k);
        year[k] = ry.get(k);
        rating[k] = (byte) (int) rr.get(k);
      }
      assertTrue(ranks.indexOf(c[6]) >= 0, c[0]);
      PoolCadres one = new PoolCadres(new int[] {Dates.toDay(LocalDate.parse(c[2]), "birth_date")},
          new byte[] {Byte.parseByte(c[3])}, new byte[] {Byte.parseByte(c[4])},
          new byte[] {Byte.parseByte(c[5])}, new byte[] {(byte) ranks.indexOf(c[6])},
          new byte[] {Byte.parseByte(c[7])}, new byte[] {Byte.parseByte(c[8])}, new byte[] {0},
          cadre, year, rating);
      PoolColumns r = Talent.poolsColumns(policy, asOf, one);
      int member = (c[11].equals("1") ? 1 : 0) | (c[12].equals("1") ? 2 : 0)
          | (c[13].equals("1") ? 4 : 0);
      int near = 0;
      if (!c[14].equals("-")) {
        for (String t : c[14].split(";")) {
          int k = pools.indexOf(t.split(":")[0]);
          assertTrue(k >= 0, c[0] + ": " + t);
          near |= 1 << k;
        }
      }
      assertEquals(member, r.member()[0], c[0] + " member");
      assertEquals(near, r.nearMiss()[0], c[0] + " near miss");
      assertTrue(r.age()[0] >= 0 && r.age()[0] < 80, c[0] + " age");
      ++cases;
    }
    assertTrue(cases >= 15, "cases read: " + cases);
    // all or nothing: a bad second row names its column and row
    PoolCadres two = new PoolCadres(
        new int[] {Dates.toDay(LocalDate.of(1985, 1, 1), "b"), Dates.toDay(LocalDate.of(2017, 1, 1), "b")},
        new byte[] {1, 2}, new byte[] {1, 1}, new byte[] {1, 1}, new byte[] {1, 1},
        new byte[] {1, 1}, new byte[] {0, 0}, new byte[] {0, 0}, new int[0], new int[0], new byte[0]);
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Talent.poolsColumns(policy, LocalDate.of(2016, 9, 22), two), "born after as_of");
    assertEquals("birth_date", e.field(), e.getMessage());
    assertEquals("row 2", e.record(), "the row, counted from 1");
  }

  /** The village columns of test_village.c: W1..W4 (T2), X1 (T3), Y1..Y3 (T4). */
  @Test
  void villagePayColumns() {
    int[] town = {0, 0, 0, 0, 1, 2, 2, 2};
    long[] pop = {500, 500, 500, 500, 3000, 1200, 2000, 900};
    long[] per = {85, 85, 85, 70, 50, 90, 90, 70};
    long[] sc = new long[40];
    for (int i = 0; i < 8; ++i) {
      for (int k = 0; k < 5; ++k) sc[5 * i + k] = PayInput.score(BigDecimal.valueOf(per[i]));
    }
    byte[] present = {31, 31, 31, 31, 31, 27, 31, 31};
    int[] pv = {0, 3, 4, 5, 6, 1};
    byte[] post = {PayInput.SECRETARY, PayInput.SECRETARY, PayInput.BOTH, PayInput.SECRETARY,
        PayInput.SECRETARY, PayInput.DIRECTOR};
    int[] from = new int[6];
    int[] to = new int[6];
    for (int i = 0; i < 6; ++i) {
      from[i] = Dates.toDay(LocalDate.of(2012, 3, 1), "from");
      to[i] = PayInput.STILL_SERVING;
    }
    from[5] = Dates.toDay(LocalDate.of(2015, 1, 1), "from");
    to[5] = Dates.toDay(LocalDate.of(2015, 12, 31), "to");
    PayInput in = new PayInput(town, pop, sc, present, pv, post, from, to);
    PayColumns o = Village.payColumns(policy, 2016, in);
    byte[] vg = o.villageTeamGrade();
    int[] vr = o.villageRank();
    long[] tot = o.totalFen();
    assertTrue(vg[0] == 0 && vg[1] == 0 && vg[2] == 0 && vr[0] == 1 && vr[2] == 1, "three tie at 1");
    assertTrue(vg[3] == 2 && vr[3] == 4);
    assertTrue(vg[4] == 1 && vg[5] == PayColumns.NOT_GRADED && vr[5] == 0 && vg[6] == 0 && vg[7] == 1);
    assertArrayEquals(new long[] {1100000, 700000, 1100000, 800000, 1300000, 0}, tot);
    assertEquals(PayColumns.NOT_GRADED, o.grade()[3]);
    assertEquals(0, o.units()[5]);
    assertEquals(new BigDecimal("11000.00"), o.total(0));
    post[1] = 7;
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Village.payColumns(policy, 2016, in), "post 7");
    assertEquals("post", e.field(), e.getMessage());
    assertEquals("row 2", e.record(), "the principal's row, counted from 1");
    post[1] = PayInput.SECRETARY;
    pop[2] = -1;
    e = Golden.assertFails("invalid_input", () -> Village.payColumns(policy, 2016, in),
        "population -1");
    assertEquals("population", e.field(), e.getMessage());
    assertEquals("row 3", e.record(), "the village's row, counted from 1");
    Golden.assertFails("invalid_input", () -> PayInput.score(new BigDecimal("87.12345")),
        "a fifth decimal");
  }

  /** The golden pay sheet of test_batch_out.py / test_village.py: columns against the JSON. */
  @Test
  void villageGoldenSheetAsColumns() {
    JsonObject c = VillageGoldenTest.CASES.getArray("pay_sheets").getObject(1);
    List<JsonObject> villages = c.getArray("villages").objects();
    TreeSet<String> towns = new TreeSet<>();
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < villages.size(); ++i) {
      towns.add(villages.get(i).getString("township"));
      row.put(villages.get(i).getString("village_id"), i);
    }
    List<String> townList = new ArrayList<>(towns);
    int v = villages.size();
    int[] vt = new int[v];
    long[] pop = new long[v];
    for (int i = 0; i < v; ++i) {
      vt[i] = townList.indexOf(villages.get(i).getString("township"));
      pop[i] = villages.get(i).getLong("population");
    }
    long[] sc = new long[5 * v];
    byte[] pres = new byte[v];
    for (Object o : c.getArray("scores")) {
      JsonArray s = (JsonArray) o;
      int r = row.get(s.getString(0));
      for (int k = 1; k < s.size(); ++k) {
        if (s.get(k) == null) continue;
        sc[5 * r + k - 1] = PayInput.score(new BigDecimal(s.getString(k)));
        pres[r] |= (byte) (1 << (k - 1));
      }
    }
    List<JsonObject> ps = c.getArray("principals").objects();
    int p = ps.size();
    int[] pv = new int[p];
    byte[] post = new byte[p];
    int[] from = new int[p];
    int[] to = new int[p];
    List<String> posts = List.of("secretary", "director", "both");
    for (int i = 0; i < p; ++i) {
      JsonObject x = ps.get(i);
      pv[i] = row.get(x.getString("village_id"));
      post[i] = (byte) posts.indexOf(x.getString("post"));
      from[i] = Dates.toDay(x.getDate("served_from"), "served_from");
      to[i] = x.has("served_to") ? Dates.toDay(x.getDate("served_to"), "served_to") : PayInput.STILL_SERVING;
    }
    PayColumns out = Village.payColumns(policy, 2016, new PayInput(vt, pop, sc, pres, pv, post, from, to));
    Map<String, Long> want = new HashMap<>();
    for (JsonObject w : c.getArray("expect_lines").objects()) {
      want.put(w.getString("cadre_id"), Money.toFen(w.getDecimal("total")));
    }
    for (int i = 0; i < p; ++i) {
      assertEquals(want.getOrDefault(ps.get(i).getString("cadre_id"), 0L), out.totalFen()[i],
          ps.get(i).getString("cadre_id"));
    }
    assertArrayEquals(new int[] {1, 1, 1, 4}, java.util.Arrays.copyOf(out.villageRank(), 4));
  }

  @Test
  void screeningAsTheCTestDoes() {
    long[] cadre = {7, 7, 8, 8, 9, 9};
    byte a = ScreenInput.Kind.ANNUAL.code();
    byte pc = ScreenInput.Kind.PARTY_CONDUCT.code();
    byte[] kind = {a, a, a, a, pc, pc};
    int[] period = {ScreenInput.period(2014), ScreenInput.period(2015), ScreenInput.period(2014),
        ScreenInput.period(2015), ScreenInput.period(2015), ScreenInput.period(2016)};
    int[] rank = {10, 10, 9, 9, 0, 0};
    int[] group = {10, 10, 10, 10, 0, 0};
    byte comp = ScreenInput.Rating.COMPETENT.code();
    byte[] rating = {comp, ScreenInput.Rating.INCOMPETENT.code(), comp, comp,
        ScreenInput.Rating.NOT_UP_TO_STANDARD.code(), ScreenInput.Rating.NOT_UP_TO_STANDARD.code()};
    ScreenHits h = Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31),
        new ScreenInput(cadre, kind, period, rank, group, rating));
    assertEquals(3, h.size());
    assertArrayEquals(new long[] {7, 7, 9}, h.cadre());
    assertArrayEquals(new int[] {0, 1, 4}, h.rule());
    assertArrayEquals(new int[] {201400, 201500, 201500}, h.firstPeriod());
    assertEquals(201500, h.lastPeriod()[0]);
    assertEquals(201600, h.lastPeriod()[2]);
    assertEquals(2, h.count()[0]);
    assertEquals(1, h.count()[1]);
    long[] unsorted = {7, 7, 8, 8, 9, 1};
    CadreKitException e = Golden.assertFails("invalid_input", () -> Assessment.screenColumns(policy,
        LocalDate.of(2016, 12, 31), new ScreenInput(unsorted, kind, period, rank, group, rating)),
        "unsorted");
    Golden.assertContains(e.getMessage(), "row 6", "row");
    assertEquals("cadre", e.field(), e.getMessage());
    assertEquals("row 6", e.record(), "the row, counted from 1");
    assertEquals(0, Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31), new ScreenInput(
        new long[0], new byte[0], new int[0], new int[0], new int[0], new byte[0])).size());
  }

  /**
   * Records and findings in one call, the hand-worked case of test_assessment_catalogue.c (and
   * tests/assessment/test_batch_findings.cpp). Rule indices: 0 annual_bottom, 5
   * qualitative_ability, 6 qualitative_conduct; standard indices: 0 ability, 1 discipline,
   * 2 ideals_beliefs.
   */
  @Test
  void screeningWithFindingsAsTheCTestDoes() {
    LocalDate asOf = LocalDate.of(2016, 12, 31);
    long[] cadre = {7, 7};
    byte[] kind = {ScreenInput.Kind.ANNUAL.code(), ScreenInput.Kind.ANNUAL.code()};
    int[] period = {ScreenInput.period(2014), ScreenInput.period(2015)};
    int[] rank = {10, 10};
    int[] group = {10, 10};
    byte comp = ScreenInput.Rating.COMPETENT.code();
    byte[] rating = {comp, comp};
    long[] fCadre = {8, 8, 9, 9};
    int[] fStandard = {2, 1, 0, 0};
    byte q = ScreenInput.FindingSource.QUALITATIVE.code();
    byte[] fSource = {q, q, q, q};
    byte[] fClass = {ScreenInput.FindingClass.WAVERING_BELIEF.code(),
        ScreenInput.FindingClass.EXPLORATORY_MISTAKE.code(),
        ScreenInput.FindingClass.LACK_OF_ABILITY.code(), ScreenInput.FindingClass.LACK_OF_ABILITY.code()};
    byte mod = ScreenInput.Severity.MODERATE.code();
    byte[] fSeverity = {mod, mod, mod, mod};
    int[] fDate = Dates.toDays(new LocalDate[] {LocalDate.of(2016, 5, 1), LocalDate.of(2016, 6, 1),
        LocalDate.of(2016, 7, 1), LocalDate.of(2015, 12, 31)}, "date");
    ScreenHits h = Assessment.screenColumns(policy, asOf,
        new ScreenInput(cadre, kind, period, rank, group, rating)
            .withFindings(fCadre, fStandard, fSource, fClass, fSeverity, fDate));
    assertArrayEquals(new long[] {7, 8, 9}, h.cadre());
    assertArrayEquals(new int[] {0, 6, 5}, h.rule());
    assertArrayEquals(new int[] {201400, fDate[0], fDate[2]}, h.firstPeriod());
    assertEquals(fDate[0], h.lastPeriod()[1]);
    assertArrayEquals(new int[] {2, 1, 1}, h.count());
    JsonArray rules = Assessment.rules(policy, asOf).getArray("rules");
    assertEquals(List.of("annual_bottom", "qualitative_conduct", "qualitative_ability"),
        List.of(rules.getObject(0).getString("id"), rules.getObject(6).getString("id"),
            rules.getObject(5).getString("id")));
    // A bad finding row: named in the findings table, counted from 0.
    byte[] badSeverity = {mod, mod, mod, 7};
    CadreKitException e = Golden.assertFails("invalid_input", () -> Assessment.screenColumns(policy,
        asOf, new ScreenInput(cadre, kind, period, rank, group, rating)
            .withFindings(fCadre, fStandard, fSource, fClass, badSeverity, fDate)), "severity 7");
    assertEquals("findings.severity", e.field(), e.getMessage());
    assertEquals("findings row 4", e.record(), "the finding's row, counted from 1");
    long[] unsorted = {8, 9, 8, 9};
    Golden.assertFails("invalid_input", () -> Assessment.screenColumns(policy, asOf,
        new ScreenInput(cadre, kind, period, rank, group, rating)
            .withFindings(unsorted, fStandard, fSource, fClass, fSeverity, fDate)), "unsorted findings");
    // No finding rows: the assessment rules only, as without findings.
    ScreenHits none = Assessment.screenColumns(policy, asOf,
        new ScreenInput(cadre, kind, period, rank, group, rating)
            .withFindings(new long[0], new int[0], new byte[0], new byte[0], new byte[0], new int[0]));
    assertArrayEquals(new long[] {7}, none.cadre());
    assertArrayEquals(new int[] {0}, none.rule());
  }

  static final Map<String, ScreenInput.Rating> RATINGS = new HashMap<>();

  static {
    String[][] names = {{"优秀", "EXCELLENT"}, {"称职", "COMPETENT"}, {"基本称职", "BASICALLY_COMPETENT"},
        {"不称职", "INCOMPETENT"}, {"达标", "UP_TO_STANDARD"}, {"未达标", "NOT_UP_TO_STANDARD"},
        {"满意", "SATISFIED"}, {"基本满意", "BASICALLY_SATISFIED"}, {"不满意", "UNSATISFIED"}};
    for (String[] x : names) RATINGS.put(x[0], ScreenInput.Rating.valueOf(x[1]));
    for (ScreenInput.Rating r : ScreenInput.Rating.values()) RATINGS.put(r.name().toLowerCase(), r);
  }

  /**
   * Every golden screening case made of assessment records only (no findings), under its
   * profile, as columns: the same hits (cadre, rule, first and last period, count of periods)
   * as the table's expectation and the JSON call's.
   */
  @Test
  void goldenScreeningCasesAsColumns() {
    Map<String, Policy> policies = new HashMap<>();
    policies.put("default", policy);
    policies.put("gap", Policy.load(TestData.golden("assessment_county_gap.yaml")));
    policies.put("places", Policy.load(TestData.golden("assessment_county_places.yaml")));
    int ran = 0;
    try {
      for (String line : TestData.lines(TestData.golden("assessment_screen.tsv"))) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] c = line.split("\t", -1);
        JsonObject req = Json.parseObject(c[2]);
        if (req.containsKey("findings") || req.containsKey("audit_findings")) continue;
        Policy p = policies.get(c[1]);
        List<JsonObject> recs = new ArrayList<>(req.getArray("records").objects());
        List<String> ids = new ArrayList<>();
        for (JsonObject r : recs) if (!ids.contains(r.getString("cadre_id"))) ids.add(r.getString("cadre_id"));
        ids.sort(Comparator.naturalOrder());
        List<String> kinds = List.of("annual", "key_work", "party_conduct", "review");
        recs.sort(Comparator.comparing((JsonObject r) -> ids.indexOf(r.getString("cadre_id")))
            .thenComparing(r -> kinds.indexOf(r.getString("kind")))
            .thenComparing(r -> period(r.getString("period"))));
        int n = recs.size();
        long[] cadre = new long[n];
        byte[] kind = new byte[n];
        int[] per = new int[n];
        int[] rank = new int[n];
        int[] group = new int[n];
        byte[] rating = new byte[n];
        for (int i = 0; i < n; ++i) {
          JsonObject r = recs.get(i);
          cadre[i] = ids.indexOf(r.getString("cadre_id"));
          kind[i] = (byte) kinds.indexOf(r.getString("kind"));
          per[i] = period(r.getString("period"));
          rank[i] = r.getInt("rank");
          group[i] = r.getInt("group_size");
          rating[i] = r.has("rating") ? RATINGS.get(r.getString("rating")).code() : 0;
        }
        LocalDate asOf = req.getDate("as_of");
        ScreenHits h = Assessment.screenColumns(p, asOf, new ScreenInput(cadre, kind, per, rank, group, rating));
        JsonArray rules = Assessment.rules(p, asOf).getArray("rules");
        List<String> got = new ArrayList<>();
        for (int i = 0; i < h.size(); ++i) {
          got.add(ids.get((int) h.cadre()[i]) + " " + rules.getObject(h.rule()[i]).getString("id")
              + " " + h.firstPeriod()[i] + ".." + h.lastPeriod()[i] + " x" + h.count()[i]);
        }
        List<String> want = new ArrayList<>();
        for (JsonObject hit : Assessment.screen(p, c[2]).getArray("hits").objects()) {
          JsonArray periods = hit.getArray("periods");
          want.add(hit.getString("cadre_id") + " " + hit.getString("rule_id") + " "
              + period(periods.getString(0)) + ".." + period(periods.getString(periods.size() - 1))
              + " x" + periods.size());
        }
        assertEquals(want, got, c[0]);
        assertEquals(c[3].equals("-") ? 0 : c[3].split("; ").length, got.size(), c[0] + ": the table");
        ++ran;
      }
    } finally {
      policies.get("gap").close();
      policies.get("places").close();
    }
    assertTrue(ran >= 20, "cases run as columns: " + ran);
  }

  static int period(String p) {
    int dash = p.indexOf('-');
    return dash < 0 ? ScreenInput.period(Integer.parseInt(p))
        : ScreenInput.period(Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1)));
  }

  @Test
  void inputsOfDifferentLengthsAreRefusedBeforeTheCall() {
    Golden.assertFails("invalid_input", () -> new TeamMembers(1, new int[2], new byte[1],
        new int[2], new byte[2], new byte[2]), "sex short");
    Golden.assertFails("invalid_input", () -> AuditUnits.of(new long[3])
        .with(AuditUnits.Factor.ATTENTION, new byte[2]), "factor short");
  }
}
