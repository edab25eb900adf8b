// C ABI: disclosure of promoted leaders' personal matters (KAILU). JSON in, JSON out: the
// request and response forms are those of cadrekit/disclosure.hpp (docs/disclosure.md).
#include "cadrekit/disclosure.hpp"

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/policy.hpp"
#include "common.hpp"
#include "handles.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;
namespace dc = cadrekit::disclosure;

extern "C" {

CK_API int ck_disclosure_validate_json(char **out, const ck_policy *policy,
                                       const char *record_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    *out = dup_string(dc::validate_response_json(text_arg(record_json, "record_json"), p));
  });
}

CK_API int ck_disclosure_plan_round_json(char **out, const ck_policy *policy,
                                         const ck_calendar *cal, const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const WorkCalendar &c = calendar_of(cal);
    *out = dup_string(dc::plan_round_json(text_arg(request_json, "request_json"), c, p));
  });
}

CK_API int ck_disclosure_notice_json(char **out, const ck_policy *policy, const ck_calendar *cal,
                                     const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const WorkCalendar &c = calendar_of(cal);
    *out = dup_string(dc::notice_json(text_arg(request_json, "request_json"), c, p));
  });
}

CK_API int ck_disclosure_case_open_json(char **out, const ck_policy *policy,
                                        const char *request_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    *out = dup_string(dc::case_open_json(text_arg(request_json, "request_json"), p));
  });
}

CK_API int ck_disclosure_case_apply_json(char **out, const ck_policy *policy,
                                         const ck_calendar *cal, const char *case_json,
                                         const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const WorkCalendar &c = calendar_of(cal);
    *out = dup_string(dc::case_apply_json(text_arg(case_json, "case_json"),
                                          text_arg(action_json, "action_json"), c, p));
  });
}

CK_API int ck_disclosure_case_apply_explained_json(char **out, const ck_policy *policy,
                                                   const ck_calendar *cal, const char *case_json,
                                                   const char *action_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    const Policy &p = policy_of(policy);
    const WorkCalendar &c = calendar_of(cal);
    *out = dup_string(dc::case_apply_explained_json(text_arg(case_json, "case_json"),
                                                    text_arg(action_json, "action_json"), c, p));
  });
}

CK_API int ck_disclosure_case_can_proceed_json(char **out, const char *case_json, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    dc::Case c = dc::Case::from_json(text_arg(case_json, "case_json"));
    *out = dup_string(dc::can_proceed_json(c, date_arg(as_of, "as_of")));
  });
}

CK_API int ck_disclosure_record_from_lrmx_json(char **out, const char *lrmx_xml,
                                               const char *record_id) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    // The form's bytes in any encoding the reader detects (not only UTF-8): no UTF-8 check
    // here; the reader refuses a form over its size limit (xml.max_bytes, 64 MiB).
    if (lrmx_xml == nullptr)
      throw InvalidInput("argument is NULL", "lrmx_xml", {}, ErrorCode::invalid_argument);
    std::string_view form(lrmx_xml, strnlen(lrmx_xml, kMaxTextArg + 1));
    std::string_view id = text_arg(record_id, "record_id");
    *out = dup_string(dc::record_to_json(dc::record_from_lrmx(form, id)));
  });
}

CK_API int ck_disclosure_lrmx_read_json(char **out, const char *form, size_t size,
                                        const char *record_id) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    if (form == nullptr)
      throw InvalidInput("argument is NULL", "form", {}, ErrorCode::invalid_argument);
    std::string_view id = text_arg(record_id, "record_id");
    *out = dup_string(dc::lrmx_read_to_json(dc::read_lrmx(std::string_view(form, size), id)));
  });
}

CK_API int ck_disclosure_record_to_lrmx(char **out, const char *record_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    *out = dup_string(dc::record_to_lrmx(dc::record_from_json(text_arg(record_json, "record_json"))));
  });
}

CK_API int ck_disclosure_yearly_counts_json(char **out, const char *cases_json) {
  if (out == nullptr) return null_argument("out");
  return guard([&] { *out = dup_string(dc::yearly_counts_json(text_arg(cases_json, "cases_json"))); });
}

}  // extern "C"
