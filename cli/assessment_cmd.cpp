// cadrekit assessment screen RECORDS [--findings FILE] --as-of DATE: every red line that fires
// for every cadre (HORQIN.4; the rules are the policy's assessment.rule.* parameters).
// Columns: docs/cli.md.
#include <algorithm>
#include <array>
#include <charconv>
#include <iostream>
#include <map>
#include <functional>
#include <optional>
#include <tuple>

#include "cadrekit/assessment.hpp"

#include "commands.hpp"
#include "compare.hpp"
#include "screen_input.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::assessment;

struct ScreenOpts {
  IoOptions io;
  std::string records, findings;
};

std::int32_t int32_cell(const RowView &r, std::string_view name) {
  const std::int64_t v = r.opt_integer(name).value_or(0);
  if (v < 0 || v > INT32_MAX) throw InvalidInput("out of range", std::string(name));
  return static_cast<std::int32_t>(v);
}

/// One row of the records table as a Record (every column the command reads, the same errors
/// on every path), validated; `x` is overwritten.
void read_record(const Table &t, const RowView &r, Record &x) {
  x = Record{};
  x.cadre_id = r.req("cadre_id");
  x.unit_id = r.opt("unit_id");
  if (!r.opt("domain").empty()) x.domain = parse_domain(r.opt("domain"), "domain");
  x.kind = parse_kind(r.req("kind"), "kind");
  x.period = parse_period(r.req("period"), "period");
  x.score = r.opt("score");
  x.rank = int32_cell(r, "rank");
  x.group_size = int32_cell(r, "group_size");
  x.rating = parse_rating(r.opt("rating"), "rating");
  // `method`, the library's name (C JSON, Python); `methods`, the command line's former one.
  const char *column = t.column("method") || !t.column("methods") ? "method" : "methods";
  const std::string methods = r.opt(column);
  std::size_t pos = 0;
  while (pos < methods.size()) {
    std::size_t end = methods.find(';', pos);
    if (end == std::string::npos) end = methods.size();
    if (end > pos) x.methods |= parse_method(methods.substr(pos, end - pos), column);
    pos = end + 1;
  }
  validate(x, x.cadre_id);
}

/// Every record row, row by row, as `f(record, row)`: a bad row, or a second record of the same
/// cadre, kind and period, is reported to `rep` by its file and line and left out.
template <class F>
void for_each_record(const Table &t, Reporter &rep, F &&f) {
  // A record's cadre, kind and period as one key: the cadre's number among the table's ids
  // (views of its cells, trimmed as read_record reads them), the kind and the period
  // (parse_period's year * 100 + n, below 2^24).
  TextIndex cadres(t.size() / 4);
  text_util::KeySet seen(t.size());
  std::size_t row = 0;
  for_each_row(t, rep, [&](const RowView &r) {
    const std::size_t this_row = row++;
    Record x;
    read_record(t, r, x);
    if (x.period < 0 || x.period >= (1 << 24)) throw InvalidInput("period out of range", "period", x.cadre_id);
    const std::uint64_t cadre = cadres.insert(r.view("cadre_id"), "cadre_id").first;
    const std::uint64_t key =
        cadre << 32 | std::uint64_t{static_cast<std::uint8_t>(x.kind)} << 24 | static_cast<std::uint32_t>(x.period);
    if (!seen.insert(key))
      throw InvalidInput("a second record of the same cadre, kind and period", "period", x.cadre_id);
    f(std::move(x), this_row);
  });
}

/// Every record row as a Record, with its row's name (for_each_record).
void records_by_rows(const Table &t, Reporter &rep, ScreenInput &in) {
  in.records.reserve(t.size());  // sized once: each doubling held two vectors of Records
  in.record_where = RowNames(t);
  in.record_where.reserve(t.size());
  for_each_record(t, rep, [&](Record &&x, std::size_t row) {
    in.records.push_back(std::move(x));
    in.record_where.push_back(t, row);
  });
}

/// A cell's parse remembered by its text (a view into the table): a records table repeats a few
/// kinds, periods, ratings and scores over its rows, each parsed once. `parse` throws as the
/// row path's parse does; nothing is remembered then.
template <class T>
class Memo {
 public:
  template <class F>
  T get(std::string_view text, F &&parse) {
    for (std::size_t k = 0; k < recent_size_; ++k)  // the few texts most columns hold
      if (recent_[k].first == text) return recent_[k].second;
    if (const std::int64_t k = seen_.find(text); k >= 0) return values_[static_cast<std::size_t>(k)];
    const T v = parse(text);
    if (recent_size_ < recent_.size()) {
      recent_[recent_size_++] = {text, v};
    } else if (seen_.size() < 65536) {
      seen_.insert(text);
      values_.push_back(v);
    }
    return v;
  }

 private:
  std::array<std::pair<std::string_view, T>, 8> recent_{};
  std::size_t recent_size_ = 0;
  TextIndex seen_;  // (no file can make its look-ups slow: core/id_index.hpp)
  std::vector<T> values_;  ///< by seen_'s number
};

/// read_record's reading of the records table by column: the columns it looks up, looked up
/// as it looks them up, and each row's fields the kernel takes, parsed as read_record parses
/// them (each distinct text once) and validated as it validates them. False for a row
/// read_record would refuse (records_by_rows then reports it).
class RecordColumns {
 public:
  explicit RecordColumns(const Table &t)
      : cadre_(t.column("cadre_id")), domain_(t.column("domain")),
        kind_(t.column("kind")), period_(t.column("period")), score_(t.column("score")), rank_(t.column("rank")),
        group_(t.column("group_size")), rating_(t.column("rating")) {
    (void)t.column("unit_id");  // read_record reads it; the kernel does not need it
    method_name_ = t.column("method") || !t.column("methods") ? "method" : "methods";
    method_ = t.column(method_name_);
  }

  /// Row `cells`' cadre id (trimmed) and fields in `x` (all but its texts); false when
  /// read_record would throw.
  bool read(const std::vector<std::string_view> &cells, std::string_view &cadre_id, Record &x) {
    const auto cell = [&cells](const std::optional<std::size_t> &c) {
      return c ? trimmed(cells[*c]) : std::string_view();
    };
    try {
      cadre_id = cell(cadre_);
      const std::string_view kind = cell(kind_), period = cell(period_);
      if (cadre_id.empty() || kind.empty() || period.empty()) return false;  // req: "missing"
      x = Record{};
      x.cadre_id = "-";  // checked above; validate only asks whether it is empty
      const std::string_view domain = cell(domain_);
      if (!domain.empty()) x.domain = domains_.get(domain, [](std::string_view v) { return parse_domain(v, "domain"); });
      x.kind = kinds_.get(kind, [](std::string_view v) { return parse_kind(v, "kind"); });
      x.period = periods_.get(period, [](std::string_view v) { return parse_period(v, "period"); });
      if (!whole(cell(rank_), x.rank) || !whole(cell(group_), x.group_size)) return false;
      x.rating = ratings_.get(cell(rating_), [](std::string_view v) { return parse_rating(v, "rating"); });
      const char *column = method_name_;
      x.methods = methods_.get(cell(method_), [column](std::string_view methods) {
        std::uint8_t m = 0;
        std::size_t pos = 0;
        while (pos < methods.size()) {
          std::size_t end = methods.find(';', pos);
          if (end == std::string_view::npos) end = methods.size();
          if (end > pos) m |= parse_method(methods.substr(pos, end - pos), column);
          pos = end + 1;
        }
        return m;
      });
      validate(x, x.cadre_id);
      // The score, only checked (an exact decimal): validated once per text, with the rest of a
      // record that has just passed.
      if (const std::string_view score = cell(score_); !score.empty())
        (void)scores_.get(score, [&x](std::string_view v) {
          Record y = x;
          y.score = std::string(v);
          validate(y, y.cadre_id);
          return true;
        });
    } catch (const Error &) {
      return false;
    }
    return true;
  }

 private:
  /// int32_cell: an empty cell is 0; a cell of at most nine ASCII digits is its value; any
  /// other is read by parse_opt_whole and range-checked as int32_cell does.
  static bool whole(std::string_view s, std::int32_t &out) {
    if (s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      std::int32_t v = 0;
      for (char ch : s) v = v * 10 + (ch - '0');
      out = v;
      return true;
    }
    return false;
  }

  std::optional<std::size_t> cadre_, domain_, kind_, period_, score_, rank_, group_, rating_, method_;
  const char *method_name_ = "method";
  Memo<Domain> domains_;
  Memo<Kind> kinds_;
  Memo<std::int32_t> periods_;
  Memo<Rating> ratings_;
  Memo<std::uint8_t> methods_;
  Memo<bool> scores_;
};

/// The cadres of a records table that screen() has to decide, found by the columnar kernel.
struct Picked {
  std::vector<std::int32_t> key;                       ///< each row's cadre, numbered by first appearance
  TextIndex cadres;  ///< cadre ids (views into the table), numbered
  std::vector<bool> keep;                              ///< by number: an assessment rule fires for it
};

/// The records the screening needs, by the columnar kernel: every row is read and checked as
/// records_by_rows reads it, but only its columns are kept, and screen_batch finds the cadres
/// an assessment rule fires for. keep_records then keeps only their records (and those of the
/// cadres a finding concerns) as Records for screen(), which decides them with their
/// explanations. A cadre's hits depend on its own records and findings alone, so screen() over
/// these gives the hits it gives over all the records (cli.assessment_screen_kernel_matches_rows),
/// while a million records cost their columns, not a million Records and row names. Empty,
/// with nothing reported, when a row is one records_by_rows reports (it then reads the table
/// and reports it) or the kernel refuses the table (two records of one cadre, kind and period).
std::optional<Picked> pick_by_columns(const Table &t, Date as_of, const std::vector<Rule> &rules) {
  const std::size_t n = t.size();
  if (n > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
  Picked p;
  auto &key = p.key;
  auto &cadres = p.cadres;
  key.resize(n);
  std::vector<std::uint8_t> kind(n), rating(n);
  std::vector<std::int32_t> period(n), rank(n), group(n);
  std::vector<std::string_view> cells;
  Record x;
  RecordColumns columns(t);
  std::string_view cadre_id, last_id;
  std::int32_t last_key = 0;
  cadres = TextIndex(n / 8);
  for (std::size_t i = 0; i < n; ++i) {
    t.cells(i, cells);
    if (!columns.read(cells, cadre_id, x)) {
      // A cell in a form the columns do not read quickly (a rank of ten digits, say): read as
      // read_record reads it, and a row it refuses left to records_by_rows.
      try {
        read_record(t, RowView(t, i, cells), x);
      } catch (const Error &) {
        return std::nullopt;
      }
      cadre_id = RowView(t, i, cells).view("cadre_id");
    }
    // A cadre's records are mostly together: the row before's cadre is found without a hash.
    if (i == 0 || cadre_id != last_id)
      last_key = static_cast<std::int32_t>(cadres.insert(cadre_id, "cadre_id").first);  // (n ≤ INT32_MAX)
    last_id = cadre_id;
    key[i] = last_key;
    kind[i] = static_cast<std::uint8_t>(x.kind);
    rating[i] = static_cast<std::uint8_t>(x.rating);
    period[i] = x.period;
    rank[i] = x.rank;
    group[i] = x.group_size;
  }
  // Grouped by cadre (a counting sort keeps the file's order within a cadre), then by kind and
  // period within it, as the kernel takes them.
  GroupedRows grouped = group_rows(n, cadres.size(), [&key](std::size_t i) { return key[i]; });
  const std::vector<std::uint32_t> &first = grouped.start;
  std::vector<std::uint32_t> &order = grouped.rows;
  for (std::size_t k = 0; k + 1 < first.size(); ++k)
    std::sort(order.begin() + first[k], order.begin() + first[k + 1], [&](std::uint32_t a, std::uint32_t b) {
      return std::tie(kind[a], period[a]) < std::tie(kind[b], period[b]);
    });
  // The columns put in that order where they are (each cycle of the permutation followed once,
  // `order` marking what is done), so that a table's columns are held once; the cadres in that
  // order are each cadre's number over its run.
  constexpr std::uint32_t done = UINT32_MAX;  // no row's index: n <= INT32_MAX
  for (std::size_t start = 0; start < n; ++start) {
    if (order[start] == done) continue;
    const auto take = [&](std::size_t to, std::size_t from) {
      kind[to] = kind[from];
      rating[to] = rating[from];
      period[to] = period[from];
      rank[to] = rank[from];
      group[to] = group[from];
    };
    const std::uint8_t t_kind = kind[start], t_rating = rating[start];
    const std::int32_t t_period = period[start], t_rank = rank[start], t_group = group[start];
    std::size_t j = start;
    for (;;) {
      const std::size_t from = order[j];
      order[j] = done;
      if (from == start) {
        kind[j] = t_kind;
        rating[j] = t_rating;
        period[j] = t_period;
        rank[j] = t_rank;
        group[j] = t_group;
        break;
      }
      take(j, from);
      j = from;
    }
  }
  std::vector<std::int64_t> c_cadre(n);
  for (std::size_t k = 0; k + 1 < first.size(); ++k)
    std::fill(c_cadre.begin() + first[k], c_cadre.begin() + first[k + 1], static_cast<std::int64_t>(k));
  Columns cols;
  cols.cadre = c_cadre;
  cols.kind = kind;
  cols.period = period;
  cols.rank = rank;
  cols.group_size = group;
  cols.rating = rating;
  p.keep.assign(cadres.size(), false);
  try {
    for (const BatchHit &h : screen_batch(cols, as_of, rules)) p.keep[static_cast<std::size_t>(h.cadre)] = true;
  } catch (const InvalidInput &) {
    return std::nullopt;
  }
  return p;
}

}  // namespace

void read_findings(const std::string &findings, const IoOptions &io, Reporter &rep,
                   const std::vector<std::vector<Standard>> &catalogues, ScreenInput &in) {
  {
    Table f = read_table(findings, io, rep);
    f.require({"id", "date"});
    f.leave_aside({"facts"});  // not needed by the rules, and never echoed
    for_each_row(f, rep, [&](const RowView &r) {
      Finding x;
      x.id = r.req("id");
      x.cadre_id = r.opt("cadre_id");
      x.unit_id = r.opt("unit_id");
      x.date = r.date("date");
      if (!r.opt("source").empty()) x.source = parse_finding_source(r.opt("source"), "source");
      x.standard = r.opt("standard");
      x.aspect = parse_aspect(r.opt("aspect"), "aspect");
      x.classification = parse_finding_class(r.opt("classification"), "classification");
      if (!r.opt("severity").empty()) x.severity = parse_severity(r.opt("severity"), "severity");
      validate(x, x.id);
      for (const auto &catalogue : catalogues) standard_of(x, catalogue, x.id);
      in.findings.push_back(std::move(x));
      in.finding_where.push_back(r.where());
    });
  }
}

RecordRows read_record_rows(const std::string &records, const IoOptions &io, Reporter &rep,
                            const std::function<void(const Record &)> &each) {
  RecordRows out{read_table(records, io, rep), {}};
  const Table &t = out.table;
  t.require({"cadre_id", "kind", "period"});
  if (t.size() > UINT32_MAX) throw InvalidInput("more rows than can be numbered", "cadre_id", t.file);
  out.rows.reserve(t.size());
  for_each_record(t, rep, [&](Record &&x, std::size_t row) {
    each(x);
    out.rows.push_back(static_cast<std::uint32_t>(row));
  });
  return out;
}

Record RecordRows::record(std::size_t k) const {
  std::vector<std::string_view> cells;
  Record x;
  read_record(table, RowView(table, rows[k], cells), x);
  return x;
}

ScreenInput read_screen_input(const std::string &records, const std::string &findings, const IoOptions &io,
                              Reporter &rep, const std::vector<std::vector<Standard>> &catalogues) {
  ScreenInput in;
  Table t = read_table(records, io, rep);
  t.require({"cadre_id", "kind", "period"});
  records_by_rows(t, rep, in);
  if (!findings.empty()) read_findings(findings, io, rep, catalogues, in);
  return in;
}

namespace {

/// An explanation's inputs `prefix[k]…` (`records[`, `findings[`) renamed `prefix[index[k]]…`:
/// a record or a finding named by its place among all of them when screen() saw only some.
template <class Index>
void renumber(Explanation &ex, std::string_view prefix, const Index &index) {
  for (auto &in : ex.inputs) {
    if (!in.name.starts_with(prefix)) continue;
    const std::size_t close = in.name.find(']', prefix.size());
    if (close == std::string::npos) continue;
    std::size_t k = 0;
    const char *first = in.name.data() + prefix.size(), *last = in.name.data() + close;
    if (std::from_chars(first, last, k).ptr != last || k >= index.size()) continue;
    in.name = std::string(prefix) + std::to_string(index[k]) + in.name.substr(close);
  }
}

std::string joined(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

std::vector<std::string> screen_columns(const IoOptions &io) {
  std::vector<std::string> c{"cadre_id", "rule_id", "clause", "suggestion", "periods", "findings", "rows"};
  if (io.explain) c.push_back("explanation");
  return c;
}

/// `assessment screen`'s row of a hit, on both paths: `record_where(i)` and `finding_where(i)`
/// name the record or the finding `i` of the hit (Hit::records indexes the records for
/// assessment rules and the findings for finding rules).
template <class RecordWhere, class FindingWhere>
void write_hit(TableWriter &w, const Hit &h, const IoOptions &io, RecordWhere &&record_where,
               FindingWhere &&finding_where) {
  std::vector<std::string> rows;
  for (auto i : h.records) rows.push_back(h.findings.empty() ? record_where(i) : finding_where(i));
  std::vector<Cell> row{h.cadre_id, h.rule_id, h.clause, h.suggestion, joined(h.periods), joined(h.findings),
                        joined(rows)};
  if (io.explain) row.push_back(explanation_cell(h.explanation, io));
  w.row(row);
}

/// `assessment screen` by the columnar kernel (pick_by_columns), its hits written as they are
/// made. The cadres screen() has to decide — those an assessment rule fires for, those a finding
/// concerns (by its cadre, or by a unit their records name) and those only the findings name —
/// are screened kChunk at a time in cadre id order, each group with its own records, read again
/// from the table, and the findings that concern it. A cadre's hits depend on its own records
/// and findings alone, and screen() gives them in cadre id order, so the hits, their order and
/// their explanations (a record or a finding named by its place among all of them) are
/// screen()'s over the whole table (cli.assessment_screen_kernel_matches_rows), while a million
/// records are never held as Records, nor their hits all at once.
void screen_by_kernel(const Table &t, Picked &p, const ScreenInput &found, Date as_of, const Policy &policy,
                      const IoOptions &io, std::ostream &out) {
  const std::size_t n = t.size();  // (pick_by_columns: at most INT32_MAX)
  const ConcernedFindings concern(found.findings);
  std::vector<std::string_view> cells;
  for (std::size_t k = 0; k < p.cadres.size(); ++k)
    if (concern.of_cadre(p.cadres[k])) p.keep[k] = true;
  if (concern.any_of_a_unit())
    for (std::size_t i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(p.key[i]);
      if (!p.keep[k] && concern.of_unit(RowView(t, i, cells).view("unit_id"))) p.keep[k] = true;
    }
  // The cadres to screen: the table's kept ones (by their number) and those only the findings
  // name (-1), in id order.
  std::vector<std::string_view> ids;
  std::vector<std::int64_t> number;
  for (std::size_t k = 0; k < p.cadres.size(); ++k)
    if (p.keep[k]) {
      ids.push_back(p.cadres[k]);
      number.push_back(static_cast<std::int64_t>(k));
    }
  for (const Finding &f : found.findings)
    if (!f.cadre_id.empty() && p.cadres.find(f.cadre_id) < 0) {
      ids.push_back(f.cadre_id);
      number.push_back(-1);
    }
  const auto order = text_util::order_by_text(ids.size(), [&ids](std::size_t i) { return ids[i]; });
  const GroupedRows of_cadre = group_rows(n, p.cadres.size(), [&p](std::size_t i) { return p.key[i]; });
  TableWriter w(out, screen_columns(io), io);
  std::vector<std::uint32_t> chunk_rows, finding_at;
  std::vector<std::string_view> chunk_cadres, chunk_units;
  std::vector<Record> records;
  std::vector<Finding> findings;
  Record x;
  const auto flush = [&] {
    std::sort(chunk_rows.begin(), chunk_rows.end());
    for (const std::uint32_t r : chunk_rows) {
      const RowView row(t, r, cells);
      read_record(t, row, x);  // (read without an error before)
      records.push_back(x);
      chunk_units.push_back(row.view("unit_id"));
    }
    concern.of(chunk_cadres, chunk_units, finding_at);
    for (const std::uint32_t f : finding_at) findings.push_back(found.findings[f]);
    for (Hit &h : screen(records, findings, as_of, policy, io.explain)) {
      if (io.explain) {
        renumber(h.explanation, "records[", chunk_rows);
        renumber(h.explanation, "findings[", finding_at);
      }
      write_hit(
          w, h, io, [&](std::size_t i) { return t.where(chunk_rows.at(i)); },
          [&](std::size_t i) { return found.finding_where.at(finding_at.at(i)); });
    }
    chunk_rows.clear();
    chunk_cadres.clear();
    chunk_units.clear();
    records.clear();
    findings.clear();
  };
  constexpr std::size_t kChunk = 4096;
  for (std::size_t j = 0; j < order.size(); ++j) {
    const std::size_t i = order[j];
    if (j > 0 && ids[i] == ids[order[j - 1]]) continue;  // named by more than one finding
    chunk_cadres.push_back(ids[i]);
    if (number[i] >= 0) {
      const auto k = static_cast<std::size_t>(number[i]);
      chunk_rows.insert(chunk_rows.end(), of_cadre.rows.begin() + of_cadre.start[k],
                        of_cadre.rows.begin() + of_cadre.start[k + 1]);
    }
    if (chunk_cadres.size() == kChunk) flush();
  }
  if (!chunk_cadres.empty()) flush();
  w.finish();
}

}  // namespace

void add_assessment_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<ScreenOpts>();
  auto *grp = app.add_subcommand("assessment", "cadre assessment: red lines (HORQIN)");
  grp->require_subcommand(1);
  auto *scr = grp->add_subcommand("screen", "every red line that fires for every cadre");
  scr->add_option("RECORDS", o->records,
                  "assessment records: cadre_id, unit_id, domain, kind, period, score, rank, group_size, rating, methods")
      ->required();
  scr->add_option("--findings", o->findings,
                  "findings: id, cadre_id, unit_id, date, source, standard, aspect, classification, severity");
  scr->add_option("--as-of", c.as_of, "date of the screening (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_policy_options(scr, c);
  add_io_options(scr, o->io);
  add_explain_options(scr, o->io);
  scr->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      const Date as_of = as_of_date(c);
      rules(policy, as_of);  // a malformed rule is one policy error up front
      note_run(o->io, c, &policy, as_of, red_line_parameters(policy, as_of));
      Reporter rep(o->io.strict);
      ScreenInput in;
      {
        Table t = read_table(o->records, o->io, rep);
        t.require({"cadre_id", "kind", "period"});
        std::optional<Picked> picked;
        if (!o->io.row_path) picked = pick_by_columns(t, as_of, rules(policy, as_of));
        if (picked) {
          rep.unread_columns(t);  // what records_by_rows reports after the rows
          if (!o->findings.empty()) read_findings(o->findings, o->io, rep, {standards(policy, as_of)}, in);
          screen_by_kernel(t, *picked, in, as_of, policy, o->io, out);
          rep.finish(out);
          return;
        }
        records_by_rows(t, rep, in);  // (the table is let go: the records hold their texts)
      }
      if (!o->findings.empty()) read_findings(o->findings, o->io, rep, {standards(policy, as_of)}, in);
      TableWriter w(out, screen_columns(o->io), o->io);
      for (const Hit &h : screen(in.records, in.findings, as_of, policy, o->io.explain))
        write_hit(
            w, h, o->io, [&in](std::size_t i) { return in.record_where.at(i); },
            [&in](std::size_t i) { return in.finding_where.at(i); });
      w.finish();
      rep.finish(out);
    };
  });
}

void add_assessment_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<ScreenOpts>();
  auto *grp = cmp->add_subcommand("assessment", "red lines under two profiles");
  grp->require_subcommand(1);
  auto *scr = grp->add_subcommand("screen", "red lines that fire under one profile only, or on other periods");
  scr->add_option("RECORDS", o->records, "assessment records (as `assessment screen`)")->required();
  scr->add_option("--findings", o->findings, "findings (as `assessment screen`)");
  scr->add_option("--as-of", c.as_of, "date of the screening (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_io_options(scr, ctx->io);
  scr->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      const Date as_of = as_of_date(c);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const ScreenInput in =
          read_screen_input(o->records, o->findings, o->io, rep, {standards(pa, as_of), standards(pb, as_of)});
      const auto ha = screen(in.records, in.findings, as_of, pa);
      const auto hb = screen(in.records, in.findings, as_of, pb);
      note_compare(o->io, c, *ctx, pa, pb, as_of, red_line_parameters(pa, as_of), red_line_parameters(pb, as_of));
      std::map<std::pair<std::string, std::string>, std::pair<const Hit *, const Hit *>> m;
      for (const auto &h : ha) m[{h.cadre_id, h.rule_id}].first = &h;
      for (const auto &h : hb) m[{h.cadre_id, h.rule_id}].second = &h;
      OutTable t = compare_table();
      auto text = [](const Hit *h) {
        if (!h) return std::string("-");
        std::string p = joined(h->periods);
        if (!h->findings.empty()) p += (p.empty() ? "" : " ") + joined(h->findings);
        return "fires " + p;
      };
      for (const auto &[key, pair] : m) {
        const std::string sa = text(pair.first), sb = text(pair.second);
        if (sa == sb) continue;
        add_compare_row(t, *ctx, "red_line", key.first, key.second, sa, sb, "",
                        pair.first ? &pair.first->explanation : nullptr, pair.second ? &pair.second->explanation : nullptr);
      }
      add_compare_row(t, *ctx, "red_line", "", "hits", std::to_string(ha.size()), std::to_string(hb.size()),
                      std::to_string(static_cast<std::int64_t>(hb.size()) - static_cast<std::int64_t>(ha.size())),
                      nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli
