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
 * docs/errors.md through Java: every row of tests/golden/bad_inputs.tsv gets its code and
 * exception class, a one-line message, and no personal value in it (the same table runs in
 * C++, C and Python).
 */
class BadInputsGoldenTest {
  static WorkCalendar cal;
  static Policy policy;
  static final LocalDate AS_OF = LocalDate.of(2016, 9, 22);

  @BeforeAll
  static void open() {
    cal = WorkCalendar.china();
    policy = Policy.defaultProfile();
  }

  @AfterAll
  static void close() {
    policy.close();
    cal.close();
  }

  static Stream<Arguments> rows() {
    List<Arguments> out = new ArrayList<>();
    boolean header = false;
    for (String line : TestData.lines(TestData.golden("bad_inputs.tsv"))) {
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (!header) {
        header = true;
        continue;
      }
      String[] c = line.split("\t", -1);
      assertEquals(5, c.length, line);
      String[] args = c[2].split(" \\| ", -1);
      for (int i = 0; i < args.length; ++i) args[i] = args[i].replace("\\n", "\n");
      out.add(Arguments.of(c[0], c[1], args, c[3], c[4].equals("yes")));
    }
    return out.stream();
  }

  static void run(String op, String[] a) {
    switch (op) {
      case "date_iso": Dates.parseIso(a[0]); return;
      case "date_ymd":
        Dates.of(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]));
        return;
      case "calendar_add": cal.addWorkingDays(Dates.parseIso(a[0]), Integer.parseInt(a[1])); return;
      case "calendar_window": cal.window(Dates.parseIso(a[0]), Integer.parseInt(a[1])); return;
      case "money": Money.parse(a[0]); return;
      case "at_least_share": Shares.atLeast(Long.parseLong(a[0]), a[1]); return;
      case "policy_yaml":
        Policy.fromYaml(a[0]).close();
        return;
      case "policy_value": policy.value(a[0], Dates.parseIso(a[1])); return;
      case "citizen_id": CitizenId.parse(a[0]); return;
      case "explanation_json": Explanations.normalize(a[0]); return;
      case "person_json": Person.summaryJson(a[0], AS_OF); return;
      case "audit_plan": Audit.planJson(policy, a[0]); return;
      case "assessment_screen": Assessment.screenJson(policy, a[0]); return;
      default: throw new AssertionError("unknown operation " + op);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void golden(String kind, String op, String[] args, String code, boolean personal) {
    CadreKitException e = Golden.assertFails(code, () -> run(op, args), kind);
    if (personal) {
      for (String a : args) Golden.assertNotEchoed(e, a, kind);
    }
  }

  @Test
  void tableSize() {
    assertTrue(rows().count() >= 20);
  }
}
