// Reads one worksheet of an .xlsx workbook (Office Open XML, as Excel, WPS, LibreOffice, openpyxl
// and xlsxwriter write it) as rows of cell texts: the texts the command line's table layer then
// reads exactly as it reads a CSV (docs/cli.md, "Excel workbooks"). The zip is read with libzip
// from memory; every part is streamed through the library's one XML reader (expat, no DOCTYPE,
// no entity), so a sheet of a million rows never exists as a tree.
//
// What a cell becomes (the text Excel's own "Save as CSV" would give, so that a table means the
// same in either form):
//   shared or inline string   its text (rich-text runs joined; phonetic runs left out;
//                             OOXML's _xHHHH_ escapes decoded)
//   number                    up to 15 significant digits, plain decimal ("1234.5", "3", never
//                             "3.0" or "1E+20"); its column is noted (SheetRow::numbers), so
//                             that a column read as a date reads it as an Excel date serial
//   number with a date format ISO date ("2014-01-01"), with " HH:MM:SS" when it has a time of
//                             day; under the workbook's 1900 or 1904 date system
//   boolean                   TRUE or FALSE
//   formula                   its saved value; no saved value, or a workbook that asks to be
//                             recalculated on opening (its saved values are placeholders), is an
//                             error naming the cell
//   error value (#N/A, …)     an error naming the cell
// Limits (docs/limits.md): xlsx.max_part_bytes, xlsx.max_cells, xlsx.max_entries below. Every
// refusal is InvalidInput whose field names the place (the part, or `Sheet1!B17`) and whose
// record is the file; never a value of a cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadrekit::cli::xlsx {

struct Limits {
  /// The most bytes one part may inflate to (the sheet; 1 GiB, as table.max_bytes for a CSV).
  std::size_t max_part_bytes = std::size_t{1} << 30;
  /// The most bytes every part read together may inflate to (a zip bomb stops here).
  std::size_t max_total_bytes = std::size_t{3} << 29;
  /// The most cells that hold a value, and the most shared strings (Excel's 1,048,576 rows of
  /// about 48 columns).
  std::size_t max_cells = 50'000'000;
  /// The most entries the zip may list.
  std::size_t max_entries = 100'000;
};

/// A cell range merged into one (0-based, inclusive).
struct Merge {
  std::uint32_t first_row, last_row, first_col, last_col;
};

/// One row that holds at least one non-empty cell: its number as Excel shows it (1-based) and
/// its cells as (0-based column, text), in column order.
struct SheetRow {
  std::uint32_t number = 0;
  std::vector<std::pair<std::uint32_t, std::string>> cells;
  /// The columns (0-based, ascending) of the cells that held a number without a date format:
  /// in a column the command reads as a date, such a cell is an Excel date serial.
  std::vector<std::uint32_t> numbers;
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;
  std::vector<Merge> merges;
  bool date1904 = false;  ///< the workbook counts dates from 1904-01-01 (workbookPr date1904)
};

/// The sheet named `sheet`, or the first visible worksheet when `sheet` is empty.
Sheet read_sheet(std::string_view bytes, const std::string &file, const std::string &sheet,
                 const Limits &limits = {});

/// The start of a zip archive (an .xlsx, whatever its name).
bool is_zip(std::string_view bytes);
/// The start of an OLE compound file: an Excel 97–2003 .xls, or an encrypted .xlsx.
bool is_ole(std::string_view bytes);

/// A cell's name, e.g. "B17", from a 0-based column and a 1-based row.
std::string cell_name(std::uint32_t col, std::uint32_t row);

/// A number cell's text: up to 15 significant digits as a plain decimal ("3", "0.3" for
/// 0.1 + 0.2, "100000000000000000000" for 1E+20), what Excel shows in a General cell.
std::string number_text(double v);
/// A date serial's text under the 1900 or the 1904 date system: "2014-01-01", with
/// " HH:MM:SS" when it has a time of day ("12:00:00" alone for 0.5 in the 1900 system); empty
/// outside 1900-01-01 … 9999-12-31 and for the 1900 system's phantom 1900-02-29 (serial 60).
std::string serial_text(double serial, bool date1904);

}  // namespace cadrekit::cli::xlsx
