// C ABI: talent pools and leadership teams (HURE).
#include "cadrekit/talent.hpp"

#include <span>

#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

namespace {

template <class T>
std::span<T> col(T *p, std::size_t n, const char *name) {
  if (n == 0) return {};
  if (p == nullptr) throw InvalidInput("array is NULL", name, {}, ErrorCode::invalid_argument);
  return std::span<T>(p, n);
}

template <class F>
int json_call(char **out, const ck_policy *policy, const char *request_json, F &&f) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string r = f(text_arg(request_json, "request_json"), p);
    *out = dup_string(r);
  });
}

}  // namespace

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

CK_API int ck_talent_team_structure_batch(const ck_policy *policy, ck_date as_of, size_t n_members,
                                          const int32_t *team, const uint8_t *sex, const ck_date *birth_date,
                                          const uint8_t *ethnicity, const uint8_t *political_status,
                                          size_t n_teams, int32_t *out_size, int32_t *out_young,
                                          int32_t *out_women, int32_t *out_minority, int32_t *out_non_party,
                                          uint8_t *out_gaps) {
  return guard([&] {
    const Policy &p = policy_of(policy);
    const Date d = date_arg(as_of, "as_of");
    if (n_members > (std::size_t{1} << 31) - 1 || n_teams > (std::size_t{1} << 31) - 1)
      throw InvalidInput("too many rows", "n_members");
    talent::TeamColumns in{col(team, n_members, "team"), col(sex, n_members, "sex"),
                           col(birth_date, n_members, "birth_date"), col(ethnicity, n_members, "ethnicity"),
                           col(political_status, n_members, "political_status")};
    talent::TeamOut o{col(out_size, n_teams, "out_size"),         col(out_young, n_teams, "out_young"),
                      col(out_women, n_teams, "out_women"),       col(out_minority, n_teams, "out_minority"),
                      col(out_non_party, n_teams, "out_non_party"), col(out_gaps, n_teams, "out_gaps")};
    talent::team_structure_batch(in, n_teams, d, p, o);
  });
}

}  // extern "C"
