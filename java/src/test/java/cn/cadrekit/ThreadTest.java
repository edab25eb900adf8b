package cn.cadrekit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads at once, as an application server calls the library: one policy and one
 * calendar shared by every thread (the header says handles are immutable and shareable), each
 * thread's error message its own (the library keeps the last error per thread), and a handle
 * closed while other threads are inside calls with it (the free waits for them).
 */
class ThreadTest {
  static final int THREADS = 16;
  static final int ROUNDS = 300;
  static final String TIER = "{\"as_of\":\"2017-01-01\",\"units\":["
      + "{\"unit_id\":\"A\",\"budget\":\"500万\"},{\"unit_id\":\"B\",\"budget\":1000000,\"complaints\":true},"
      + "{\"unit_id\":\"C\",\"budget\":\"3500000\",\"economic_power\":1}],\"explain\":true}";

  @Test
  void sharedHandlesGiveEveryThreadTheSingleThreadedAnswers() throws Exception {
    try (Policy policy = Policy.defaultProfile(); WorkCalendar cal = WorkCalendar.china()) {
      String tier = Audit.tierJson(policy, TIER);
      int[] from = new int[64];
      for (int i = 0; i < from.length; ++i) from[i] = Dates.toDay(LocalDate.of(2016, 9, 1).plusDays(i), "from");
      int[] due = cal.addWorkingDays(from, 5);
      String value = policy.value("village.performance_pay.excellent", LocalDate.of(2016, 9, 22));
      long[] budget = new long[64];
      byte[] complaints = new byte[64];
      for (int i = 0; i < 64; ++i) {
        budget[i] = 10_000_000L * i;
        complaints[i] = (byte) (i % 3 == 0 ? 1 : 0);
      }
      AuditUnits units = AuditUnits.of(budget).with(AuditUnits.Factor.COMPLAINTS, complaints);
      TierColumns tiers = Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units);
      ScreenInput screen = new ScreenInput(new long[] {7, 7, 8, 8, 9, 9},
          new byte[] {0, 0, 0, 0, 2, 2}, new int[] {201400, 201500, 201400, 201500, 201500, 201600},
          new int[] {10, 10, 9, 9, 0, 0}, new int[] {10, 10, 10, 10, 0, 0},
          new byte[] {2, 4, 2, 2, 6, 6});
      ScreenHits hits = Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31), screen);
      assertEquals(3, hits.size());
      String[] money = new String[THREADS];
      for (int t = 0; t < THREADS; ++t) money[t] = Money.formatFen(t * 100_037L);
      assertEquals("¥1,000.37", money[1]);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; ++t) {
        final int me = t;
        results.add(pool.submit(() -> {
          start.await();
          int checks = 0;
          for (int r = 0; r < ROUNDS; ++r) {
            assertEquals(tier, Audit.tierJson(policy, TIER));
            assertArrayEquals(due, cal.addWorkingDays(from, 5));
            assertEquals(value, policy.value("village.performance_pay.excellent", LocalDate.of(2016, 9, 22)));
            assertEquals(money[me], Money.formatFen(me * 100_037L));
            if (r % 10 == me % 10) {
              TierColumns mine = Audit.tierColumns(policy, LocalDate.of(2017, 1, 1), units);
              assertArrayEquals(tiers.levels(), mine.levels());
              assertArrayEquals(tiers.scores(), mine.scores());
              ScreenHits h = Assessment.screenColumns(policy, LocalDate.of(2016, 12, 31), screen);
              assertArrayEquals(hits.cadre(), h.cadre());
              assertArrayEquals(hits.rule(), h.rule());
            }
            // each thread fails with its own parameter name and reads back its own message
            String name = "village.no_such_" + me + "_" + r;
            try {
              policy.value(name, LocalDate.of(2016, 9, 22));
              throw new AssertionError("no error");
            } catch (PolicyException e) {
              assertTrue(e.getMessage().contains(name), e.getMessage());
            }
            try {
              cal.addWorkingDays(new int[] {from[0], Dates.toDay(LocalDate.of(2030, 1, 1), "f")}, me + 1);
              throw new AssertionError("no error");
            } catch (CalendarCoverageException e) {
              assertEquals("row 2", e.record());
            }
            checks += 6;
          }
          return checks;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : results) total += f.get(300, TimeUnit.SECONDS);
      pool.shutdown();
      assertEquals(THREADS * ROUNDS * 6, total);
    }
  }

  @Test
  void closeWaitsForTheCallsInFlight() {
    WorkCalendar cal = WorkCalendar.china();
    cal.acquire();
    cal.close();
    assertTrue(cal.isClosed());
    assertFalse(cal.isFreed(), "a call is in flight: not freed yet");
    cal.release();
    assertTrue(cal.isFreed(), "the last call out frees it");
  }

  @Test
  void closingWhileOtherThreadsCallNeverCrashes() throws Exception {
    for (int round = 0; round < 20; ++round) {
      WorkCalendar cal = WorkCalendar.china();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong answered = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      ConcurrentLinkedQueue<Throwable> wrong = new ConcurrentLinkedQueue<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; ++t) {
        Thread th = new Thread(() -> {
          while (!stop.get()) {
            try {
              assertEquals(LocalDate.of(2016, 10, 8), cal.addWorkingDays(LocalDate.of(2016, 9, 30), 1));
              answered.incrementAndGet();
            } catch (IllegalStateException closed) {
              refused.incrementAndGet();
              return;
            } catch (Throwable e) {
              wrong.add(e);
              return;
            }
          }
        });
        threads.add(th);
        th.start();
      }
      while (answered.get() < 200) Thread.onSpinWait();
      cal.close();
      for (Thread th : threads) th.join(60_000);
      stop.set(true);
      assertTrue(wrong.isEmpty(), () -> "unexpected: " + wrong.peek());
      assertEquals(8, refused.get(), "every thread saw the handle closed");
      assertTrue(cal.isFreed());
    }
  }
}
