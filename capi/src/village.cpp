// C ABI: village cadre pay and incentives (JARUD).
#include "cadrekit/village.hpp"
#include "village/columns.hpp"

#include "cadrekit/core/policy.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_village_pay_sheet_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, village::pay_sheet_json);
}

CK_API int ck_village_budget_what_if_json(char **out, const ck_policy *a, const ck_policy *b,
                                         const char *request_json) {
  return string_call(out, [&] {
    const Policy &pa = policy_of(a);
    const Policy &pb = policy_of(b);
    return village::budget_what_if_json(text_arg(request_json, "request_json"), pa, pb);
  });
}

CK_API int ck_village_selection_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, village::selection_json);
}

CK_API int ck_village_pay_sheet_columns(ck_village_pay_sheet_out *out, const ck_policy *policy,
                                        const ck_village_pay_sheet_in *in) {
  return guard([&] {
    using In = ck_village_pay_sheet_in;
    using Out = ck_village_pay_sheet_out;
    const In i = read_struct(in, CK_FIRST_SIZE(In, served_to), "in");
    const Out o = read_struct(out, CK_FIRST_SIZE(Out, units), "out");
    const Policy &p = policy_of(policy);
    const std::size_t V = i.n_villages, P = i.n_principals;
    if (V > (std::size_t{1} << 30)) throw InvalidInput("too many rows", "in.n_villages");
    if (P > (std::size_t{1} << 30)) throw InvalidInput("too many rows", "in.n_principals");
    village::PayColumnsIn ci{column(i.village_township, V, "in.village_township"),
                             column(i.population, V, "in.population"),
                             column(i.scores, 5 * V, "in.scores"),
                             column(i.score_present, V, "in.score_present"),
                             column(i.principal_village, P, "in.principal_village"),
                             column(i.post, P, "in.post"),
                             column(i.served_from, P, "in.served_from"),
                             column(i.served_to, P, "in.served_to")};
    village::PayColumnsOut co{column(o.village_team_grade, V, "out.village_team_grade"),
                              column(o.village_rank, V, "out.village_rank"),
                              column(o.base_fen, P, "out.base_fen"),
                              column(o.performance_fen, P, "out.performance_fen"),
                              column(o.total_fen, P, "out.total_fen"),
                              column(o.grade, P, "out.grade"),
                              column(o.units, P, "out.units")};
    village::pay_columns(ci, i.year, p, co);
  });
}

CK_API int ck_village_pay_columns(const ck_policy *policy, int year, const ck_village_pay_in *in,
                                  const ck_village_pay_out *out) {
  // Deprecated wrapper of ck_village_pay_sheet_columns, kept until the SOVERSION changes.
  if (in == nullptr) return null_argument("in");
  if (out == nullptr) return null_argument("out");
  ck_village_pay_sheet_in i{sizeof i,         year,           in->n_villages,        in->village_township,
                            in->population,   in->scores,     in->score_present,     in->n_principals,
                            in->principal_village, in->post,  in->served_from,       in->served_to};
  ck_village_pay_sheet_out o{sizeof o,      out->village_team_grade, out->village_rank, out->base_fen,
                             out->performance_fen, out->total_fen,   out->grade,        out->units};
  return ck_village_pay_sheet_columns(&o, policy, &i);
}

}  // extern "C"
