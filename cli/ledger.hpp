// The demo's year through a county workspace, and the ledger section of its report (private to
// cli/). run_ledger records the sample county's decisions and the steps after them
// (data/sample/ledger.json) in `<out>/county.ck.db` and reads back what the report shows.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report.hpp"

namespace cadrekit::cli {

/// CSV tables the demo writes next to the workspace: (file name, rows with the header first).
using CsvTables = std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>>;

/// Runs the year into a new workspace `file` (replacing one there) and returns the ledger:
/// {"file", "as_of", "schema", "cases", "events", "months": [{"month", "open": {kind: {stage: n}}}],
///  "status": [...], "due": [...]}. `policy_yaml` is the profile's text when the demo was given
/// --policy (empty: the embedded profile by name). Returns an empty object, and writes nothing,
/// in a build without the workspace.
boost::json::object run_ledger(const DemoData &d, const std::string &file, std::string_view policy_yaml,
                               std::string_view records_json, std::string_view rounds_json,
                               std::string_view cases_json, std::string_view ledger_json, CsvTables &tables);

/// The report's section on the ledger: cases by stage over the year, what is overdue. "" when
/// d.ledger is empty.
std::string ledger_section(const DemoData &d);

}  // namespace cadrekit::cli
