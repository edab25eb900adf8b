// C ABI: talent pools and leadership teams (HURE).
#include "cadrekit/talent.hpp"

#include "cadrekit/core/policy.hpp"
#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_talent_pools_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, talent::pools_json);
}

CK_API int ck_talent_pool_changes_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, talent::pool_changes_json);
}

CK_API int ck_talent_team_structure_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, talent::team_structure_json);
}

CK_API int ck_talent_gaps_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, talent::gaps_json);
}

CK_API int ck_talent_postings_json(char **out, const ck_policy *policy, const char *request_json) {
  return json_call(out, policy, request_json, talent::postings_json);
}

CK_API int ck_talent_team_structure_columns(ck_talent_team_structure_out *out, const ck_policy *policy,
                                            const ck_talent_team_structure_in *in) {
  return guard([&] {
    using In = ck_talent_team_structure_in;
    using Out = ck_talent_team_structure_out;
    const In i = read_struct(in, CK_FIRST_SIZE(In, n_teams), "in");
    const Out o = read_struct(out, CK_FIRST_SIZE(Out, gaps), "out");
    const Policy &p = policy_of(policy);
    const Date d = date_arg(i.as_of, "in.as_of");
    const std::size_t n = i.n_members, t = i.n_teams;
    if (n > (std::size_t{1} << 31) - 1) throw InvalidInput("too many rows", "in.n_members");
    if (t > (std::size_t{1} << 31) - 1) throw InvalidInput("too many teams", "in.n_teams");
    talent::TeamColumns cols{column(i.team, n, "in.team"), column(i.sex, n, "in.sex"),
                             column(i.birth_date, n, "in.birth_date"), column(i.ethnicity, n, "in.ethnicity"),
                             column(i.political_status, n, "in.political_status")};
    talent::TeamOut res{column(o.size, t, "out.size"),         column(o.young, t, "out.young"),
                        column(o.women, t, "out.women"),       column(o.minority, t, "out.minority"),
                        column(o.non_party, t, "out.non_party"), column(o.gaps, t, "out.gaps")};
    talent::team_structure_batch(cols, t, d, p, res);
  });
}

CK_API int ck_talent_pools_columns(ck_talent_pools_out *out, const ck_policy *policy, const ck_talent_pools_in *in) {
  return guard([&] {
    using In = ck_talent_pools_in;
    using Out = ck_talent_pools_out;
    const In i = read_struct(in, CK_FIRST_SIZE(In, rating), "in");
    const Out o = read_struct(out, CK_FIRST_SIZE(Out, age), "out");
    const Policy &p = policy_of(policy);
    const Date d = date_arg(i.as_of, "in.as_of");
    const std::size_t n = i.n_cadres, m = i.n_ratings;
    if (n > (std::size_t{1} << 31) - 1) throw InvalidInput("too many rows", "in.n_cadres");
    if (m > (std::size_t{1} << 31) - 1) throw InvalidInput("too many rows", "in.n_ratings");
    talent::PoolColumns cols{column(i.birth_date, n, "in.birth_date"),
                             column(i.sex, n, "in.sex"),
                             column(i.ethnicity, n, "in.ethnicity"),
                             column(i.political_status, n, "in.political_status"),
                             column(i.rank, n, "in.rank"),
                             column(i.civil_servant, n, "in.civil_servant"),
                             column(i.selected_graduate, n, "in.selected_graduate"),
                             optional_column(i.supervised, n)};
    talent::RatingColumns ratings{column(i.rating_cadre, m, "in.rating_cadre"),
                                  column(i.rating_year, m, "in.rating_year"), column(i.rating, m, "in.rating")};
    talent::PoolOut res{column(o.member, n, "out.member"), column(o.near_miss, n, "out.near_miss"),
                        column(o.excluded, n, "out.excluded"), column(o.age, n, "out.age")};
    talent::pools_columns(cols, ratings, d, p, res);
  });
}

CK_API int ck_talent_team_structure_batch(const ck_policy *policy, ck_date as_of, size_t n_members,
                                          const int32_t *team, const uint8_t *sex, const ck_date *birth_date,
                                          const uint8_t *ethnicity, const uint8_t *political_status,
                                          size_t n_teams, int32_t *out_size, int32_t *out_young,
                                          int32_t *out_women, int32_t *out_minority, int32_t *out_non_party,
                                          uint8_t *out_gaps) {
  // Deprecated wrapper of ck_talent_team_structure_columns, kept until the SOVERSION changes.
  ck_talent_team_structure_in in{sizeof in, as_of,     n_members,        team, sex,
                                 birth_date, ethnicity, political_status, n_teams};
  ck_talent_team_structure_out out{sizeof out, out_size,      out_young, out_women,
                                   out_minority, out_non_party, out_gaps};
  return ck_talent_team_structure_columns(&out, policy, &in);
}

}  // extern "C"
