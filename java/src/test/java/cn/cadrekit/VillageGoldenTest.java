package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The village module (JARUD) through Java: every case of tests/golden/village_cases.json (read
 * by the C++, C and Python tests): pay sheets line by line, quota, funnel, allocation,
 * publicity, the budget what-if; then the checks and subsidies of test_village.c.
 */
class VillageGoldenTest {
  static final JsonObject CASES =
      Json.parseObject(TestData.read(TestData.golden("village_cases.json")));
  static final String[] PERIODS = {"Q1", "Q2", "Q3", "Q4", ""};
  static Policy policy;

  @BeforeAll
  static void open() {
    policy = Policy.defaultProfile();
  }

  @AfterAll
  static void close() {
    policy.close();
  }

  /** The pay sheet request of a golden case (scores as rows of village, Q1..Q4, annual). */
  static Map<String, Object> request(JsonObject c) {
    List<Object> scores = new ArrayList<>();
    for (Object r : c.getArray("scores")) {
      JsonArray row = (JsonArray) r;
      for (int i = 1; i < row.size(); ++i) {
        if (row.get(i) == null) continue;
        scores.add(Map.of("village_id", row.get(0), "period", c.getInt("year") + PERIODS[i - 1],
            "score", row.get(i)));
      }
    }
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("year", c.get("year"));
    req.put("villages", c.get("villages"));
    req.put("principals", c.get("principals"));
    req.put("scores", scores);
    return req;
  }

  static Stream<Arguments> sheets() {
    return CASES.getArray("pay_sheets").objects().stream()
        .map(c -> Arguments.of(c.getString("name"), c));
  }

  /** An exact rational of "93", "87.2" or "260/3": numerator and denominator. */
  static BigInteger[] rational(String s) {
    int slash = s.indexOf('/');
    if (slash >= 0) {
      return new BigInteger[] {new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1))};
    }
    BigDecimal d = new BigDecimal(s);
    if (d.scale() < 0) d = d.setScale(0);
    return new BigInteger[] {d.unscaledValue(), BigInteger.TEN.pow(d.scale())};
  }

  static void assertSameRational(String want, String got, String what) {
    BigInteger[] a = rational(want);
    BigInteger[] b = rational(got);
    assertEquals(a[0].multiply(b[1]), b[0].multiply(a[1]), what + ": " + want + " vs " + got);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sheets")
  void paySheet(String name, JsonObject c) {
    Policy p = c.has("policy_yaml") ? Policy.fromYaml(c.getString("policy_yaml")) : policy;
    try {
      JsonObject sheet = Village.paySheet(p, request(c));
      JsonArray lines = sheet.getArray("lines");
      JsonArray want = c.getArray("expect_lines");
      assertEquals(want.size(), lines.size(), name);
      for (int i = 0; i < want.size(); ++i) {
        JsonObject w = want.getObject(i);
        JsonObject l = lines.getObject(i);
        String id = w.getString("cadre_id");
        assertEquals(id, l.getString("cadre_id"));
        for (String k : new String[] {"base", "performance", "total"}) {
          assertEquals(w.getDecimal(k), l.getDecimal(k), id + " " + k);
          assertEquals(2, l.getDecimal(k).scale(), id + " " + k + ": exact fen");
        }
        for (String k : new String[] {"team_grade", "team_grade_zh", "grade", "grade_zh"}) {
          assertEquals(w.getString(k), l.getString(k), id + " " + k);
        }
        List<List<String>> actions = new ArrayList<>();
        for (JsonObject a : l.getArray("actions").objects()) {
          actions.add(List.of(a.getString("kind"), a.getString("due")));
        }
        assertEquals(w.getArray("actions"), actions, id + " actions");
      }
      JsonArray villages = sheet.getArray("villages");
      JsonArray wantV = c.getArray("expect_villages");
      for (int i = 0; i < wantV.size(); ++i) {
        JsonObject w = wantV.getObject(i);
        JsonObject v = villages.getObject(i);
        assertEquals(w.getString("village_id"), v.getString("village_id"));
        assertEquals(w.getInt("rank"), v.getInt("rank"), w.getString("village_id"));
        assertEquals(w.getString("team_grade"), v.getString("team_grade"), w.getString("village_id"));
        assertEquals(w.getString("team_grade_zh"), v.getString("team_grade_zh"), w.getString("village_id"));
        if (w.get("composite") == null) {
          assertNull(v.get("composite"), w.getString("village_id"));
        } else {
          assertSameRational(w.getString("composite"), v.getString("composite"), w.getString("village_id"));
        }
      }
      JsonArray towns = sheet.getArray("townships");
      JsonArray wantT = c.getArray("expect_townships");
      assertEquals(wantT.size(), towns.size());
      for (int i = 0; i < wantT.size(); ++i) {
        JsonObject w = wantT.getObject(i);
        JsonObject t = towns.getObject(i);
        assertEquals(w.getString("township"), t.getString("township"));
        assertEquals(w.getInt("villages"), t.getInt("villages"));
        assertEquals(w.getInt("principals"), t.getInt("principals"));
        for (String k : new String[] {"base", "performance", "total"}) {
          assertEquals(w.getDecimal(k), t.getDecimal(k), w.getString("township") + " " + k);
        }
      }
      JsonObject banner = sheet.getObject("banner");
      JsonObject wantB = c.getObject("expect_banner");
      for (String k : new String[] {"base", "performance", "total"}) {
        assertEquals(wantB.getDecimal(k), banner.getDecimal(k), "banner " + k);
      }
      assertEquals(wantB.getInt("principals"), banner.getInt("principals"));
      // names never come back (where a case's names are not its ids)
      for (JsonObject v : c.getArray("villages").objects()) {
        if (v.getString("name").equals(v.getString("village_id"))) continue;
        assertFalse(sheet.toJson().contains(v.getString("name")), "a village's name echoed");
      }
    } finally {
      if (p != policy) p.close();
    }
  }

  @Test
  void explanationsNameRulesAndNoNames() {
    Map<String, Object> req = request(CASES.getArray("pay_sheets").getObject(0));
    req.put("explain", true);
    JsonObject p3 = Village.paySheet(policy, req).getArray("lines").getObject(2);
    assertEquals("P3", p3.getString("cadre_id"));
    String ex = p3.getObject("explanation").toJson();
    for (String rule : new String[] {"village.base_pay.band", "village.both_posts",
        "village.grade.by_share", "village.performance_pay"}) {
      Golden.assertContains(ex, "\"rule_id\":\"" + rule + "\"", "rules");
    }
    Golden.assertContains(ex, "\"name\":\"village.performance_pay.excellent\"", "parameters");
    assertFalse(ex.contains("丙"));
  }

  @Test
  void quotaFunnelAllocationPublicity() {
    for (JsonObject c : CASES.getArray("quota").objects()) {
      JsonObject out = Village.selection(policy,
          Map.of("op", "quota", "n_villages", c.get("n"), "year", c.get("year")));
      assertEquals(c.getInt("expect"), out.getInt("quota"), c.getString("why"));
    }
    for (JsonObject c : CASES.getArray("funnel").objects()) {
      JsonObject out = Village.selection(policy,
          Map.of("op", "funnel", "places", c.get("places"), "year", 2016));
      for (String k : new String[] {"initial", "prospective", "formal"}) {
        assertEquals(c.getInt(k), out.getInt(k), c.getString("why"));
      }
    }
    for (JsonObject c : CASES.getArray("allocate").objects()) {
      JsonObject out = Village.selection(policy, Map.of("op", "allocate",
          "villages_per_township", c.get("per"), "quota", c.get("quota")));
      assertEquals(c.getObject("expect"), out.getObject("allocation"), c.getString("why"));
    }
    JsonArray quarters = Village.selection(policy, Map.of("op", "publicity", "year", 2016))
        .getArray("windows");
    JsonArray want = CASES.getArray("publicity_2016");
    assertEquals(want.size(), quarters.size());
    for (int i = 0; i < want.size(); ++i) {
      assertEquals(want.getArray(i).getString(0), quarters.getObject(i).getString("first"));
      assertEquals(want.getArray(i).getString(1), quarters.getObject(i).getString("last"));
    }
  }

  @Test
  void budgetWhatIf() {
    JsonObject w = CASES.getObject("what_if");
    Map<String, Object> req = request(CASES.getArray("pay_sheets").getObject(w.getInt("sheet")));
    req.put("holders", w.get("holders"));
    try (Policy b = Policy.fromYaml(w.getString("excellent_yaml"))) {
      JsonObject r = Village.budgetWhatIf(policy, b, req);
      for (String side : new String[] {"a", "b"}) {
        for (Map.Entry<String, Object> e : w.getObject(side).entrySet()) {
          assertEquals(new BigDecimal((String) e.getValue()), r.getObject(side).getDecimal(e.getKey()),
              side + " " + e.getKey());
        }
      }
      assertEquals("what-if", r.getObject("b").getString("policy"));
      assertEquals(2016, r.getInt("year"));
      for (String k : new String[] {"base", "performance", "public_institution", "subsidies", "total"}) {
        assertEquals(r.getObject("b").getDecimal(k).subtract(r.getObject("a").getDecimal(k)),
            r.getObject("difference").getDecimal(k), k);
      }
    }
  }

  @Test
  void checksEligibilityAndSubsidies() {
    JsonObject out = Village.selection(policy, "{\"op\":\"check\",\"year\":2016,\"places\":1,"
        + "\"eligible\":[\"a\",\"b\",\"c\",\"d\"],\"eligible_publicised_on\":\"2016-06-06\","
        + "\"initial_on\":\"2016-06-13\",\"initial\":[\"a\",\"b\",\"c\"],\"prospective\":[\"a\",\"e\"],"
        + "\"formal\":[\"a\"],\"selected\":[\"a\"]}");
    assertFalse(out.getBoolean("ok"));
    String text = out.toJson();
    Golden.assertContains(text, "{\"stage\":\"prospective\",\"code\":\"not_from_previous\",\"cadre_id\":\"e\"", "");
    Golden.assertContains(text, "{\"stage\":\"formal\",\"code\":\"size\"", "");
    Golden.assertContains(text, "{\"stage\":\"initial\",\"code\":\"publicity\"", "");
    String elig = Village.selectionJson(policy, "{\"op\":\"eligibility\",\"as_of\":\"2016-06-01\","
        + "\"applicants\":[{\"cadre_id\":\"E1\",\"post\":\"secretary\",\"in_post_since\":\"2012-01-01\","
        + "\"birth_date\":\"1970-01-01\",\"grades\":{\"2015\":\"优秀\"}},{\"cadre_id\":\"E4\",\"post\":null,"
        + "\"in_post_since\":\"2010-01-01\",\"birth_date\":\"1970-01-01\",\"grades\":{\"2015\":\"不合格\"}}]}");
    Golden.assertContains(elig, "{\"cadre_id\":\"E1\",\"eligible\":true,\"failed\":[]", "");
    Golden.assertContains(elig, "{\"cadre_id\":\"E4\",\"eligible\":false,\"failed\":["
        + "\"village.selection.current_post\",\"village.selection.clean_grades\"]", "");
    assertFalse(elig.contains("1970"), "no birth date echoed");
    Golden.assertContains(Village.selectionJson(policy, "{\"op\":\"subsidy\",\"year\":2016,\"terms\":["
        + "{\"cadre_id\":\"C2\",\"served_from\":\"2006-07-01\",\"served_to\":\"2016-06-30\"}]}"),
        // 2006-07-01 to 2016-06-30: exactly 10 years by dates (3,653 days)
        "{\"cadre_id\":\"C2\",\"months\":120,\"days\":3653,\"service\":{\"years\":10,\"months\":0,"
            + "\"days\":0},\"serving\":false,\"eligible\":true,\"newly_eligible\":true,\"amount\":\"1200.00\",", "");
  }

  @Test
  void errorsNameTheRecordNeverTheName() {
    Map<String, Object> req = request(CASES.getArray("pay_sheets").getObject(0));
    @SuppressWarnings("unchecked")
    List<Object> principals = new ArrayList<>((List<Object>) req.get("principals"));
    Map<String, Object> bad = new LinkedHashMap<>(CASES.getArray("pay_sheets").getObject(0)
        .getArray("principals").getObject(0));
    bad.put("village_id", "nowhere");
    principals.set(0, bad);
    req.put("principals", principals);
    CadreKitException e = Golden.assertFails("invalid_input", () -> Village.paySheet(policy, req),
        "unknown village");
    Golden.assertContains(e.getMessage(), "village_id", "field");
    assertFalse(e.getMessage().contains("甲"), "no name");
    assertTrue(e.record().length() > 0, "a record is named");
  }
}
