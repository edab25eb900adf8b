// C ABI: economic-responsibility audit (HOLINGOL). JSON request/response calls and a
// struct-of-arrays batch call for tiering.
#include "cadrekit/audit.hpp"

#include <algorithm>
#include <vector>

#include "cadrekit/core/policy.hpp"
#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

namespace {
template <class F>
int json_call(char **out, const ck_policy *policy, const char *request, F &&f) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string_view req = text_arg(request, "request_json");
    std::string response = f(req, p);
    *out = dup_string(response);
  });
}
}  // namespace

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

CK_API int ck_audit_tier_batch(int8_t *out_levels, int64_t *out_scores, const ck_policy *policy,
                               ck_date as_of, const ck_audit_units *units) {
  if (out_levels == nullptr) return null_argument("out_levels");
  if (units == nullptr) return null_argument("units");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const std::size_t n = units->n;
    if (n > 0 && units->budget_fen == nullptr)
      throw InvalidInput("argument is NULL", "units.budget_fen", {}, ErrorCode::invalid_argument);
    audit::TierParams params = audit::TierParams::load(p, date_arg(as_of, "as_of"));
    audit::UnitColumns cols;
    cols.budget_fen = {units->budget_fen, n};
    const int8_t *f[audit::factor_count] = {
        units->admin_fees, units->special_funds, units->economic_power,
        units->allocation_power, units->attention, units->complaints,
        units->high_risk_sector, units->special_need, units->window_unit};
    for (std::size_t i = 0; i < audit::factor_count; ++i)
      if (f[i] != nullptr) cols.factors[i] = {f[i], n};
    // Straight into the caller's buffers: tier_columns checks every row before it writes any,
    // so on failure they are untouched (tests/capi/test_audit.c checks it).
    audit::tier_columns(cols, params, {out_levels, n},
                        out_scores ? std::span<std::int64_t>{out_scores, n} : std::span<std::int64_t>{});
  });
}

}  // extern "C"
