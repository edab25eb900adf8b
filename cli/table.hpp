// The command line's private table layer: tables in (CSV in UTF-8 or GB18030/GBK as exported by
// Chinese Excel, or a JSON array of flat objects) and tables out (CSV or JSON), with per-row
// error reporting, --strict, and progress on a terminal. docs/cli.md describes the formats.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/money.hpp"
#include "core/id_index.hpp"
#include "core/text.hpp"

namespace cadrekit::cli {

/// One parameter a command used, with its labels, for a workbook's notes sheet.
struct ParamNote {
  ParamUsed used;
  std::string label_zh, label_en;
};
/// What a workbook's notes sheet says about the run (docs/cli.md): each command's action fills
/// it (note_run, commands.hpp) once it has loaded its policy.
struct RunNotes {
  std::string command_line;          ///< the command as typed
  bool uses_policy = false;          ///< false: the sheet says the command uses no profile
  std::string profile;               ///< the profile's name
  std::vector<std::string> sources;  ///< the profile's layers, embedded names or files
  std::vector<std::string> sets;     ///< every --set, in order
  std::string as_of;                 ///< ISO; empty when the command takes no as-of date
  std::vector<ParamNote> parameters; ///< the parameters the command's rules read
};

/// Input/output options every table command shares.
struct IoOptions {
  std::string encoding = "auto";      ///< auto | utf-8 | gb18030 (GBK is a subset)
  std::string input_format = "auto";  ///< auto (by extension or content) | csv | json | xlsx
  std::string sheet;                  ///< .xlsx: the sheet to read (empty: the first visible one)
  std::size_t header_row = 0;         ///< the header's row (1-based; 0: the first that is not a title)
  std::string format = "csv";         ///< csv | json | xlsx (output)
  std::string output;                 ///< -o FILE: the table written whole or not at all; "" = stdout
  bool strict = false;                ///< stop at the first bad row (exit 2)
  bool bom = false;                   ///< write a UTF-8 BOM before CSV (for Excel)
  bool raw_cells = false;             ///< CSV cells as they are (no formula guard; csv_field)
  bool explain = false;               ///< add an "explanation" column
  bool explain_full = false;          ///< ... in the full form (every parameter and input read)
  bool row_path = false;              ///< --row-path (hidden): decide row by row, never by the columnar kernels
  std::string lang = "zh";            ///< language of explanations in CSV (text) and of .xlsx headers
  std::vector<std::string> keep;     ///< --keep: the caller's columns copied to each result row
  RunNotes notes;                     ///< the .xlsx notes sheet
};
/// Adds --encoding, --input-format, --sheet, --header-row, --format, -o/--output, --lang, --strict,
/// --bom, --raw-cells to a subcommand. An output FILE ending in .xlsx means --format xlsx unless
/// --format is given; --format xlsx to a terminal (no -o) is a usage error.
void add_io_options(CLI::App *cmd, IoOptions &io);
/// -o/--output's checks alone, for a command with its own output options (import-lrmx).
void add_output_checks(CLI::App *cmd, IoOptions &io, CLI::Option *format);

/// Adds --explain (the short form: the rules that fired, the parameters and inputs that
/// decided) and --explain-full (the full form; implies --explain).
void add_explain_options(CLI::App *cmd, IoOptions &io);

/// Adds --keep COL[,COL…]: columns of the caller's own (a region, a note) that the command does
/// not read, copied unchanged to each result row, after the result's columns. A column kept is
/// not reported as unknown; one neither read nor kept still is. `what` names the table read.
void add_keep_option(CLI::App *cmd, IoOptions &io, const std::string &what);

/// Decodes file bytes to UTF-8: strips a UTF-8 BOM; `auto` keeps valid UTF-8 and converts
/// anything else from GB18030; `utf-8` rejects invalid bytes; `gb18030` always converts.
/// InvalidInput naming `file:line` of the first undecodable byte.
std::string decode_text(std::string bytes, std::string_view encoding, const std::string &file);
/// The largest table (or other input file) the command line reads: table.max_bytes, 1 GiB —
/// room for Excel's 1,048,576 rows of a wide sheet (docs/limits.md).
inline constexpr std::uintmax_t kMaxTableBytes = std::uintmax_t{1} << 30;
/// Reads a whole file ("-" = standard input) as bytes: a regular file (or standard input) of at
/// most kMaxTableBytes. InvalidInput (field FILE) if it cannot be read, is not a regular file or
/// is larger.
std::string read_bytes(const std::string &file);

class Table;

/// Counts and prints per-row errors: one line on stderr each, `cadrekit: <code>: <where>:
/// <message> (field F)` — never a value of the row. With strict, the first one is thrown.
class Reporter {
 public:
  explicit Reporter(bool strict) : strict_(strict) {}
  /// Reports `e` for the row at `where` (throws it, with `where` as its record, when strict).
  void row_error(const std::string &where, const Error &e);
  std::size_t errors() const noexcept { return errors_; }
  /// One line on standard error for what a CSV file held that is not data: empty rows skipped
  /// (blank lines, rows of separators only) and unnamed columns at the end of the header
  /// ignored — so that every row of the file is accounted for. The exit status is unchanged.
  /// `above_header`: rows above the header (a sheet's merged title, or --header-row's).
  void note(const std::string &file, std::size_t skipped_rows, std::size_t ignored_columns,
            std::size_t above_header = 0);
  /// After a table's rows are read: one warning on standard error for each of its columns the
  /// command did not read (a misspelt `complains` is not `complaints`, whose rows then count as
  /// 0), with the nearest name it reads; with strict, an error (InvalidInput naming the column).
  void unread_columns(const Table &t);
  /// A whole result is missing although the input was read (a pay sheet with no principal
  /// graded): one warning on standard error now, and exit status 8 at finish.
  void incomplete(const std::string &why);
  /// A result written in part, as the command's options asked (a list cut at its bound): one
  /// warning on standard error; the exit status is unchanged.
  static void warn(const std::string &what);
  /// Call after the output is written: exits with status 7 (and a summary line) when rows were
  /// rejected, else 8 when a result was incomplete.
  void finish(std::ostream &out) const;

 private:
  bool strict_;
  bool incomplete_ = false;
  std::size_t errors_ = 0;
};

/// A table read from a file: header names (trimmed) and the rows. The rows' cells are kept in
/// one buffer (each cell's text followed by a NUL, which no cell may hold), in place of the
/// file's text: a CSV's quotes and separators are removed as it is read, so that a table costs
/// about its file's size and a few bytes a row. A row's name ("units.csv:7") is made only when
/// it is asked for.
class Table {
 public:
  std::string file;
  std::vector<std::string> header;
  std::size_t skipped_rows = 0;     ///< blank lines and rows of separators only
  std::size_t above_header = 0;     ///< rows above the header (a title, or --header-row)
  std::size_t ignored_columns = 0;  ///< unnamed columns at the end of the header

  /// The number of rows.
  std::size_t size() const noexcept { return start_.size(); }
  /// Where row `row` came from: "units.csv:7", "units.xlsx[Sheet1]:7" or "units.json[3]".
  std::string where(std::size_t row) const;
  /// Row `row`'s cells as they were read (untrimmed), one per header column ("" for a cell the
  /// row does not have); the views point into the table.
  void cells(std::size_t row, std::vector<std::string_view> &out) const;
  /// Appends a row of cells (no more than the header has) read at `number` (a line, a sheet's
  /// row, a JSON array's index). InvalidInput when a cell holds a NUL character.
  void add_row(std::size_t number, const std::vector<std::string> &cells);

  /// The column index of `name`, or empty. Every look-up is remembered: a column never looked
  /// up is one the command does not read (unread_columns), and a name looked up but absent is
  /// one it would have read (the "did you mean" of a misspelt header).
  std::optional<std::size_t> column(std::string_view name) const;
  /// InvalidInput (field = name, record = file) when a required column is absent (a table of
  /// no header and no rows, a JSON `[]`, lacks none).
  void require(std::initializer_list<std::string_view> names) const;
  /// Columns the command knows and deliberately does not read (a finding's `facts`): no
  /// warning for them.
  void leave_aside(std::initializer_list<std::string_view> names) const {
    for (auto n : names) (void)column(n);
  }
  /// Whether row `row`'s cell in column `col` held a number (no date format) in a workbook: a
  /// column read as a date reads it as an Excel date serial (RowView::date).
  bool number_cell(std::size_t row, std::size_t col) const;
  /// The workbook cell of row `row`, column `col`: "Sheet1!B17" (empty for a CSV or JSON).
  std::string cell_name(std::size_t row, std::size_t col) const;
  /// The workbook counts its date serials from 1904 (its date1904 flag).
  bool date1904() const noexcept { return date1904_; }

  /// The header's columns no look-up has asked for, each with the nearest name that was asked
  /// for and is absent (empty when none is near: at most a third of the name's letters apart).
  std::vector<std::pair<std::string, std::string>> unread_columns() const;

 private:
  friend struct TableStore;
  friend class RowNames;
  std::string text_;                  ///< every row's cells, each followed by a NUL
  std::vector<std::size_t> start_;    ///< row k is text_[start_[k], start_[k + 1]) (or to the end)
  std::vector<std::uint32_t> number_; ///< row k's line (or sheet row, or JSON index)
  std::string where_prefix_, where_suffix_;  ///< a row's name: prefix, number, suffix
  std::vector<std::uint64_t> numbers_;  ///< a sheet's number cells: row << 32 | column, ascending
  std::string sheet_;                   ///< the sheet's name (a workbook's table)
  bool date1904_ = false;
  // Every name looked up, with its column or none: one hash per look-up (a row asks for each
  // of its columns), and both what was read and what was missing come from it.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  mutable std::unordered_map<std::string, std::optional<std::size_t>, NameHash, std::equal_to<>> looked_up_;
  // The latest look-ups, found by the caller's pointer first: every row asks for the same
  // names from the same literals, so most look-ups are a pointer and a short comparison instead
  // of a hash. The name is kept (not only its pointer): a pointer may be reused for another name.
  struct Recent {
    bool used = false;
    const char *data = nullptr;
    std::uint8_t size = 0;
    char name[31] = {};
    std::optional<std::size_t> column;
  };
  mutable std::array<Recent, 16> recent_{};
  mutable std::size_t recent_next_ = 0;
};

/// The columns of `io.keep` to copy from `t` to the output, in the order given, each looked up
/// (so not reported as unread). InvalidInput naming the column when the table lacks it or the
/// output already has a column of that name (`name`, kept anyway, is left out, not refused).
std::vector<std::string> kept_columns(const Table &t, const IoOptions &io, const std::vector<std::string> &output);

/// The columns of a JSON table whose cells may be a nested value (an object or an array), which
/// the command reads as JSON: none by default, the named ones, or every column (a table whose
/// reader types each cell itself, as the workspace's do).
struct NestedCells {
  bool every = false;
  std::vector<std::string_view> named;
  bool admits(std::string_view column) const {
    return every || std::find(named.begin(), named.end(), column) != named.end();
  }
};

/// Reads a table. Rows with more cells than the header are reported to `rep` and left out.
/// CSV as Excel writes it: unnamed columns at the end of the header, empty trailing cells,
/// blank lines and rows of separators only are not data (counted, and noted on standard error).
/// An .xlsx workbook (by its name or its content): one sheet (io.sheet), each cell as the text
/// Excel's "Save as CSV" gives (xlsx_read.hpp), then read as that CSV would be; rows are named
/// `file[sheet]:row`. Above the header (io.header_row, or by default the first row that is not
/// a title of merged cells) nothing is data: counted and noted. JSON: an array of objects whose
/// values are strings, numbers, booleans or null; a nested value (an object or an array) is kept
/// as its JSON text in the columns `nested` admits, and elsewhere refused at its row.
Table read_table(const std::string &file, const IoOptions &io, Reporter &rep, const NestedCells &nested = {});

/// A cell without the blanks around it (space, tab, CR, LF): every cell a command reads is
/// read so (RowView), and so is a cell read straight from the table.
inline std::string_view trimmed(std::string_view s) { return text_util::trim(s); }

/// Typed access to one row's cells; every error names the column and the row.
class RowView {
 public:
  /// Row `row` of `t`; `scratch` receives its cells (for_each_row keeps one for all rows).
  RowView(const Table &t, std::size_t row, std::vector<std::string_view> &scratch) : t_(t), row_(row), cells_(scratch) {
    t.cells(row, scratch);
  }
  std::string where() const { return t_.where(row_); }
  /// The cell, trimmed; "" when the column is absent or empty.
  std::string opt(std::string_view name) const;
  /// The cell, trimmed, as a view into the table (valid while the table lives).
  std::string_view view(std::string_view name) const;
  /// The cell; InvalidInput "missing" when absent or empty.
  std::string req(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;                   ///< required
  std::optional<std::int64_t> opt_integer(std::string_view name) const;
  /// Required; the vocabulary's dates (docs/input.md), and in a workbook a number cell as an
  /// Excel date serial (1900 or 1904 system as the workbook says; an error naming the cell
  /// when the number is not a whole day from 1900-01-01 to 9999-12-31).
  Date date(std::string_view name) const;
  std::optional<Date> opt_date(std::string_view name) const;
  /// A date column's text for a reader that parses it itself (a person's birth_date): the cell,
  /// trimmed, or the ISO date of a workbook's number cell read as opt_date reads it.
  std::string date_text(std::string_view name) const;
  Money money(std::string_view name) const;                            ///< yuan, exact
  bool boolean(std::string_view name, bool dflt) const;  ///< true/false/yes/no/1/0/是/否

 private:
  /// The date of a workbook's number cell in column `name`; empty for any other cell.
  std::optional<Date> serial_date(std::string_view name) const;

  const Table &t_;
  std::size_t row_;
  const std::vector<std::string_view> &cells_;
};

/// Runs `f` for each row, catching cadrekit::Error per row (reported to `rep`); shows progress
/// on stderr when it is a terminal and the table is large; then reports the columns no row read
/// (Reporter::unread_columns).
template <class F>
void for_each_row(const Table &t, Reporter &rep, F &&f);

/// An output cell: text and how to write it in JSON.
struct Cell {
  enum class Kind : std::uint8_t { text, number, boolean, null, json, money, date };
  std::string text;
  Kind kind = Kind::text;
  std::int64_t fen = 0;  ///< money: the exact amount (text is its yuan decimal)
  Cell() : kind(Kind::null) {}
  Cell(std::string s) : text(std::move(s)) {}  // NOLINT: implicit on purpose
  Cell(const char *s) : text(s) {}             // NOLINT
  static Cell num(std::int64_t v) { return Cell(std::to_string(v), Kind::number); }
  static Cell num_text(std::string v) { return Cell(std::move(v), Kind::number); }
  static Cell boolean(bool b) { return Cell(b ? "true" : "false", Kind::boolean); }
  static Cell json(std::string j) { return Cell(std::move(j), Kind::json); }
  static Cell optional_date(const std::optional<Date> &d);
  /// A date: its ISO text in CSV and JSON, a date cell in .xlsx.
  static Cell date(Date d);
  /// An amount: its yuan decimal ("9000.00") as a number in CSV and JSON, a number of yuan with
  /// a ¥ format in .xlsx (fen / 100 from the exact integer).
  static Cell money(Money m);

 private:
  Cell(std::string s, Kind k) : text(std::move(s)), kind(k) {}
};

/// An explanation as a cell: its JSON in JSON output, its text (io.lang) in CSV.
Cell explanation_cell(const Explanation &ex, const IoOptions &io);

/// One CSV field, the one quoting of the command line's CSV (RFC 4180: in double quotes when it
/// holds a comma, a quote, a line break or an outer space). Unless `raw`, a text that a
/// spreadsheet would run as a formula — beginning with = + - @, TAB or CR, longer than the sign
/// alone and not a plain number such as "-2" or "-1000.00" — is written with a leading apostrophe, so that Excel and
/// LibreOffice show it as text (docs/cli.md).
std::string csv_field(std::string_view s, bool raw = false);

struct OutTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};
/// CSV (RFC 4180, CRLF-free: "\n" line ends; `bom` writes EF BB BF first), a JSON array of
/// objects or an .xlsx workbook (xlsx_write.hpp) — to io.output (whole or not at all) when given,
/// else to `out`.
void write_table(std::ostream &out, const OutTable &t, const IoOptions &io);

class AtomicFile;

/// Writes a table a row at a time, the same bytes write_table writes for the whole OutTable:
/// for a result too large to hold as cells. CSV goes out as it is made, a megabyte at a time:
/// to `out`, or to io.output's temporary file (AtomicFile), which finish() puts in place — a
/// writer not finished leaves io.output as it was. JSON and .xlsx keep the rows and write them
/// at finish().
class TableWriter {
 public:
  TableWriter(std::ostream &out, std::vector<std::string> columns, const IoOptions &io);
  ~TableWriter();
  TableWriter(const TableWriter &) = delete;
  TableWriter &operator=(const TableWriter &) = delete;
  void row(const std::vector<Cell> &cells);
  void finish();

 private:
  void flush();  ///< CSV: bytes_ out, to `out` or to the file
  std::ostream &out_;
  const IoOptions &io_;
  OutTable kept_;      ///< JSON, .xlsx
  std::string bytes_;  ///< CSV not yet written
  std::unique_ptr<AtomicFile> file_;  ///< io.output's temporary file, once CSV is written to it
};

/// Writes a file whole or not at all: a temporary file beside it (FILE.tmp.XXXXXX), synced and
/// renamed over it by commit(); removed by the destructor when not committed. A target that
/// exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is written in place: a file
/// renamed over it would replace the device itself. Errors are InvalidInput naming `field` and
/// the file.
class AtomicFile {
 public:
  explicit AtomicFile(std::string file, std::string field = "--output")
      : file_(std::move(file)), field_(std::move(field)) {}
  ~AtomicFile();
  AtomicFile(const AtomicFile &) = delete;
  AtomicFile &operator=(const AtomicFile &) = delete;
  /// Appends to the temporary file (created by the first write).
  void write(std::string_view bytes);
  /// Puts it in place.
  void commit();

 private:
  void open();
  std::string file_, field_, tmp_;
  int fd_ = -1;
  bool in_place_ = false;
};

/// A table's ids numbered in the order read (core/id_index.hpp).
using text_util::TextIndex;
/// The rows 0…n-1 grouped by a number each has (`group(i)`: 0…groups-1, or negative for none)
/// by a counting sort, each group's rows in their order: group g's are rows[start[g]] to
/// rows[start[g + 1] - 1]. n must be below 2^32.
struct GroupedRows {
  std::vector<std::uint32_t> start, rows;
};
template <class Group>
GroupedRows group_rows(std::size_t n, std::size_t groups, Group &&group) {
  GroupedRows g;
  g.start.assign(groups + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (const auto k = group(i); k >= 0) ++g.start[static_cast<std::size_t>(k) + 1];
  for (std::size_t k = 1; k <= groups; ++k) g.start[k] += g.start[k - 1];
  g.rows.resize(g.start[groups]);
  std::vector<std::uint32_t> next(g.start.begin(), g.start.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (const auto k = group(i); k >= 0) g.rows[next[static_cast<std::size_t>(k)]++] = static_cast<std::uint32_t>(i);
  return g;
}

/// The names of rows of one table ("units.csv:7", as Table::where makes them), kept as their
/// numbers (4 bytes a row, where a name is a string of some 40) and made when asked for; they
/// outlive the table.
class RowNames {
 public:
  RowNames() = default;
  explicit RowNames(const Table &t) : prefix_(t.where_prefix_), suffix_(t.where_suffix_) {}
  void reserve(std::size_t n) { number_.reserve(n); }
  /// Adds the name of row `row` of `t`, the table this was made from.
  void push_back(const Table &t, std::size_t row) { number_.push_back(t.number_.at(row)); }
  std::size_t size() const noexcept { return number_.size(); }
  std::string at(std::size_t i) const { return prefix_ + std::to_string(number_.at(i)) + suffix_; }

 private:
  std::string prefix_, suffix_;
  std::vector<std::uint32_t> number_;
};

/// Progress on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress(std::string label, std::size_t total);
  void tick();
  ~Progress();
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

 private:
  std::string label_;
  std::size_t total_, done_ = 0;
  bool on_;
};

template <class F>
void for_each_row(const Table &t, Reporter &rep, F &&f) {
  {
    Progress p(t.file, t.size());
    std::vector<std::string_view> cells;
    for (std::size_t k = 0; k < t.size(); ++k) {
      try {
        f(RowView(t, k, cells));
      } catch (const Error &e) {
        rep.row_error(t.where(k), e);
      }
      p.tick();
    }
  }
  rep.unread_columns(t);
}

}  // namespace cadrekit::cli
