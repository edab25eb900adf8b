package cn.cadrekit;

import com.sun.jna.Native;

/**
 * The person section's batch call of the C ABI (ck_three_ages_batch), bound here alone: the
 * C batch convention may change (docs/java.md), and then only this class does.
 */
final class PersonBatch {
  private PersonBatch() {}

  static {
    Native.register(PersonBatch.class, Lib.LIBRARY);
  }

  // size_t n: a Java long (size_t is 64 bits on the LP64 platforms this binding loads on).
  private static native int ck_three_ages_batch(int[] outAge, int[] outPartyYears,
                                                int[] outWorkYears, int asOf, long n, int[] birth,
                                                int[] partyJoined, int[] workStarted);

  static void threeAges(int[] age, int[] party, int[] work, int asOf, int[] birth,
                        int[] partyJoined, int[] workStarted) {
    Lib.check(ck_three_ages_batch(age, party, work, asOf, birth.length, birth, partyJoined,
        workStarted));
  }
}
