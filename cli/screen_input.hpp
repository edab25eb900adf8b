// Assessment records and findings read from tables: shared by `assessment screen`, `compare`
// and the talent commands (supervision excludes pool candidates). Columns: docs/cli.md.
#pragma once

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
  /// When only some of the table's records are kept (the kernel path of `assessment screen`):
  /// each one's index among all of them, by which an explanation names it (`records[i]`), as it
  /// does when all are kept. Empty when all are kept.
  std::vector<std::size_t> record_index;
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

/// For `assessment screen` under one profile: the same reading and the same reports, but the
/// records kept are only those screen() needs — the records of the cadres an assessment rule
/// fires for (found by the columnar kernel) and of the cadres a finding concerns — so that a
/// table of a million records is not held as a million Records (--row-path: all of them).
ScreenInput read_screen_input(const std::string &records, const std::string &findings, const IoOptions &io,
                              Reporter &rep, Date as_of, const Policy &policy);

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
