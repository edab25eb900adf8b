package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Policy profiles through Java: the default's numbers, a county's layer, errors (as test_policy.c). */
class PolicyTest {
  static final LocalDate ON = LocalDate.of(2016, 9, 22);

  @Test
  void theSourcesNumbers() {
    try (Policy p = Policy.defaultProfile()) {
      assertEquals("tongliao-2016", p.name());
      String[][] want = {
        {"audit.level1.min_share_per_year", "0.35"}, {"audit.level2.min_share_per_year", "0.2"},
        {"audit.budget_band.high_min", "5000000"}, {"audit.budget_band.low_max", "3000000"},
        {"audit.special_funds.special_min", "100000000"},
        {"audit.special_funds.level_up_min", "10000000"},
        {"disclosure.round1.window_working_days", "5"},
        {"disclosure.round2.window_working_days", "5"}, {"village.base_pay.min", "7000"},
        {"village.base_pay.max", "9000"}, {"village.performance_pay.excellent", "4000"},
        {"village.performance_pay.unqualified", "0"}, {"village.publicity_days", "7"},
        {"village.selection.min_share_per_year", "0.05"},
        {"village.selection.initial_ratio", "1/3"},
        {"village.selection.prospective_ratio", "0.5"},
        {"village.selection.formal_extra_share", "0.2"}, {"village.subsidy.min_years", "10"},
        {"followup.talk_interval_months", "1"}, {"followup.visit_interval_months", "3"},
        {"talent.echelon2.age_limit", "35"},
      };
      for (String[] w : want) assertEquals(w[1], p.value(w[0], ON), w[0]);

      assertEquals("{\"name\":\"village.performance_pay.basic\",\"value\":\"2000\","
          + "\"unit\":\"yuan/year\",\"effective_from\":\"2016-01-01\",\"assumed\":true,"
          + "\"clause\":\"JARUD.1\"}", p.lookupJson("village.performance_pay.basic", ON));
      PolicyParameter basic = p.lookup("village.performance_pay.basic", ON);
      assertEquals("2000", basic.value());
      assertEquals(new BigDecimal("2000"), basic.decimalValue());
      assertEquals("yuan/year", basic.unit());
      assertEquals(LocalDate.of(2016, 1, 1), basic.effectiveFrom());
      assertTrue(basic.assumed());
      assertEquals("JARUD.1", basic.clause());
      PolicyParameter window = p.lookup("disclosure.round1.window_working_days", ON);
      assertEquals(LocalDate.of(2015, 1, 1), window.effectiveFrom());
      assertFalse(window.assumed());
      assertEquals("KAILU.2", window.clause());

      CadreKitException e = Golden.assertFails("policy",
          () -> p.value("village.no_such_thing", ON), "unknown");
      Golden.assertContains(e.getMessage(), "village.no_such_thing", "names the parameter");
      e = Golden.assertFails("policy",
          () -> p.value("village.base_pay.min", LocalDate.of(2015, 12, 31)), "before");
      Golden.assertContains(e.getMessage(), "village.base_pay.min", "names the parameter");
      Golden.assertFails("policy", () -> p.lookup("nothing.here", ON), "unknown lookup");
    }
  }

  @Test
  void aCountyLayersOnTheDefault() {
    Path file = TestData.sourceDir().resolve("data/policies/examples/sample-county.yaml");
    try (Policy p = Policy.load(file)) {
      assertEquals("sample-county-2018", p.name());
      assertEquals("4000", p.value("village.performance_pay.excellent", LocalDate.of(2017, 12, 31)));
      assertEquals("5000", p.value("village.performance_pay.excellent", LocalDate.of(2018, 1, 1)));
      assertEquals("2500", p.value("village.performance_pay.basic", LocalDate.of(2018, 1, 1)));
      PolicyParameter basic = p.lookup("village.performance_pay.basic", LocalDate.of(2018, 6, 1));
      assertEquals(LocalDate.of(2018, 1, 1), basic.effectiveFrom());
      assertFalse(basic.assumed());
      // what the county did not change comes from the default
      assertEquals("0.35", p.value("audit.level1.min_share_per_year", ON));
    }
    try (Policy p = Policy.fromYaml("profile: c\nextends: tongliao-2016\nparameters:\n"
        + "  village.performance_pay.excellent:\n    values:\n      2018-01-01: 5000\n")) {
      assertEquals("c", p.name());
      assertEquals("4000", p.value("village.performance_pay.excellent", LocalDate.of(2017, 12, 31)));
      assertEquals("5000", p.value("village.performance_pay.excellent", LocalDate.of(2018, 1, 1)));
    }
  }

  static void loadFailsNaming(String yaml, String record, String field) {
    CadreKitException e = Golden.assertFails("policy", () -> Policy.fromYaml(yaml), yaml);
    Golden.assertContains(e.getMessage(), "record " + record, "record");
    Golden.assertContains(e.getMessage(), "field " + field, "field");
    assertEquals(field, e.field());
    assertEquals(record, e.record());
  }

  @Test
  void errorsNameFileLineAndKey() {
    loadFailsNaming("profile: c\nextends: tongliao-2016\nparameters:\n"
        + "  village.performance_pay.excellent:\n    value:\n      2018-01-01: 5000\n",
        "<string>:5", "parameters.village.performance_pay.excellent.value");
    loadFailsNaming("profile: c\nextends: tongliao-2099\nparameters: {}\n", "<string>:2", "extends");
    loadFailsNaming("profile: c\nextends: tongliao-2016\nparameters:\n"
        + "  village.publicity_days:\n    type: money\n    values: {2018-01-01: 7}\n",
        "<string>:5", "parameters.village.publicity_days.type");
    Golden.assertFails("policy",
        () -> Policy.load(TestData.sourceDir().resolve("data/policies/none.yaml")), "no file");
    try (Policy p = Policy.defaultProfile()) {
      Golden.assertFails("invalid_input",
          () -> p.value("village.base_pay.min", LocalDate.of(99999, 1, 1)), "beyond ck_date");
    }
  }
}
