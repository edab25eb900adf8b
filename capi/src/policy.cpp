// C ABI: policy profiles.
#include "cadrekit/core/policy.hpp"

#include "cadrekit/core/explanation.hpp"
#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;


extern "C" {

CK_API int ck_policy_default(ck_policy **out) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = new ck_policy(Policy::default_profile()); });
}

CK_API int ck_policy_load(ck_policy **out, const char *path) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = new ck_policy(Policy::load(std::string(text_arg(path, "path")))); });
}

CK_API int ck_policy_loads(ck_policy **out, const char *yaml) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = new ck_policy(Policy::loads(text_arg(yaml, "yaml"), "<string>")); });
}

CK_API void ck_policy_free(ck_policy *policy) {
  if (policy == nullptr || policy->magic != kPolicyMagic) return;
  delete policy;
}

CK_API const char *ck_policy_name(const ck_policy *policy) {
  // No status to return: NULL or a foreign handle gives "" (and records why).
  if (policy == nullptr || policy->magic != kPolicyMagic) {
    set_error(CK_E_INVALID_ARGUMENT, "argument is NULL or not a live policy (field policy)");
    return "";
  }
  return policy->value.name().c_str();
}

CK_API int ck_policy_value(char **out, const ck_policy *policy, const char *name, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string v = p.value(text_arg(name, "name"), date_arg(as_of, "as_of"));
    *out = dup_string(v);
  });
}

CK_API int ck_policy_lookup_json(char **out, const ck_policy *policy, const char *name,
                                 ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    std::string json = to_json(p.lookup(text_arg(name, "name"), date_arg(as_of, "as_of")));
    *out = dup_string(json);
  });
}

CK_API int ck_policy_set(ck_policy **out, const ck_policy *base, const char *setting) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(base);
    *out = new ck_policy(p.with_setting(text_arg(setting, "setting")));
  });
}

}  // extern "C"
