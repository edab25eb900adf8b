package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The disclosure module (KAILU) through Java, on the golden files the C++, C and Python tests
 * read: the record (valid), its planted problems (disclosure_invalid.tsv), the windows
 * (disclosure_windows.csv), the notice fields worked by hand (disclosure_notice_expected.json)
 * and the .lrmx form (example and element order), then a case's workflow.
 */
class DisclosureGoldenTest {
  static final String RECORD = TestData.read(TestData.golden("disclosure_record.json"));
  static Policy policy;
  static WorkCalendar cal;

  @BeforeAll
  static void open() {
    policy = Policy.defaultProfile();
    cal = WorkCalendar.china();
  }

  @AfterAll
  static void close() {
    cal.close();
    policy.close();
  }

  static Map<String, Object> record() {
    return TestData.mutable(Json.parse(RECORD));
  }

  @SuppressWarnings("unchecked")
  static void setPath(Object obj, String path, String value) {
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; ++i) {
      obj = obj instanceof List ? ((List<Object>) obj).get(Integer.parseInt(parts[i]))
                                : ((Map<String, Object>) obj).get(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value.equals("-")) {
      ((Map<String, Object>) obj).remove(last);
    } else if (obj instanceof List) {
      ((List<Object>) obj).set(Integer.parseInt(last), TestData.mutable(Json.parse(value)));
    } else {
      ((Map<String, Object>) obj).put(last, TestData.mutable(Json.parse(value)));
    }
  }

  @Test
  void theGoldenRecordIsValid() {
    assertEquals("[]", Disclosure.validateJson(policy, RECORD));
  }

  static Stream<Arguments> planted() {
    List<Arguments> out = new ArrayList<>();
    for (String line : TestData.lines(TestData.golden("disclosure_invalid.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      assertEquals(4, c.length, line);
      out.add(Arguments.of(c[0], c[1], c[2], c[3]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("planted")
  void plantedProblems(String patchPath, String patchValue, String path, String code) {
    Map<String, Object> r = record();
    setPath(r, patchPath, patchValue);
    JsonArray problems = Disclosure.validate(policy, r);
    assertTrue(problems.size() > 0);
    assertTrue(problems.getObject(0).keySet().containsAll(List.of("path", "code", "message")));
    assertTrue(problems.objects().stream()
        .anyMatch(p -> p.getString("path").equals(path) && p.getString("code").equals(code)),
        problems.toJson());
  }

  @Test
  void plantedTableSize() {
    assertTrue(planted().count() >= 10);
  }

  static Stream<Arguments> windows() {
    List<Arguments> out = new ArrayList<>();
    boolean header = false;
    for (String line : TestData.lines(TestData.golden("disclosure_windows.csv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      List<String> c = TestData.splitCsv(line);
      out.add(Arguments.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "round {0} {1} posted {2}")
  @MethodSource("windows")
  void planRound(String round, String rank, String posted, String status, String first,
                 String last, String venues) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("round", Integer.parseInt(round));
    req.put("rank", rank);
    req.put("posted", posted);
    if (!status.equals("ok")) {
      Golden.assertFails(status, () -> Disclosure.planRound(policy, cal, req), rank + " " + posted);
      return;
    }
    JsonObject p = Disclosure.planRound(policy, cal, req);
    assertEquals(LocalDate.parse(first), p.getDate("first_day"));
    assertEquals(LocalDate.parse(last), p.getDate("last_day"));
    assertEquals(List.of(venues.split("\\|")), p.getArray("venues"));
    assertEquals(5, cal.countWorkingDays(p.getDate("first_day"), p.getDate("last_day")));
  }

  @Test
  void noticeFieldsMatchTheHandWorkedValues() {
    JsonObject expected = Json.parseObject(TestData.read(TestData.golden("disclosure_notice_expected.json")));
    for (int round = 1; round <= 2; ++round) {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("record", record());
      req.put("round", round);
      JsonObject n = Disclosure.notice(policy, cal, req);
      JsonObject want = expected.getObject("round" + round);
      assertEquals(want, n.getObject("fields"), "round " + round);
      assertEquals(new ArrayList<>(n.getObject("fields").keySet()), n.getArray("field_names"));
      for (Object secret : expected.getArray("private_values")) {
        assertFalse(n.getObject("fields").toJson().contains((String) secret), "a private value in the fields");
        assertFalse(n.getString("text").contains((String) secret), "a private value in the text");
      }
    }
  }

  @Test
  void noticeWithItsWindowAndARefusedRecord() {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("record", record());
    req.put("round", 1);
    req.put("posted", LocalDate.of(2016, 9, 30));
    JsonObject n = Disclosure.notice(policy, cal, req);
    Golden.assertContains(n.getString("text"), "公开时间：2016年9月30日至2016年10月11日（5个工作日）", "");
    Golden.assertContains(n.getString("text"), "公开范围：所在单位、居住地", "");
    assertEquals(LocalDate.of(2016, 10, 11), n.getObject("plan").getDate("last_day"));

    Map<String, Object> r = record();
    setPath(r, "commitment.signed_by", "\"冒名顶替者\"");
    req.put("record", r);
    CadreKitException e = Golden.assertFails("invalid_input", () -> Disclosure.notice(policy, cal, req), "");
    assertFalse(e.getMessage().contains("冒名"));
    Golden.assertContains(e.getMessage(), "commitment.signed_by", "path");
  }

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void lrmxFormInOrderReadByAnIndependentParser() throws Exception {
    String form = TestData.read(TestData.golden("disclosure_lrmx_example.xml"));
    JsonObject r = Json.parseObject(Disclosure.recordFromLrmxJson(form, "LX-1"));
    assertEquals("王晓梅", r.getObject("person").getString("name"));
    assertEquals("1978-12-18", r.getObject("person").getString("birth_date"));
    assertEquals(4, r.getArray("work_history").size());
    List<String> order = new ArrayList<>();
    for (String line : TestData.lines(TestData.golden("disclosure_lrmx_elements.csv"))) {
      if (line.startsWith("#") || line.startsWith("order,")) continue;
      List<String> c = TestData.splitCsv(line);
      if (c.size() > 2 && c.get(2).equals("Person")) order.add(c.get(1));
    }
    assertEquals(34, order.size());
    String out = Disclosure.recordToLrmx(r.toJson());
    Element root = xml(out).getDocumentElement();
    assertEquals("Person", root.getTagName());
    List<String> tags = new ArrayList<>();
    for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element) tags.add(((Element) c).getTagName());
    }
    assertEquals(order, tags);
    assertEquals("197812", root.getElementsByTagName("ChuShengNianYue").item(0).getTextContent());
    assertEquals("蒙古族", root.getElementsByTagName("MinZu").item(0).getTextContent());
    assertEquals("3.2.1.16", root.getElementsByTagName("Version").item(0).getTextContent());
    assertEquals(r, Json.parseObject(Disclosure.recordFromLrmxJson(out, "LX-1")), "round trip");
    CadreKitException e = Golden.assertFails("invalid_input",
        () -> Disclosure.recordFromLrmxJson("<Person><XingMing>x</Person>", "LX-2"), "malformed");
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void aCasesWorkflow() {
    Map<String, Object> open = new LinkedHashMap<>();
    open.put("date", "2016-09-26");
    open.put("actor", "org-1");
    open.put("record", record());
    String c0 = Disclosure.caseOpenJson(policy, Json.write(open));
    Golden.assertFails("state", () -> Disclosure.caseApplyJson(policy, cal, c0,
        "{\"action\":\"receive_complaint\",\"channel\":\"phone\",\"date\":\"2016-09-27\",\"actor\":\"s\"}"),
        "a complaint before the round");
    String c1 = Disclosure.caseApplyJson(policy, cal, c0,
        "{\"action\":\"post_round\",\"round\":1,\"date\":\"2016-09-30\",\"actor\":\"org-1\"}");
    Golden.assertContains(c1, "\"window\":{\"first\":\"2016-09-30\",\"last\":\"2016-10-11\"}", "");
    String c2 = Disclosure.caseApplyJson(policy, cal, c1,
        "{\"action\":\"receive_complaint\",\"channel\":\"letter\",\"date\":\"2016-10-09\",\"actor\":\"s\"}");
    Golden.assertContains(c2, "\"timing\":\"within_window\"", "");
    assertEquals("{\"ok\":false,\"reasons\":[\"complaint_unresolved:C1\"]}",
        Disclosure.caseCanProceedJson(c2, LocalDate.of(2016, 10, 12)));
    JsonObject explained = Disclosure.caseApplyExplained(policy, cal, c2,
        "{\"action\":\"assign\",\"complaint\":\"C1\",\"departments\":[\"housing\",\"finance\"],"
            + "\"date\":\"2016-10-10\",\"actor\":\"s\"}");
    assertEquals("cadrekit.disclosure.case/1", explained.getObject("case").getString("schema"));
    JsonArray counts = Disclosure.yearlyCounts(List.of(explained.getObject("case")));
    assertEquals(2016, counts.getObject(0).getInt("year"));
    Golden.assertFails("invalid_input", () -> Disclosure.caseCanProceedJson("{}", LocalDate.of(2016, 1, 1)), "");
  }
}
