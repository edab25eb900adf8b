package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
 * The talent module (HURE) through Java: the golden pool cases (talent_pool_cases.csv) and
 * the golden teams (talent_team_members.csv → talent_team_expected.csv), as the C++, C and
 * Python tests read them, then gaps, postings and pool changes.
 */
class TalentGoldenTest {
  static Policy policy;

  @BeforeAll
  static void open() {
    policy = Policy.defaultProfile();
  }

  @AfterAll
  static void close() {
    policy.close();
  }

  /** Data rows of a golden CSV (no quoting in these files), comments and header skipped. */
  static List<String[]> csv(String name) {
    List<String[]> rows = new ArrayList<>();
    boolean header = false;
    for (String line : TestData.lines(TestData.golden(name))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  static Stream<Arguments> pools() {
    return csv("talent_pool_cases.csv").stream().map(c -> Arguments.of((Object) c));
  }

  static boolean hasEntry(JsonObject out, String section, String id, String pool, String kind) {
    return out.getArray(section).objects().stream().anyMatch(e -> e.getString("cadre_id").equals(id)
        && e.getString("pool").equals(pool) && (kind == null || kind.equals(e.getString("kind"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pools")
  void poolCase(String[] c) {
    assertEquals(15, c.length);
    int y = Integer.parseInt(c[1].substring(0, 4));
    List<Map<String, Object>> ratings = new ArrayList<>();
    if (!c[9].isEmpty()) ratings.add(Map.of("cadre_id", c[0], "kind", "annual", "period", String.valueOf(y - 2), "rating", c[9]));
    if (!c[10].isEmpty()) ratings.add(Map.of("cadre_id", c[0], "kind", "annual", "period", String.valueOf(y - 1), "rating", c[10]));
    Map<String, Object> cadre = new LinkedHashMap<>();
    cadre.put("id", c[0]);
    cadre.put("birth_date", c[2]);
    cadre.put("sex", c[3]);
    cadre.put("ethnicity", c[4]);
    cadre.put("political_status", c[5]);
    cadre.put("rank", c[6]);
    cadre.put("civil_servant", c[7].equals("1"));
    cadre.put("selected_graduate", c[8].equals("1"));
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("as_of", LocalDate.parse(c[1]));
    req.put("cadres", List.of(cadre));
    req.put("assessments", ratings);
    JsonObject out = Talent.pools(policy, req);
    assertEquals(c[11].equals("1"), hasEntry(out, "members", c[0], "echelon1", null), "echelon1");
    assertEquals(c[12].equals("1"), hasEntry(out, "members", c[0], "echelon2", null), "echelon2");
    assertEquals(c[13].equals("1"), hasEntry(out, "members", c[0], "nvshaofei", null), "nvshaofei");
    if (c[14].equals("-")) {
      assertEquals(0, out.getArray("near_misses").size());
    } else {
      for (String near : c[14].split(";")) {
        String[] pk = near.split(":");
        assertTrue(hasEntry(out, "near_misses", c[0], pk[0], pk[1]), near);
      }
    }
  }

  @Test
  void poolTableSize() {
    assertTrue(pools().count() >= 15);
  }

  /** The golden teams' members as the JSON request of ck_talent_team_structure_json. */
  static Map<String, Object> teamRequest() {
    List<Map<String, Object>> members = new ArrayList<>();
    for (String[] c : csv("talent_team_members.csv")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("team_id", c[0]);
      m.put("cadre_id", c[1]);
      m.put("sex", c[2]);
      m.put("birth_date", c[3]);
      m.put("ethnicity", c[4]);
      m.put("political_status", c[5]);
      members.add(m);
    }
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("as_of", LocalDate.of(2016, 9, 22));
    req.put("members", members);
    return req;
  }

  @Test
  void goldenTeamsThroughJson() {
    JsonArray teams = Talent.teamStructure(policy, teamRequest()).getArray("teams");
    List<String[]> expected = csv("talent_team_expected.csv");
    assertEquals(expected.size(), teams.size());
    for (String[] e : expected) {
      JsonObject t = teams.objects().stream().filter(x -> x.getString("team_id").equals(e[0]))
          .findFirst().orElseThrow();
      assertEquals(Integer.parseInt(e[1]), t.getInt("size"), e[0]);
      assertEquals(Integer.parseInt(e[2]), t.getInt("young"), e[0]);
      assertEquals(Integer.parseInt(e[3]), t.getInt("women"), e[0]);
      assertEquals(Integer.parseInt(e[4]), t.getInt("minority"), e[0]);
      assertEquals(Integer.parseInt(e[5]), t.getInt("non_party"), e[0]);
      List<String> gaps = new ArrayList<>();
      for (JsonObject g : t.getArray("gaps").objects()) gaps.add(g.getString("criterion"));
      assertEquals(e[6], gaps.isEmpty() ? "-" : String.join(";", gaps), e[0]);
    }
  }

  @Test
  void jsonCalls() {
    JsonObject out = Talent.teamStructure(policy, "{\"as_of\":\"2016-09-22\",\"members\":[{\"team_id\":\"T\","
        + "\"cadre_id\":\"a\",\"sex\":\"1\",\"birth_date\":\"1960-01-01\",\"ethnicity\":\"01\","
        + "\"political_status\":\"01\"}],\"candidates\":[{\"id\":\"y\",\"sex\":\"2\",\"birth_date\":"
        + "\"1988-01-01\",\"ethnicity\":\"02\",\"political_status\":\"01\",\"rank\":\"fu_ke\","
        + "\"rank_since\":\"2012-01-01\",\"civil_servant\":true}]}");
    String text = out.toJson();
    Golden.assertContains(text, "\"criterion\":\"young\"", "");
    Golden.assertContains(text, "\"criterion\":\"women\"", "");
    Golden.assertContains(text, "\"criterion\":\"minority\"", "");
    assertFalse(text.contains("\"criterion\":\"non_party\""));
    // in the first echelon only: the echelons do not overlap
    Golden.assertContains(text, "{\"cadre_id\":\"y\",\"pools\":[\"echelon1\"],\"eligible\":true", "");

    Golden.assertContains(Talent.gapsJson(policy,
        "{\"as_of\":\"2016-09-22\",\"growth_file\":{\"cadre_id\":\"G\"}}"),
        "\"gap\":\"no_grassroots\",\"posting\":\"village_residency\",\"value\":0,\"threshold\":2", "");
    JsonArray proposals = Talent.postings(policy, "{\"as_of\":\"2016-09-22\",\"growth_files\":"
        + "[{\"cadre_id\":\"A\"},{\"cadre_id\":\"B\"}],\"places\":{\"village_residency\":1}}")
        .getArray("proposals");
    assertTrue(proposals.objects().stream().anyMatch(p -> p.getString("cadre_id").equals("A")
        && p.getString("posting").equals("village_residency") && p.getBoolean("placed")));
    assertTrue(proposals.objects().stream().anyMatch(p -> p.getString("cadre_id").equals("B")
        && p.getString("posting").equals("village_residency") && !p.getBoolean("placed")));
    String changes = Talent.poolChangesJson(policy, "{\"from\":\"2016-09-22\",\"to\":\"2016-11-01\","
        + "\"cadres\":[{\"id\":\"B\",\"sex\":\"1\",\"birth_date\":\"1980-10-15\",\"ethnicity\":\"01\","
        + "\"political_status\":\"01\",\"rank\":\"fu_ke\",\"civil_servant\":true}]}");
    Golden.assertContains(changes, "{\"cadre_id\":\"B\",\"pool\":\"echelon1\",\"change\":\"left\"", "");
    assertFalse(changes.contains("\"pool\":\"echelon2\""), "never in the second echelon: in the first");
    CadreKitException e = Golden.assertFails("invalid_input", () -> Talent.poolsJson(policy,
        "{\"as_of\":\"2016-09-22\",\"cadres\":[{\"id\":\"X\",\"sex\":\"1\",\"birth_date\":\"2020-01-01\","
            + "\"ethnicity\":\"01\",\"political_status\":\"01\"}]}"), "born later");
    Golden.assertContains(e.getMessage(), "cadres[0]", "record");
  }
}
