package cn.cadrekit;

import java.time.LocalDate;

/**
 * Assessment, red lines, disposal, follow-up and promotion (HORQIN; docs/assessment.md).
 * {@code fooJson} gives the library's text, {@code foo} the parsed response. A refused
 * transition of a case is a {@link StateException} and the case given is unchanged.
 */
public final class Assessment {
  private Assessment() {}

  /** The red-line rules in force on a date: {"rules":[{"index","id",…}]}. */
  public static String rulesJson(Policy policy, LocalDate asOf) {
    return Calls.policyDate(Lib::ck_assessment_rules_json, policy, Dates.toDay(asOf, "as_of"));
  }

  /** {@link #rulesJson}, parsed. */
  public static JsonObject rules(Policy policy, LocalDate asOf) {
    return Json.parseObject(rulesJson(policy, asOf));
  }

  /** The catalogue of qualitative standards in force on a date: {"standards":[...]}. */
  public static String standardsJson(Policy policy, LocalDate asOf) {
    return Calls.policyDate(Lib::ck_assessment_standards_json, policy,
        Dates.toDay(asOf, "as_of"));
  }

  /** {@link #standardsJson}, parsed. */
  public static JsonObject standards(Policy policy, LocalDate asOf) {
    return Json.parseObject(standardsJson(policy, asOf));
  }

  /**
   * Screening: {"as_of","records","findings","audit_findings","explain"} → {"hits":[{"cadre_id",
   * "rule_id","clause","suggestion","periods","records","findings","standards",
   * "explanation"}]} ordered by cadre id then rule id.
   */
  public static String screenJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_assessment_screen_json, policy, requestJson, "request_json");
  }

  /** {@link #screenJson}, parsed. */
  public static JsonObject screen(Policy policy, Object request) {
    return Json.parseObject(screenJson(policy, Json.request(request)));
  }

  /**
   * Screening over columns, in one native call (assessment records only, or with finding
   * rows): the red lines that fire, by cadre key then rule index. Bad or unsorted rows throw
   * naming the column and the row.
   */
  public static ScreenHits screenColumns(Policy policy, LocalDate asOf, ScreenInput input) {
    return AssessmentBatch.screen(policy, Dates.toDay(asOf, "as_of"), input);
  }

  /** The documented mapping of audit findings onto assessment findings (a JSON array). */
  public static String findingsFromAuditJson(String auditFindingsJson) {
    return Calls.text(Lib::ck_assessment_findings_from_audit_json, auditFindingsJson,
        "audit_findings_json");
  }

  /** {@link #findingsFromAuditJson}, parsed. */
  public static JsonArray findingsFromAudit(Object auditFindings) {
    return Json.parseArray(findingsFromAuditJson(Json.request(auditFindings)));
  }

  /** Composite score of a domain's indicators (HORQIN.4). */
  public static String compositeJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_assessment_composite_json, policy, requestJson, "request_json");
  }

  /** {@link #compositeJson}, parsed. */
  public static JsonObject composite(Policy policy, Object request) {
    return Json.parseObject(compositeJson(policy, Json.request(request)));
  }

  /** The six methods as a checklist: {"items","missing","complete"}. */
  public static String methodChecklistJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_assessment_method_checklist_json, policy, requestJson,
        "request_json");
  }

  /** {@link #methodChecklistJson}, parsed. */
  public static JsonObject methodChecklist(Policy policy, Object request) {
    return Json.parseObject(methodChecklistJson(policy, Json.request(request)));
  }

  /**
   * A disposal case transition (HORQIN.5): {@code caseJson} null opens one. Returns the case
   * after the action.
   */
  public static String disposalApplyJson(String caseJson, String actionJson) {
    return Calls.text(Lib::ck_assessment_disposal_apply_json, caseJson, "case_json", actionJson,
        "action_json");
  }

  /** {@link #disposalApplyJson}, parsed; {@code caseJson} null opens a case. */
  public static JsonObject disposalApply(Object caseJson, Object action) {
    return Json.parseObject(disposalApplyJson(
        caseJson == null ? null : Json.request(caseJson), Json.request(action)));
  }

  /** Follow-up schedule and ledger (HORQIN.6). */
  public static String followUpJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_assessment_follow_up_json, policy, requestJson, "request_json");
  }

  /** {@link #followUpJson}, parsed. */
  public static JsonObject followUp(Policy policy, Object request) {
    return Json.parseObject(followUpJson(policy, Json.request(request)));
  }

  /** Promotion gates (HORQIN.1): {@code caseJson} null opens a case. */
  public static String promotionApplyJson(Policy policy, String caseJson, String actionJson) {
    return Calls.policy(Lib::ck_assessment_promotion_apply_json, policy, caseJson, "case_json",
        actionJson, "action_json");
  }

  /** {@link #promotionApplyJson}, parsed; {@code caseJson} null opens a case. */
  public static JsonObject promotionApply(Policy policy, Object caseJson, Object action) {
    return Json.parseObject(promotionApplyJson(policy,
        caseJson == null ? null : Json.request(caseJson), Json.request(action)));
  }
}
