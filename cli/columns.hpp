// The input tables of the command line's commands, as data: for each table a command reads, its
// columns (required or not), the values each takes and one example row. Each command's --help
// lists them, and `cadrekit template COMMAND` writes the empty table with its header and the
// example row. A test runs every command on its own templates with --strict, so a column listed
// here is one the command reads, and the example row is one it accepts.
#pragma once

#include <CLI/CLI.hpp>

#include <string_view>
#include <vector>

namespace cadrekit::cli {

struct ColumnSpec {
  std::string_view name;
  bool required;
  std::string_view values;   ///< what the column takes, in a few words ("yuan: 5000000, 500万")
  std::string_view example;  ///< its value in the example row (may be empty)
};

struct TableSpec {
  std::string_view command;   ///< "audit tier"
  std::string_view argument;  ///< where the table goes: "UNITS" (positional) or "--findings"
  std::string_view what;      ///< what a row is
  std::vector<ColumnSpec> columns;
  /// Further example rows (cells in the order of `columns`) after the first, where one row alone
  /// would not show the command at work (a village's four quarterly scores).
  std::vector<std::vector<std::string_view>> more_rows = {};
  std::string_view note = {};  ///< one more line for the help (another layout, a default)
};

/// Every input table of every table command, in the order of the commands' groups.
const std::vector<TableSpec> &table_specs();

/// The tables of `command` ("audit tier"), in the order the command reads them.
std::vector<const TableSpec *> tables_of(std::string_view command);

/// The run of `command` that reads its table `argument`, on the templates: its arguments, with
/// "{UNITS}" or "{--findings}" for the file of each table. Empty when the command has none.
std::string_view example_run(std::string_view command, std::string_view argument);

/// Adds to every table command of `app` a help footer listing its tables' columns, and adds
/// the command `template`.
void add_column_help(CLI::App &app);

}  // namespace cadrekit::cli
