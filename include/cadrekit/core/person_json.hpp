// The JSON form of the cadre record (docs/person.md) and of its summary (三龄 and the group
// flags). Input accepts codes or names for sex, ethnicity and political status; output writes
// codes, members in a fixed order, no white space: byte-identical for equal records.
#pragma once

#include <string>
#include <string_view>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/person.hpp"

namespace cadrekit {

/// Canonical JSON of a record:
/// {"id","name","sex","birth_date","ethnicity","political_status","party_joined","work_started",
///  "education","rank","unit","posts":[{"unit","title","rank","from","until"}]}.
/// Codes as strings ("1", "02", "01"), dates ISO, absent dates null, rank by its name ("fu_ke").
/// InvalidInput naming the field and p.id when a code of `p` is unknown.
std::string person_to_json(const Person &p);

/// Parses a record. Required: id, sex, birth_date, ethnicity, political_status; the rest is
/// optional (null or absent = empty). Unknown members are an error. The record is checked
/// with validate(). InvalidInput names the member ("posts[1].from") and the record's id; the
/// message never repeats a value.
Person person_from_json(std::string_view json);

/// {"id","three_ages":{"age","party_years"|null,"work_years"|null},"is_woman",
///  "is_ethnic_minority","is_non_party"} as of `as_of` (the C ABI's ck_person_summary_json).
std::string person_summary_json(const Person &p, Date as_of);

}  // namespace cadrekit
