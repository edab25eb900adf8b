// The command line's table layer (see table.hpp).
#include "table.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <exception>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "cadrekit/core/number.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "core/encoding.hpp"
#include "core/json_read.hpp"
#include "core/text.hpp"
#include "labels.hpp"
#include "xlsx_read.hpp"
#include "xlsx_write.hpp"

namespace cadrekit::cli {

namespace json = boost::json;

namespace {
bool ends_with(const std::string &s, std::string_view suffix);  // case-insensitive, below
void add_lang_option(CLI::App *cmd, IoOptions &io) {
  if (cmd->get_option_no_throw("--lang") == nullptr)
    cmd->add_option("--lang", io.lang, "language of explanation text in CSV and of .xlsx headers and notes: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));
}
}  // namespace

void add_io_options(CLI::App *cmd, IoOptions &io) {
  cmd->add_option("--encoding", io.encoding, "input encoding: auto (UTF-8 if valid, else GB18030), utf-8, gb18030")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gb18030", "gbk"}));
  cmd->add_option("--input-format", io.input_format, "auto (by file extension or content), csv, json or xlsx")
      ->check(CLI::IsMember({"auto", "csv", "json", "xlsx"}));
  cmd->add_option("--sheet", io.sheet, "the sheet of an .xlsx workbook to read (default: the first visible one)");
  cmd->add_option("--header-row", io.header_row,
                  "the row (1-based; in a CSV, the line) that holds the column names; the rows above it are "
                  "not data (default: the first row, after a title of merged cells in a workbook)")
      ->check(CLI::PositiveNumber);
  CLI::Option *format = cmd->add_option("--format", io.format, "output: csv (default), json or xlsx (a workbook)")
                            ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("-o,--output", io.output,
                  "write the table to FILE (whole or not at all) instead of standard output; a FILE ending in "
                  ".xlsx means --format xlsx");
  add_output_checks(cmd, io, format);
  add_lang_option(cmd, io);
  cmd->add_flag("--strict", io.strict, "stop at the first bad row (exit 2) instead of reporting it and going on");
  cmd->add_flag("--bom", io.bom, "begin CSV output with a UTF-8 byte-order mark (for Excel)");
  cmd->add_flag("--row-path", io.row_path,
                "decide row by row, never by the columnar kernels (the same output, slower: for tests)")
      ->group("");
  cmd->add_flag("--raw-cells", io.raw_cells,
                "write CSV cells as they are (by default a text cell a spreadsheet would run as a formula, "
                "beginning with = + - @ TAB or CR, gets a leading ')");
}

void add_keep_option(CLI::App *cmd, IoOptions &io, const std::string &what) {
  cmd->add_option("--keep", io.keep,
                  "columns of " + what + " to copy unchanged to each output row (COL[,COL...]; the name column "
                  "is kept anyway); a column neither read nor kept is warned about")
      ->delimiter(',')
      ->type_name("COL[,COL...]");
}

void add_output_checks(CLI::App *cmd, IoOptions &io, CLI::Option *format) {
  // After the subcommand's options are parsed, before its action runs: a usage error costs no work.
  cmd->parse_complete_callback([&io, format] {
    if (format->count() == 0 && ends_with(io.output, ".xlsx")) io.format = "xlsx";
    if (io.format == "xlsx" && io.output.empty() && isatty(STDOUT_FILENO) == 1)
      throw CLI::ValidationError("--format xlsx",
                                 "a workbook is binary: give -o FILE.xlsx, or redirect standard output to a file");
  });
}

void add_explain_options(CLI::App *cmd, IoOptions &io) {
  cmd->add_flag("--explain", io.explain,
                "add each decision's explanation, short: the rules that fired and the parameters and inputs that "
                "decided (JSON output: the object; CSV: text)");
  cmd->add_flag_callback("--explain-full", [&io] { io.explain = io.explain_full = true; },
                         "--explain with every parameter and input read, zero factors included");
  add_lang_option(cmd, io);
}

Cell explanation_cell(const Explanation &ex, const IoOptions &io) {
  if (!io.explain_full && ex.has_detail()) return explanation_cell(ex.brief(), io);
  return io.format == "json" ? Cell::json(ex.to_json()) : Cell(ex.to_text(io.lang));
}

namespace {

std::string trim(std::string_view s) { return std::string(trimmed(s)); }

bool ends_with(const std::string &s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

// A record of a CSV file or a sheet: the line (or row) it starts on and its cells.
struct CsvRecord {
  std::size_t line;
  std::vector<std::string> cells;
  std::vector<std::uint32_t> numbers = {};  ///< a sheet's row: the columns of its number cells
};

bool blank_text(std::string_view c) {
  for (char ch : c)
    if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') return false;
  return true;
}

// A JSON table's value as the text of its cell, as a CSV file would hold it: a number as
// json_read::number_text() writes it (nullopt and `why` for one whose text cannot be known). A
// nested value (an object or an array) is its JSON text where `nested` is true (a column the
// command reads as JSON); elsewhere it is nullopt and `why`, in the C calls' words, never an id
// or a name made of its JSON.
std::optional<std::string> scalar_text(const json::value &v, bool nested, const char *&why) {
  switch (v.kind()) {
    case json::kind::string: return std::string(v.get_string());
    case json::kind::null: return std::string();
    case json::kind::bool_: return std::string(v.get_bool() ? "true" : "false");
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return json_read::number_text(v, why);
    default:
      if (nested) return json::serialize(v);
      why = "must be text or a number";
      return std::nullopt;
  }
}

}  // namespace

namespace {
// Asks for a large buffer in huge pages (where the system gives them on request): a fault per
// 2 MiB instead of per 4 KiB page as the file is read into it. Only a hint.
void huge_pages(std::string &buffer) {
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (buffer.capacity() < 4 * huge) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(buffer.data());
  const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = (begin + buffer.capacity()) & ~(huge - 1);
  if (last > first) (void)::madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
}
}  // namespace

std::string read_bytes(const std::string &file) {
  const std::string shown = file == "-" ? "<stdin>" : file;
  std::ifstream in;
  std::istream *src = &std::cin;
  if (file != "-") {
    // A table is a regular file within table.max_bytes: /dev/zero or a FIFO would be read
    // until memory runs out.
    std::error_code ec;
    const auto st = std::filesystem::status(file, ec);
    if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st))
      throw InvalidInput("not a regular file", "FILE", shown);
    if (!ec && std::filesystem::is_regular_file(st) && std::filesystem::file_size(file, ec) > kMaxTableBytes && !ec)
      throw InvalidInput("the file is larger than 1 GiB (table.max_bytes)", "FILE", shown);
    in.open(file, std::ios::binary);
    if (!in) throw InvalidInput("cannot read the file", "FILE", shown);
    src = &in;
  }
  std::string bytes;
  // The file's size and one byte (the CSV reader ends the last cell in place): read into one
  // buffer that never moves, so a table costs its size once.
  if (file != "-") {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size <= kMaxTableBytes) {
      bytes.reserve(static_cast<std::size_t>(size) + 1);
      huge_pages(bytes);
    }
  }
  char buf[1 << 16];
  while (src->read(buf, sizeof buf) || src->gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(src->gcount()));
    if (bytes.size() > kMaxTableBytes)  // standard input, or a file that grew
      throw InvalidInput("the input is larger than 1 GiB (table.max_bytes)", "FILE", shown);
  }
  if (src->bad()) throw InvalidInput("cannot read the file", "FILE", shown);
  return bytes;
}

std::string decode_text(std::string bytes, std::string_view encoding, const std::string &file) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) return std::move(bytes.erase(0, 3));
  auto at = [&](std::size_t offset) { return file + ":" + std::to_string(detail::line_of_offset(bytes, offset)); };
  auto from_gb18030 = [&] {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::size_t bad = 0;
    if (detail::gb18030_to_utf8(bytes, out, &bad)) return out;
    if (bad == std::string::npos) throw InvalidInput("this system's iconv cannot convert from GB18030", "--encoding", file);
    throw InvalidInput("bytes that are neither UTF-8 nor GB18030", "--encoding", at(bad));
  };
  if (encoding == "gb18030" || encoding == "gbk") return from_gb18030();
  const std::size_t bad = detail::first_invalid_utf8(bytes);
  if (bad == std::string::npos) return bytes;
  if (encoding == "auto") return from_gb18030();
  throw InvalidInput("not valid UTF-8 (try --encoding gb18030)", "--encoding", at(bad));
}

void Reporter::row_error(const std::string &where, const Error &e) {
  if (strict_) throw Error(e.code(), where + ": " + e.what());
  ++errors_;
  std::cerr << "cadrekit: " << error_code_name(e.code()) << ": " << where << ": " << e.what() << "\n";
}

void Reporter::note(const std::string &file, std::size_t skipped_rows, std::size_t ignored_columns,
                    std::size_t above_header) {
  std::cerr << "cadrekit: note: " << file << ":";
  if (above_header > 0)
    std::cerr << " " << above_header << (above_header == 1 ? " row" : " rows") << " above the header skipped"
              << (skipped_rows + ignored_columns > 0 ? ";" : "");
  if (skipped_rows > 0)
    std::cerr << " " << skipped_rows << (skipped_rows == 1 ? " empty row" : " empty rows")
              << " skipped (blank or separators only)" << (ignored_columns > 0 ? ";" : "");
  if (ignored_columns > 0)
    std::cerr << " " << ignored_columns << (ignored_columns == 1 ? " unnamed column" : " unnamed columns")
              << " at the end of the header ignored";
  std::cerr << "\n";
}

void Reporter::unread_columns(const Table &t) {
  if (t.size() == 0) return;  // no row asked for anything
  // the warnings written together (standard error writes at every <<: a header of a million
  // columns was millions of writes)
  std::string lines;
  for (const auto &[name, nearest] : t.unread_columns()) {
    const std::string hint = nearest.empty() ? "" : " (did you mean \"" + nearest + "\"?)";
    // (a header's cell may be data: a number in it is masked as a record's is)
    if (strict_)
      throw InvalidInput("a column this command does not read" + hint + "; without --strict it is a warning",
                         masked_record(name), t.file);
    lines += "cadrekit: warning: " + t.file + ": the column \"" + masked_record(name) +
             "\" is not one this command reads, and is ignored" + hint + "\n";
    if (lines.size() >= (1U << 16)) {
      std::cerr << lines;
      lines.clear();
    }
  }
  std::cerr << lines;
}

void Reporter::incomplete(const std::string &why) {
  incomplete_ = true;
  warn(why);
}

void Reporter::warn(const std::string &what) { std::cerr << "cadrekit: warning: " << what << "\n"; }

void Reporter::finish(std::ostream &out) const {
  if (errors_ == 0 && incomplete_) {
    out.flush();
    std::cerr.flush();
    std::exit(8);
  }
  if (errors_ == 0) return;
  out.flush();
  std::cerr << "cadrekit: " << errors_ << (errors_ == 1 ? " row was" : " rows were")
            << " rejected (reported above); the others were processed\n";
  std::cerr.flush();
  std::exit(7);
}

std::optional<std::size_t> Table::column(std::string_view name) const {
  for (const Recent &r : recent_)
    if (r.used && r.data == name.data() && r.size == name.size() && std::memcmp(r.name, name.data(), name.size()) == 0)
      return r.column;
  std::optional<std::size_t> found;
  if (const auto it = looked_up_.find(name); it != looked_up_.end()) {
    found = it->second;
  } else {
    for (std::size_t i = 0; i < header.size() && !found; ++i)
      if (header[i] == name) found = i;
    looked_up_.emplace(std::string(name), found);
  }
  if (name.size() <= sizeof(Recent::name)) {
    Recent &r = recent_[recent_next_++ % recent_.size()];
    r.used = true;
    r.data = name.data();
    r.size = static_cast<std::uint8_t>(name.size());
    std::memcpy(r.name, name.data(), name.size());
    r.column = found;
  }
  return found;
}


std::vector<std::string> kept_columns(const Table &t, const IoOptions &io, const std::vector<std::string> &output) {
  std::vector<std::string> out;
  for (const std::string &k : io.keep) {
    const std::string name = trim(k);
    if (name.empty() || std::find(out.begin(), out.end(), name) != out.end()) continue;
    if (name == "explanation" || std::find(output.begin(), output.end(), name) != output.end()) {
      if (name == "name") continue;  // the caller's name is in the output already
      throw InvalidInput("--keep: the output has a column of that name already", name, "--keep");
    }
    if (!t.column(name)) throw InvalidInput("--keep: not a column of the table", name, t.file);
    out.push_back(name);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Table::unread_columns() const {
  std::vector<char> read(header.size(), 0);
  for (const auto &[name, column] : looked_up_)
    if (column) read[*column] = 1;
  std::vector<std::string_view> absent;  // the names asked for and absent: what "did you mean" offers
  for (const auto &[name, column] : looked_up_)
    if (!column) absent.push_back(name);
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (read[i]) continue;
    out.emplace_back(header[i], text_util::nearest_name(header[i], absent));
  }
  return out;
}

void Table::require(std::initializer_list<std::string_view> names) const {
  // A JSON table of no rows (`[]`) names no column, and lacks none: it is an empty table, as
  // the C surface reads an empty array.
  if (header.empty() && size() == 0) return;
  for (auto n : names)
    if (!column(n)) throw InvalidInput("the table has no such column", std::string(n), file);
}

namespace {

// Whether every non-empty cell of the row lies in a range of merged cells two or more columns
// wide: the title a sheet puts above its table ("2016年度单位名单" across A1:F1).
bool merged_title(const xlsx::Sheet &sheet, const xlsx::SheetRow &row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [&](const auto &cell) {
    return std::any_of(sheet.merges.begin(), sheet.merges.end(), [&](const xlsx::Merge &m) {
      return m.last_col > m.first_col && m.first_row + 1 <= row.number && row.number <= m.last_row + 1 &&
             m.first_col <= cell.first && cell.first <= m.last_col;
    });
  });
}

// A sheet's rows as the records a CSV of it would hold (numbered by their row), the merged
// titles above the table left out and counted.
std::vector<CsvRecord> sheet_records(xlsx::Sheet &sheet, const IoOptions &io, std::size_t &titles) {
  std::vector<CsvRecord> out;
  out.reserve(sheet.rows.size());
  bool header_seen = io.header_row != 0;
  for (auto &row : sheet.rows) {
    if (!header_seen) {
      if (merged_title(sheet, row)) {
        ++titles;
        continue;
      }
      header_seen = true;
    }
    CsvRecord rec{row.number, {}, std::move(row.numbers)};
    rec.cells.resize(row.cells.back().first + 1);
    for (auto &[col, text] : row.cells) rec.cells[col] = std::move(text);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

// The building of a Table's rows (its private members): from records (a sheet's rows, a JSON
// array), or from a CSV's text, parsed in place.
struct TableStore {
  // The header from its cells: trimmed, a header in words mapped to its column; empty names at
  // the end dropped (counted in t.ignored_columns). `header_at` names its line.
  static void set_header(Table &t, std::vector<std::string> names, const std::string &header_at) {
    // Excel saves the columns a sheet once used: empty names at the end of the header are not
    // columns. An empty name before a named column is still an error.
    while (!names.empty() && trim(names.back()).empty()) {
      names.pop_back();
      ++t.ignored_columns;
    }
    // The names seen: linear in the header's width, however wide, and whatever the names (a
    // TextIndex over views of the header's names, which is sized first so that none moves).
    t.header.reserve(t.header.size() + names.size());
    TextIndex seen(names.size());
    for (auto &h : names) {
      std::string name = trim(h);
      // A header in words (单位编号, Unit ID: a workbook the command line wrote, or a county's own
      // sheet) is the column it labels (labels.hpp).
      if (const char *code = column_code(name)) name = code;
      if (name.empty()) throw InvalidInput("an empty column name", "csv", header_at);
      t.header.push_back(std::move(name));
      if (!seen.insert(t.header.back(), "csv").second)
        throw InvalidInput("a column named twice", masked_record(t.header.back()), header_at);
    }
  }

  // A workbook's table: its sheet (for the names of its cells) and its date system.
  static void set_sheet(Table &t, std::string name, bool date1904) {
    t.sheet_ = std::move(name);
    t.date1904_ = date1904;
  }

  static void set_where(Table &t, std::string prefix, std::string suffix) {
    t.where_prefix_ = std::move(prefix);
    t.where_suffix_ = std::move(suffix);
  }

  static void push(Table &t, std::size_t start, std::size_t number) {
    if (number > UINT32_MAX) throw InvalidInput("too many lines (table.max_bytes)", "FILE", t.file);
    t.start_.push_back(start);
    t.number_.push_back(static_cast<std::uint32_t>(number));
  }

  // A CSV's records, parsed in place in `text` (decoded, without its BOM): RFC 4180, fields
  // separated by commas, a field in double quotes may hold commas, line breaks and "" (a
  // quote); CRLF or LF. Each cell's text is moved down over what the file had before it and
  // ended by a NUL (never longer than the file's bytes for it: the quotes and the separator),
  // so the rows' cells take the file's own buffer. Blank lines, rows of separators only and
  // the rows above --header-row are not kept (counted); a row with more cells than the header
  // is reported once the whole file is read, as before any row is used.
  static void parse_csv(Table &t, std::string &&text, const IoOptions &io, Reporter &rep) {
    const std::size_t n = text.size();
    text.push_back('\0');  // room for the last cell's NUL when the text ends without a line end
    char *s = text.data();
    char next = '\0';
    const std::string &file = t.file;
    std::size_t i = 0, w = 0, line = 1, skipped = 0, above = 0;
    bool have_header = false;
    // An error of the header is thrown once the whole file is read, after any error of the
    // file's syntax (an unclosed quote), as when the file was parsed before the header was read.
    std::exception_ptr pending;
    std::vector<std::size_t> ends;        // where each cell of the record ends (its NUL)
    std::vector<std::size_t> too_long;    // lines of rows with more cells than the header
    while (i < n) {
      const std::size_t rec_line = line, rec_start = w;
      bool any = false, all_blank = true;
      std::size_t last_filled = 0;  // cells up to the last that is not blank
      ends.clear();
      for (;;) {
        const std::size_t cell_start = w;
        if (i < n && s[i] == '"') {
          const std::size_t open_line = line;
          ++i;
          for (;;) {
            if (i >= n) throw InvalidInput("a quoted field is not closed", "csv", file + ":" + std::to_string(open_line));
            if (s[i] == '"') {
              if (i + 1 < n && s[i + 1] == '"') {
                s[w++] = '"';
                i += 2;
                continue;
              }
              ++i;
              break;
            }
            if (s[i] == '\n') ++line;
            s[w++] = s[i++];
          }
          // after the closing quote: only a separator or the end of the record
          while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
          if (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
            throw InvalidInput("text after a closing quote", "csv", file + ":" + std::to_string(line));
          any = true;
        } else {
          // Moved down as it is scanned: a cell is a few bytes, shorter than a call to memmove.
          const std::size_t begin = i;
          for (char ch; i < n && (ch = s[i]) != ',' && ch != '\n' && ch != '\r'; ++i) s[w++] = ch;
          if (i > begin) any = true;
        }
        if (!blank_text(std::string_view(s + cell_start, w - cell_start))) {
          all_blank = false;
          last_filled = ends.size() + 1;
        }
        // w <= i: the NUL takes the place of the separator (or line end) read next, or of the
        // cell's quotes; at the end of the text, of the NUL added below.
        next = i < n ? s[i] : '\0';
        s[w++] = '\0';
        ends.push_back(w);
        if (next == ',') {
          ++i;
          any = true;
          continue;
        }
        break;
      }
      if (next == '\r') {
        ++i;
        if (i < n && s[i] == '\n') {
          ++i;
          ++line;
        }
      } else if (next == '\n') {
        ++i;
        ++line;
      }
      if (!any) {  // a blank line: skipped, and counted for the note
        ++skipped;
        w = rec_start;
        continue;
      }
      if (pending) {  // the rest of the file is only checked for the errors above
        w = rec_start;
        continue;
      }
      if (!have_header) {
        if (io.header_row != 0 && rec_line < io.header_row) {
          ++above;
          w = rec_start;
          continue;
        }
        if (io.header_row != 0 && rec_line != io.header_row) {
          pending = std::make_exception_ptr(
              InvalidInput("the header row is empty, or the table has fewer rows", "--header-row", t.file));
          w = rec_start;
          continue;
        }
        std::vector<std::string> names;
        names.reserve(ends.size());
        std::size_t p = rec_start;
        for (std::size_t e : ends) {
          names.emplace_back(s + p, e - 1 - p);
          p = e;
        }
        try {
          set_header(t, std::move(names), file + ":" + std::to_string(rec_line));
        } catch (const InvalidInput &) {
          pending = std::current_exception();
        }
        have_header = true;
        w = rec_start;
        continue;
      }
      // A row of separators only (",,,,", what Excel writes for a row it once used) is no row.
      if (all_blank) {
        ++skipped;
        w = rec_start;
        continue;
      }
      // Excel pads short rows with nothing and may add empty trailing cells: accept those.
      if (last_filled > t.header.size()) {
        too_long.push_back(rec_line);
        w = rec_start;
        continue;
      }
      if (ends.size() > t.header.size()) w = ends[t.header.size() - 1];
      push(t, rec_start, rec_line);
    }
    if (pending) std::rethrow_exception(pending);
    if (!have_header) {
      if (io.header_row != 0)
        throw InvalidInput("the header row is empty, or the table has fewer rows", "--header-row", t.file);
      throw InvalidInput("the file has no header row", "csv", t.file);
    }
    text.resize(w);
    t.text_ = std::move(text);
    set_where(t, file + ":", "");
    for (std::size_t l : too_long)
      rep.row_error(file + ":" + std::to_string(l), InvalidInput("more cells than the header has columns", "csv"));
    t.skipped_rows = skipped;
    t.above_header = above;
    if (skipped > 0 || t.ignored_columns > 0 || above > 0) rep.note(t.file, skipped, t.ignored_columns, above);
  }

  // The header and the rows of a table from a sheet's records. `where` begins each row's name
  // ("units.xlsx[Sheet1]:").
  static void from_records(Table &t, std::vector<CsvRecord> &records, std::size_t above, const std::string &where,
                           const IoOptions &io, Reporter &rep) {
    std::size_t first = 0, skipped = 0;
    if (io.header_row != 0) {
      while (first < records.size() && records[first].line < io.header_row) ++first;
      if (first == records.size() || records[first].line != io.header_row)
        throw InvalidInput("the header row is empty, or the table has fewer rows", "--header-row", t.file);
      above += first;
    }
    if (first == records.size()) throw InvalidInput("the file has no header row", "csv", t.file);
    set_header(t, std::move(records[first].cells), where + std::to_string(records[first].line));
    set_where(t, where, "");
    for (std::size_t k = first + 1; k < records.size(); ++k) {
      std::vector<std::string> &cells = records[k].cells;
      // A row of separators only (",,,,", what Excel writes for a row it once used) is no row.
      if (std::all_of(cells.begin(), cells.end(), [](const std::string &c) { return blank_text(c); })) {
        ++skipped;
        continue;
      }
      // Excel pads short rows with nothing and may add empty trailing cells: accept those.
      while (cells.size() > t.header.size() && blank_text(cells.back())) cells.pop_back();
      if (cells.size() > t.header.size()) {
        rep.row_error(where + std::to_string(records[k].line), InvalidInput("more cells than the header has columns", "csv"));
        continue;
      }
      t.add_row(records[k].line, cells);
      for (std::uint32_t col : records[k].numbers)
        t.numbers_.push_back(static_cast<std::uint64_t>(t.size() - 1) << 32 | col);
      cells = std::vector<std::string>();  // the sheet's texts go as the table takes them
    }
    std::sort(t.numbers_.begin(), t.numbers_.end());  // a sheet may list a row's cells out of order
    t.skipped_rows = skipped;
    t.above_header = above;
    if (skipped > 0 || t.ignored_columns > 0 || above > 0) rep.note(t.file, skipped, t.ignored_columns, above);
  }

  static void json_rows(Table &t) { set_where(t, t.file + "[", "]"); }
};

std::string Table::where(std::size_t row) const {
  return where_prefix_ + std::to_string(number_.at(row)) + where_suffix_;
}

void Table::cells(std::size_t row, std::vector<std::string_view> &out) const {
  out.resize(header.size());
  const char *p = text_.data() + start_.at(row);
  const char *const end = text_.data() + (row + 1 < start_.size() ? start_[row + 1] : text_.size());
  std::size_t c = 0;
  for (; p < end && c < out.size(); ++c) {
    // A cell is a few bytes: found by a loop, not a call to memchr.
    const char *z = p;
    while (z < end && *z != '\0') ++z;
    out[c] = std::string_view(p, static_cast<std::size_t>(z - p));
    p = z + 1;
  }
  for (; c < out.size(); ++c) out[c] = std::string_view();
}

void Table::add_row(std::size_t number, const std::vector<std::string> &cells) {
  const std::size_t start = text_.size();
  for (const auto &c : cells) {
    if (c.find('\0') != std::string::npos) {
      text_.resize(start);
      throw InvalidInput(text_util::kNulInText, "csv", where_prefix_ + std::to_string(number) + where_suffix_);
    }
    text_ += c;
    text_ += '\0';
  }
  TableStore::push(*this, start, number);
}

Table read_table(const std::string &file, const IoOptions &io, Reporter &rep, const NestedCells &nested) {
  Table t;
  t.file = file == "-" ? "<stdin>" : file;
  std::string bytes = read_bytes(file);
  const bool is_xlsx = io.input_format == "xlsx" ||
                       (io.input_format == "auto" && (ends_with(file, ".xlsx") || ends_with(file, ".xlsm") ||
                                                      ends_with(file, ".xls") || xlsx::is_zip(bytes) ||
                                                      xlsx::is_ole(bytes)));
  if (is_xlsx) {
    xlsx::Sheet sheet = xlsx::read_sheet(bytes, t.file, io.sheet);
    bytes = std::string();  // the sheet's texts are all that is kept, moved into the records
    std::size_t titles = 0;
    auto records = sheet_records(sheet, io, titles);
    TableStore::set_sheet(t, sheet.name, sheet.date1904);
    TableStore::from_records(t, records, titles, t.file + "[" + sheet.name + "]:", io, rep);
    return t;
  }
  if (!io.sheet.empty()) throw InvalidInput("--sheet names a sheet of an .xlsx workbook; this is not one", "--sheet", t.file);
  bool is_json = io.input_format == "json" || (io.input_format == "auto" && ends_with(file, ".json"));
  std::string text = decode_text(std::move(bytes), io.encoding, t.file);
  if (is_json) {
    if (io.header_row != 0) throw InvalidInput("--header-row is for CSV and .xlsx tables; this is JSON", "--header-row", t.file);
    // A member given twice in one row is refused, naming it (Boost.JSON alone would keep the
    // last silently, as the C surface never does); a NUL is each row's own error below.
    json_read::Parsed parsed = json_read::parse_checked(text, 32, /*refuse_nul=*/false);
    if (parsed.found) throw InvalidInput(parsed.found.message, parsed.found.path, t.file);
    if (parsed.ec) throw InvalidInput("not valid JSON", "json", t.file);
    json::value v = std::move(parsed.value);
    if (!v.is_array()) throw InvalidInput("expected an array of objects", "json", t.file);
    // header: the union of the members, in order of first appearance
    TextIndex names;  // (views of the parsed members' keys, which live as long as `v`)
    for (const auto &x : v.get_array()) {
      if (!x.is_object()) continue;
      for (const auto &kv : x.get_object())
        if (names.insert(kv.key(), "json").second) t.header.emplace_back(kv.key());
    }
    TableStore::json_rows(t);
    std::size_t n = 0;
    std::vector<std::string> cells;
    for (const auto &x : v.get_array()) {
      const std::size_t number = n++;
      if (!x.is_object()) {
        rep.row_error(t.file + "[" + std::to_string(number) + "]", InvalidInput("must be an object", "json"));
        continue;
      }
      cells.assign(t.header.size(), "");
      bool refused = false;
      for (const auto &kv : x.get_object()) {
        std::string &cell = cells[static_cast<std::size_t>(names.find(kv.key()))];  // (every key is one)
        const char *why = nullptr;
        if (auto text = scalar_text(kv.value(), nested.admits(kv.key()), why)) cell = std::move(*text);
        if (why == nullptr && cell.find('\0') != std::string::npos) why = text_util::kNulInText;
        if (why != nullptr && !refused) {
          refused = true;
          rep.row_error(t.file + "[" + std::to_string(number) + "]", InvalidInput(why, std::string(kv.key())));
        }
      }
      if (!refused) t.add_row(number, cells);
    }
    return t;
  }
  // A NUL byte is in no text a cell can hold (a UTF-16 file saved as "Unicode text", or a binary
  // one): refused at its line, never passed on to cut a C string short.
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos)
    throw InvalidInput("a NUL character in the table (a UTF-16 or binary file?)", "csv",
                       t.file + ":" + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n')));
  TableStore::parse_csv(t, std::move(text), io, rep);
  return t;
}

std::string RowView::opt(std::string_view name) const {
  auto c = t_.column(name);
  if (!c) return "";
  return trim(cells_[*c]);
}

std::string_view RowView::view(std::string_view name) const {
  auto c = t_.column(name);
  if (!c) return {};
  return trimmed(cells_[*c]);
}

std::string RowView::req(std::string_view name) const {
  std::string v = opt(name);
  if (v.empty()) throw InvalidInput("missing", std::string(name));
  return v;
}

std::int64_t RowView::integer(std::string_view name) const { return vocabulary::parse_whole(opt(name), name); }

std::optional<std::int64_t> RowView::opt_integer(std::string_view name) const {
  return vocabulary::parse_opt_whole(opt(name), name);
}

bool Table::number_cell(std::size_t row, std::size_t col) const {
  if (numbers_.empty()) return false;
  return std::binary_search(numbers_.begin(), numbers_.end(), static_cast<std::uint64_t>(row) << 32 | col);
}

std::string Table::cell_name(std::size_t row, std::size_t col) const {
  if (sheet_.empty()) return {};
  return sheet_ + "!" + xlsx::cell_name(static_cast<std::uint32_t>(col), number_.at(row));
}

std::optional<Date> RowView::serial_date(std::string_view name) const {
  const auto c = t_.column(name);
  if (!c || !t_.number_cell(row_, *c)) return std::nullopt;
  // The cell's text is the number as the reader wrote it: digits, and a point for a fraction.
  const std::string text = trim(cells_[*c]);
  const bool whole = !text.empty() && text.size() <= 9 &&
                     std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  const std::int64_t serial = whole ? std::stoll(text) : -1;
  const std::int64_t last = t_.date1904() ? 2957003 : 2958465;  // 9999-12-31
  if (serial < (t_.date1904() ? 0 : 1) || serial > last || (!t_.date1904() && serial == 60))
    throw InvalidInput(t_.cell_name(row_, *c) +
                           ": a number in a date column is read as an Excel date serial, and this one is not a "
                           "whole day from 1900-01-01 to 9999-12-31 (format the cell as a date, or type the date "
                           "as text: 2016-12-31)",
                       std::string(name));
  return vocabulary::date_from_excel_serial(serial, t_.date1904(), name);
}

Date RowView::date(std::string_view name) const {
  if (auto d = serial_date(name)) return *d;
  return vocabulary::parse_date(req(name), name);
}

std::optional<Date> RowView::opt_date(std::string_view name) const {
  if (auto d = serial_date(name)) return d;
  return vocabulary::parse_opt_date(opt(name), name);
}

std::string RowView::date_text(std::string_view name) const {
  if (auto d = serial_date(name)) return to_iso(*d);
  return opt(name);
}

Money RowView::money(std::string_view name) const { return Money::parse(req(name), name); }

bool RowView::boolean(std::string_view name, bool dflt) const {
  return vocabulary::parse_opt_flag(opt(name), name).value_or(dflt);
}

Cell Cell::optional_date(const std::optional<Date> &d) { return d ? Cell::date(*d) : Cell(); }

Cell Cell::date(Date d) { return Cell(to_iso(d), Kind::date); }

Cell Cell::money(Money m) {
  Cell c(m.to_decimal_string(), Kind::money);
  c.fen = m.fen();
  return c;
}

namespace {
/// A plain decimal number ("-2", "+1.5", "-1000.00"): a spreadsheet reads it as the number it is.
bool plain_number(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::size_t digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      ++digits;
    else if (s[i] == '.' && dots == 0)
      ++dots;
    else
      return false;
  }
  return digits > 0;
}

// csv_field's bytes, appended to `out`.
void csv_append(std::string &out, std::string_view s, bool raw) {
  // A cell that Excel or LibreOffice would run as a formula (= + - @, or TAB / CR before one)
  // is written as text: a leading apostrophe (OWASP's advice for CSV injection). Numbers stay,
  // and so does a lone sign ("-", a placeholder), which carries no formula.
  const bool guard = !raw && s.size() > 1 && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos &&
                     !plain_number(s);
  // Quoted when the text written (the apostrophe first, if any) holds a comma, a quote or a
  // line break, or begins or ends with a space.
  bool quote = !s.empty() && ((!guard && s.front() == ' ') || s.back() == ' ');
  for (std::size_t i = 0; i < s.size() && !quote; ++i) {
    const char c = s[i];
    quote = c == ',' || c == '"' || c == '\r' || c == '\n';
  }
  if (!quote) {
    if (guard) out += '\'';
    out += s;
    return;
  }
  out += '"';
  if (guard) out += '\'';
  for (std::size_t i = 0; i < s.size();) {  // each quote doubled
    const auto *q = static_cast<const char *>(std::memchr(s.data() + i, '"', s.size() - i));
    const std::size_t end = q == nullptr ? s.size() : static_cast<std::size_t>(q - s.data()) + 1;
    out.append(s.data() + i, end - i);
    if (q != nullptr) out += '"';
    i = end;
  }
  out += '"';
}
}  // namespace

std::string csv_field(std::string_view s, bool raw) {
  std::string out;
  csv_append(out, s, raw);
  return out;
}

namespace {
// The CSV header and rows, as write_table and TableWriter write them.
void csv_header(std::string &out, const std::vector<std::string> &columns, const IoOptions &io) {
  if (io.bom) out += "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    csv_append(out, columns[i], io.raw_cells);
  }
  out += '\n';
}
void csv_row(std::string &out, const std::vector<Cell> &row, const IoOptions &io) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    csv_append(out, row[i].text, io.raw_cells || row[i].kind == Cell::Kind::number || row[i].kind == Cell::Kind::money);
  }
  out += '\n';
}

void write_table_to(std::ostream &out, const OutTable &t, const IoOptions &io) {
  if (io.format == "xlsx") {
    write_xlsx(out, t, io);
    return;
  }
  if (io.format == "json") {
    json::array arr;
    arr.reserve(t.rows.size());
    for (const auto &row : t.rows) {
      json::object o;
      for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
        const Cell &c = row[i];
        json::value v;
        switch (c.kind) {
          case Cell::Kind::null: v = nullptr; break;
          case Cell::Kind::boolean: v = c.text == "true"; break;
          // As the library's JSON writes them: a whole number is a JSON number; money and other
          // exact decimals ("9000.00", "87.2", "1/3") are their exact text, never a binary
          // floating-point number.
          case Cell::Kind::money: v = json::string(c.text); break;
          case Cell::Kind::number: {
            boost::system::error_code ec;
            v = json::parse(c.text, ec);
            if (ec || !(v.is_int64() || v.is_uint64())) v = json::string(c.text);
            break;
          }
          case Cell::Kind::json: {
            boost::system::error_code ec;
            v = json::parse(c.text, ec);
            if (ec) v = json::string(c.text);
            break;
          }
          default: v = json::string(c.text);
        }
        o[t.columns[i]] = std::move(v);
      }
      arr.push_back(std::move(o));
    }
    out << json::serialize(arr) << "\n";
    return;
  }
  std::string line;
  csv_header(line, t.columns, io);
  out << line;
  for (const auto &row : t.rows) {
    line.clear();
    csv_row(line, row, io);
    out << line;
  }
}
}  // namespace

TableWriter::TableWriter(std::ostream &out, std::vector<std::string> columns, const IoOptions &io)
    : out_(out), io_(io) {
  kept_.columns = std::move(columns);
  if (io_.format == "csv") csv_header(bytes_, kept_.columns, io_);
}

TableWriter::~TableWriter() = default;

void TableWriter::row(const std::vector<Cell> &cells) {
  if (io_.format != "csv") {
    kept_.rows.push_back(cells);
    return;
  }
  csv_row(bytes_, cells, io_);
  if (bytes_.size() >= (1U << 20)) flush();
}

void TableWriter::flush() {
  if (io_.output.empty()) {
    out_ << bytes_;
  } else {
    if (!file_) file_ = std::make_unique<AtomicFile>(io_.output);
    file_->write(bytes_);
  }
  bytes_.clear();
}

void TableWriter::finish() {
  if (io_.format != "csv") {
    write_table(out_, kept_, io_);
    return;
  }
  flush();
  if (file_) file_->commit();
}

void write_table(std::ostream &out, const OutTable &t, const IoOptions &io) {
  if (io.output.empty()) {
    write_table_to(out, t, io);
    return;
  }
  std::ostringstream bytes;
  write_table_to(bytes, t, io);
  AtomicFile file(io.output);
  file.write(bytes.view());
  file.commit();
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) std::remove(tmp_.c_str());
}

void AtomicFile::open() {
  std::error_code ec;
  const auto st = std::filesystem::status(file_, ec);
  in_place_ = !ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st);
  if (in_place_ && std::filesystem::is_directory(st)) throw InvalidInput("is a directory", field_, file_);
  if (in_place_) {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw InvalidInput("cannot write the file", field_, file_);
  } else {
    std::string pattern = file_ + ".tmp.XXXXXX";
    fd_ = mkstemp(pattern.data());
    if (fd_ < 0) throw InvalidInput("cannot create a file beside it", field_, file_);
    tmp_ = pattern;
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) open();
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw InvalidInput("cannot write the file", field_, file_);
    done += static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  if (fd_ < 0) open();  // nothing written: an empty file
  const int fd = std::exchange(fd_, -1);
  if (in_place_) {  // (a device or a pipe: nothing to sync, nothing to rename)
    if (::close(fd) != 0) throw InvalidInput("cannot write the file", field_, file_);
    return;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw InvalidInput("cannot write the file", field_, file_);
  if (std::rename(tmp_.c_str(), file_.c_str()) != 0) throw InvalidInput("cannot replace the file", field_, file_);
  tmp_.clear();
}

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), on_(total >= 10000 && isatty(STDERR_FILENO) == 1) {}

void Progress::tick() {
  ++done_;
  if (on_ && (done_ % 5000 == 0 || done_ == total_))
    std::cerr << "\r" << label_ << ": " << done_ << " / " << total_ << " rows" << std::flush;
}

Progress::~Progress() {
  if (on_) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace cadrekit::cli
