// C ABI: explanations, exchanged as their JSON form cadrekit.explanation/1.
#include "cadrekit/core/explanation.hpp"

#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_explanation_normalize(char **out, const char *json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    // Everything is computed before *out is written: on failure it is left unchanged.
    std::string canonical = Explanation::from_json(text_arg(json, "json")).to_json();
    *out = dup_string(canonical);
  });
}

CK_API int ck_explanation_to_text(char **out, const char *json, const char *lang) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string_view l = text_arg(lang, "lang");
    std::string text = Explanation::from_json(text_arg(json, "json")).to_text(l);
    *out = dup_string(text);
  });
}

CK_API int ck_explanation_text(char **out, const char *json, size_t index, const char *lang,
                               int full) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    std::string_view l = text_arg(lang, "lang");
    Explanation ex = explanation_in_json(text_arg(json, "json"), index);
    std::string text = (full != 0 ? ex : ex.brief()).to_text(l);
    *out = dup_string(text);
  });
}

}  // extern "C"
