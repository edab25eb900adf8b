// Fuzzes the tolerant .lrmx reader (disclosure::read_lrmx) and the XML layer under it on the
// fuzzer's exact buffer. Typed cadrekit errors are the expected answer for a bad form; for a form
// that reads, checked with abort(): the record's JSON parses back to the same JSON, the C
// entry point (ck_disclosure_lrmx_read_json) answers the same bytes, and the form's export reads
// back to a record whose export is a fixed point. Anything else — a crash, a hang, a sanitizer
// report, another exception — is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "cadrekit.h"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"

namespace dc = cadrekit::disclosure;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void fixed_point(const dc::Record &r) {
  std::string xml;
  try {
    xml = dc::record_to_lrmx(r);
  } catch (const cadrekit::InvalidInput &) {
    return;  // what the form cannot carry on export (an invalid ID number kept as given, …)
  }
  dc::Record once;
  try {
    once = dc::read_lrmx(xml, "FUZZ").record;
  } catch (const cadrekit::InvalidInput &) {
    // The export drops the day of month elements (documented): a party date in the month of
    // birth may then fall on or before the birth date. From here on every date is on the 1st.
    return;
  }
  const std::string xml2 = dc::record_to_lrmx(once);
  const dc::LrmxRead again = dc::read_lrmx(xml2, "FUZZ");
  check(again.record == once);
  check(dc::record_to_lrmx(again.record) == xml2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const char *bytes = reinterpret_cast<const char *>(data);
  std::string_view form(bytes, size);
  std::optional<dc::LrmxRead> read;
  int cpp_status = CK_OK;
  try {
    read = dc::read_lrmx(form, "FUZZ");
  } catch (const cadrekit::Error &e) {
    cpp_status = static_cast<int>(e.code());
  }
  // The C entry point gives the same answer for the same bytes.
  char *out = nullptr;
  const int status = ck_disclosure_lrmx_read_json(&out, size == 0 ? "" : bytes, size, "FUZZ");
  check(status == cpp_status);
  check(status != CK_OK || (out != nullptr && dc::lrmx_read_to_json(*read) == out));
  ck_free(out);
  if (!read) return 0;
  // A form that reads gives a record whose JSON reads back to it and whose export is a fixed
  // point after one cycle; neither may fail (an error here escapes and is reported).
  const std::string json = dc::record_to_json(read->record);
  check(dc::record_to_json(dc::record_from_json(json)) == json);
  for (const auto &w : read->warnings) check(!w.path.empty() && !w.code.empty());
  fixed_point(read->record);
  return 0;
}
