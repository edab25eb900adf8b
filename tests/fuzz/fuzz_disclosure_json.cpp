// Fuzzes the disclosure module's readers on the fuzzer's exact buffer: the record JSON (the
// collecting validator and the strict parser), the case JSON (parse + replay of the log), the
// .lrmx cadre form, and the JSON requests (notice, plan, case open, a case transition). Typed
// cadrekit errors are the expected answer; anything else — a crash, a sanitizer report, another
// exception, or a broken round trip (checked with abort()) — is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

namespace dc = cadrekit::disclosure;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

// A record that parses writes canonical JSON that parses back to the same record.
void record_round_trip(std::string_view text) {
  dc::Record r = dc::record_from_json(text);
  std::string once = dc::record_to_json(r);
  dc::Record again = dc::record_from_json(once);
  check(again == r);
  check(dc::record_to_json(again) == once);
}

// A case that replays writes JSON that replays to the same case, byte for byte.
void case_round_trip(std::string_view text) {
  dc::Case c = dc::Case::from_json(text);
  std::string once = c.to_json();
  dc::Case again = dc::Case::from_json(once);
  check(again == c);
  check(again.to_json() == once);
  (void)c.can_proceed(c.events().back().date);
}

// An imported form's export imports again; from then on export and import are a fixed point
// (tests/fuzz/fuzz_lrmx.cpp checks the reader more closely).
void lrmx(std::string_view text) {
  dc::Record r = dc::read_lrmx(text, "FUZZ").record;
  std::string xml;
  try {
    xml = dc::record_to_lrmx(r);
  } catch (const cadrekit::InvalidInput &) {
    return;  // e.g. a control character the form cannot carry on export
  }
  dc::Record once = dc::read_lrmx(xml, "FUZZ").record;
  std::string xml2 = dc::record_to_lrmx(once);
  check(dc::read_lrmx(xml2, "FUZZ").record == once);
  check(xml2 == dc::record_to_lrmx(dc::read_lrmx(xml2, "FUZZ").record));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const cadrekit::Policy policy = cadrekit::Policy::default_profile();
  static const cadrekit::WorkCalendar calendar = cadrekit::WorkCalendar::china();
  std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    switch (size % 8) {
      case 0: (void)dc::validate_json(text, policy); break;  // never throws for bad data
      case 1: record_round_trip(text); break;
      case 2: case_round_trip(text); break;
      case 3: lrmx(text); break;
      case 4: {  // a case and an action, separated by the first NUL byte
        std::size_t nul = text.find('\0');
        if (nul == std::string_view::npos) break;
        (void)dc::case_apply_explained_json(text.substr(0, nul), text.substr(nul + 1), calendar,
                                            policy);
        break;
      }
      case 5: (void)dc::notice_json(text, calendar, policy); break;
      case 6: (void)dc::plan_round_json(text, calendar, policy); break;
      default: (void)dc::case_open_json(text, policy); break;
    }
  } catch (const cadrekit::Error &) {
  }
  return 0;
}
