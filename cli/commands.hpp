// The command groups of the `cadrekit` command line (private to cli/).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/policy.hpp"

namespace cadrekit::cli {

/// Options every command shares.
struct Common {
  std::string policy_file;  ///< --policy FILE; empty: the embedded default profile
  std::vector<std::string> sets;  ///< --set NAME=VALUE[@DATE], applied to the profile in order
  std::string as_of;        ///< --as-of DATE (ISO)
  std::string lang = "zh";  ///< --lang zh|en
  std::string command_line; ///< the command as typed, for a workbook's notes sheet
};

/// The command to run once parsing succeeded (set by the group that matched).
using Action = std::function<void(std::ostream &out)>;

/// The profile of --policy (the embedded default without it), with every --set applied.
Policy load_policy(const Common &c);
/// Adds --policy FILE and --set NAME=VALUE[@DATE] (repeatable) to a command.
void add_policy_options(CLI::App *cmd, Common &c);
/// --as-of as a date (an error naming --as-of when it is missing), read as option_date reads it.
Date as_of_date(const Common &c);
/// The date of a command-line option or argument `name` ("--posted", "DATE"): every spelling of
/// the vocabulary's dates (2016-12-31, 2016/12/31, 2016.12.31, 2016年12月31日, 20161231).
Date option_date(std::string_view text, std::string_view name);

struct IoOptions;
/// Fills io.notes (an .xlsx output's notes sheet): the command line, and with a policy its name,
/// sources, every --set, and the parameters `params` (the library's list for what the command
/// decided, e.g. audit::tier_parameters; one entry per name) with their labels. `policy` null:
/// the command uses no profile.
void note_run(IoOptions &io, const Common &c, const Policy *policy, std::optional<Date> as_of,
              std::vector<ParamUsed> params = {});

void add_calendar_commands(CLI::App &app, Common &c, Action &action);
void add_policy_commands(CLI::App &app, Common &c, Action &action);
void add_explain_command(CLI::App &app, Common &c, Action &action);
void add_demo_command(CLI::App &app, Common &c, Action &action);
void add_village_commands(CLI::App &app, Common &c, Action &action);
void add_audit_commands(CLI::App &app, Common &c, Action &action);
void add_disclosure_commands(CLI::App &app, Common &c, Action &action);
void add_assessment_commands(CLI::App &app, Common &c, Action &action);
void add_import_lrmx_command(CLI::App &app, Common &c, Action &action);
void add_compare_command(CLI::App &app, Common &c, Action &action);
void add_talent_commands(CLI::App &app, Common &c, Action &action);
void add_workspace_commands(CLI::App &app, Common &c, Action &action);
/// `cadrekit template COMMAND`: a command's input table, empty but for an example row (columns.hpp).
void add_template_command(CLI::App &app, Common &c, Action &action);
void add_vocabulary_command(CLI::App &app, Common &c, Action &action);

}  // namespace cadrekit::cli
