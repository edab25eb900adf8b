// C ABI: policy profiles.
#include "cadrekit/core/policy.hpp"

#include <boost/json.hpp>

#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

namespace {
constexpr std::uint32_t kPolicyMagic = 0x434B504Fu;  // "CKPO"
}

struct ck_policy : Handle<Policy, kPolicyMagic> {
  using Handle::Handle;
};

namespace {
const Policy &policy_of(const ck_policy *p) { return handle_value(p, kPolicyMagic, "policy"); }

/// A parameter in force, as the "parameters" entry of an explanation's JSON: members in the
/// order of ParamUsed (name, value, unit, effective_from, assumed, clause).
std::string param_json(const ParamUsed &u) {
  boost::json::object o;
  o["name"] = u.name;
  o["value"] = u.value;
  o["unit"] = u.unit;
  o["effective_from"] = to_iso(u.effective_from);
  o["assumed"] = u.assumed;
  o["clause"] = u.clause;
  return boost::json::serialize(o);
}
}  // namespace

namespace cadrekit::capi {
const Policy &policy_ref(const ck_policy *p, const char *name) {
  return handle_value(p, kPolicyMagic, name);
}
}  // namespace cadrekit::capi

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
    std::string json = param_json(p.lookup(text_arg(name, "name"), date_arg(as_of, "as_of")));
    *out = dup_string(json);
  });
}

}  // extern "C"
