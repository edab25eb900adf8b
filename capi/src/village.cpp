// C ABI: village cadre pay and incentives (JARUD).
#include "cadrekit/village.hpp"
#include "village/columns.hpp"

#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

namespace {

template <class T>
std::span<T> col(T *p, std::size_t n, const char *name) {
  if (n == 0) return {};
  if (p == nullptr)
    throw InvalidInput("array is NULL", name, {}, ErrorCode::invalid_argument);
  return std::span<T>(p, n);
}

}  // namespace

extern "C" {

CK_API int ck_village_pay_sheet_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string r = village::pay_sheet_json(text_arg(request_json, "request_json"), p);
    *out = dup_string(r);
  });
}

CK_API int ck_village_budget_what_if_json(char **out, const ck_policy *a, const ck_policy *b,
                                         const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &pa = policy_of(a);
    const Policy &pb = policy_of(b);
    std::string r = village::budget_what_if_json(text_arg(request_json, "request_json"), pa, pb);
    *out = dup_string(r);
  });
}

CK_API int ck_village_selection_json(char **out, const ck_policy *policy, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string r = village::selection_json(text_arg(request_json, "request_json"), p);
    *out = dup_string(r);
  });
}

CK_API int ck_village_pay_columns(const ck_policy *policy, int year, const ck_village_pay_in *in,
                                  const ck_village_pay_out *out) {
  if (in == nullptr) return null_argument("in");
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const std::size_t V = in->n_villages, P = in->n_principals;
    if (V > (std::size_t{1} << 30) || P > (std::size_t{1} << 30))
      throw InvalidInput("too many rows", "n_villages");
    village::PayColumnsIn ci{col(in->village_township, V, "village_township"),
                             col(in->population, V, "population"),
                             col(in->scores, 5 * V, "scores"),
                             col(in->score_present, V, "score_present"),
                             col(in->principal_village, P, "principal_village"),
                             col(in->post, P, "post"),
                             col(in->served_from, P, "served_from"),
                             col(in->served_to, P, "served_to")};
    village::PayColumnsOut co{col(out->village_team_grade, V, "village_team_grade"),
                              col(out->village_rank, V, "village_rank"),
                              col(out->base_fen, P, "base_fen"),
                              col(out->performance_fen, P, "performance_fen"),
                              col(out->total_fen, P, "total_fen"),
                              col(out->grade, P, "grade"),
                              col(out->units, P, "units")};
    village::pay_columns(ci, year, p, co);
  });
}

}  // extern "C"
