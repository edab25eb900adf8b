package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assessment module (HORQIN) through Java: the golden screening table
 * tests/golden/assessment_screen.tsv with its county profiles (as the C++, C and Python tests
 * read it), then disposal, follow-up and promotion as test_assessment.c checks them.
 */
class AssessmentGoldenTest {
  static Policy def;
  static Policy gap;
  static Policy places;

  @BeforeAll
  static void open() {
    def = Policy.defaultProfile();
    gap = Policy.load(TestData.golden("assessment_county_gap.yaml"));
    places = Policy.load(TestData.golden("assessment_county_places.yaml"));
  }

  @AfterAll
  static void close() {
    def.close();
    gap.close();
    places.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String line : TestData.lines(TestData.golden("assessment_screen.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      assertEquals(4, c.length, line);
      out.add(Arguments.of(c[0], c[1], c[2], c[3]));
    }
    return out.stream();
  }

  /** "C1 annual_bottom 2014,2015; …" of a response, '-' for no hit (the table's form). */
  static String summarise(JsonObject response) {
    List<String> parts = new ArrayList<>();
    for (JsonObject h : response.getArray("hits").objects()) {
      List<String> periods = new ArrayList<>();
      for (Object p : h.getArray("periods")) periods.add((String) p);
      parts.add(h.getString("cadre_id") + " " + h.getString("rule_id") + " "
          + String.join(",", periods));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void screening(String name, String policy, String request, String expect) {
    Policy p = policy.equals("gap") ? gap : policy.equals("places") ? places : def;
    assertEquals(expect, summarise(Assessment.screen(p, request)), name);
  }

  @Test
  void tableSize() {
    assertTrue(cases().count() >= 25);
  }

  @Test
  void rulesInForce() {
    JsonArray rules = Assessment.rules(def, LocalDate.of(2016, 12, 31)).getArray("rules");
    assertEquals(0, rules.getObject(0).getInt("index"));
    assertEquals("annual_bottom", rules.getObject(0).getString("id"));
    assertEquals("party_conduct_fail", rules.getObject(4).getString("id"));
    assertEquals("{\"rules\":[]}", Assessment.rulesJson(def, LocalDate.of(2015, 6, 30)),
        "before the rules took effect");
    assertTrue(Assessment.standards(def, LocalDate.of(2016, 12, 31)).getArray("standards").size() > 0);
  }

  @Test
  void disposal() {
    JsonObject c = Assessment.disposalApply(null,
        "{\"op\":\"open\",\"case_id\":\"D1\",\"cadre_id\":\"C1\"}");
    assertEquals("{\"case_id\":\"D1\",\"cadre_id\":\"C1\",\"stage\":\"none\",\"events\":[]}", c.toJson());
    String c2 = Assessment.disposalApplyJson(c.toJson(),
        "{\"op\":\"advance\",\"stage\":\"motion\",\"date\":\"2016-03-01\",\"actor\":\"组织部\"}");
    Golden.assertFails("state", () -> Assessment.disposalApplyJson(c2,
        "{\"op\":\"advance\",\"stage\":\"analysis\",\"date\":\"2016-03-02\",\"actor\":\"x\"}"),
        "skipping investigation");
    Golden.assertFails("state", () -> Assessment.disposalApplyJson(c2,
        "{\"op\":\"decide\",\"method\":\"免职\",\"date\":\"2016-03-02\",\"grounds\":[\"annual_bottom\"]}"),
        "deciding early");
    Golden.assertFails("invalid_input", () -> Assessment.disposalApplyJson(c2,
        "{\"op\":\"advance\",\"stage\":\"investigation\",\"date\":\"2016-02-30\",\"actor\":\"x\"}"),
        "bad date");
    JsonObject c3 = Assessment.disposalApply(c2,
        "{\"op\":\"advance\",\"stage\":\"investigation\",\"date\":\"2016-03-05\",\"actor\":\"考察组\"}");
    assertEquals("investigation", c3.getString("stage"));
    JsonObject closed = Assessment.disposalApply(c3,
        "{\"op\":\"close_no_action\",\"date\":\"2016-03-09\",\"actor\":\"组织部\"}");
    assertEquals("closed_no_action", closed.getString("stage"));
  }

  @Test
  void followUp() {
    assertEquals("{\"schedule\":[{\"date\":\"2016-02-29\",\"kind\":\"monthly_talk\"},"
        + "{\"date\":\"2016-03-31\",\"kind\":\"monthly_talk\"},{\"date\":\"2016-04-30\","
        + "\"kind\":\"monthly_talk\"},{\"date\":\"2016-04-30\",\"kind\":\"quarterly_visit\"}]}",
        Assessment.followUpJson(def, "{\"decision_date\":\"2016-01-31\",\"until\":\"2016-04-30\"}"));
    assertEquals("{\"ledger\":[{\"date\":\"2016-05-15\",\"kind\":\"monthly_talk\",\"held\":"
        + "\"2016-05-10\",\"overdue\":false},{\"date\":\"2016-06-15\",\"kind\":\"monthly_talk\","
        + "\"held\":null,\"overdue\":true}]}", Assessment.followUpJson(def,
        "{\"decision_date\":\"2016-04-15\",\"as_of\":\"2016-06-20\",\"held\":[{\"date\":"
            + "\"2016-05-10\",\"kind\":\"monthly_talk\"}]}"));
    Golden.assertFails("invalid_input", () -> Assessment.followUpJson(def,
        "{\"decision_date\":\"2016-04-15\",\"until\":\"2016-01-01\"}"), "until before");
  }

  @Test
  void promotion() {
    String c = Assessment.promotionApplyJson(def, null, "{\"op\":\"open\",\"case_id\":\"P1\","
        + "\"facts\":{\"cadre_id\":\"C9\",\"unit_id\":\"U1\",\"current_rank\":\"副科\","
        + "\"target_rank\":\"正科\",\"rank_since\":\"2015-01-01\",\"work_started\":\"2005-07-01\","
        + "\"open_disposal_case\":true}}");
    JsonArray vetoes = Assessment.promotionApply(def, c, "{\"op\":\"vetoes\",\"as_of\":\"2016-06-01\"}")
        .getArray("vetoes");
    assertEquals("open_disposal", vetoes.getObject(0).getString("code"));
    assertTrue(vetoes.objects().stream().anyMatch(v -> v.getString("code").equals("years_at_rank")));
    Golden.assertFails("state", () -> Assessment.promotionApplyJson(def, c,
        "{\"op\":\"pass\",\"gate\":\"motion\",\"date\":\"2016-06-01\",\"actor\":\"a\"}"), "pass early");
    JsonObject c2 = Assessment.promotionApply(def, c, "{\"op\":\"post_quota\",\"date\":\"2016-06-01\","
        + "\"actor\":\"编办\",\"approved_posts\":5,\"filled_posts\":4}");
    assertEquals("stopped", c2.getString("status"));
    Golden.assertContains(c2.toJson(), "\"vetoes\":[\"open_disposal\",\"years_at_rank\"]", "");
  }
}
