// Fuzzes the command line's .xlsx reader (cli/xlsx_read.hpp) over whole workbooks: whatever the
// bytes, it returns a sheet or throws cadrekit::InvalidInput — never a crash, a hang or another
// exception. The limits are lowered so that a run stays small; the seeds are stored (not
// deflated) workbooks, so that mutations reach the XML of the parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cadrekit/core/errors.hpp"
#include "xlsx_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  cadrekit::cli::xlsx::Limits limits;
  limits.max_part_bytes = std::size_t{4} << 20;
  limits.max_total_bytes = std::size_t{8} << 20;
  limits.max_cells = 100'000;
  for (const char *sheet : {"", "Sheet1"}) {
    try {
      const auto s = cadrekit::cli::xlsx::read_sheet(bytes, "fuzz.xlsx", sheet, limits);
      for (const auto &row : s.rows)
        if (row.cells.empty() || row.number == 0) std::abort();  // only rows that hold a cell
    } catch (const cadrekit::InvalidInput &) {
    }
  }
  return 0;
}
