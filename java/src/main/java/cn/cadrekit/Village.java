package cn.cadrekit;

import com.sun.jna.Pointer;

/**
 * Village cadre pay and incentives (JARUD; docs/village.md): the pay sheet, the budget what-if,
 * selection for public-institution pay and the subsidy after leaving. {@code fooJson} gives the
 * library's text, {@code foo} the parsed response (money as decimal yuan strings: read them
 * with {@link JsonObject#getDecimal}).
 */
public final class Village {
  private Village() {}

  /**
   * The year's pay sheet (JARUD.1): {"year","villages","principals","scores","graded_on"?,
   * "explain"?,"holders"?,"terms"?} → lines, villages, townships, banner, budget.
   */
  public static String paySheetJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_village_pay_sheet_json, policy, requestJson, "request_json");
  }

  /** {@link #paySheetJson}, parsed. */
  public static JsonObject paySheet(Policy policy, Object request) {
    return Json.parseObject(paySheetJson(policy, Json.request(request)));
  }

  /**
   * The pay sheet's arithmetic over columns, in one native call: grades, ranks and pay in fen
   * for every principal, without names or explanations. All or nothing: a bad row throws
   * naming the column and the row.
   */
  public static PayColumns payColumns(Policy policy, int year, PayInput input) {
    return VillageBatch.pay(policy, year, input);
  }

  /** The budget under policy {@code a} and under {@code b}, and the difference (JARUD.4). */
  public static String budgetWhatIfJson(Policy a, Policy b, String requestJson) {
    byte[] req = Lib.utf8(requestJson, "request_json");
    long[] out = new long[1];
    Pointer pa = a.acquire();
    try {
      Pointer pb = b.acquire();
      try {
        Lib.check(Lib.ck_village_budget_what_if_json(out, pa, pb, req));
      } finally {
        b.release();
      }
    } finally {
      a.release();
    }
    return Lib.take(out);
  }

  /** {@link #budgetWhatIfJson}, parsed. */
  public static JsonObject budgetWhatIf(Policy a, Policy b, Object request) {
    return Json.parseObject(budgetWhatIfJson(a, b, Json.request(request)));
  }

  /**
   * Selection (JARUD.2) and the subsidy after leaving (JARUD.3); "op" says which: quota,
   * allocate, funnel, eligibility, check, renewal, subsidy, publicity.
   */
  public static String selectionJson(Policy policy, String requestJson) {
    return Calls.policy(Lib::ck_village_selection_json, policy, requestJson, "request_json");
  }

  /** {@link #selectionJson}, parsed. */
  public static JsonObject selection(Policy policy, Object request) {
    return Json.parseObject(selectionJson(policy, Json.request(request)));
  }
}
