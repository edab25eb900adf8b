package cn.cadrekit;

import java.time.LocalDate;

/**
 * Economic-responsibility audit (HOLINGOL; docs/audit.md): tiering, special funds, tier history,
 * the audit plan and its check. Each JSON call comes twice: {@code fooJson(policy, text)} gives
 * the library's response text as is; {@code foo(policy, request)} takes the request as a
 * {@code Map} (or JSON text) and gives the parsed response. The policy is borrowed for the
 * call. Bad input is an {@link InvalidInputException} naming the member and the record
 * ("budget", "units[3]").
 */
public final class Audit {
  private Audit() {}

  /** Tiers units (HOLINGOL.1): {"as_of","units":[...],"explain"?} → {"results":[...]}. */
  public static String tierJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_audit_tier_json, policy, requestJson, "request_json");
  }

  /** {@link #tierJson}, parsed. */
  public static JsonObject tier(Policy policy, Object request) {
    return Json.parseObject(tierJson(policy, Json.request(request)));
  }

  /**
   * Tiers units given as columns, in one native call: levels 1..3 and scores, no names, no
   * explanations (ask {@link #tier} for the rows you need explained). The same rule as
   * {@link #tier}. All or nothing: a bad row throws naming the column and the row, nothing is
   * returned.
   */
  public static TierColumns tierColumns(Policy policy, LocalDate asOf, AuditUnits units) {
    return AuditBatch.tier(policy, Dates.toDay(asOf, "as_of"), units);
  }

  /** Level and obligations on special funds (HOLINGOL.3): {"as_of","current_level","amount"}. */
  public static String specialFundsJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_audit_special_funds_json, policy, requestJson, "request_json");
  }

  /** {@link #specialFundsJson}, parsed. */
  public static JsonObject specialFunds(Policy policy, Object request) {
    return Json.parseObject(specialFundsJson(policy, Json.request(request)));
  }

  /** A unit's tier history replayed from its events (HOLINGOL.3). */
  public static String tierHistoryJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_audit_tier_history_json, policy, requestJson, "request_json");
  }

  /** {@link #tierHistoryJson}, parsed. */
  public static JsonObject tierHistory(Policy policy, Object request) {
    return Json.parseObject(tierHistoryJson(policy, Json.request(request)));
  }

  /**
   * The audit plan (HOLINGOL.2): {"first_year","last_year","capacity","seed","units","audits",
   * "terms"} → {"feasible","min_capacity","audits":[...],"shortfall":[...],…}.
   */
  public static String planJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_audit_plan_json, policy, requestJson, "request_json");
  }

  /** {@link #planJson}, parsed. */
  public static JsonObject plan(Policy policy, Object request) {
    return Json.parseObject(planJson(policy, Json.request(request)));
  }

  /** Checks a plan: the plan request plus "plan":[{"year","unit_id","kind"}] → {"breaches":[...]}. */
  public static String verifyJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_audit_verify_json, policy, requestJson, "request_json");
  }

  /** {@link #verifyJson}, parsed. */
  public static JsonObject verify(Policy policy, Object request) {
    return Json.parseObject(verifyJson(policy, Json.request(request)));
  }
}
