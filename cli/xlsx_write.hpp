// The command line's .xlsx output (libxlsxwriter): a table as a workbook of two sheets, the
// table (labelled headers, typed cells, frozen header row, autofilter, fitted widths) and a
// notes sheet (the command, the version, the policy profile, the as-of date and the parameters
// the command used). docs/cli.md, "Writing workbooks", describes every cell kind.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "table.hpp"

namespace cadrekit::cli {

/// The largest number of data rows a worksheet holds (Excel's 1,048,576 rows less the header):
/// a larger table is an InvalidInput (xlsx.max_rows, docs/limits.md), never cut short.
inline constexpr std::size_t kXlsxMaxRows = 1048575;

/// Writes `t` as a workbook to `out`, in io.lang, with io.notes on the second sheet. The workbook
/// is built in a private temporary file ($TMPDIR, else /tmp), removed in all cases. InvalidInput
/// for a table a worksheet cannot hold (too many rows or columns, a text over 32,767
/// characters, naming the column and row).
void write_xlsx(std::ostream &out, const OutTable &t, const IoOptions &io);

/// One sheet of a workbook of several tables: its name (at most 31 characters, none of []:*?/\)
/// and its table.
struct XlsxSheet {
  std::string name;
  const OutTable *table;
};
/// Writes the tables as the sheets of one workbook, then the notes sheet, as write_xlsx does.
void write_xlsx(std::ostream &out, const std::vector<XlsxSheet> &sheets, const IoOptions &io);

}  // namespace cadrekit::cli
