package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Ownership: close is idempotent, a closed handle refuses calls, the library is the one built. */
class HandleTest {
  @Test
  void closeIsIdempotentAndClosedHandlesRefuseCalls() {
    Policy p = Policy.defaultProfile();
    assertFalse(p.isClosed());
    p.close();
    assertTrue(p.isClosed());
    p.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> p.value("village.base_pay.min", LocalDate.of(2016, 9, 22)));
    Golden.assertContains(e.getMessage(), "closed", "message");
    assertThrows(IllegalStateException.class, () -> Audit.tierJson(p, "{}"));
    assertEquals("tongliao-2016", p.name(), "the name is kept");

    WorkCalendar c = WorkCalendar.china();
    c.close();
    assertThrows(IllegalStateException.class, c::coverage);
    assertThrows(IllegalStateException.class, () -> c.withCsv("date,is_off_day,name\n"));
  }

  @Test
  void tryWithResources() {
    WorkCalendar leaked;
    try (WorkCalendar c = WorkCalendar.china()) {
      leaked = c;
      assertTrue(c.isWorkingDay(LocalDate.of(2016, 10, 8)));
    }
    assertTrue(leaked.isClosed());
  }

  @Test
  void theLoadedLibraryIsTheOneThisJarWasBuiltFor() {
    assertEquals(CadreKit.bindingVersion(), CadreKit.version());
    assertTrue(CadreKit.versionNumber() > 0);
    Golden.assertContains(CadreKit.libraryFile(), "libcadrekit_c", "file");
  }
}
