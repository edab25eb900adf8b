// The .xlsx reader of the command line (see xlsx_read.hpp).
#include "xlsx_read.hpp"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/encoding.hpp"
#include "core/xml.hpp"

namespace cadrekit::cli::xlsx {

namespace {

constexpr std::uint32_t kMaxRows = 1'048'576;  // Excel's grid
constexpr std::uint32_t kMaxCols = 16'384;     // A … XFD
constexpr std::size_t kSmallPart = std::size_t{64} << 20;  // workbook, relationships, styles

[[noreturn]] void refuse(const std::string &message, const std::string &place, const std::string &file) {
  throw InvalidInput(message, place, file);
}

// "{uri}local" or "prefix:local" → "local".
std::string_view local(std::string_view name) {
  const std::size_t brace = name.rfind('}');
  if (brace != std::string_view::npos) return name.substr(brace + 1);
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view attribute(std::span<const xml::Attribute> attrs, std::string_view name) {
  for (const auto &a : attrs)
    if (local(a.name) == name) return a.value;
  return {};
}
bool has_attribute(std::span<const xml::Attribute> attrs, std::string_view name) {
  return std::any_of(attrs.begin(), attrs.end(), [&](const xml::Attribute &a) { return local(a.name) == name; });
}

bool truthy(std::string_view v) { return v == "1" || v == "true"; }

// ---- the zip -------------------------------------------------------------------------------

class Archive {
 public:
  Archive(std::string_view bytes, const std::string &file, const Limits &limits) : file_(file), limits_(limits) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) {
      zip_error_fini(&err);
      refuse("cannot read the workbook", "xlsx", file_);
    }
    za_ = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (za_ == nullptr) {
      zip_source_free(src);
      zip_error_fini(&err);
      refuse("not an .xlsx workbook (not a readable zip archive)", "xlsx", file_);
    }
    zip_error_fini(&err);
    const zip_int64_t n = zip_get_num_entries(za_, 0);
    if (n < 0 || static_cast<std::uint64_t>(n) > limits_.max_entries)
      refuse("the workbook's zip lists more than " + std::to_string(limits_.max_entries) +
                 " parts (xlsx.max_entries)",
             "xlsx", file_);
  }
  ~Archive() {
    if (za_ != nullptr) zip_discard(za_);
  }
  Archive(const Archive &) = delete;
  Archive &operator=(const Archive &) = delete;

  bool has(const std::string &part) const { return locate(part) >= 0; }

  // Streams the part to `parser` in pieces, counting what it inflates to: never more than
  // `limit` bytes, and never more than xlsx.max_total_bytes for the whole workbook.
  void stream(const std::string &part, xml::Handler &handler, std::size_t limit, xml::Limits xl = {}) {
    const zip_int64_t index = locate(part);
    if (index < 0) refuse("the workbook has no part " + part, part, file_);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > limit)
      refuse(too_large(limit), part, file_);
    zip_file_t *f = zip_fopen_index(za_, static_cast<zip_uint64_t>(index), 0);
    if (f == nullptr) refuse("cannot read this part (compressed in a way cadrekit does not read, or encrypted)", part, file_);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> guard(f, zip_fclose);
    xl.max_bytes = limit;
    xml::Options options;
    options.limits = xl;
    options.namespaces = true;
    xml::StreamParser parser(handler, options, file_ + ":" + part);
    std::vector<char> buf(std::size_t{1} << 16);
    std::size_t read = 0;
    for (;;) {
      const zip_int64_t got = zip_fread(f, buf.data(), buf.size());
      if (got < 0) refuse("this part is damaged (it does not inflate, or its checksum is wrong)", part, file_);
      if (got == 0) break;
      read += static_cast<std::size_t>(got);
      total_ += static_cast<std::size_t>(got);
      if (read > limit) refuse(too_large(limit), part, file_);
      if (total_ > limits_.max_total_bytes)
        refuse("the workbook inflates to more than " + std::to_string(limits_.max_total_bytes >> 20) +
                   " MiB (xlsx.max_total_bytes)",
               part, file_);
      parser.feed(std::string_view(buf.data(), static_cast<std::size_t>(got)));
    }
    parser.finish();
  }

 private:
  zip_int64_t locate(const std::string &part) const {
    zip_int64_t i = zip_name_locate(za_, part.c_str(), 0);
    if (i < 0) i = zip_name_locate(za_, part.c_str(), ZIP_FL_NOCASE);
    return i;
  }
  static std::string too_large(std::size_t limit) {
    return "this part inflates to more than " + std::to_string(limit >> 20) + " MiB (xlsx.max_part_bytes)";
  }

  zip_t *za_ = nullptr;
  const std::string &file_;
  const Limits &limits_;
  std::size_t total_ = 0;
};

// ---- relationships, workbook, styles, shared strings ---------------------------------------

struct Relationship {
  std::string id, type, target;
};

class RelsReader : public xml::Handler {
 public:
  std::vector<Relationship> rels;
  void start_element(std::string_view name, std::span<const xml::Attribute> a, std::size_t) override {
    if (local(name) != "Relationship") return;
    rels.push_back({std::string(attribute(a, "Id")), std::string(attribute(a, "Type")),
                    std::string(attribute(a, "Target"))});
  }
  void end_element(std::string_view) override {}
  void text(std::string_view) override {}
};

bool type_is(const Relationship &r, std::string_view what) {
  return r.type.size() > what.size() && r.type.compare(r.type.size() - what.size(), what.size(), what) == 0 &&
         r.type[r.type.size() - what.size() - 1] == '/';
}

// A relationship's target as a part name: relative to the folder of `base` (a part name), or
// absolute when it begins with "/"; "." and ".." resolved.
std::string resolve(const std::string &base, const std::string &target) {
  std::string path = target.starts_with('/') ? target.substr(1) : base.substr(0, base.rfind('/') + 1) + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(std::move(seg));
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// The part's relationships part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string rels_of(const std::string &part) {
  const std::size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + name + ".rels";
}

struct SheetEntry {
  std::string name, rel_id;
  bool hidden = false;
};

class WorkbookReader : public xml::Handler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false, recalc_on_load = false;
  void start_element(std::string_view name, std::span<const xml::Attribute> a, std::size_t) override {
    const std::string_view n = local(name);
    if (n == "sheet") {
      const std::string_view state = attribute(a, "state");
      sheets.push_back({std::string(attribute(a, "name")), std::string(attribute(a, "id")),
                        state == "hidden" || state == "veryHidden"});
    } else if (n == "workbookPr") {
      date1904 = truthy(attribute(a, "date1904"));
    } else if (n == "calcPr") {
      recalc_on_load = truthy(attribute(a, "fullCalcOnLoad"));
    }
  }
  void end_element(std::string_view) override {}
  void text(std::string_view) override {}
};

// Excel's built-in number formats that show a date or a time (ECMA-376 18.8.30, with the ids
// the East Asian versions use for their date formats).
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format code shows a date or time when, outside quoted text, escapes and [...]
// sections (colours, conditions, locales), it uses a date or time letter.
bool custom_date_format(std::string_view code) {
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a fill/space width)
    } else if (c == '[') {
      const std::size_t end = code.find(']', i);
      if (end == std::string_view::npos) return false;
      const std::string_view inside = code.substr(i + 1, end - i - 1);
      // [h], [mm], [ss]: elapsed time
      if (!inside.empty() && std::all_of(inside.begin(), inside.end(), [](char x) {
            return x == 'h' || x == 'H' || x == 'm' || x == 'M' || x == 's' || x == 'S';
          }))
        return true;
      i = end;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      switch (c) {
        case 'y': case 'Y': case 'd': case 'D': case 'm': case 'M': case 'h': case 'H': case 's': case 'S':
        case 'e':  // era year (East Asian formats)
          return true;
        default: break;
      }
    }
  }
  return false;
}

class StylesReader : public xml::Handler {
 public:
  std::unordered_map<int, bool> custom;  // numFmtId → is a date
  std::vector<int> xf_format;            // cellXfs index → numFmtId
  void start_element(std::string_view name, std::span<const xml::Attribute> a, std::size_t) override {
    const std::string_view n = local(name);
    if (n == "numFmt") {
      int id = 0;
      const std::string_view v = attribute(a, "numFmtId");
      std::from_chars(v.data(), v.data() + v.size(), id);
      const std::string_view code = attribute(a, "formatCode");
      custom[id] = code != "General" && custom_date_format(code);
    } else if (n == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (n == "xf" && in_cell_xfs_) {
      int id = 0;
      const std::string_view v = attribute(a, "numFmtId");
      std::from_chars(v.data(), v.data() + v.size(), id);
      xf_format.push_back(id);
    }
  }
  void end_element(std::string_view name) override {
    if (local(name) == "cellXfs") in_cell_xfs_ = false;
  }
  void text(std::string_view) override {}
  bool is_date(std::size_t style) const {
    if (style >= xf_format.size()) return false;
    const int id = xf_format[style];
    const auto it = custom.find(id);
    return it != custom.end() ? it->second : builtin_date_format(id);
  }

 private:
  bool in_cell_xfs_ = false;
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// OOXML's escapes of characters XML cannot hold (ST_Xstring): "_x000D_" is a carriage return,
// "_x005F_" an underscore. A surrogate pair of escapes is one character; a lone surrogate or
// NUL is refused (no cell holds one).
std::string unescape(std::string s, const std::string &place, const std::string &file) {
  if (s.find("_x") == std::string::npos) return s;
  auto code_at = [&](std::size_t i) -> int {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const int d = hex_digit(s[k]);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const int c = code_at(i);
    if (c < 0) {
      out += s[i++];
      continue;
    }
    char32_t ch = static_cast<char32_t>(c);
    i += 7;
    if (c >= 0xD800 && c <= 0xDBFF) {
      const int low = code_at(i);
      if (low < 0xDC00 || low > 0xDFFF) refuse("a text with half of a surrogate pair (_xD800_)", place, file);
      ch = 0x10000 + ((static_cast<char32_t>(c) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
      i += 7;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      refuse("a text with half of a surrogate pair (_xDC00_)", place, file);
    } else if (c == 0) {
      refuse("a NUL character in a text (_x0000_)", place, file);
    }
    detail::append_utf8(out, ch);
  }
  return out;
}

// Collects the text of <t> elements inside `item` elements ("si" in the shared strings, "is" in
// a cell), leaving out phonetic runs (<rPh>): the reading aids of East Asian text.
class TextCollector {
 public:
  void start(std::string_view n) {
    if (n == "rPh") ++phonetic_;
    else if (n == "t" && phonetic_ == 0) in_t_ = true;
  }
  void end(std::string_view n) {
    if (n == "rPh") --phonetic_;
    else if (n == "t") in_t_ = false;
  }
  void text(std::string_view piece) {
    if (in_t_) value += piece;
  }
  std::string value;

 private:
  int phonetic_ = 0;
  bool in_t_ = false;
};

class SharedStringsReader : public xml::Handler {
 public:
  SharedStringsReader(const std::string &file, const Limits &limits) : file_(file), limits_(limits) {}
  std::vector<std::string> strings;
  void start_element(std::string_view name, std::span<const xml::Attribute>, std::size_t) override {
    const std::string_view n = local(name);
    if (n == "si") {
      in_si_ = true;
      text_ = TextCollector{};
    } else if (in_si_) {
      text_.start(n);
    }
  }
  void end_element(std::string_view name) override {
    const std::string_view n = local(name);
    if (n == "si") {
      if (strings.size() >= limits_.max_cells)
        refuse("more shared strings than the limit of " + std::to_string(limits_.max_cells) + " (xlsx.max_cells)",
               "sharedStrings", file_);
      strings.push_back(unescape(std::move(text_.value), "shared string " + std::to_string(strings.size()), file_));
      in_si_ = false;
    } else if (in_si_) {
      text_.end(n);
    }
  }
  void text(std::string_view piece) override {
    if (in_si_) text_.text(piece);
  }

 private:
  const std::string &file_;
  const Limits &limits_;
  bool in_si_ = false;
  TextCollector text_;
};

// ---- cells ---------------------------------------------------------------------------------

// "B17" → (1, 17); false when it is not a cell reference within Excel's grid.
bool parse_ref(std::string_view ref, std::uint32_t &col, std::uint32_t &row) {
  std::size_t i = 0;
  std::uint32_t c = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    const char up = static_cast<char>(ref[i] & ~0x20);
    c = c * 26 + static_cast<std::uint32_t>(up - 'A' + 1);
    if (c > kMaxCols) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  std::uint32_t r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + static_cast<std::uint32_t>(ref[i] - '0');
    if (r > kMaxRows) return false;
  }
  if (r == 0) return false;
  col = c - 1;
  row = r;
  return true;
}

bool parse_uint(std::string_view s, std::uint64_t &out) {
  if (s.empty()) return false;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string number_text(double v) {
  if (v == 0) return "0";
  char buf[64];
  // d.dddddddddddddde±XX: 15 significant digits
  const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific, 14);
  const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  const std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exp);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  // value = 0.digits × 10^(exp+1)
  const int point = exp + 1;  // digits before the decimal point
  std::string out = v < 0 ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

// The 1900 system counts from 1899-12-31 with Lotus 1-2-3's 1900-02-29 (serial 60) kept, the
// 1904 system from 1904-01-01.
std::string serial_text(double serial, bool date1904) {
  if (!(serial >= 0) || serial > 2958465.99999) return {};  // 9999-12-31
  double whole = std::floor(serial);
  auto seconds = static_cast<std::int64_t>(std::llround((serial - whole) * 86400.0));
  if (seconds == 86400) {
    whole += 1;
    seconds = 0;
  }
  auto day = static_cast<std::int32_t>(whole);
  std::string out;
  if (!date1904 && day == 60) return {};  // 1900-02-29 does not exist
  if (date1904 || day > 0) {
    // days since 1970-01-01: 1899-12-30 is day -25569 (serials after the phantom leap day),
    // 1899-12-31 for the ones before it; 1904-01-01 is day -24107
    const std::int32_t epoch = date1904 ? -24107 : (day > 60 ? -25569 : -25568);
    out = to_iso(from_days(epoch + day));
  }
  if (seconds != 0 || out.empty()) {
    char t[16];
    std::snprintf(t, sizeof t, "%02d:%02d:%02d", static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60));
    out += out.empty() ? t : std::string(" ") + t;
  }
  return out;
}

namespace {

class SheetReader : public xml::Handler {
 public:
  SheetReader(Sheet &sheet, const std::vector<std::string> &strings, const StylesReader &styles, bool date1904,
              bool recalc, const std::string &file, const Limits &limits)
      : sheet_(sheet), strings_(strings), styles_(styles), date1904_(date1904), recalc_(recalc), file_(file),
        limits_(limits) {}

  void start_element(std::string_view name, std::span<const xml::Attribute> a, std::size_t) override {
    const std::string_view n = local(name);
    if (in_cell_) {
      if (in_is_) {
        inline_.start(n);
      } else if (n == "v") {
        in_v_ = true;
        has_v_ = true;
      } else if (n == "f") {
        has_f_ = true;
      } else if (n == "is") {
        in_is_ = true;
        inline_ = TextCollector{};
      }
      return;
    }
    if (n == "c") {
      start_cell(a);
    } else if (n == "row") {
      std::uint64_t r = 0;
      const std::string_view rv = attribute(a, "r");
      if (rv.empty()) r = row_ + 1;
      else if (!parse_uint(rv, r) || r == 0 || r > kMaxRows)
        refuse("a row number outside Excel's grid", place_row(row_ + 1), file_);
      if (r <= row_) refuse("rows out of order (each row must come after the one above it)", place_row(r), file_);
      row_ = static_cast<std::uint32_t>(r);
      col_ = kNone;
      current_ = SheetRow{row_, {}, {}};
    } else if (n == "mergeCell") {
      const std::string_view ref = attribute(a, "ref");
      const std::size_t colon = ref.find(':');
      Merge m{};
      if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), m.first_col, m.first_row) ||
          !parse_ref(ref.substr(colon + 1), m.last_col, m.last_row))
        return;  // a merge the sheet cannot hold changes nothing the reader gives
      --m.first_row;
      --m.last_row;
      sheet_.merges.push_back(m);
    }
  }

  void end_element(std::string_view name) override {
    const std::string_view n = local(name);
    if (in_cell_) {
      if (n == "c") return end_cell();
      if (in_is_) {
        if (n == "is") in_is_ = false;
        else inline_.end(n);
      } else if (n == "v") {
        in_v_ = false;
      }
      return;
    }
    if (n == "row" && !current_.cells.empty()) sheet_.rows.push_back(std::move(current_));
    if (n == "row") current_ = SheetRow{};
  }

  void text(std::string_view piece) override {
    if (!in_cell_) return;
    if (in_is_) inline_.text(piece);
    else if (in_v_) value_ += piece;
  }

 private:
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

  std::string place_row(std::uint64_t row) const { return sheet_.name + "!" + std::to_string(row) + ":" + std::to_string(row); }
  std::string place() const { return sheet_.name + "!" + cell_name(cell_col_, row_); }

  void start_cell(std::span<const xml::Attribute> a) {
    if (row_ == 0) refuse("a cell outside a row", sheet_.name, file_);
    const std::string_view ref = attribute(a, "r");
    std::uint32_t col = col_ == kNone ? 0 : col_ + 1, row = row_;
    if (!ref.empty()) {
      if (!parse_ref(ref, col, row)) refuse("a cell reference outside Excel's grid", place_row(row_), file_);
      if (row != row_) refuse("a cell whose reference is not in its row", place_row(row_), file_);
    }
    if (col >= kMaxCols) refuse("a cell beyond Excel's last column (XFD)", place_row(row_), file_);
    if (col_ != kNone && col <= col_)
      refuse("cells out of order (each cell must come after the one on its left)", sheet_.name + "!" + cell_name(col, row_), file_);
    col_ = cell_col_ = col;
    type_ = attribute(a, "t");
    std::uint64_t s = 0;
    style_ = has_attribute(a, "s") && parse_uint(attribute(a, "s"), s) ? static_cast<std::size_t>(s) : 0;
    in_cell_ = true;
    in_v_ = in_is_ = has_v_ = has_f_ = false;
    value_.clear();
  }

  void end_cell() {
    in_cell_ = false;
    // openpyxl writes <v></v>: no value either
    if (has_f_ && (!has_v_ || (type_ != "str" && trimmed(value_).empty())))
      refuse("a formula without a saved value (open the workbook in Excel or LibreOffice and save it, or paste "
             "the values)",
             place(), file_);
    if (has_f_ && recalc_)
      refuse("a formula whose saved value is a placeholder: the workbook asks to be recalculated when it is "
             "opened (open it in Excel or LibreOffice and save it, or paste the values)",
             place(), file_);
    std::string text = cell_text();
    if (text.empty()) return;
    if (++cells_ > limits_.max_cells)
      refuse("more cells than the limit of " + std::to_string(limits_.max_cells) + " (xlsx.max_cells)", place(), file_);
    current_.cells.emplace_back(cell_col_, std::move(text));
    if (plain_number_) current_.numbers.push_back(cell_col_);
  }

  std::string cell_text() {
    plain_number_ = false;
    if (type_ == "s") {
      if (!has_v_) return {};
      std::uint64_t i = 0;
      if (!parse_uint(trimmed(value_), i) || i >= strings_.size())
        refuse("a reference to a shared string the workbook does not have", place(), file_);
      return strings_[static_cast<std::size_t>(i)];
    }
    if (type_ == "inlineStr") return unescape(std::move(inline_.value), place(), file_);
    if (type_ == "str") return unescape(std::move(value_), place(), file_);
    if (!has_v_) return {};
    const std::string_view v = trimmed(value_);
    if (type_ == "b") {
      if (v == "1") return "TRUE";
      if (v == "0") return "FALSE";
      refuse("a boolean cell that is neither 0 nor 1", place(), file_);
    }
    if (type_ == "e") refuse("an error value in the cell (" + std::string(v.substr(0, 16)) + ")", place(), file_);
    if (type_ == "d") {  // an ISO 8601 date-time cell: its date, and its time when it has one
      std::string d(v);
      if (d.size() > 10 && d[10] == 'T') d = d.substr(11).find_first_not_of("0:.Z") == std::string::npos ? d.substr(0, 10) : d.substr(0, 10) + " " + d.substr(11, 8);
      return d;
    }
    if (!type_.empty() && type_ != "n") refuse("a cell of a type cadrekit does not read", place(), file_);
    double x = 0;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(x))
      refuse("a number cell whose value is not a number", place(), file_);
    if (styles_.is_date(style_)) {
      std::string d = serial_text(x, date1904_);
      if (d.empty()) refuse("a date cell outside the dates Excel shows (1900-01-01 to 9999-12-31)", place(), file_);
      return d;
    }
    plain_number_ = true;
    return number_text(x);
  }

  static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  Sheet &sheet_;
  const std::vector<std::string> &strings_;
  const StylesReader &styles_;
  bool date1904_, recalc_;
  bool plain_number_ = false;  ///< the cell just read is a number without a date format
  const std::string &file_;
  const Limits &limits_;
  std::uint32_t row_ = 0, col_ = kNone, cell_col_ = 0;
  std::size_t cells_ = 0, style_ = 0;
  SheetRow current_;
  bool in_cell_ = false, in_v_ = false, in_is_ = false, has_v_ = false, has_f_ = false;
  std::string type_, value_;
  TextCollector inline_;
};

}  // namespace

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }
bool is_ole(std::string_view bytes) { return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8); }

std::string cell_name(std::uint32_t col, std::uint32_t row) {
  std::string letters;
  for (std::uint32_t c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

Sheet read_sheet(std::string_view bytes, const std::string &file, const std::string &sheet, const Limits &limits) {
  if (is_ole(bytes))
    refuse("an Excel 97–2003 workbook (.xls) or a password-protected one: cadrekit reads .xlsx (save it as "
           ".xlsx or CSV, without a password)",
           "xlsx", file);
  if (!is_zip(bytes)) refuse("not an .xlsx workbook (not a zip archive)", "xlsx", file);
  Archive zip(bytes, file, limits);

  // The workbook part: the package's officeDocument relationship, usually xl/workbook.xml.
  std::string workbook = "xl/workbook.xml";
  if (zip.has("_rels/.rels")) {
    RelsReader root;
    zip.stream("_rels/.rels", root, kSmallPart);
    for (const auto &r : root.rels)
      if (type_is(r, "officeDocument")) workbook = resolve("", r.target);
  }
  WorkbookReader wb;
  zip.stream(workbook, wb, kSmallPart);
  RelsReader rels;
  zip.stream(rels_of(workbook), rels, kSmallPart);

  if (wb.sheets.empty()) refuse("the workbook has no sheet", workbook, file);
  const SheetEntry *chosen = nullptr;
  if (!sheet.empty()) {
    for (const auto &s : wb.sheets)
      if (s.name == sheet) chosen = &s;
    if (chosen == nullptr) {
      std::string names;
      for (const auto &s : wb.sheets) names += (names.empty() ? "" : ", ") + s.name;
      refuse("the workbook has no sheet of this name (its sheets: " + names + ")", "--sheet", file);
    }
  } else {
    for (const auto &s : wb.sheets)
      if (!s.hidden && chosen == nullptr) chosen = &s;
    if (chosen == nullptr) chosen = &wb.sheets.front();
  }
  const Relationship *target = nullptr;
  for (const auto &r : rels.rels)
    if (r.id == chosen->rel_id) target = &r;
  if (target == nullptr) refuse("the workbook names a sheet it does not contain", chosen->name, file);
  if (!type_is(*target, "worksheet"))
    refuse("not a worksheet (a chart or dialog sheet): name a sheet of cells with --sheet", chosen->name, file);

  std::vector<std::string> strings;
  StylesReader styles;
  for (const auto &r : rels.rels) {
    const std::string part = resolve(workbook, r.target);
    if (type_is(r, "sharedStrings") && zip.has(part)) {
      SharedStringsReader ss(file, limits);
      xml::Limits xl;
      xl.max_elements = limits.max_cells * 4 + 16;
      zip.stream(part, ss, limits.max_part_bytes, xl);
      strings = std::move(ss.strings);
    } else if (type_is(r, "styles") && zip.has(part)) {
      zip.stream(part, styles, kSmallPart);
    }
  }

  Sheet out;
  out.name = chosen->name;
  out.date1904 = wb.date1904;
  SheetReader reader(out, strings, styles, wb.date1904, wb.recalc_on_load, file, limits);
  xml::Limits xl;
  xl.max_elements = std::numeric_limits<std::size_t>::max();  // bounded by the part's bytes and max_cells
  zip.stream(resolve(workbook, target->target), reader, limits.max_part_bytes, xl);
  return out;
}

}  // namespace cadrekit::cli::xlsx
