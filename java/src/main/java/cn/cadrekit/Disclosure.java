package cn.cadrekit;


import java.time.LocalDate;

/**
 * Disclosure of promoted leaders' personal matters (KAILU; docs/disclosure.md): the most
 * sensitive data of the library. Records ("cadrekit.disclosure.record/1") and cases
 * ("cadrekit.disclosure.case/1") travel as JSON; messages name the member path, never a value.
 * Calls that count working days borrow a {@link WorkCalendar} as well as the policy.
 */
public final class Disclosure {
  private Disclosure() {}

  /** Every problem of a record: [{"path","code","message"}], "[]" when valid. */
  public static String validateJson(Policy policy, String recordJson) {
    return Calls.policy(Lib::ck_disclosure_validate_json, policy, recordJson, "record_json");
  }

  /** {@link #validateJson}, parsed. */
  public static JsonArray validate(Policy policy, Object record) {
    return Json.parseArray(validateJson(policy, Json.request(record)));
  }

  /** A round's venues and window: {"round","rank","posted"} → {"venues","first_day","last_day",…}. */
  public static String planRoundJson(Policy policy, WorkCalendar cal, String requestJson) {
    return Calls.policyCalendar(Lib::ck_disclosure_plan_round_json, policy, cal, requestJson,
        "request_json");
  }

  /** {@link #planRoundJson}, parsed. */
  public static JsonObject planRound(Policy policy, WorkCalendar cal, Object request) {
    return Json.parseObject(planRoundJson(policy, cal, Json.request(request)));
  }

  /**
   * The notice of a round: {"record","round","posted"?} → {"round","field_names","fields",
   * "text","plan"?}; only the round's whitelisted fields, ID numbers masked.
   */
  public static String noticeJson(Policy policy, WorkCalendar cal, String requestJson) {
    return Calls.policyCalendar(Lib::ck_disclosure_notice_json, policy, cal, requestJson,
        "request_json");
  }

  /** {@link #noticeJson}, parsed. */
  public static JsonObject notice(Policy policy, WorkCalendar cal, Object request) {
    return Json.parseObject(noticeJson(policy, cal, Json.request(request)));
  }

  /** Opens a case: {"record","date","actor"} → the case JSON, version 1 of the record. */
  public static String caseOpenJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_disclosure_case_open_json, policy, requestJson, "request_json");
  }

  /** {@link #caseOpenJson}, parsed. */
  public static JsonObject caseOpen(Policy policy, Object request) {
    return Json.parseObject(caseOpenJson(policy, Json.request(request)));
  }

  /**
   * One transition of a case: the new case JSON. A transition the state refuses is a
   * {@link StateException}; the case given is never changed.
   */
  public static String caseApplyJson(Policy policy, WorkCalendar cal, String caseJson,
                                     String actionJson) {
    return Calls.policyCalendar(Lib::ck_disclosure_case_apply_json, policy, cal, caseJson,
        "case_json", actionJson, "action_json");
  }

  /** {@link #caseApplyJson}, parsed. */
  public static JsonObject caseApply(Policy policy, WorkCalendar cal, Object caseJson,
                                     Object action) {
    return Json.parseObject(caseApplyJson(policy, cal, Json.request(caseJson),
        Json.request(action)));
  }

  /** The transition with its explanation: {"case":{...},"explanation":{...}|null}. */
  public static String caseApplyExplainedJson(Policy policy, WorkCalendar cal, String caseJson,
                                              String actionJson) {
    return Calls.policyCalendar(Lib::ck_disclosure_case_apply_explained_json, policy, cal,
        caseJson, "case_json", actionJson, "action_json");
  }

  /** {@link #caseApplyExplainedJson}, parsed. */
  public static JsonObject caseApplyExplained(Policy policy, WorkCalendar cal, Object caseJson,
                                              Object action) {
    return Json.parseObject(caseApplyExplainedJson(policy, cal, Json.request(caseJson),
        Json.request(action)));
  }

  /** {"ok":true|false,"reasons":[...]}: whether the case may proceed on a date. */
  public static String caseCanProceedJson(String caseJson, LocalDate asOf) {
    byte[] c = Lib.utf8(caseJson, "case_json");
    int d = Dates.toDay(asOf, "as_of");
    long[] out = new long[1];
    Lib.check(Lib.ck_disclosure_case_can_proceed_json(out, c, d));
    return Lib.take(out);
  }

  /** {@link #caseCanProceedJson}, parsed. */
  public static JsonObject caseCanProceed(Object caseJson, LocalDate asOf) {
    return Json.parseObject(caseCanProceedJson(Json.request(caseJson), asOf));
  }

  /** A JSON array of cases → the yearly figures [{"year","round","disclosed",…}]. */
  public static String yearlyCountsJson(String casesJson) {
    return Calls.text(Lib::ck_disclosure_yearly_counts_json, casesJson, "cases_json");
  }

  /** {@link #yearlyCountsJson}, parsed. */
  public static JsonArray yearlyCounts(Object cases) {
    return Json.parseArray(yearlyCountsJson(Json.request(cases)));
  }

  /**
   * A .lrmx cadre form read tolerantly, with a report: {@code form} is the file's bytes (UTF-8,
   * GB18030/GBK/GB2312 or UTF-16, detected). The JSON {"record", "warnings": [{"path", "code",
   * "message"}…], "encoding"}: what could be read only in part is a warning naming the element
   * (an unreadable 入党时间 leaves political_status null: unknown). A form without the basic
   * elements or beyond the XML limits (docs/limits.md) is an {@link InvalidInputException}
   * naming the element or the limit.
   */
  public static String readLrmxJson(byte[] form, String recordId) {
    if (form == null) throw new NullPointerException("form is null");
    byte[] id = Lib.utf8(recordId, "record_id");
    long[] out = new long[1];
    Lib.check(Lib.ck_disclosure_lrmx_read_json(out, form, form.length, id));
    return Lib.take(out);
  }

  /** {@link #readLrmxJson}, parsed. */
  public static JsonObject readLrmx(byte[] form, String recordId) {
    return Json.parseObject(readLrmxJson(form, recordId));
  }

  /** The basic information of a record from a .lrmx cadre form (UTF-8 XML): the record JSON. */
  public static String recordFromLrmxJson(String lrmxXml, String recordId) {
    return Calls.text(Lib::ck_disclosure_record_from_lrmx_json, lrmxXml, "lrmx_xml", recordId,
        "record_id");
  }

  /** The basic information of a record (its JSON) as a .lrmx form: UTF-8 XML text. */
  public static String recordToLrmx(String recordJson) {
    return Calls.text(Lib::ck_disclosure_record_to_lrmx, recordJson, "record_json");
  }
}
