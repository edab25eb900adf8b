// The catalogue of qualitative standards as policy data (HORQIN.2): `assessment.standard.*`.
#include <algorithm>
#include <string>

#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/text.hpp"

namespace cadrekit::assessment {

namespace {

Standard parse_standard(const std::string &name, const std::string &text, const Policy &policy,
                        Date as_of) {
  const ParamInfo &info = policy.info(name);
  Standard st;
  st.parameter = name;
  st.id = name.substr(standard_prefix.size());
  st.text_zh = info.label_zh;
  st.text_en = info.label_en;
  st.clause = info.clause;
  st.assumed = policy.lookup(name, as_of).assumed;
  auto fail = [&](std::string_view key, const std::string &msg) -> void {
    throw PolicyError("standard " + st.id + ", key `" + std::string(key) + "`: " + msg, name,
                      policy.name());
  };
  if (st.id.empty()) fail("id", "the standard has no id");
  bool have_aspect = false, have_suggest = false;
  for (const auto &item : text_util::key_values(text)) {
    if (!item.has_equals) fail(item.key, "is not key=value");
    const std::string_view key = item.key, value = item.value;
    if (value.empty()) fail(key, "has no value");
    if (key == "aspect") {
      if (have_aspect) fail(key, "is given twice");
      have_aspect = true;
      try {
        st.aspect = parse_aspect(value, "aspect");
      } catch (const InvalidInput &e) {
        fail(key, e.what());
      }
      if (st.aspect == Aspect::none) fail(key, "a standard belongs to one of the six aspects");
    } else if (key == "suggest") {
      if (have_suggest) fail(key, "is given twice");
      have_suggest = true;
      if (value == "any") {
        st.suggestion = "any";
      } else {
        try {
          st.suggestion = disposal_method_name(parse_disposal_method(value, "suggest"));
        } catch (const InvalidInput &e) {
          fail(key, e.what());
        }
      }
    } else {
      fail(key, "is not a standard key (aspect, suggest)");
    }
  }
  if (!have_aspect) fail("aspect", "is required");
  return st;
}

}  // namespace

std::vector<Standard> standards(const Policy &policy, Date as_of) {
  if (as_of.is_special()) throw InvalidInput("as_of is not a date", "as_of");
  std::vector<Standard> out;
  for (const auto &name : policy.parameter_names()) {
    if (!std::string_view(name).starts_with(standard_prefix)) continue;
    const ParamInfo &info = policy.info(name);
    if (info.type != ParamType::text)
      throw PolicyError("a qualitative standard parameter must be of type text", name, policy.name());
    if (info.values.empty() || info.values.front().effective_from > as_of) continue;  // not yet in force
    std::string text = policy.text(name, as_of);
    if (text_util::trim(text) == "withdrawn") continue;
    out.push_back(parse_standard(name, text, policy, as_of));
  }
  return out;  // parameter_names() is sorted, so out is sorted by id
}

const Standard *find_standard(const std::vector<Standard> &catalogue, std::string_view id) noexcept {
  auto it = std::lower_bound(catalogue.begin(), catalogue.end(), id,
                             [](const Standard &s, std::string_view v) { return s.id < v; });
  return it != catalogue.end() && it->id == id ? &*it : nullptr;
}

const Standard *standard_of(const Finding &f, const std::vector<Standard> &catalogue,
                            const std::string &record) {
  if (f.standard.empty()) return nullptr;
  const Standard *st = find_standard(catalogue, f.standard);
  if (st == nullptr)
    throw InvalidInput("standard is not in the catalogue of qualitative standards in force", "standard",
                       record);
  if (f.aspect != Aspect::none && f.aspect != st->aspect)
    throw InvalidInput(std::string("aspect differs from the standard's aspect (") + aspect_name(st->aspect) + ")",
                       "aspect", record);
  return st;
}

}  // namespace cadrekit::assessment
