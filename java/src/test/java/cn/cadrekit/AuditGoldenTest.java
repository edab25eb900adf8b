package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The audit module (HOLINGOL) through Java's JSON calls, on the golden tables the C++, C and
 * Python tests read: tiering (audit_tier_cases.csv), tier histories (audit_history_cases.tsv),
 * re-tiering inside the plan (audit_retier_plan_*), and the source county's plan.
 */
class AuditGoldenTest {
  static Policy policy;
  static final String[] FACTORS = {"admin_fees", "special_funds", "economic_power",
      "allocation_power", "attention", "complaints", "high_risk_sector", "special_need",
      "window_unit"};

  @BeforeAll
  static void open() {
    policy = Policy.defaultProfile();
  }

  @AfterAll
  static void close() {
    policy.close();
  }

  /** The rows of audit_tier_cases.csv: id, budget text, nine factors, level, score. */
  static List<String[]> tierCases() {
    List<String[]> rows = new ArrayList<>();
    boolean header = false;
    for (String line : TestData.lines(TestData.golden("audit_tier_cases.csv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      String[] c = line.split(",", -1);
      assertEquals(13, c.length, line);
      rows.add(c);
    }
    return rows;
  }

  @Test
  void tierGoldenCasesThroughJson() {
    List<String[]> rows = tierCases();
    assertTrue(rows.size() >= 16);
    List<Map<String, Object>> units = new ArrayList<>();
    for (String[] c : rows) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("unit_id", c[0]);
      u.put("budget", c[1]);
      for (int k = 0; k < FACTORS.length; ++k) u.put(FACTORS[k], Long.parseLong(c[2 + k]));
      units.add(u);
    }
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("as_of", LocalDate.of(2017, 1, 1));
    req.put("units", units);
    req.put("explain", false);
    JsonArray results = Audit.tier(policy, req).getArray("results");
    assertEquals(rows.size(), results.size());
    for (int i = 0; i < rows.size(); ++i) {
      JsonObject r = results.getObject(i);
      assertEquals(rows.get(i)[0], r.getString("unit_id"));
      assertEquals(Integer.parseInt(rows.get(i)[11]), r.getInt("level"), rows.get(i)[0]);
      assertEquals(Long.parseLong(rows.get(i)[12]), r.getLong("score"), rows.get(i)[0]);
      assertFalse(r.containsKey("explanation"), "explain: false leaves it out");
    }
  }

  @Test
  void tierJsonAsTheCTestReadsIt() {
    String out = Audit.tierJson(policy, "{\"as_of\":\"2017-01-01\",\"units\":["
        + "{\"unit_id\":\"A\",\"budget\":\"500万\"},"
        + "{\"unit_id\":\"B\",\"budget\":1000000,\"complaints\":true},"
        + "{\"unit_id\":\"C\",\"budget\":\"3500000\",\"economic_power\":1},"
        + "{\"unit_id\":\"D\",\"budget\":\"2999999.99\",\"attention\":1}],\"explain\":true}");
    Golden.assertContains(out, "\"unit_id\":\"A\",\"level\":1,\"band\":\"high\"", "A");
    Golden.assertContains(out,
        "\"unit_id\":\"B\",\"level\":1,\"band\":\"low\",\"band_points\":0,\"factor_points\":4,\"score\":4", "B");
    Golden.assertContains(out,
        "\"unit_id\":\"C\",\"level\":2,\"band\":\"middle\",\"band_points\":2,\"factor_points\":1,\"score\":3", "C");
    Golden.assertContains(out, "\"unit_id\":\"D\",\"level\":3", "D");
    JsonObject b = Json.parseObject(out).getArray("results").getObject(1);
    JsonObject e = b.getObject("explanation");
    assertTrue(e.getBoolean("uses_assumed"));
    assertEquals("audit.tier.factor", e.getArray("rules").getObject(1).getString("rule_id"));
    assertEquals(e.toJson(), Explanations.normalize(e.toJson()), "canonical as it comes");

    CadreKitException x = Golden.assertFails("invalid_input", () -> Audit.tierJson(policy,
        "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":\"1\"},"
            + "{\"unit_id\":\"B\",\"budget\":\"-5\"}]}"), "negative budget");
    Golden.assertContains(x.getMessage(), "budget", "field");
    Golden.assertFails("invalid_input", () -> Audit.tierJson(policy,
        "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\",\"budget\":1.5}]}"), "float");
    Golden.assertFails("invalid_input", () -> Audit.tierJson(policy, "not json"), "not json");
    Golden.assertFails("invalid_input", () -> Audit.tierJson(policy, "{\"units\":[]}"), "no as_of");
  }

  @Test
  void specialFunds() {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("as_of", LocalDate.of(2016, 5, 1));
    req.put("current_level", 3);
    req.put("amount", "1亿");
    JsonObject out = Audit.specialFunds(policy, req);
    assertEquals("special", out.getString("new_level"));
    assertEquals("special", out.getString("band"));
    assertTrue(out.getBoolean("tracking"));
    assertTrue(out.getBoolean("budget_final_accounts_audit"));
    req.put("amount", "9999999.99");
    out = Audit.specialFunds(policy, req);
    assertEquals(2, out.getInt("new_level"));
    assertEquals("small", out.getString("band"));
    assertEquals(2, out.getInt("audit_within_years"));
    req.put("current_level", 4);
    req.put("amount", "1");
    Golden.assertFails("invalid_input", () -> Audit.specialFunds(policy, req), "level 4");
  }

  /** The source's county: 67 units, 20 / 28 / 19. */
  static Map<String, Object> county(Integer capacity, boolean withPlan) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("first_year", 2017);
    req.put("last_year", 2021);
    if (capacity != null) {
      req.put("capacity", capacity);
      req.put("seed", 20161);
    }
    List<Map<String, Object>> units = new ArrayList<>();
    for (int i = 1; i <= 67; ++i) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("unit_id", String.format("U%02d", i));
      u.put("level", i <= 20 ? 1 : i <= 48 ? 2 : 3);
      units.add(u);
    }
    req.put("units", units);
    req.put("audits", List.of());
    req.put("terms", List.of());
    if (withPlan) {
      req.put("plan", List.of(Map.of("year", 2017, "unit_id", "U01", "kind", "in_term")));
    }
    return req;
  }

  static long count(JsonArray a, String key, Object value) {
    return a.objects().stream().filter(o -> value.equals(o.get(key))).count();
  }

  @Test
  void theCountysPlanAndItsCheck() {
    JsonObject plan = Audit.plan(policy, county(30, false));
    assertTrue(plan.getBoolean("feasible"));
    assertEquals(14, plan.getInt("min_capacity"));
    assertEquals(20161, plan.getInt("seed"));
    assertEquals(0, plan.getArray("shortfall").size());
    assertTrue(count(plan.getArray("audits"), "year", 2019L) >= 14);
    assertTrue(count(plan.getArray("audits"), "kind", "sample") >= 5);

    plan = Audit.plan(policy, county(13, false));
    assertFalse(plan.getBoolean("feasible"));
    assertEquals(14, plan.getInt("min_capacity"));
    JsonArray shortfall = plan.getArray("shortfall");
    assertEquals(5, shortfall.size());
    assertEquals(5, count(shortfall, "rule", "level3.sample"));

    JsonArray breaches = Audit.verify(policy, county(null, true)).getArray("breaches");
    assertEquals(5, count(breaches, "rule", "level1.share"));
    assertEquals(5, count(breaches, "rule", "level2.share"));
    assertEquals(5, count(breaches, "rule", "level3.sample"));
    assertTrue(breaches.objects().stream().anyMatch(b -> "level1.coverage".equals(b.get("rule"))
        && Long.valueOf(2019).equals(b.get("year")) && "U02".equals(b.get("unit_id"))));

    CadreKitException e = Golden.assertFails("invalid_input", () -> Audit.planJson(policy,
        "{\"first_year\":2017,\"last_year\":2021,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":1}],"
            + "\"audits\":[{\"unit_id\":\"B\",\"date\":\"2015-01-01\"}]}"), "unknown unit");
    Golden.assertContains(e.getMessage(), "audits[0]", "record");
    Golden.assertFails("invalid_input", () -> Audit.verifyJson(policy,
        "{\"first_year\":2017,\"last_year\":2021,\"units\":[]}"), "no plan");
  }

  static Stream<Arguments> histories() {
    List<Arguments> out = new ArrayList<>();
    boolean header = false;
    for (String line : TestData.lines(TestData.golden("audit_history_cases.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      String[] c = line.split("\t", -1);
      assertEquals(7, c.length, line);
      out.add(Arguments.of((Object[]) c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void tierHistory(String name, String status, String request, String changes, String levelsOn,
                   String referrals, String open) {
    if (!status.startsWith("CK_OK")) {
      String code = status.startsWith("CK_E_STATE") ? "state" : "invalid_input";
      CadreKitException e = Golden.assertFails(code, () -> Audit.tierHistoryJson(policy, request), name);
      Golden.assertContains(e.getMessage(), status.substring(status.indexOf(':') + 1), name);
      return;
    }
    JsonObject out = Audit.tierHistory(policy, request);
    // the expected changes appear in this order (others may lie between)
    JsonArray got = out.getArray("changes");
    int at = 0;
    for (String item : changes.split(";")) {
      String[] w = item.trim().split(" ");
      boolean found = false;
      while (at < got.size() && !found) {
        JsonObject c = got.getObject(at++);
        found = c.getString("effective").equals(w[0]) && String.valueOf(c.get("level")).equals(w[1])
            && c.getString("kind").equals(w[2]);
      }
      assertTrue(found, name + ": change " + item + " in order, in " + got);
    }
    Map<String, String> levels = new HashMap<>();
    for (JsonObject l : out.getArray("levels_on").objects()) {
      levels.put(l.getString("date"), String.valueOf(l.get("level")));
    }
    for (String item : levelsOn.split(";")) {
      String[] kv = item.split("=");
      assertEquals(kv[1], levels.get(kv[0]), name + ": level on " + kv[0]);
    }
    JsonArray refs = out.getArray("referrals");
    if (referrals.equals("-")) {
      assertEquals(0, refs.size(), name);
    } else {
      String[] dates = referrals.split(";");
      assertEquals(dates.length, refs.size(), name);
      for (int i = 0; i < dates.length; ++i) {
        assertEquals(dates[i], refs.getObject(i).getString("date"), name);
        assertEquals("special_project", refs.getObject(i).getString("kind"), name);
        assertEquals("referred", refs.getObject(i).getString("finding"), name);
      }
    }
    assertEquals(Boolean.parseBoolean(open), out.getBoolean("special_funds_open"), name);
  }

  @Test
  void historyTableSize() {
    assertTrue(histories().count() >= 8);
  }

  @Test
  void retieringInsideThePlan() {
    String req = TestData.read(TestData.golden("audit_retier_plan_request.json"));
    JsonObject plan = Audit.plan(policy, req);
    JsonObject reqJson = Json.parseObject(req);
    Map<String, String[]> levels = new HashMap<>();
    for (JsonObject u : reqJson.getArray("units").objects()) {
      String l = String.valueOf(u.get("level"));
      levels.put(u.getString("unit_id"), new String[] {l, l, l, l, l});
    }
    Map<String, JsonObject> byUnitYear = new HashMap<>();
    for (JsonObject a : plan.getArray("audits").objects()) {
      byUnitYear.put(a.getString("unit_id") + "/" + a.getInt("year"), a);
    }
    int[] share1 = null;
    int[] share2 = null;
    int checked = 0;
    boolean header = false;
    for (String line : TestData.lines(TestData.golden("audit_retier_plan_expect.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      String[] c = line.split("\t", -1);
      ++checked;
      switch (c[0]) {
        case "min_capacity": case "lower_bound": case "lower_bound_year":
          assertEquals(Integer.parseInt(c[1]), plan.getInt(c[0]), c[0]);
          break;
        case "min_capacity_proven": case "feasible":
          assertEquals(Boolean.parseBoolean(c[1]), plan.getBoolean(c[0]), c[0]);
          break;
        case "obligation":
          assertEquals(c[3], byUnitYear.get(c[1] + "/" + c[2]).getString("kind"), line);
          break;
        case "referral": {
          JsonArray r = plan.getArray("referrals");
          assertEquals(1, r.size());
          assertEquals(c[1], r.getObject(0).getString("unit_id"));
          assertEquals(c[2], r.getObject(0).getString("date"));
          assertEquals("referred", r.getObject(0).getString("finding"));
          break;
        }
        case "level1_share": share1 = ints(c[1]); break;
        case "level2_share": share2 = ints(c[1]); break;
        case "levels": levels.put(c[1], c[2].split(",")); break;
        default: throw new AssertionError("unknown key " + c[0]);
      }
    }
    assertTrue(checked >= 14);
    for (int i = 0; i < 5; ++i) {
      int year = 2017 + i;
      int l1 = 0;
      int l2 = 0;
      int samples = 0;
      int n = 0;
      for (JsonObject a : plan.getArray("audits").objects()) {
        if (a.getInt("year") != year) continue;
        ++n;
        String lv = levels.get(a.getString("unit_id"))[i];
        if (lv.equals("1")) ++l1;
        if (lv.equals("2")) ++l2;
        if (lv.equals("3") && a.getString("kind").equals("sample")) ++samples;
      }
      assertTrue(n <= 6, "capacity " + year);
      assertTrue(l1 >= share1[i], "level-1 share " + year);
      assertTrue(l2 >= share2[i], "level-2 share " + year);
      assertTrue(samples >= 1, "sample " + year);
    }
    Golden.assertContains(byUnitYear.get("C2/2018").getString("reason"), "re-tiered 2018-07-01", "");
    assertTrue(plan.getObject("explanation").getArray("rules").objects().stream()
        .anyMatch(r -> r.getString("rule_id").equals("audit.plan.retier")));

    // the plan passes its own check
    Map<String, Object> verify = new LinkedHashMap<>(reqJson);
    verify.remove("capacity");
    verify.remove("seed");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonObject a : plan.getArray("audits").objects()) {
      rows.add(Map.of("year", a.get("year"), "unit_id", a.get("unit_id"), "kind", a.get("kind")));
    }
    verify.put("plan", rows);
    assertEquals(0, Audit.verify(policy, verify).getArray("breaches").size());

    // Two funds of one unit open at once: each its own fund.
    Golden.assertContains(Audit.planJson(policy,
        "{\"first_year\":2017,\"last_year\":2021,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":3}],"
            + "\"funds\":[{\"unit_id\":\"A\",\"date\":\"2017-01-01\",\"amount\":\"1亿\"},"
            + "{\"unit_id\":\"A\",\"date\":\"2018-01-01\",\"amount\":\"500万\"}]}"), "\"feasible\":true",
        "two open funds");
    // A bad fund event names its record.
    CadreKitException e = Golden.assertFails("invalid_input", () -> Audit.planJson(policy,
        "{\"first_year\":2017,\"last_year\":2021,\"capacity\":5,\"units\":[{\"unit_id\":\"A\",\"level\":3}],"
            + "\"funds\":[{\"unit_id\":\"A\",\"date\":\"2017-01-01\",\"amount\":\"1亿\"},"
            + "{\"unit_id\":\"A\",\"date\":\"2018-01-01\",\"amount\":\"lots\"}]}"), "bad amount");
    Golden.assertContains(e.getMessage(), "funds[1]", "record");
  }

  static int[] ints(String s) {
    String[] p = s.split(",");
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; ++i) out[i] = Integer.parseInt(p[i]);
    return out;
  }
}
