// C ABI: the whole year of a county and the comparison of two runs (docs/year.md).
#include "cadrekit/year.hpp"

#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_year_run_json(char **out, const ck_policy *policy, const char *data_dir, int year) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const year::Data data = data_dir == nullptr ? year::Data::sample() : year::Data::load(data_dir);
    const std::string r = year::run_json(data, p, year == 0 ? std::nullopt : std::optional<int>(year));
    *out = dup_string(r);
  });
}

CK_API int ck_year_compare_json(char **out, const char *a_json, const char *b_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const std::string r = year::compare_json(text_arg(a_json, "a_json"), text_arg(b_json, "b_json"));
    *out = dup_string(r);
  });
}

}  // extern "C"
