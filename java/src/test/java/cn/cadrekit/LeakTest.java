package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A million create/free and column calls with flat memory. The JVM runs with a fixed heap that
 * is resident from the start (-Xms = -Xmx, -XX:+AlwaysPreTouch: see java/CMakeLists.txt), so the
 * process's resident size moves with native memory only: the library's and JNA's. After a
 * warm-up long enough for the resident size to settle (the JIT compiles, malloc's arenas grow and
 * are trimmed back: measured, that takes a few hundred thousand iterations here) the resident
 * size is taken, the loop runs, and the growth must stay under a bound far below what any
 * per-iteration leak would add (a leaked malloc is at least 32 bytes: 32 MB over a million
 * iterations). The same measurement is then shown to see such a leak, so that this test can
 * fail.
 */
class LeakTest {
  static final int ITERATIONS = Integer.getInteger("cadrekit.leak.iterations", 1_000_000);
  static final long BOUND = 8L << 20;

  static long rss() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  static long settledRss() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    return rss();
  }

  /** One iteration: a handle created and freed, column calls, a string out, sometimes more. */
  static long once(int i, Policy policy, int[] from, int[] birth) {
    long sum = 0;
    try (WorkCalendar cal = WorkCalendar.china()) {
      int[] due = cal.addWorkingDays(from, 1);
      sum += due[i % due.length];
      sum += cal.countWorkingDays(from, due)[0];
    }
    sum += ThreeAges.columns(birth, null, null, LocalDate.of(2016, 9, 22)).age()[0];
    sum += Money.formatFen(i).length();
    if (i % 1000 == 0) {
      try (Policy p = Policy.defaultProfile()) {
        sum += p.value("village.base_pay.min", LocalDate.of(2016, 9, 22)).length();
      }
      sum += Audit.tierJson(policy, "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\","
          + "\"budget\":\"500万\"}]}").length();
      try {
        Money.parseFen("7000.001");
      } catch (InvalidInputException expected) {
        sum += 1;
      }
    }
    return sum;
  }

  @Test
  void aMillionCallsWithFlatMemory() throws Exception {
    int[] from = new int[16];
    int[] birth = new int[16];
    for (int i = 0; i < from.length; ++i) {
      from[i] = Dates.toDay(LocalDate.of(2016, 9, 20).plusDays(i), "from");
      birth[i] = Dates.toDay(LocalDate.of(1970, 1, 1).plusDays(1000 * i), "birth");
    }
    long sum = 0;
    try (Policy policy = Policy.defaultProfile()) {
      int warmup = Math.min(400_000, ITERATIONS);
      for (int i = 0; i < warmup; ++i) sum += once(i, policy, from, birth);
      long before = settledRss();
      long t0 = System.nanoTime();
      StringBuilder trace = new StringBuilder();
      for (int i = 0; i < ITERATIONS; ++i) {
        sum += once(i, policy, from, birth);
        if (i % 200_000 == 199_999) trace.append(' ').append(rss() >> 10);
      }
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      long after = settledRss();
      System.out.printf("LeakTest: %d iterations in %d s, resident %d -> %d KiB (%+d KiB), on the"
          + " way (KiB):%s%n", ITERATIONS, seconds, before >> 10, after >> 10,
          (after - before) >> 10, trace);
      assertTrue(sum > 0);
      assertTrue(after - before < BOUND, "resident size grew by " + ((after - before) >> 10)
          + " KiB over " + ITERATIONS + " iterations");
    }
  }

  @Test
  void forgottenHandlesAreFreedByTheCleaner() throws Exception {
    long freedBefore = CadreKit.unclosedHandlesFreed();
    int n = 20_000;
    for (int i = 0; i < 2_000; ++i) WorkCalendar.china();
    long before = settledRss();
    for (int i = 0; i < n; ++i) WorkCalendar.china();   // never closed
    for (int wait = 0; wait < 300 && CadreKit.unclosedHandlesFreed() - freedBefore < n; ++wait) {
      System.gc();
      Thread.sleep(100);
    }
    long after = settledRss();
    assertTrue(CadreKit.unclosedHandlesFreed() - freedBefore >= n,
        "freed by the cleaner: " + (CadreKit.unclosedHandlesFreed() - freedBefore));
    assertTrue(after - before < BOUND, "resident size grew by " + ((after - before) >> 10) + " KiB");
  }

  @Test
  void theMeasurementSeesALeak() throws Exception {
    // A planted leak of 32 bytes an iteration, written so that the pages are resident.
    int n = ITERATIONS;
    long[] leaked = new long[n];
    long before = settledRss();
    for (int i = 0; i < n; ++i) {
      leaked[i] = Native.malloc(32);
      new Pointer(leaked[i]).setLong(0, i);
    }
    long after = settledRss();
    for (long p : leaked) Native.free(p);
    assertTrue(after - before >= BOUND, "a planted leak of 32 bytes x " + n + " grew the resident"
        + " size by only " + ((after - before) >> 10) + " KiB: the bound would not see it");
    assertEquals(n, leaked.length);
  }
}
