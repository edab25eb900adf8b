package cn.cadrekit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The talent section's batch call of the C ABI, bound here alone so that a change of the C batch
 * convention touches one class: {@code ck_talent_team_structure_batch}, loose columns in and the
 * caller's output columns.
 */
final class TalentBatch {
  private TalentBatch() {}

  static {
    Native.register(TalentBatch.class, Lib.LIBRARY);
  }

  // size_t counts as Java longs (64 bits on the LP64 platforms this binding loads on).
  private static native int ck_talent_team_structure_batch(Pointer policy, int asOf, long nMembers,
                                                           int[] team, byte[] sex, int[] birthDate,
                                                           byte[] ethnicity, byte[] politicalStatus,
                                                           long nTeams, int[] outSize,
                                                           int[] outYoung, int[] outWomen,
                                                           int[] outMinority, int[] outNonParty,
                                                           byte[] outGaps);

  static TeamColumns teamStructure(Policy policy, int asOf, TeamMembers m) {
    int t = m.teams();
    int[] size = new int[t];
    int[] young = new int[t];
    int[] women = new int[t];
    int[] minority = new int[t];
    int[] nonParty = new int[t];
    byte[] gaps = new byte[t];
    Pointer p = policy.acquire();
    try {
      Lib.check(ck_talent_team_structure_batch(p, asOf, m.members(), m.team, m.sex, m.birthDate,
          m.ethnicity, m.politicalStatus, t, size, young, women, minority, nonParty, gaps));
    } finally {
      policy.release();
    }
    return new TeamColumns(size, young, women, minority, nonParty, gaps);
  }
}
