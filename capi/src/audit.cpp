// C ABI: economic-responsibility audit (HOLINGOL). JSON request/response calls and the batch
// call for tiering.
#include "cadrekit/audit.hpp"

#include "cadrekit/core/policy.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_audit_tier_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, audit::tier_json);
}

CK_API int ck_audit_special_funds_json(char **out, const ck_policy *policy,
                                       const char *request_json) {
  return json_call(out, policy, request_json, audit::special_funds_json);
}

CK_API int ck_audit_tier_history_json(char **out, const ck_policy *policy,
                                      const char *request_json) {
  return json_call(out, policy, request_json, audit::tier_history_json);
}

CK_API int ck_audit_plan_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, audit::plan_json);
}

CK_API int ck_audit_verify_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, audit::verify_json);
}

CK_API int ck_audit_tier_columns(ck_audit_tier_out *out, const ck_policy *policy,
                                 const ck_audit_tier_in *in) {
  return guard([&] {
    const ck_audit_tier_in i = read_struct(in, CK_FIRST_SIZE(ck_audit_tier_in, window_unit), "in");
    const ck_audit_tier_out o = read_struct(out, CK_FIRST_SIZE(ck_audit_tier_out, score), "out");
    const Policy &p = policy_of(policy);
    const std::size_t n = i.n;
    audit::TierParams params = audit::TierParams::load(p, date_arg(i.as_of, "in.as_of"));
    audit::UnitColumns cols;
    cols.budget_fen = column(i.budget_fen, n, "in.budget_fen");
    const int8_t *f[audit::factor_count] = {i.admin_fees,       i.special_funds, i.economic_power,
                                            i.allocation_power, i.attention,     i.complaints,
                                            i.high_risk_sector, i.special_need,  i.window_unit};
    for (std::size_t k = 0; k < audit::factor_count; ++k) cols.factors[k] = optional_column(f[k], n);
    std::span<std::int8_t> levels = column(o.level, n, "out.level");
    // Straight into the caller's columns: tier_columns checks every row before it writes any,
    // so on failure they are untouched.
    audit::tier_columns(cols, params, levels, optional_column(o.score, n));
  });
}

CK_API int ck_audit_tier_batch(int8_t *out_levels, int64_t *out_scores, const ck_policy *policy,
                               ck_date as_of, const ck_audit_units *units) {
  // Deprecated wrapper of ck_audit_tier_columns, kept until the SOVERSION changes.
  if (out_levels == nullptr) return null_argument("out_levels");
  if (units == nullptr) return null_argument("units");
  ck_audit_tier_in in{sizeof in,           as_of,
                      units->n,            units->budget_fen,
                      units->admin_fees,   units->special_funds,
                      units->economic_power, units->allocation_power,
                      units->attention,    units->complaints,
                      units->high_risk_sector, units->special_need,
                      units->window_unit};
  ck_audit_tier_out out{sizeof out, out_levels, out_scores};
  return ck_audit_tier_columns(&out, policy, &in);
}

}  // extern "C"
