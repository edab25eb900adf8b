// C ABI: assessment, red lines, disposal, follow-up, promotion (HORQIN).
#include "cadrekit/assessment.hpp"

#include <cstdlib>
#include <optional>

#include "cadrekit/core/policy.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;
using namespace cadrekit::assessment;

namespace {

/// The hits in one malloc'd array (NULL when none), for ck_free().
ck_assessment_hit *hit_array(const std::vector<BatchHit> &got) {
  if (got.empty()) return nullptr;
  auto *arr = static_cast<ck_assessment_hit *>(std::malloc(got.size() * sizeof(ck_assessment_hit)));
  if (arr == nullptr) throw std::bad_alloc();
  for (std::size_t i = 0; i < got.size(); ++i)
    arr[i] = {got[i].cadre, got[i].rule, got[i].first_period, got[i].last_period, got[i].count};
  return arr;
}

/// Screening over columns; `every_rule`: evaluate the finding rules too (with the catalogue of
/// standards), even without finding rows.
void screen_columns(ck_assessment_screen_out *out, const ck_policy *policy,
                    const ck_assessment_screen_in *in, bool every_rule) {
  const ck_assessment_screen_in i = read_struct(in, CK_FIRST_SIZE(ck_assessment_screen_in, finding_date), "in");
  read_struct(out, CK_FIRST_SIZE(ck_assessment_screen_out, n_hits), "out");
  const Policy &p = policy_of(policy);
  const Date d = date_arg(i.as_of, "in.as_of");
  const std::size_t n = i.n, m = i.n_findings;
  Columns c{column(i.cadre, n, "in.cadre"),           column(i.kind, n, "in.kind"),
            column(i.period, n, "in.period"),         column(i.rank, n, "in.rank"),
            column(i.group_size, n, "in.group_size"), column(i.rating, n, "in.rating")};
  std::vector<BatchHit> got;
  if (m == 0 && !every_rule) {
    got = screen_batch(c, d, rules(p, d));
  } else {
    FindingColumns f{column(i.finding_cadre, m, "in.finding_cadre"),
                     column(i.finding_standard, m, "in.finding_standard"),
                     column(i.finding_source, m, "in.finding_source"),
                     column(i.finding_class, m, "in.finding_class"),
                     column(i.finding_severity, m, "in.finding_severity"),
                     column(i.finding_date, m, "in.finding_date")};
    got = screen_batch(c, f, d, rules(p, d), standards(p, d));
  }
  ck_assessment_hit *arr = hit_array(got);
  // Nothing can fail after the allocation: the out struct is written only on success.
  out->hits = arr;
  out->n_hits = got.size();
}

}  // namespace

extern "C" {

int ck_assessment_rules_json(char **out, const ck_policy *policy, ck_date as_of) {
  return string_call(out, [&] { return rules_json(policy_of(policy), date_arg(as_of, "as_of")); });
}

int ck_assessment_standards_json(char **out, const ck_policy *policy, ck_date as_of) {
  return string_call(out, [&] { return standards_json(policy_of(policy), date_arg(as_of, "as_of")); });
}

int ck_assessment_findings_from_audit_json(char **out, const char *audit_findings_json) {
  return string_call(out, [&] {
    return findings_from_audit_json(text_arg(audit_findings_json, "audit_findings_json"));
  });
}

int ck_assessment_screen_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json,
                   [](std::string_view r, const Policy &p) { return screen_json(r, p); });
}

int ck_assessment_screen_columns(ck_assessment_screen_out *out, const ck_policy *policy,
                                 const ck_assessment_screen_in *in) {
  return guard([&] { screen_columns(out, policy, in, false); });
}

int ck_assessment_screen_batch(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                               ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                               const int32_t *period, const int32_t *rank, const int32_t *group_size,
                               const uint8_t *rating) {
  // Deprecated wrapper of ck_assessment_screen_columns, kept until the SOVERSION changes.
  if (hits == nullptr) return null_argument("hits");
  if (n_hits == nullptr) return null_argument("n_hits");
  ck_assessment_screen_in in{sizeof in, as_of, n, cadre, kind, period, rank, group_size, rating,
                             0,          nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
  ck_assessment_screen_out out{sizeof out, nullptr, 0};
  int rc = guard([&] { screen_columns(&out, policy, &in, false); });
  if (rc == CK_OK) {
    *hits = out.hits;
    *n_hits = out.n_hits;
  }
  return rc;
}

int ck_assessment_screen_batch_findings(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                                        ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                                        const int32_t *period, const int32_t *rank, const int32_t *group_size,
                                        const uint8_t *rating, size_t m, const int64_t *f_cadre,
                                        const int32_t *f_standard, const uint8_t *f_source, const uint8_t *f_class,
                                        const uint8_t *f_severity, const ck_date *f_date) {
  // Deprecated wrapper of ck_assessment_screen_columns, kept until the SOVERSION changes.
  if (hits == nullptr) return null_argument("hits");
  if (n_hits == nullptr) return null_argument("n_hits");
  ck_assessment_screen_in in{sizeof in, as_of,    n,        cadre,      kind,       period,
                             rank,      group_size, rating, m,          f_cadre,    f_standard,
                             f_source,  f_class,  f_severity, f_date};
  ck_assessment_screen_out out{sizeof out, nullptr, 0};
  int rc = guard([&] { screen_columns(&out, policy, &in, true); });
  if (rc == CK_OK) {
    *hits = out.hits;
    *n_hits = out.n_hits;
  }
  return rc;
}

int ck_assessment_composite_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json,
                   [](std::string_view r, const Policy &p) { return composite_json(r, p); });
}

int ck_assessment_method_checklist_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json,
                   [](std::string_view r, const Policy &p) { return method_checklist_json(r, p); });
}

int ck_assessment_disposal_apply_json(char **out, const char *case_json, const char *action_json) {
  return string_call(out, [&] {
    std::optional<std::string_view> c;
    if (case_json != nullptr) c = text_arg(case_json, "case_json");
    return disposal_apply_json(c, text_arg(action_json, "action_json"));
  });
}

int ck_assessment_follow_up_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json,
                   [](std::string_view r, const Policy &p) { return follow_up_json(r, p); });
}

int ck_assessment_promotion_apply_json(char **out, const ck_policy *policy, const char *case_json,
                                       const char *action_json) {
  return string_call(out, [&] {
    const Policy &p = policy_of(policy);
    std::optional<std::string_view> c;
    if (case_json != nullptr) c = text_arg(case_json, "case_json");
    return promotion_apply_json(c, text_arg(action_json, "action_json"), p);
  });
}

}  // extern "C"
