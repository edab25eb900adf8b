package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explanations through Java: the golden example (canonical JSON, zh and en text) and every
 * case of tests/golden/explanation_rejects.tsv, as the C++, C and Python tests read them.
 */
class ExplanationGoldenTest {
  static final String EXAMPLE = TestData.read(TestData.golden("explanation_example.json"));

  @Test
  void theGoldenExample() {
    assertFalse(EXAMPLE.endsWith("\n"));
    assertEquals(EXAMPLE, Explanations.normalize(EXAMPLE));
    assertEquals(EXAMPLE, Explanations.normalize(" \n\t" + EXAMPLE + "\r\n "));
    String zh = TestData.read(TestData.golden("explanation_example.zh.txt"));
    String en = TestData.read(TestData.golden("explanation_example.en.txt"));
    assertEquals(zh, Explanations.toText(EXAMPLE, "zh"));
    assertEquals(en, Explanations.toText(EXAMPLE, "en"));
    Golden.assertContains(en, "2016-01-01, JARUD.1, assumed)", "assumed marked");
    Golden.assertContains(zh, "假定值", "assumed marked");
    // parsed, it is an object with the schema tag, and written back it normalizes to itself
    JsonObject o = Json.parseObject(EXAMPLE);
    assertEquals("cadrekit.explanation/1", o.getString("schema"));
    assertEquals(EXAMPLE, Explanations.normalize(o.toJson()));
  }

  @Test
  void normalizeReordersAndUnescapes() {
    String in = "{ \"inputs\": [ {\"value\": \"2\", \"name\": \"rank\"} ],\n"
        + "  \"parameters\": [ {\"clause\": \"JARUD.1\", \"assumed\": false,\n"
        + "    \"effective_from\": \"2016-01-01\", \"unit\": \"yuan/year\", \"value\": \"4000\",\n"
        + "    \"name\": \"village.performance_pay.excellent\"} ],\n"
        + "  \"rules\": [ {\"message_en\": \"tab\\there \\/ \\u001f\", \"message_zh\": \"\\u4f18\\u79c0\",\n"
        + "    \"clause\": \"JARUD.1\", \"rule_id\": \"r\"} ],\n"
        + "  \"uses_assumed\": false, \"subject\": \"\\ud83d\\ude00\", \"schema\": \"cadrekit.explanation/1\" }";
    String want = "{\"schema\":\"cadrekit.explanation/1\",\"subject\":\"\uD83D\uDE00\",\"uses_assumed\":false,"
        + "\"rules\":[{\"rule_id\":\"r\",\"clause\":\"JARUD.1\",\"message_zh\":\"优秀\","
        + "\"message_en\":\"tab\\there / \\u001f\"}],"
        + "\"parameters\":[{\"name\":\"village.performance_pay.excellent\",\"value\":\"4000\","
        + "\"unit\":\"yuan/year\",\"effective_from\":\"2016-01-01\",\"assumed\":false,"
        + "\"clause\":\"JARUD.1\"}],\"inputs\":[{\"name\":\"rank\",\"value\":\"2\"}]}";
    assertEquals(want, Explanations.normalize(in));
  }

  static Stream<Arguments> rejects() {
    List<Arguments> out = new ArrayList<>();
    for (String line : TestData.lines(TestData.golden("explanation_rejects.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] c = line.split("\t", 3);
      assertEquals(3, c.length, line);
      out.add(Arguments.of(c[0], c[1], c[2]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void rejected(String name, String field, String json) {
    CadreKitException e = Golden.assertFails("invalid_input", () -> Explanations.normalize(json), name);
    Golden.assertContains(e.getMessage(), "(field " + field + ")", name);
    assertEquals(field, e.field(), name);
    e = Golden.assertFails("invalid_input", () -> Explanations.toText(json, "zh"), name);
    Golden.assertContains(e.getMessage(), "(field " + field + ")", name);
  }

  @Test
  void rejectsTableSize() {
    assertTrue(rejects().count() >= 80);
  }

  @Test
  void textOfTheIndexthExplanationInAResponse() {
    String zh = TestData.read(TestData.golden("explanation_example.zh.txt"));
    String response = "{\"results\":[{\"id\":\"a\",\"explanation\":null},{\"id\":\"b\",\"explanation\":"
        + EXAMPLE + "}]}";
    // the example marks nothing as detail: its short and full forms are the whole text
    assertEquals(zh, Explanations.text(response, 0, "zh", false));
    assertEquals(zh, Explanations.text(response, 0, "zh", true));
    assertEquals(zh, Explanations.text(EXAMPLE, 0, "zh", false));
    Golden.assertContains(Golden.assertFails("invalid_input",
        () -> Explanations.text(response, 1, "zh", false), "index 1").getMessage(), "index", "");
    Golden.assertFails("invalid_input", () -> Explanations.text(response, 0, "fr", false), "fr");
  }

  @Test
  void languages() {
    Golden.assertContains(Golden.assertFails("invalid_input",
        () -> Explanations.toText(EXAMPLE, "fr"), "fr").getMessage(), "lang", "");
    Golden.assertFails("invalid_input", () -> Explanations.toText(EXAMPLE, "ZH"), "ZH");
    Golden.assertFails("invalid_input", () -> Explanations.toText(EXAMPLE, ""), "empty");
  }

  @Test
  void textEscapesControls() {
    String in = "{\"schema\":\"cadrekit.explanation/1\",\"subject\":\"a\\nb\",\"uses_assumed\":false,"
        + "\"rules\":[{\"rule_id\":\"r\",\"clause\":\"\",\"message_zh\":\"\",\"message_en\":\"x\\u0000y\\rz\\u001f\"}],"
        + "\"parameters\":[],\"inputs\":[]}";
    assertEquals("Subject: a\\nb\nRule r: x\\u0000y\\rz\\u001f\n", Explanations.toText(in, "en"));
  }
}
