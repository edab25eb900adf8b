// The command line's .xlsx output (see xlsx_write.hpp).
#include "xlsx_write.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cadrekit/core/version.hpp"
#include "labels.hpp"

namespace cadrekit::cli {

namespace {


// Excel's limits on one cell and one sheet.
constexpr std::size_t kMaxCellChars = 32767;
constexpr std::size_t kMaxColumns = 16384;
// Column widths are fitted to the header and the first rows only: a million-row table is not
// read twice.
constexpr std::size_t kWidthSampleRows = 2000;
constexpr double kMaxWidth = 80;

const char *text_of(const char *zh, const char *en, std::string_view lang) { return lang == "en" ? en : zh; }

// Characters shown in a cell (UTF-8 code points), the CJK and full-width ones counted twice;
// of the longest line.
double display_width(std::string_view s) {
  double best = 0, w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) len = 4, cp = c & 0x07u;
    else if (c >= 0xE0) len = 3, cp = c & 0x0Fu;
    else if (c >= 0xC0) len = 2, cp = c & 0x1Fu;
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += len;
    if (cp == '\n') {
      best = std::max(best, w);
      w = 0;
      continue;
    }
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    w += wide ? 2 : 1;
  }
  return std::max(best, w);
}

std::size_t utf8_chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The number a number cell's text is, when a double holds it exactly as written: an integer
// within ±2^53, or a plain decimal of at most 15 significant digits (the double nearest to it
// reads back as the same decimal). Anything else (a fraction "7/3", a longer decimal) stays text.
std::optional<double> exact_number(const std::string &t) {
  std::size_t i = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  std::size_t digits = 0, dots = 0, significant = 0;
  bool leading = true;
  for (std::size_t k = i; k < t.size(); ++k) {
    if (t[k] == '.') {
      if (++dots > 1) return std::nullopt;
      continue;
    }
    if (t[k] < '0' || t[k] > '9') return std::nullopt;
    ++digits;
    if (t[k] != '0') leading = false;
    if (!leading) ++significant;
  }
  if (digits == 0 || t.back() == '.' || t[i] == '.') return std::nullopt;
  if (dots == 0) {
    if (digits > 16) return std::nullopt;
    const long long v = std::stoll(t);
    constexpr long long kMax = 1LL << 53;
    if (v > kMax || v < -kMax) return std::nullopt;
    return static_cast<double>(v);
  }
  if (significant > 15) return std::nullopt;
  return std::strtod(t.c_str(), nullptr);
}

// A date cell's ISO text as Excel's date, when Excel has it (1900-01-01 onwards).
std::optional<lxw_datetime> excel_date(const std::string &iso) {
  if (iso.size() != 10) return std::nullopt;
  const int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
            d = std::atoi(iso.substr(8, 2).c_str());
  if (y < 1900 || y > 9999) return std::nullopt;
  return lxw_datetime{y, m, d, 0, 0, 0.0};
}

std::string tmp_dir() {
  const char *t = std::getenv("TMPDIR");
  return t && *t ? std::string(t) : std::string("/tmp");
}

// A private temporary file, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = tmp_dir() + "/cadrekit-xlsx-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw InvalidInput("cannot create a temporary file for the workbook (TMPDIR)", "--format xlsx");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  const std::string &path() const { return path_; }

 private:
  std::string path_;
};

// The workbook, closed (and its memory freed) in all cases.
class Book {
 public:
  Book(const std::string &file, const std::string &tmpdir) : tmpdir_(tmpdir) {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;  // rows go to disk as written: a table of any size in bounded memory
    opt.tmpdir = tmpdir_.data();
    opt.use_zip64 = LXW_TRUE;
    wb_ = workbook_new_opt(file.c_str(), &opt);
    if (wb_ == nullptr) throw InvalidInput("cannot create the workbook", "--format xlsx");
  }
  ~Book() {
    if (wb_ != nullptr) workbook_close(wb_);
  }
  Book(const Book &) = delete;
  Book &operator=(const Book &) = delete;
  lxw_workbook *get() const { return wb_; }
  void close() {
    const lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) throw InvalidInput(std::string("cannot write the workbook: ") + lxw_strerror(e), "--format xlsx");
  }

 private:
  std::string tmpdir_;
  lxw_workbook *wb_ = nullptr;
};

std::string cell_name(std::size_t row, std::size_t col) {
  std::string letters;
  for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

void check(lxw_error e, const std::string &column, std::size_t row, std::size_t col) {
  if (e == LXW_NO_ERROR) return;
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    throw InvalidInput("a text longer than the 32,767 characters a cell holds", column, "xlsx cell " + cell_name(row, col));
  throw InvalidInput(std::string("cannot write the cell: ") + lxw_strerror(e), column, "xlsx cell " + cell_name(row, col));
}

void write_text(lxw_worksheet *ws, std::size_t row, std::size_t col, const std::string &text, lxw_format *f,
                const std::string &column) {
  if (text.empty()) return;
  if (utf8_chars(text) > kMaxCellChars)
    throw InvalidInput("a text longer than the 32,767 characters a cell holds", column, "xlsx cell " + cell_name(row, col));
  // Always a string: a text beginning with = + - @ is never a formula.
  check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text.c_str(), f), column,
        row, col);
}

// The notes sheet: what produced the table, so that a workbook sent on explains itself.
void write_notes(lxw_workbook *wb, const IoOptions &io, lxw_format *bold, lxw_format *date_fmt) {
  const std::string_view lang = io.lang;
  auto T = [&](const char *zh, const char *en) { return std::string(text_of(zh, en, lang)); };
  lxw_worksheet *ws = workbook_add_worksheet(wb, text_of("说明", "Notes", lang));
  const RunNotes &n = io.notes;
  std::size_t row = 0;
  auto line = [&](const std::string &key, const std::string &value) {
    write_text(ws, row, 0, key, bold, "notes");
    write_text(ws, row, 1, value, nullptr, "notes");
    ++row;
  };
  worksheet_set_column(ws, 0, 0, 16, nullptr);
  worksheet_set_column(ws, 1, 1, 48, nullptr);
  worksheet_set_column(ws, 2, 6, 14, nullptr);
  line(T("命令", "Command"), n.command_line.empty() ? T("（未记录）", "(not recorded)") : n.command_line);
  line(T("cadrekit 版本", "cadrekit version"), version_string);
  if (!n.uses_policy) {
    line(T("政策配置", "Policy profile"), T("本命令不使用政策配置", "this command uses no policy profile"));
  } else {
    line(T("政策配置", "Policy profile"), n.profile);
    for (const auto &s : n.sources) line(T("配置来源", "Profile source"), s);
    for (const auto &s : n.sets) line("--set", s);
  }
  if (!n.as_of.empty()) {
    write_text(ws, row, 0, T("基准日", "As of"), bold, "notes");
    if (auto d = excel_date(n.as_of)) check(worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), 1, &*d, date_fmt), "notes", row, 1);
    else write_text(ws, row, 1, n.as_of, nullptr, "notes");
    ++row;
  }
  if (!n.uses_policy) return;
  ++row;
  if (n.parameters.empty()) {
    line(T("参数", "Parameters"), T("本表不列参数", "this table lists no parameters"));
    return;
  }
  const std::string heads[] = {T("参数", "Parameter"), T("名称", "Label"), T("取值", "Value"), T("单位", "Unit"),
                               T("条款", "Clause"), T("生效日期", "Since"), T("假设值", "Assumed")};
  for (std::size_t c = 0; c < std::size(heads); ++c) write_text(ws, row, c, heads[c], bold, "notes");
  ++row;
  for (const ParamNote &p : n.parameters) {
    write_text(ws, row, 0, p.used.name, nullptr, "notes");
    write_text(ws, row, 1, lang == "en" ? p.label_en : p.label_zh, nullptr, "notes");
    write_text(ws, row, 2, p.used.value, nullptr, "notes");  // as the profile writes it ("1/3", "0.35")
    write_text(ws, row, 3, p.used.unit, nullptr, "notes");
    write_text(ws, row, 4, p.used.clause, nullptr, "notes");
    if (auto d = excel_date(to_iso(p.used.effective_from)))
      check(worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), 5, &*d, date_fmt), "notes", row, 5);
    check(worksheet_write_boolean(ws, static_cast<lxw_row_t>(row), 6, p.used.assumed ? 1 : 0, nullptr), "notes", row, 6);
    ++row;
  }
}

}  // namespace

void write_xlsx(std::ostream &out, const OutTable &t, const IoOptions &io) {
  write_xlsx(out, {XlsxSheet{io.lang == "en" ? "Table" : "表", &t}}, io);
}

void write_xlsx(std::ostream &out, const std::vector<XlsxSheet> &sheets, const IoOptions &io) {
  for (const XlsxSheet &sh : sheets) {
    const OutTable &t = *sh.table;
    if (t.rows.size() > kXlsxMaxRows)
      throw InvalidInput("the table has " + std::to_string(t.rows.size()) +
                             " rows, more than the 1,048,575 a worksheet holds below its header (xlsx.max_rows); "
                             "write CSV instead",
                         "--format xlsx");
    if (t.columns.size() > kMaxColumns || t.columns.empty())
      throw InvalidInput("a worksheet holds 1 to 16,384 columns", "--format xlsx");
  }
  TempFile tmp;
  {
    Book book(tmp.path(), tmp_dir());
    lxw_workbook *wb = book.get();
    // The creation time is the as-of date when there is one, not the clock: the same run gives
    // the same workbook.
    lxw_doc_properties props{};
    struct tm when{};
    when.tm_year = 80;  // 1980-01-01, the earliest a zip entry records, without an as-of date
    when.tm_mday = 1;
    if (io.notes.as_of.size() == 10) {
      when.tm_year = std::atoi(io.notes.as_of.substr(0, 4).c_str()) - 1900;
      when.tm_mon = std::atoi(io.notes.as_of.substr(5, 2).c_str()) - 1;
      when.tm_mday = std::atoi(io.notes.as_of.substr(8, 2).c_str());
    }
    props.created = timegm(&when);
    workbook_set_properties(wb, &props);

    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *money_fmt = workbook_add_format(wb);
    format_set_num_format(money_fmt, "\xC2\xA5#,##0.00");  // ¥#,##0.00
    lxw_format *date_fmt = workbook_add_format(wb);
    format_set_num_format(date_fmt, "yyyy-mm-dd");

    for (const XlsxSheet &sh : sheets) {
      const OutTable &t = *sh.table;
      const std::size_t ncols = t.columns.size();
      lxw_worksheet *ws = workbook_add_worksheet(wb, sh.name.c_str());
      if (ws == nullptr) throw InvalidInput("not a sheet name Excel accepts", "--format xlsx", sh.name);
      // Widths: the header and the first rows, before any row is written (constant-memory mode).
      std::vector<std::string> headers(ncols);
      std::vector<double> width(ncols, 0);
      for (std::size_t c = 0; c < ncols; ++c) {
        const char *label = column_label(t.columns[c], io.lang);
        headers[c] = label ? label : t.columns[c];
        width[c] = display_width(headers[c]) + 2;  // room for the autofilter's button
      }
      for (std::size_t r = 0; r < t.rows.size() && r < kWidthSampleRows; ++r)
        for (std::size_t c = 0; c < ncols && c < t.rows[r].size(); ++c) {
          const Cell &cell = t.rows[r][c];
          double w = display_width(cell.text);
          if (cell.kind == Cell::Kind::money) w += 1 + static_cast<double>(cell.text.size()) / 3;  // ¥ and thousands commas
          width[c] = std::max(width[c], w);
        }
      for (std::size_t c = 0; c < ncols; ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::min(kMaxWidth, std::max(6.0, width[c] + 1)), nullptr);
      worksheet_freeze_panes(ws, 1, 0);
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(ncols - 1));

      for (std::size_t c = 0; c < ncols; ++c) write_text(ws, 0, c, headers[c], bold, t.columns[c]);
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::size_t row = r + 1;
        const auto xr = static_cast<lxw_row_t>(row);
        for (std::size_t c = 0; c < ncols && c < t.rows[r].size(); ++c) {
          const Cell &cell = t.rows[r][c];
          const auto xc = static_cast<lxw_col_t>(c);
          const std::string &column = t.columns[c];
          switch (cell.kind) {
            case Cell::Kind::null: break;
            case Cell::Kind::boolean:
              check(worksheet_write_boolean(ws, xr, xc, cell.text == "true" ? 1 : 0, nullptr), column, row, c);
              break;
            case Cell::Kind::money: {
              constexpr std::int64_t kExact = std::int64_t{1} << 53;
              // fen / 100 from the exact integer: the double nearest the amount, shown to the fen.
              if (cell.fen <= kExact && cell.fen >= -kExact)
                check(worksheet_write_number(ws, xr, xc, static_cast<double>(cell.fen) / 100.0, money_fmt), column, row, c);
              else
                write_text(ws, row, c, cell.text, nullptr, column);
              break;
            }
            case Cell::Kind::number: {
              if (auto v = exact_number(cell.text)) check(worksheet_write_number(ws, xr, xc, *v, nullptr), column, row, c);
              else write_text(ws, row, c, cell.text, nullptr, column);
              break;
            }
            case Cell::Kind::date: {
              if (auto d = excel_date(cell.text)) check(worksheet_write_datetime(ws, xr, xc, &*d, date_fmt), column, row, c);
              else write_text(ws, row, c, cell.text, nullptr, column);  // before 1900: Excel has no such date
              break;
            }
            default: write_text(ws, row, c, cell.text, nullptr, column);
          }
        }
      }
    }
    write_notes(wb, io, bold, date_fmt);
    book.close();
  }
  std::ifstream in(tmp.path(), std::ios::binary);
  if (!in) throw InvalidInput("cannot read the workbook back from its temporary file", "--format xlsx");
  out << in.rdbuf();
  if (!out) throw InvalidInput("cannot write the workbook", "--format xlsx");
}

}  // namespace cadrekit::cli
