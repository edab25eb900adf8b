// Non-throwing look-ups behind the person API (private): the public functions throw without a
// record; callers that know the record (validate, the JSON reader) throw with it.
#pragma once

#include <optional>
#include <string_view>

#include "cadrekit/core/person.hpp"

namespace cadrekit::detail {

/// GB 3304 entry by any spelling of vocabulary::ethnic_group_codes() (code, Chinese name with or
/// without 族, romanised name in any case).
const CodeEntry *find_ethnic_group(std::string_view code_or_name) noexcept;
/// GB/T 4762 entry by code, full name, short name or a documented variant.
const CodeEntry *find_political_status(std::string_view code_or_name) noexcept;
std::optional<Sex> sex_from_text(std::string_view text) noexcept;
std::optional<Rank> rank_from_text(std::string_view text) noexcept;
bool is_valid_rank(Rank r) noexcept;
bool is_valid_sex(Sex s) noexcept;

/// A record's members as the cells of a table row hold them: text, an empty or blank cell a
/// member not given. Views: they need live only for the call.
struct PersonCells {
  std::string_view id, name, sex, birth_date, ethnicity, political_status, party_joined, work_started, education,
      rank, unit;
};

/// A record (without posts) from the cells of a table row, read as person_from_json reads the
/// same members given as text — the same codes, names and dates accepted, the same words for
/// what is refused, naming the member and the record's id — and checked with validate(). The
/// command line's tables read their cadres with it; the C ABI and Python take JSON records.
Person person_from_cells(const PersonCells &cells);

}  // namespace cadrekit::detail
