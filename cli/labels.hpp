// The command line's one table of column names: each column's code (`unit_id`, the library's
// JSON member name) with its header in Chinese and in English (单位编号, Unit ID). Workbooks are
// written with the labels (xlsx_write.hpp), and a table read with labels for headers — a
// workbook the command line wrote, or a sheet a county made with Chinese headers — is read as
// if it had the codes (read_table), so the same column means the same thing either way.
#pragma once

#include <string_view>

namespace cadrekit::cli {

/// The header of column `code` in `lang` (zh or en), or nullptr when the label table has none.
/// Every column a command writes has one (tests/cli/check_xlsx.py checks the sources), and no two
/// columns share a label in either language; a column named by the data itself (`workspace export
/// table KIND`) keeps its name.
const char *column_label(std::string_view code, std::string_view lang);

/// The code whose Chinese or English label is `header`, or nullptr when no column has that
/// label (or `header` is itself a code).
const char *column_code(std::string_view header);

}  // namespace cadrekit::cli
