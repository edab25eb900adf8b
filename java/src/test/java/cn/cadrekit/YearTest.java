package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The what-if across the year through Java (as the command line's `compare … year` and Python's
 * year.run().diff()): one parameter set, the sample county's year run under both profiles.
 */
class YearTest {
  @Test
  void aChangedExcellentPayMovesVillageAndBudgetOnly() {
    try (Policy base = Policy.defaultProfile();
         Policy more = base.set("village.performance_pay.excellent=5000")) {
      assertEquals("4000", base.value("village.performance_pay.excellent", LocalDate.of(2016, 6, 1)));
      assertEquals("5000", more.value("village.performance_pay.excellent", LocalDate.of(2016, 6, 1)));
      String a = Year.runJson(base, null, 0);
      String b = Year.runJson(more, null, 0);
      assertEquals("cadrekit.year/1", Json.parseObject(a).getString("schema"));
      JsonObject d = Year.compare(a, b);
      assertTrue(d.getArray("village").size() > 0, "village differs");
      assertEquals(1000L * d.getArray("village").size() + ".00",
          d.getArray("budget").getObject(0).getString("difference"), "budget");
      assertEquals(0, d.getArray("audit").size(), "audit unchanged");
      assertEquals(0, Year.compare(a, a).getArray("village").size(), "a run against itself");
    }
  }

  @Test
  void aSettingThatDoesNotFitIsAPolicyError() {
    try (Policy base = Policy.defaultProfile()) {
      CadreKitException e = Golden.assertFails("policy",
          () -> base.set("village.no_such_thing=1").close(), "unknown name");
      Golden.assertContains(e.getMessage(), "village.no_such_thing", "names the parameter");
      Golden.assertFails("policy", () -> base.set("village.performance_pay.excellent=abc").close(),
          "not a number");
      assertNotEquals(null, base.name());
    }
  }
}
