package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A million create/free and column calls with flat memory, then the batch calls that build
 * native structs or take back malloc'd arrays. The JVM runs with a fixed heap that
 * is resident from the start (-Xms = -Xmx, -XX:+AlwaysPreTouch: see java/CMakeLists.txt), so the
 * process's resident size moves with native memory only: the library's, JNA's and the JVM's own.
 * After a warm-up (the JIT compiles, malloc's arenas grow and are trimmed back: measured, that
 * takes a few hundred thousand iterations here) the loop runs in {@link #WINDOWS} equal windows
 * and the resident size is taken between them. A leak grows every window by the same amount; a
 * one-off step does not: a JVM thread started late (a compiler thread, when a loaded machine
 * lets the JIT fall behind) takes a new malloc arena of tens of MiB, which glibc keeps. So the
 * median growth of the windows is held to the window's share of a bound far below what any
 * per-iteration leak would add (a leaked malloc is at least 32 bytes: 32 MB over a million
 * iterations); up to two steps are ignored. The ctest also caps glibc's arenas
 * (MALLOC_ARENA_MAX, java/CMakeLists.txt) so that such steps are rare. The same measurement is
 * then shown to see a planted leak, so that this test can fail.
 */
class LeakTest {
  static final int ITERATIONS = Integer.getInteger("cadrekit.leak.iterations", 1_000_000);
  static final long BOUND = 8L << 20;
  static final int WINDOWS = 5;

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

  /**
   * Runs {@code body} over a warm-up, then over {@code iterations} in {@link #WINDOWS} windows;
   * fails when the median growth of the resident size over a window reaches the window's share
   * of {@link #BOUND}.
   */
  static void assertFlat(String phase, int warmup, int iterations, java.util.function.IntConsumer body)
      throws Exception {
    for (int i = 0; i < warmup; ++i) body.accept(i);
    int window = Math.max(1, iterations / WINDOWS);
    long[] growth = new long[WINDOWS];
    long first = settledRss();
    long before = first;
    long t0 = System.nanoTime();
    StringBuilder trace = new StringBuilder();
    for (int w = 0, i = 0; w < WINDOWS; ++w) {
      for (int end = i + window; i < end; ++i) body.accept(i);
      long after = settledRss();
      growth[w] = after - before;
      trace.append(' ').append(growth[w] >> 10);
      before = after;
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    long[] sorted = growth.clone();
    java.util.Arrays.sort(sorted);
    long median = sorted[WINDOWS / 2];
    System.out.printf("LeakTest %s: %d iterations in %d s, resident %d -> %d KiB (%+d KiB), growth"
        + " of each window of %d (KiB):%s, median %+d KiB%n", phase, window * WINDOWS, seconds,
        first >> 10, before >> 10, (before - first) >> 10, window, trace, median >> 10);
    assertTrue(median < BOUND / WINDOWS, phase + ": resident size grew by a median "
        + (median >> 10) + " KiB over windows of " + window + " iterations (each window, KiB:"
        + trace + ")");
  }

  @Test
  void aMillionCallsWithFlatMemory() throws Exception {
    int[] from = new int[16];
    int[] birth = new int[16];
    for (int i = 0; i < from.length; ++i) {
      from[i] = Dates.toDay(LocalDate.of(2016, 9, 20).plusDays(i), "from");
      birth[i] = Dates.toDay(LocalDate.of(1970, 1, 1).plusDays(1000 * i), "birth");
    }
    long[] sum = new long[1];
    try (Policy policy = Policy.defaultProfile()) {
      // A handle created and freed, column calls, a string out; each 1000th a policy, a JSON
      // call and an error.
      assertFlat("create/free and columns", Math.min(400_000, ITERATIONS), ITERATIONS, i -> {
        try (WorkCalendar cal = WorkCalendar.china()) {
          int[] due = cal.addWorkingDays(from, 1);
          sum[0] += due[i % due.length];
          sum[0] += cal.countWorkingDays(from, due)[0];
        }
        sum[0] += ThreeAges.columns(birth, null, null, LocalDate.of(2016, 9, 22)).age()[0];
        sum[0] += Money.formatFen(i).length();
        if (i % 1000 == 0) {
          try (Policy p = Policy.defaultProfile()) {
            sum[0] += p.value("village.base_pay.min", LocalDate.of(2016, 9, 22)).length();
          }
          sum[0] += Audit.tierJson(policy, "{\"as_of\":\"2017-01-01\",\"units\":[{\"unit_id\":\"A\","
              + "\"budget\":\"500万\"}]}").length();
          try {
            Money.parseFen("7000.001");
          } catch (InvalidInputException expected) {
            sum[0] += 1;
          }
        }
      });
      assertTrue(sum[0] > 0);
    }
  }

  /**
   * The batch calls of the larger modules, each writing its in/out structs and columns into a
   * native block — tiering (and a tiering that fails), pay, team structure — or taking back a
   * malloc'd array (screening, with and without findings): fewer iterations, as the library's
   * own work per call is larger (tens to hundreds of µs).
   */
  @Test
  void batchCallsWithFlatMemory() throws Exception {
    long[] budget = new long[16];
    byte[] complaints = new byte[16];
    for (int i = 0; i < 16; ++i) {
      budget[i] = 50_000_000L * i;
      complaints[i] = (byte) (i % 2);
    }
    AuditUnits units = AuditUnits.of(budget).with(AuditUnits.Factor.COMPLAINTS, complaints);
    ScreenInput screen = new ScreenInput(new long[] {7, 7, 9, 9}, new byte[] {0, 0, 2, 2},
        new int[] {201400, 201500, 201500, 201600}, new int[] {10, 10, 0, 0},
        new int[] {10, 10, 0, 0}, new byte[] {2, 4, 6, 6});
    ScreenInput withFindings = new ScreenInput(new long[] {7, 7}, new byte[] {0, 0},
        new int[] {201400, 201500}, new int[] {10, 10}, new int[] {10, 10}, new byte[] {2, 2})
        .withFindings(new long[] {8, 9}, new int[] {2, 0}, new byte[] {0, 0}, new byte[] {2, 5},
            new byte[] {1, 1}, new int[] {16922, 16983});
    byte[] badAttention = new byte[16];
    badAttention[9] = 100;
    AuditUnits badUnits = AuditUnits.of(budget).with(AuditUnits.Factor.ATTENTION, badAttention);
    TeamMembers team = new TeamMembers(2, new int[] {0, 0, 1}, new byte[] {1, 2, 1},
        new int[] {0, 3000, 5000}, new byte[] {1, 1, 2}, new byte[] {1, 13, 1});
    long[] scores = new long[10];
    java.util.Arrays.fill(scores, 900_000);
    PayInput pay = new PayInput(new int[] {0, 0}, new long[] {500, 1500}, scores,
        new byte[] {31, 31}, new int[] {0, 1}, new byte[] {0, 2}, new int[] {15000, 15000},
        new int[] {PayInput.STILL_SERVING, PayInput.STILL_SERVING});
    long[] sum = new long[1];
    int n = ITERATIONS / 10;
    try (Policy policy = Policy.defaultProfile()) {
      assertFlat("batch calls", n / 4, n, i -> {
        sum[0] += Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units).level(i % 16);
        if (i % 5 == 0) {
          sum[0] += Village.payColumns(policy, 2016, pay).totalFen()[1];
          sum[0] += Talent.teamStructureColumns(policy, LocalDate.of(2016, 9, 22), team).size()[0];
        }
        if (i % 5 == 1) {
          sum[0] += Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31), screen).size();
        }
        if (i % 5 == 2) {
          sum[0] += Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31), withFindings).size();
        }
        if (i % 5 == 3) {
          // a failed call: its block is freed on the way out, and no output escapes
          try {
            Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), badUnits);
          } catch (InvalidInputException expected) {
            sum[0] += 1;
          }
        }
      });
    }
    assertTrue(sum[0] > 0);
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
    // A planted leak of 32 bytes an iteration, written so that the pages are resident, through
    // the same measurement as the tests above: it must fail.
    int n = ITERATIONS;
    long[] leaked = new long[n];
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertFlat("planted leak", 0, n, i -> {
          leaked[i] = Native.malloc(32);
          new Pointer(leaked[i]).setLong(0, i);
        }));
    for (long p : leaked) Native.free(p);
    assertTrue(failure.getMessage().startsWith("planted leak: resident size grew by a median"),
        failure.getMessage());
    assertEquals(n, leaked.length);
  }
}
