package cn.cadrekit;

import java.time.LocalDate;

/**
 * Talent pools, growth files and leadership teams (HURE; docs/talent.md). {@code fooJson}
 * gives the library's text, {@code foo} the parsed response. Reasons are codes, ids and
 * numbers, never a personal value.
 */
public final class Talent {
  private Talent() {}

  /** Pools as of a date (HURE.1): members, near misses, exclusions, sizes. */
  public static String poolsJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_talent_pools_json, policy, requestJson, "request_json");
  }

  /** {@link #poolsJson}, parsed. */
  public static JsonObject pools(Policy policy, Object request) {
    return Json.parseObject(poolsJson(policy, Json.request(request)));
  }

  /** Who entered and who left each pool between two dates. */
  public static String poolChangesJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_talent_pool_changes_json, policy, requestJson, "request_json");
  }

  /** {@link #poolChangesJson}, parsed. */
  public static JsonObject poolChanges(Policy policy, Object request) {
    return Json.parseObject(poolChangesJson(policy, Json.request(request)));
  }

  /**
   * Team structure (HURE.5): {"as_of","members","candidates",…} → {"teams":[{"team_id","size",
   * "young","women","minority","non_party","shares","targets","gaps"}]}.
   */
  public static String teamStructureJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_talent_team_structure_json, policy, requestJson, "request_json");
  }

  /** {@link #teamStructureJson}, parsed. */
  public static JsonObject teamStructure(Policy policy, Object request) {
    return Json.parseObject(teamStructureJson(policy, Json.request(request)));
  }

  /**
   * Team structure over member columns, in one native call: counts and gaps per team. Every
   * row is checked first: a bad one throws naming the column and the row.
   */
  public static TeamColumns teamStructureColumns(Policy policy, LocalDate asOf,
                                                 TeamMembers members) {
    return TalentBatch.teamStructure(policy, Dates.toDay(asOf, "as_of"), members);
  }

  /**
   * The pools (HURE.1) over cadre columns, in one native call: members, near misses and
   * exclusions per cadre as bit masks, and the age. Every row is checked first: a bad one
   * throws naming the column and the row.
   */
  public static PoolColumns poolsColumns(Policy policy, LocalDate asOf, PoolCadres cadres) {
    return TalentBatch.pools(policy, Dates.toDay(asOf, "as_of"), cadres);
  }

  /** Gaps of one growth file (HURE.2–HURE.4). */
  public static String gapsJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_talent_gaps_json, policy, requestJson, "request_json");
  }

  /** {@link #gapsJson}, parsed. */
  public static JsonObject gaps(Policy policy, Object request) {
    return Json.parseObject(gapsJson(policy, Json.request(request)));
  }

  /** Proposed postings for a pool within places. */
  public static String postingsJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_talent_postings_json, policy, requestJson, "request_json");
  }

  /** {@link #postingsJson}, parsed. */
  public static JsonObject postings(Policy policy, Object request) {
    return Json.parseObject(postingsJson(policy, Json.request(request)));
  }
}
