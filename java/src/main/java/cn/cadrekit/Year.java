package cn.cadrekit;

import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * The whole year of a county under a policy, and what changes between two policies (docs/year.md):
 * the what-if a county weighs before it changes a rule.
 */
public final class Year {
  private Year() {}

  /**
   * The year's results as the library's JSON ({"schema": "cadrekit.year/1", "village", "budget",
   * "audit", "disclosure", "assessment", "talent", "figures", "assumed", …}). {@code dataDir}
   * holds the county's files as data/sample does (null: the sample county embedded in the
   * library); {@code year} 0 is the county's own year.
   */
  public static String runJson(Policy policy, Path dataDir, int year) {
    byte[] dir = dataDir == null ? null : Lib.utf8(dataDir.toString(), "data_dir");
    long[] out = new long[1];
    Pointer p = policy.acquire();
    try {
      Lib.check(Lib.ck_year_run_json(out, p, dir, year));
    } finally {
      policy.release();
    }
    return Lib.take(out);
  }

  /** {@link #runJson}, parsed. */
  public static JsonObject run(Policy policy, Path dataDir, int year) {
    return Json.parseObject(runJson(policy, dataDir, year));
  }

  /**
   * The decisions that differ between two results of {@link #runJson} (a, then b): one list per
   * module ("village", "budget", "audit", "disclosure", "assessment", "talent") of {"decision",
   * "id", "a", "b", "explanation_a", "explanation_b"}, with "downstream" and "assumed".
   */
  public static String compareJson(String a, String b) {
    return Calls.text(Lib::ck_year_compare_json, a, "a_json", b, "b_json");
  }

  /** {@link #compareJson}, parsed. */
  public static JsonObject compare(String a, String b) {
    return Json.parseObject(compareJson(a, b));
  }
}
