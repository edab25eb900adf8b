// C ABI: assessment, red lines, disposal, follow-up, promotion (HORQIN).
#include "cadrekit/assessment.hpp"

#include <cstdlib>
#include <optional>

#include "cadrekit/core/policy.hpp"
#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;
using namespace cadrekit::assessment;

extern "C" {

int ck_assessment_rules_json(char **out, const ck_policy *policy, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = rules_json(policy_of(policy), date_arg(as_of, "as_of"));
    *out = dup_string(s);
  });
}

int ck_assessment_standards_json(char **out, const ck_policy *policy, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = standards_json(policy_of(policy), date_arg(as_of, "as_of"));
    *out = dup_string(s);
  });
}

int ck_assessment_findings_from_audit_json(char **out, const char *audit_findings_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = findings_from_audit_json(text_arg(audit_findings_json, "audit_findings_json"));
    *out = dup_string(s);
  });
}

int ck_assessment_screen_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string s = screen_json(text_arg(request_json, "request_json"), p);
    *out = dup_string(s);
  });
}

int ck_assessment_screen_batch(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                               ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                               const int32_t *period, const int32_t *rank, const int32_t *group_size,
                               const uint8_t *rating) {
  if (hits == nullptr) return null_argument("hits");
  if (n_hits == nullptr) return null_argument("n_hits");
  if (n > 0) {
    if (cadre == nullptr) return null_argument("cadre");
    if (kind == nullptr) return null_argument("kind");
    if (period == nullptr) return null_argument("period");
    if (rank == nullptr) return null_argument("rank");
    if (group_size == nullptr) return null_argument("group_size");
    if (rating == nullptr) return null_argument("rating");
  }
  return guard([&] {
    const Policy &p = policy_of(policy);
    Date d = date_arg(as_of, "as_of");
    Columns c{{cadre, n}, {kind, n}, {period, n}, {rank, n}, {group_size, n}, {rating, n}};
    auto rs = rules(p, d);
    auto got = screen_batch(c, d, rs);
    ck_assessment_hit *arr = nullptr;
    if (!got.empty()) {
      arr = static_cast<ck_assessment_hit *>(std::malloc(got.size() * sizeof(ck_assessment_hit)));
      if (arr == nullptr) throw std::bad_alloc();
      for (std::size_t i = 0; i < got.size(); ++i)
        arr[i] = {got[i].cadre, got[i].rule, got[i].first_period, got[i].last_period, got[i].count};
    }
    *hits = arr;
    *n_hits = got.size();
  });
}

int ck_assessment_screen_batch_findings(ck_assessment_hit **hits, size_t *n_hits, const ck_policy *policy,
                                        ck_date as_of, size_t n, const int64_t *cadre, const uint8_t *kind,
                                        const int32_t *period, const int32_t *rank, const int32_t *group_size,
                                        const uint8_t *rating, size_t m, const int64_t *f_cadre,
                                        const int32_t *f_standard, const uint8_t *f_source, const uint8_t *f_class,
                                        const uint8_t *f_severity, const ck_date *f_date) {
  if (hits == nullptr) return null_argument("hits");
  if (n_hits == nullptr) return null_argument("n_hits");
  if (n > 0) {
    if (cadre == nullptr) return null_argument("cadre");
    if (kind == nullptr) return null_argument("kind");
    if (period == nullptr) return null_argument("period");
    if (rank == nullptr) return null_argument("rank");
    if (group_size == nullptr) return null_argument("group_size");
    if (rating == nullptr) return null_argument("rating");
  }
  if (m > 0) {
    if (f_cadre == nullptr) return null_argument("f_cadre");
    if (f_standard == nullptr) return null_argument("f_standard");
    if (f_source == nullptr) return null_argument("f_source");
    if (f_class == nullptr) return null_argument("f_class");
    if (f_severity == nullptr) return null_argument("f_severity");
    if (f_date == nullptr) return null_argument("f_date");
  }
  return guard([&] {
    const Policy &p = policy_of(policy);
    Date d = date_arg(as_of, "as_of");
    Columns c{{cadre, n}, {kind, n}, {period, n}, {rank, n}, {group_size, n}, {rating, n}};
    FindingColumns f{{f_cadre, m}, {f_standard, m}, {f_source, m}, {f_class, m}, {f_severity, m}, {f_date, m}};
    auto got = screen_batch(c, f, d, rules(p, d), standards(p, d));
    ck_assessment_hit *arr = nullptr;
    if (!got.empty()) {
      arr = static_cast<ck_assessment_hit *>(std::malloc(got.size() * sizeof(ck_assessment_hit)));
      if (arr == nullptr) throw std::bad_alloc();
      for (std::size_t i = 0; i < got.size(); ++i)
        arr[i] = {got[i].cadre, got[i].rule, got[i].first_period, got[i].last_period, got[i].count};
    }
    *hits = arr;
    *n_hits = got.size();
  });
}

int ck_assessment_composite_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = composite_json(text_arg(request_json, "request_json"), policy_of(policy));
    *out = dup_string(s);
  });
}

int ck_assessment_method_checklist_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string s = method_checklist_json(text_arg(request_json, "request_json"), policy_of(policy));
    *out = dup_string(s);
  });
}

int ck_assessment_disposal_apply_json(char **out, const char *case_json, const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::optional<std::string_view> c;
    if (case_json != nullptr) c = text_arg(case_json, "case_json");
    *out = dup_string(disposal_apply_json(c, text_arg(action_json, "action_json")));
  });
}

int ck_assessment_follow_up_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    *out = dup_string(follow_up_json(text_arg(request_json, "request_json"), policy_of(policy)));
  });
}

int ck_assessment_promotion_apply_json(char **out, const ck_policy *policy, const char *case_json,
                                       const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::optional<std::string_view> c;
    if (case_json != nullptr) c = text_arg(case_json, "case_json");
    *out = dup_string(promotion_apply_json(c, text_arg(action_json, "action_json"), p));
  });
}

}  // extern "C"
