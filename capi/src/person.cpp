// C ABI: citizen ID numbers, 三龄 and the person summary.
#include <cstdint>
#include <cstring>
#include <span>

#include "cadrekit/core/citizen_id.hpp"
#include "cadrekit/core/person.hpp"
#include "cadrekit/core/person_json.hpp"

#include "common.hpp"

using namespace cadrekit;
using namespace cadrekit::capi;

extern "C" {

CK_API int ck_citizen_id_is_valid(const char *id) {
  if (id == nullptr) return 0;
  // A valid number has 18 bytes: looking at 19 is enough to tell, however long the text is.
  return is_valid_citizen_id(std::string_view(id, strnlen(id, 19))) ? 1 : 0;
}

CK_API int ck_citizen_id_parse(ck_date *out_birth, int *out_sex, const char *id) {
  if (out_birth == nullptr) return null_argument("out_birth");
  if (out_sex == nullptr) return null_argument("out_sex");
  if (id == nullptr) return null_argument("id");
  return guard([&] {
    CitizenId c = parse_citizen_id(text_arg(id, "citizen_id"));
    ck_date birth = to_days(c.birth_date);
    *out_birth = birth;
    *out_sex = static_cast<int>(c.sex);
  });
}

CK_API int ck_three_ages(int32_t *out_age, int32_t *out_party_years, int32_t *out_work_years,
                         ck_date birth, int has_party, ck_date party_joined, int has_work,
                         ck_date work_started, ck_date as_of) {
  if (out_age == nullptr) return null_argument("out_age");
  if (out_party_years == nullptr) return null_argument("out_party_years");
  if (out_work_years == nullptr) return null_argument("out_work_years");
  return guard([&] {
    Person p;
    p.birth_date = date_arg(birth, "birth");
    if (has_party != 0) {
      // A date of joining given here is a member's: party standing is counted.
      p.political_status = "01";
      p.party_joined = date_arg(party_joined, "party_joined");
    }
    if (has_work != 0) p.work_started = date_arg(work_started, "work_started");
    ThreeAges a = three_ages(p, date_arg(as_of, "as_of"));
    *out_age = a.age;
    *out_party_years = a.party_years.value_or(-1);
    *out_work_years = a.work_years.value_or(-1);
  });
}

CK_API int ck_three_ages_columns(ck_three_ages_out *out, const ck_three_ages_in *in) {
  return guard([&] {
    const ck_three_ages_in i = read_struct(in, CK_FIRST_SIZE(ck_three_ages_in, work_started), "in");
    const ck_three_ages_out o = read_struct(out, CK_FIRST_SIZE(ck_three_ages_out, work_years), "out");
    const Date when = date_arg(i.as_of, "in.as_of");
    using In = std::span<const std::int32_t>;
    using Out = std::span<std::int32_t>;
    In birth = column(i.birth, i.n, "in.birth");
    In party = optional_column(i.party_joined, i.n);
    In work = optional_column(i.work_started, i.n);
    Out age = column(o.age, i.n, "out.age");
    Out party_years = column(o.party_years, i.n, "out.party_years");
    Out work_years = column(o.work_years, i.n, "out.work_years");
    if (i.n == 0) return;
    // Checks every row before writing any (all or nothing), then writes straight into the outputs.
    three_ages_columns(birth, party, work, when, age, party_years, work_years);
  });
}

CK_API int ck_three_ages_batch(int32_t *out_age, int32_t *out_party_years,
                               int32_t *out_work_years, ck_date as_of, size_t n,
                               const ck_date *birth, const ck_date *party_joined,
                               const ck_date *work_started) {
  // Deprecated wrapper of ck_three_ages_columns, kept until the SOVERSION changes.
  if (n > 0 && out_age == nullptr) return null_argument("out_age");
  if (n > 0 && out_party_years == nullptr) return null_argument("out_party_years");
  if (n > 0 && out_work_years == nullptr) return null_argument("out_work_years");
  if (n > 0 && birth == nullptr) return null_argument("birth");
  ck_three_ages_in in{sizeof in, as_of, n, birth, party_joined, work_started};
  ck_three_ages_out out{sizeof out, out_age, out_party_years, out_work_years};
  return ck_three_ages_columns(&out, &in);
}

CK_API int ck_person_summary_json(char **out, const char *person_json, ck_date as_of) {
  if (out == nullptr) return null_argument("out");
  return guard([&] {
    Date when = date_arg(as_of, "as_of");
    Person p = person_from_json(text_arg(person_json, "person_json"));
    *out = dup_string(person_summary_json(p, when));
  });
}

}  // extern "C"
