// cadrekit village pay --villages F --principals F --scores F --year Y [--show lines|villages|
//   townships|budget] [--holders N] [--terms F] [--graded-on DATE]          (JARUD.1, .3, .4)
// cadrekit village select VILLAGES --year Y                quota, allocation, funnel (JARUD.2)
// cadrekit village select --applicants F --as-of DATE      eligibility of applicants (JARUD.2)
// Columns: docs/cli.md.
#include <algorithm>
#include <boost/json.hpp>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "cadrekit/core/number.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "cadrekit/village.hpp"
#include "commands.hpp"
#include "compare.hpp"
#include "core/json_read.hpp"
#include "village/columns.hpp"
#include "table.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::village;

struct VillageOpts {
  IoOptions io;
  std::string villages, principals, scores, terms, applicants;
  int year = 0;
  std::string graded_on;
  std::int64_t holders = 0;
  std::string show = "lines";
  WorkspaceTarget ws;
};

bool is_period(const std::string &p) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  if (p.size() != 4 && p.size() != 6) return false;
  for (int i = 0; i < 4; ++i)
    if (!digit(p[static_cast<std::size_t>(i)])) return false;
  return p.size() == 4 || (p[4] == 'Q' && p[5] >= '1' && p[5] <= '4');
}

Rational score_of(const std::string &text, const std::string &field) {
  Rational s = parse_decimal(text, field);
  if (s < Rational(0) || s > Rational(1000000)) throw InvalidInput("score must be within 0…1,000,000", field);
  return s;
}

// The villages of --villages for the selection quota, which counts villages: their population
// is read when given and may be left out.
std::vector<Village> read_villages(const VillageOpts &o, Reporter &rep) {
  Table t = read_table(o.villages, o.io, rep);
  t.require({"village_id", "township"});
  std::vector<Village> out;
  std::set<std::string> seen;
  for_each_row(t, rep, [&](const RowView &r) {
    Village v{r.req("village_id"), r.opt("name"), r.req("township"), r.opt_integer("population").value_or(0)};
    if (v.population < 0) throw InvalidInput("population must not be negative", "population", v.village_id);
    if (!seen.insert(v.village_id).second) throw InvalidInput("a village listed twice", "village_id", v.village_id);
    out.push_back(std::move(v));
  });
  return out;
}

// The pay sheet's lines, as the library's JSON lines and Python's records and frame have them:
// codes in team_grade and grade, their labels in *_zh and *_en.
const std::vector<std::string> kLineColumns{
    "cadre_id", "village_id", "township", "post", "units", "units_of_year", "base", "performance",
    "public_institution", "total", "team_grade", "team_grade_zh", "team_grade_en", "grade", "grade_zh", "grade_en",
    "actions"};

// The pay sheet's input, read from the three tables: the sheet reads it through
// village::PaySheetInput, the path of the C ABI's columns and Python's DataFrames, so that no row
// becomes a record of strings. Every row is checked here first, as a record would be, so that a
// bad row is reported at its line and left out, and the sheet sees only rows the command
// accepted. What the sheet needs is kept, and the rest let go once read, so that the input
// takes about the size of its files: the villages as views into their table, a principal's
// cadre id and its --keep cells copied into blocks (the principals' table is let go), a village as
// the number of its row, and the scores of the year already read, five a village, as the
// sheet would read them (village::parse_score; the scores' table is let go).
class PayInput final : public PaySheetInput {
 public:
  PayInput() = default;
  PayInput(const PayInput &) = delete;  // the views point into the tables it holds
  PayInput &operator=(const PayInput &) = delete;

  Table villages_t;
  // villages
  std::vector<std::string_view> vid, town;
  std::vector<std::int64_t> pop;
  // principals
  std::string cadre_text;               ///< the cadre ids, one after another
  std::vector<std::uint32_t> cadre_end;  ///< where each principal's cadre id ends in cadre_text
  std::vector<std::int32_t> p_village;  ///< the row of its village among vid
  std::vector<Post> p_post;
  std::vector<std::int32_t> from, to;  ///< days since 1970-01-01; to INT32_MAX: still serving
  std::vector<std::string> keep;       ///< --keep: the principals' columns kept
  std::string kept_text;               ///< their cells (trimmed), principal by principal
  std::vector<std::uint32_t> kept_end;  ///< where each ends in kept_text: keep.size() a principal
  // scores of --year: Q1…Q4, annual (village::YearScores)
  std::vector<std::int64_t> fixed;     ///< 5 a village
  std::vector<std::uint8_t> present;   ///< bit i: score i given
  std::optional<std::size_t> too_precise;
  std::vector<Term> terms;

  std::size_t n_villages() const override { return vid.size(); }
  std::string_view village_id(std::size_t v) const override { return vid[v]; }
  std::string_view township(std::size_t v) const override { return town[v]; }
  std::int64_t population(std::size_t v) const override { return pop[v]; }
  std::size_t n_principals() const override { return cadre_end.size(); }
  std::string_view cadre_id(std::size_t i) const override {
    const std::size_t begin = i == 0 ? 0 : cadre_end[i - 1];
    return std::string_view(cadre_text).substr(begin, cadre_end[i] - begin);
  }
  std::string_view principal_village(std::size_t i) const override {
    return vid[static_cast<std::size_t>(p_village[i])];
  }
  Post post(std::size_t i) const override { return p_post[i]; }
  std::optional<std::int32_t> served_from(std::size_t i) const override { return from[i]; }
  std::int32_t served_to(std::size_t i) const override { return to[i]; }
  std::optional<NumberedTexts> principal_villages() const override {
    return NumberedTexts{nullptr, vid, p_village.data()};
  }
  // The scores are given as the year's (year_scores); none is read row by row.
  std::size_t n_scores() const override { return 0; }
  std::string_view score_village(std::size_t) const override { return {}; }
  std::string_view score_period(std::size_t) const override { return {}; }
  ScoreValue score(std::size_t) const override { return {}; }
  std::optional<YearScores> year_scores() const override { return YearScores{fixed, present, too_precise}; }
};

// The village ids of the villages read, each to its row: the rows that follow come grouped by
// village in the villages' order as a rule, so the row found last and the next are tried first.
class VillageRows {
 public:
  explicit VillageRows(std::size_t expected) : index_(expected) {}
  /// Adds a village; false if its id was there already.
  bool add(std::string_view id) { return index_.insert(id, "village_id").second; }
  /// The row of village `id`, or -1.
  std::int32_t find(std::string_view id) {
    const auto &ids = index_.texts();
    const auto n = static_cast<std::int32_t>(ids.size());
    if (last_ >= 0 && ids[static_cast<std::size_t>(last_)] == id) return last_;
    if (last_ + 1 < n && ids[static_cast<std::size_t>(last_ + 1)] == id) return ++last_;
    const auto row = static_cast<std::int32_t>(index_.find(id));
    if (row >= 0) last_ = row;
    return row;
  }
  const std::vector<std::string_view> &ids() const { return index_.texts(); }
  /// The ids by row, for a caller done finding them (the index's slots are freed).
  std::vector<std::string_view> take_ids() && { return std::move(index_).take_texts(); }

 private:
  TextIndex index_;
  std::int32_t last_ = -1;
};

// A score cell as the sheet reads it, refused at its row (naming its column) when it is not a
// number or is outside 0…1,000,000; one with more than 4 decimal places is kept, and the sheet
// refuses it if its period is of the pay year.
ScoreValue score_cell(std::string_view text, const std::string &field) {
  ScoreValue v;
  try {
    v = parse_score(text);
  } catch (const Error &) {
    (void)parse_decimal(std::string(text), field);  // the same refusal, naming the column
    throw;
  }
  if (v.status != ScoreValue::Status::ok) (void)score_of(std::string(text), field);  // out of range
  return v;
}

// The pay sheet bands each village by its population, so a village's population is required
// here, as the C and Python sheets require it (an empty cell would be the smallest band).
void read_pay_input(const VillageOpts &o, Reporter &rep, PayInput &in) {
  (void)make_date(o.year, 12, 31, "--year");  // a year with no 31 December is refused before any row
  {
    Table &t = in.villages_t = read_table(o.villages, o.io, rep);
    t.require({"village_id", "township", "population"});
    t.leave_aside({"name"});
    // a village's row must fit the sheet's 32-bit numbers (pay_sheet refuses as many)
    if (t.size() >= static_cast<std::size_t>(INT32_MAX)) throw InvalidInput("too many rows", "villages");
    in.town.reserve(t.size());
    in.pop.reserve(t.size());
  }
  VillageRows rows(in.villages_t.size());
  for_each_row(in.villages_t, rep, [&](const RowView &r) {
    const std::string_view id = r.view("village_id");
    if (id.empty()) throw InvalidInput("missing", "village_id");
    const std::string_view town = r.view("township");
    if (town.empty()) throw InvalidInput("missing", "township");
    const std::int64_t population = r.integer("population");
    if (population < 0) throw InvalidInput("population must not be negative", "population", std::string(id));
    if (!rows.add(id)) throw InvalidInput("a village listed twice", "village_id", std::string(id));
    in.town.push_back(town);
    in.pop.push_back(population);
  });
  const std::vector<std::string_view> &vid = rows.ids();
  // in the library's words (village::pay_sheet), naming the row as every row's error does
  auto known = [&](std::string_view id, const char *unknown) {
    const std::int32_t v = rows.find(id);
    if (v < 0) throw InvalidInput(unknown, "village_id");
    return v;
  };
  Table p = read_table(o.principals, o.io, rep);
  {
    p.require({"cadre_id", "village_id", "post", "served_from"});
    p.leave_aside({"name"});
    in.keep = kept_columns(p, o.io, kLineColumns);
    if (p.size() >= static_cast<std::size_t>(INT32_MAX)) throw InvalidInput("too many rows", "principals");
    in.p_village.reserve(p.size());
    in.p_post.reserve(p.size());
    in.from.reserve(p.size());
    in.to.reserve(p.size());
    in.kept_end.reserve(p.size() * in.keep.size());
    in.cadre_end.reserve(p.size());
  }
  for_each_row(p, rep, [&](const RowView &r) {
    const std::string_view cadre = r.view("cadre_id");
    if (cadre.empty()) throw InvalidInput("missing", "cadre_id");
    const std::string_view village = r.view("village_id");
    if (village.empty()) throw InvalidInput("missing", "village_id");
    const std::int32_t v = known(village, "principal of an unknown village");
    const std::string_view post_text = r.view("post");
    if (post_text.empty()) throw InvalidInput("missing", "post");
    const Post post = parse_post(post_text, std::string(cadre));
    const Date served_from = r.date("served_from");
    const std::optional<Date> served_to = r.opt_date("served_to");
    if (served_to && *served_to < served_from)
      throw InvalidInput("served_to is before served_from", "served_to", std::string(cadre));
    if (in.cadre_text.size() + cadre.size() > UINT32_MAX) throw InvalidInput("ids are too long in total", "cadre_id");
    std::size_t kept = in.kept_text.size();
    for (const auto &k : in.keep) kept += r.view(k).size();
    if (kept > UINT32_MAX) throw InvalidInput("kept cells are too long in total", in.keep.front());
    // (nothing is added before every check has passed: a refused row leaves no trace)
    for (const auto &k : in.keep) {
      in.kept_text.append(r.view(k));
      in.kept_end.push_back(static_cast<std::uint32_t>(in.kept_text.size()));
    }
    in.cadre_text.append(cadre);
    in.cadre_end.push_back(static_cast<std::uint32_t>(in.cadre_text.size()));
    in.p_village.push_back(v);
    in.p_post.push_back(post);
    in.from.push_back(to_days(served_from));
    in.to.push_back(served_to ? to_days(*served_to) : INT32_MAX);
  });
  in.cadre_text.shrink_to_fit();
  in.kept_text.shrink_to_fit();
  {
    const Table gone = std::move(p);  // read whole (assigning an empty one may keep the buffers)
  }
  in.fixed.assign(5 * vid.size(), 0);  // (no --scores: none given)
  in.present.assign(vid.size(), 0);
  if (!o.scores.empty()) {
    const Table s = read_table(o.scores, o.io, rep);
    // A period and a village are scored once: the periods of the pay year as five bits a
    // village (the sheet's: 0…3 the quarters, 4 the year), any other year's in a set.
    std::set<std::tuple<std::int32_t, int, int>> seen_other;
    const auto bit = [](const vocabulary::Period &p) { return p.quarter == 0 ? 4 : p.quarter - 1; };
    std::size_t accepted = 0;  // the scores accepted so far, as the sheet numbers those it reads
    // A row's scores, all accepted or none.
    struct Pending {
      ScoreValue value;
      int year, quarter;
    };
    std::vector<Pending> pending;
    // `at`: the column a score given twice is named by (the period's; the wide form's own)
    auto check = [&](std::int32_t v, const vocabulary::Period &p, std::string_view text, const std::string &field,
                     const std::string &at) {
      const bool twice = p.year == o.year ? (in.present[static_cast<std::size_t>(v)] >> bit(p)) & 1u
                                          : seen_other.count({v, p.year, p.quarter}) != 0;
      if (twice)  // in the sheet's words (village::pay_sheet)
        throw InvalidInput("score given twice for the period", at, std::string(vid[static_cast<std::size_t>(v)]));
      pending.push_back({score_cell(text, field), p.year, p.quarter});
    };
    // Other years' scores are checked and counted, and not kept: the sheet does not read them.
    auto accept = [&](std::int32_t v) {
      const auto village = static_cast<std::size_t>(v);
      for (const Pending &x : pending) {
        const std::size_t number = accepted++;
        if (x.year != o.year) {
          seen_other.insert({v, x.year, x.quarter});
          continue;
        }
        const int b = bit({x.year, x.quarter});
        in.present[village] |= static_cast<std::uint8_t>(1u << b);
        if (x.value.status == ScoreValue::Status::ok)
          in.fixed[5 * village + static_cast<std::size_t>(b)] = x.value.fixed;
        else if (!in.too_precise)  // (out of range is refused at its row: score_cell)
          in.too_precise = number;
      }
    };
    if (s.column("period")) {  // long form: village_id, period, score
      s.require({"village_id", "score"});
      for_each_row(s, rep, [&](const RowView &r) {
        pending.clear();
        const std::string_view village = r.view("village_id");
        if (village.empty()) throw InvalidInput("missing", "village_id");
        const std::int32_t v = known(village, "score of an unknown village");
        const std::string period = r.req("period");
        const std::string_view text = r.view("score");
        if (text.empty()) throw InvalidInput("missing", "score");
        const std::string_view id = vid[static_cast<std::size_t>(v)];
        check(v, vocabulary::parse_period(period, "period", id), text, "score", "period");
        accept(v);
      });
    } else {  // wide form: village_id, q1, q2, q3, q4, annual (of --year)
      s.require({"village_id", "q1", "q2", "q3", "q4", "annual"});
      const std::array<std::pair<const char *, vocabulary::Period>, 5> columns{{{"q1", {o.year, 1}},
                                                                                {"q2", {o.year, 2}},
                                                                                {"q3", {o.year, 3}},
                                                                                {"q4", {o.year, 4}},
                                                                                {"annual", {o.year, 0}}}};
      for_each_row(s, rep, [&](const RowView &r) {
        pending.clear();
        const std::string_view village = r.view("village_id");
        if (village.empty()) throw InvalidInput("missing", "village_id");
        const std::int32_t v = known(village, "score of an unknown village");
        for (const auto &[column, period] : columns)
          if (const std::string_view text = r.view(column); !text.empty()) check(v, period, text, column, column);
        accept(v);
      });
    }
  }
  in.vid = std::move(rows).take_ids();
  if (!o.terms.empty()) {
    Table t = read_table(o.terms, o.io, rep);
    t.require({"cadre_id", "served_from"});
    for_each_row(t, rep, [&](const RowView &r) {
      in.terms.push_back({r.req("cadre_id"), r.opt("village_id"), r.date("served_from"), r.opt_date("served_to")});
    });
  }
}

// The actions cell: `kind:due;…` in a CSV or a workbook; in JSON the library's array
// [{"kind","due"}], as the JSON call and Python's records have it.
Cell actions_cell(const std::vector<village::Action> &acts, const IoOptions &io) {
  if (io.format != "json") return Cell(village::actions_text(acts));
  return Cell::json(village::actions_json(acts));
}

// The sheet's lines, written a line at a time (TableWriter): a sheet of a million lines is
// not held as cells. One row of cells is reused for every line.
void write_lines(std::ostream &out, const PaySheet &s, const PayInput &in, const IoOptions &io) {
  std::vector<std::string> columns = kLineColumns;
  columns.insert(columns.end(), in.keep.begin(), in.keep.end());  // the caller's, before the explanation
  if (io.explain) columns.push_back("explanation");
  std::vector<Cell> row(columns.size());
  TableWriter w(out, std::move(columns), io);
  for (const auto &l : s.lines) {
    std::size_t k = 0;
    const auto text = [&](std::string_view v) {
      row[k].kind = Cell::Kind::text;
      row[k++].text.assign(v);
    };
    const auto put = [&](Cell c) { row[k++] = std::move(c); };
    text(l.cadre_id);
    text(l.village_id);
    text(l.township);
    text(post_code(l.post));
    put(Cell::num(l.months));
    put(Cell::num(l.period_units));
    for (const Money m : {l.base, l.performance, l.public_institution, l.total}) put(Cell::money(m));
    text(team_grade_code(l.team_grade));
    text(team_grade_zh(l.team_grade));
    text(team_grade_en(l.team_grade));
    text(grade_code(l.grade));
    text(grade_zh(l.grade));
    text(grade_en(l.grade));
    put(actions_cell(l.actions, io));
    for (std::size_t j = 0, at = l.principal * in.keep.size(); j < in.keep.size(); ++j, ++at) {
      const std::uint32_t begin = at == 0 ? 0 : in.kept_end[at - 1];
      text(std::string_view(in.kept_text).substr(begin, in.kept_end[at] - begin));
    }
    if (io.explain) put(l.explanation ? explanation_cell(*l.explanation, io) : Cell());
    w.row(row);
  }
  w.finish();
}

}  // namespace

void add_village_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<VillageOpts>();
  auto *grp = app.add_subcommand("village", "village cadre pay and selection (JARUD)");
  grp->require_subcommand(1);

  auto *pay = grp->add_subcommand("pay", "the year's pay sheet of the village principals");
  pay->add_option("--villages", o->villages, "villages: village_id, name, township, population")->required();
  pay->add_option("--principals", o->principals, "principals: cadre_id, name, village_id, post, served_from, served_to")->required();
  pay->add_option("--scores", o->scores, "scores: village_id, period, score — or village_id, q1, q2, q3, q4, annual");
  pay->add_option("--terms", o->terms, "all principal terms for the subsidy after leaving (budget)");
  pay->add_option("--holders", o->holders, "village heads with public-institution pay (budget)");
  pay->add_option("--year", o->year, "the pay year")->required();
  pay->add_option("--graded-on", o->graded_on, "date the grades are fixed (default 31 Dec of the year)");
  pay->add_option("--show", o->show, "lines (default), villages, townships or budget")
      ->check(CLI::IsMember({"lines", "villages", "townships", "budget"}));
  add_policy_options(pay, c);
  add_io_options(pay, o->io);
  add_explain_options(pay, o->io);
  add_keep_option(pay, o->io, "--principals (with --show lines)");
  add_workspace_options(pay, o->ws);
  pay->callback([&action, &c, o] {
    if (!o->io.keep.empty() && o->show != "lines")
      throw CLI::ValidationError("village pay", "--keep copies principals' columns to their lines: it needs --show lines");
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      Reporter rep(o->io.strict);
      PayInput in;
      read_pay_input(*o, rep, in);
      PaySheetOptions opt;
      opt.explain = o->io.explain || o->ws;  // a workspace keeps each line's explanation
      if (!o->graded_on.empty()) opt.graded_on = option_date(o->graded_on, "--graded-on");
      const PaySheet s = pay_sheet(in, o->year, policy, opt);
      if (!s.lines.empty() &&
          std::all_of(s.lines.begin(), s.lines.end(), [](const auto &l) { return l.grade == Grade::not_graded; }))
        rep.incomplete(o->scores.empty()
                           ? "no --scores: no principal is graded, so the sheet has no performance pay (exit 8)"
                           : "no principal's village has a score for --year: no principal is graded, so the sheet "
                             "has no performance pay (exit 8)");
      note_run(o->io, c, &policy, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")), pay_parameters(policy, o->year));
      if (o->ws) {
        require_no_rejected_rows(rep.errors());
        record_pay(o->ws, s, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")));
      }
      OutTable t;
      if (o->show == "villages") {
        t.columns = {"village_id", "township", "composite", "rank", "graded_in_township", "team_grade", "team_grade_zh", "team_grade_en", "missing"};
        for (const auto &v : s.villages)
          t.rows.push_back({std::string(v.village_id), std::string(v.township), v.composite ? Cell::num_text(to_exact_string(*v.composite)) : Cell(),
                            Cell::num(v.rank), Cell::num(v.graded_in_township), team_grade_code(v.team_grade),
                            team_grade_zh(v.team_grade), team_grade_en(v.team_grade), v.missing});
      } else if (o->show == "townships") {
        t.columns = {"township", "villages", "principals", "base", "performance", "total"};
        auto row = [&](const Totals &x) {
          t.rows.push_back({x.township, Cell::num(x.villages), Cell::num(x.principals), Cell::money(x.base),
                            Cell::money(x.performance), Cell::money(x.total)});
        };
        for (const auto &x : s.townships) row(x);
        row(s.banner);
      } else if (o->show == "budget") {
        const auto subs = subsidies(in.terms, o->year, policy);
        const Budget b = budget(s, o->holders, subs, policy);
        t.columns = {"year", "policy", "base", "performance", "public_institution", "subsidies", "total"};
        t.rows.push_back({Cell::num(b.year), b.policy, Cell::money(b.base), Cell::money(b.performance),
                          Cell::money(b.public_institution), Cell::money(b.subsidies), Cell::money(b.total)});
      } else {
        write_lines(out, s, in, o->io);
        rep.finish(out);
        return;
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });

  auto *sel = grp->add_subcommand("select", "public-institution pay selection: quota and allocation, or eligibility");
  sel->add_option("VILLAGES", o->villages, "villages: village_id, township (gives the quota per township)");
  sel->add_option("--year", o->year, "the selection year (quota)");
  sel->add_option("--applicants", o->applicants,
                  "applicants: cadre_id, post, in_post_since, birth_date, grades (\"2015:excellent;2016:basic\") "
                  "or columns grade_YYYY");
  sel->add_option("--as-of", c.as_of, "date of the eligibility check (with --applicants)");
  add_policy_options(sel, c);
  add_io_options(sel, o->io);
  add_explain_options(sel, o->io);
  add_workspace_options(sel, o->ws);
  sel->callback([&action, &c, o] {
    if (o->villages.empty() == o->applicants.empty())
      throw CLI::ValidationError("village select", "give either VILLAGES (with --year) or --applicants (with --as-of)");
    if (!o->villages.empty() && o->year == 0) throw CLI::ValidationError("village select", "VILLAGES needs --year");
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      Reporter rep(o->io.strict);
      OutTable t;
      if (!o->villages.empty()) {
        const auto villages = read_villages(*o, rep);
        std::map<std::string, std::int64_t> per;
        for (const auto &v : villages) ++per[v.township];
        Explanation ex("selection quota");
        const std::int64_t quota = selection_quota(static_cast<std::int64_t>(villages.size()), o->year, policy, &ex);
        note_run(o->io, c, &policy, std::nullopt, selection_parameters(policy, o->year));
        t.columns = {"township", "villages", "places", "initial", "prospective", "formal"};
        if (o->io.explain) t.columns.push_back("explanation");
        Funnel total{};
        QuotaAllocation decided{"township", quota, allocate_quota(per, quota), ex};
        std::vector<std::pair<std::string, Funnel>> funnels;
        for (const auto &[town, places] : decided.per_township) {
          const Funnel f = funnel(places, o->year, policy);
          funnels.emplace_back(town, f);
          total.initial += f.initial;
          total.prospective += f.prospective;
          total.formal += f.formal;
          std::vector<Cell> row{town, Cell::num(per[town]), Cell::num(places), Cell::num(f.initial),
                                Cell::num(f.prospective), Cell::num(f.formal)};
          if (o->io.explain) row.push_back(Cell());
          t.rows.push_back(std::move(row));
        }
        std::vector<Cell> row{"", Cell::num(static_cast<std::int64_t>(villages.size())), Cell::num(quota),
                              Cell::num(total.initial), Cell::num(total.prospective), Cell::num(total.formal)};
        if (o->io.explain) row.push_back(explanation_cell(ex, o->io));
        t.rows.push_back(std::move(row));
        if (o->ws) {
          require_no_rejected_rows(rep.errors());
          record_quota(o->ws, o->year, decided, funnels, as_of_date(c));
        }
      } else {
        const Date as_of = as_of_date(c);
        note_run(o->io, c, &policy, as_of, selection_parameters(policy, as_of.year()));
        // grades: {"2015": "excellent", …}
        Table a = read_table(o->applicants, o->io, rep, {.every = false, .named = {"grades"}});
        a.require({"cadre_id", "in_post_since", "birth_date"});
        t.columns = {"cadre_id", "eligible", "failed"};
        if (o->io.explain) t.columns.push_back("explanation");
        std::vector<Eligibility> decided;
        for_each_row(a, rep, [&](const RowView &r) {
          Applicant x;
          x.cadre_id = r.req("cadre_id");
          if (!r.opt("post").empty()) x.post = parse_post(r.opt("post"), x.cadre_id);
          x.in_post_since = r.date("in_post_since");
          x.birth_date = r.date("birth_date");
          std::string grades = r.opt("grades");
          if (!grades.empty() && grades.front() == '{') {  // JSON input: {"2015": "excellent", …}
            const json_read::Parsed parsed = json_read::parse_checked(grades);  // a year twice is refused
            if (parsed.found) throw InvalidInput(parsed.found.message, "grades", x.cadre_id);
            const boost::json::value &g = parsed.value;
            if (parsed.ec || !g.is_object())
              throw InvalidInput("expected an object year -> grade", "grades", x.cadre_id);
            grades.clear();
            for (const auto &[y, gv] : g.get_object()) {
              if (!gv.is_string()) throw InvalidInput("expected an object year -> grade", "grades", x.cadre_id);
              grades += std::string(y) + ":" + std::string(gv.get_string()) + ";";
            }
          }
          std::size_t pos = 0;
          while (pos < grades.size()) {
            std::size_t end = grades.find(';', pos);
            if (end == std::string::npos) end = grades.size();
            const std::string item = grades.substr(pos, end - pos);
            pos = end + 1;
            if (item.empty()) continue;
            const auto colon = item.find(':');
            const std::string y = colon == std::string::npos ? "" : item.substr(0, colon);
            if (!is_period(y) || y.size() != 4) throw InvalidInput("expected YEAR:grade;YEAR:grade", "grades", x.cadre_id);
            x.grades[std::stoi(y)] = parse_grade(item.substr(colon + 1), x.cadre_id);
          }
          for (const auto &h : a.header)
            if (h.size() == 10 && h.rfind("grade_", 0) == 0 && is_period(h.substr(6)) && !r.opt(h).empty())
              x.grades[std::stoi(h.substr(6))] = parse_grade(r.opt(h), x.cadre_id);
          const Eligibility e = eligibility(x, as_of, policy);
          std::string failed;
          for (const auto &f : e.failed) failed += (failed.empty() ? "" : ";") + f;
          std::vector<Cell> row{e.cadre_id, Cell::boolean(e.eligible), failed};
          if (o->io.explain) row.push_back(explanation_cell(e.explanation, o->io));
          t.rows.push_back(std::move(row));
          if (o->ws) decided.push_back(e);
        });
        if (o->ws) {
          require_no_rejected_rows(rep.errors());
          record_eligibility(o->ws, decided, as_of);
        }
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

void add_village_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<VillageOpts>();
  auto *grp = cmp->add_subcommand("village", "village cadre pay under two profiles");
  grp->require_subcommand(1);
  auto *pay = grp->add_subcommand("pay", "pay lines whose grade or total differ, and the budget difference");
  pay->add_option("--villages", o->villages, "villages: village_id, name, township, population")->required();
  pay->add_option("--principals", o->principals, "principals: cadre_id, name, village_id, post, served_from, served_to")->required();
  pay->add_option("--scores", o->scores, "scores: village_id, period, score — or village_id, q1, q2, q3, q4, annual");
  pay->add_option("--terms", o->terms, "all principal terms for the subsidy after leaving (budget)");
  pay->add_option("--holders", o->holders, "village heads with public-institution pay (budget)");
  pay->add_option("--year", o->year, "the pay year")->required();
  pay->add_option("--graded-on", o->graded_on, "date the grades are fixed (default 31 Dec of the year)");
  add_io_options(pay, ctx->io);
  pay->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      PayInput in;
      read_pay_input(*o, rep, in);
      PaySheetOptions opt;
      if (!o->graded_on.empty()) opt.graded_on = option_date(o->graded_on, "--graded-on");
      const PaySheet sa = pay_sheet(in, o->year, pa, opt);
      const PaySheet sb = pay_sheet(in, o->year, pb, opt);
      note_compare(o->io, c, *ctx, pa, pb, opt.graded_on.value_or(make_date(o->year, 12, 31, "--year")),
                   pay_parameters(pa, o->year), pay_parameters(pb, o->year));
      OutTable t = compare_table();
      for (std::size_t i = 0; i < sa.lines.size() && i < sb.lines.size(); ++i) {
        const PayLine &a = sa.lines[i], &b = sb.lines[i];
        if (a.grade == b.grade && a.total == b.total && a.base == b.base) continue;
        add_compare_row(t, *ctx, "pay", std::string(a.cadre_id) + "@" + std::string(a.village_id), "grade total",
                        std::string(grade_zh(a.grade)) + " " + a.total.to_decimal_string(),
                        std::string(grade_zh(b.grade)) + " " + b.total.to_decimal_string(),
                        (b.total - a.total).to_decimal_string(), a.explanation, b.explanation);
      }
      const Budget ba = budget(sa, o->holders, subsidies(in.terms, o->year, pa), pa);
      const Budget bb = budget(sb, o->holders, subsidies(in.terms, o->year, pb), pb);
      const std::pair<const char *, Money Budget::*> items[] = {{"base", &Budget::base},
                                                                {"performance", &Budget::performance},
                                                                {"public_institution", &Budget::public_institution},
                                                                {"subsidies", &Budget::subsidies},
                                                                {"total", &Budget::total}};
      for (const auto &[name, m] : items)
        add_compare_row(t, *ctx, "budget", std::to_string(o->year), name, (ba.*m).to_decimal_string(),
                        (bb.*m).to_decimal_string(), (bb.*m - ba.*m).to_decimal_string(), nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli
