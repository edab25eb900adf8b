// Assessment records and findings read from tables: shared by `assessment screen`, `compare`
// and the talent commands (supervision excludes pool candidates). Columns: docs/cli.md.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "table.hpp"

namespace cadrekit::cli {

struct ScreenInput {
  std::vector<assessment::Record> records;
  RowNames record_where;  ///< "file:line" of each record
  std::vector<assessment::Finding> findings;
  std::vector<std::string> finding_where;
};

/// Reads the records table (required columns cadre_id, kind, period) and, when `findings` is
/// not empty, the findings table; bad rows go to `rep`. A finding whose standard is not in each
/// of `catalogues` (the qualitative standards in force under the profile(s) the command uses) is
/// a bad row too, named by its file and line, instead of stopping the whole command later.
ScreenInput read_screen_input(const std::string &records, const std::string &findings, const IoOptions &io,
                              Reporter &rep,
                              const std::vector<std::vector<assessment::Standard>> &catalogues = {});

/// The findings that concern a group of cadres, as screen() gives them: a finding of a cadre to
/// that cadre, a finding of a unit (and of no cadre) to the cadres whose records name the unit.
/// Made once over the findings, then asked group by group: a group's cadres and units are looked
/// up in sorted lists, never each finding in the group's (nor in a hash a file could make slow).
/// The findings must outlive it (it views their ids).
class ConcernedFindings {
 public:
  explicit ConcernedFindings(const std::vector<assessment::Finding> &findings) {
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const assessment::Finding &f = findings[i];
      if (!f.cadre_id.empty()) by_cadre_.emplace_back(f.cadre_id, static_cast<std::uint32_t>(i));
      else if (!f.unit_id.empty()) by_unit_.emplace_back(f.unit_id, static_cast<std::uint32_t>(i));
    }
    std::sort(by_cadre_.begin(), by_cadre_.end());
    std::sort(by_unit_.begin(), by_unit_.end());
  }
  bool empty() const noexcept { return by_cadre_.empty() && by_unit_.empty(); }
  bool any_of_a_unit() const noexcept { return !by_unit_.empty(); }
  bool of_cadre(std::string_view cadre) const { return any(by_cadre_, cadre); }
  bool of_unit(std::string_view unit) const { return any(by_unit_, unit); }
  /// The places of the findings that concern `cadres` or `units` (any order; repeats are
  /// dropped, and both are sorted), ascending: the findings' own order.
  void of(std::vector<std::string_view> &cadres, std::vector<std::string_view> &units,
          std::vector<std::uint32_t> &out) const {
    out.clear();
    add(by_cadre_, cadres, out);
    add(by_unit_, units, out);
    std::sort(out.begin(), out.end());
  }

 private:
  using Sorted = std::vector<std::pair<std::string_view, std::uint32_t>>;
  static Sorted::const_iterator first_of(const Sorted &v, std::string_view x) {
    return std::lower_bound(v.begin(), v.end(), x, [](const auto &e, std::string_view y) { return e.first < y; });
  }
  static bool any(const Sorted &v, std::string_view x) {
    const auto it = first_of(v, x);
    return it != v.end() && it->first == x;
  }
  static void add(const Sorted &v, std::vector<std::string_view> &keys, std::vector<std::uint32_t> &out) {
    if (v.empty()) return;
    // a cadre's records mostly name one unit: repeats side by side go before the sort
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string_view k : keys)
      for (auto it = first_of(v, k); it != v.end() && it->first == k; ++it) out.push_back(it->second);
  }
  Sorted by_cadre_, by_unit_;  ///< (id, place) of the findings of a cadre, and of a unit alone
};

/// A records table as read_screen_input reads it — the same rows refused, in the same words —
/// held as the table and the rows it accepted, not as Records (a million Records cost some
/// 120 MB; these, the file and four bytes a record): a reader that needs only some records at a
/// time reads them again (`record`).
struct RecordRows {
  Table table;
  std::vector<std::uint32_t> rows;  ///< the rows accepted, in the table's order

  std::size_t size() const noexcept { return rows.size(); }
  /// The `k`th accepted record, read again (as it was read without an error the first time).
  assessment::Record record(std::size_t k) const;
};

/// Reads the records table (required columns cadre_id, kind, period) into RecordRows, bad rows
/// reported to `rep` as read_screen_input reports them; `each` sees each accepted record once,
/// in order, as it is read. InvalidInput past 2^32 - 1 rows.
RecordRows read_record_rows(const std::string &records, const IoOptions &io, Reporter &rep,
                            const std::function<void(const assessment::Record &)> &each);

/// Reads the findings table into `in` (findings, finding_where) as read_screen_input reads it.
void read_findings(const std::string &findings, const IoOptions &io, Reporter &rep,
                   const std::vector<std::vector<assessment::Standard>> &catalogues, ScreenInput &in);

}  // namespace cadrekit::cli
