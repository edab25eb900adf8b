// Assessment records and findings read from tables: shared by `assessment screen`, `compare`
// and the talent commands (supervision excludes pool candidates). Columns: docs/cli.md.
#pragma once

#include <string>
#include <vector>

#include "cadrekit/assessment.hpp"
#include "table.hpp"

namespace cadrekit::cli {

struct ScreenInput {
  std::vector<assessment::Record> records;
  std::vector<std::string> record_where;  ///< "file:line" of each record
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

}  // namespace cadrekit::cli
