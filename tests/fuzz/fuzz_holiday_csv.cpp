// Fuzzes the holiday CSV loader and the arithmetic on what it loads. Typed cadrekit errors are
// the expected answer to bad input; anything else (a crash, another exception, a sanitizer
// report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    auto cal = cadrekit::WorkCalendar::from_csv(text, size % 2 == 1, "fuzz.csv");
    auto cov = cal.coverage();
    auto d = cov.first;
    (void)cal.is_working_day(d);
    (void)cal.add_working_days(d, static_cast<int>(size % 400));
    (void)cal.window(d, 1 + static_cast<int>(size % 30));
    (void)cal.count_working_days(cov.first, cov.last);
    (void)cadrekit::WorkCalendar::china().with_csv(text, "fuzz.csv");
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
