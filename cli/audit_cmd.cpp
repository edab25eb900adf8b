// cadrekit audit tier UNITS --as-of DATE      the audit level of each unit (HOLINGOL.1)
// cadrekit audit plan UNITS --first-year Y --last-year Y --capacity N [--seed S]
//                            [--audits FILE] [--terms FILE] [--show audits|summary|shortfall]
// cadrekit audit verify UNITS --plan FILE --first-year Y --last-year Y [--audits] [--terms]
// Columns: docs/cli.md. The output of `tier` is a valid UNITS input of `plan` and `verify`.
#include <array>
#include <charconv>
#include <iostream>

#include "cadrekit/audit.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include <map>
#include <vector>

#include "commands.hpp"
#include "compare.hpp"
#include "table.hpp"
#include "workspace_hooks.hpp"

namespace cadrekit::cli {

namespace {

using namespace cadrekit::audit;

struct AuditOpts {
  IoOptions io;
  std::string units, audits, terms, plan;
  std::int32_t first_year = 0, last_year = 0;
  std::int64_t capacity = 0;
  std::uint64_t seed = 0;
  std::string show = "audits";
  WorkspaceTarget ws;
};

// One unit from its row; InvalidInput naming the column for a bad cell.
Unit unit_of(const RowView &r) {
  Unit u;
  u.unit_id = r.req("unit_id");
  u.name = r.opt("name");
  u.budget = r.money("budget");
  if (u.budget.fen() < 0) throw InvalidInput("the budget must not be negative", "budget", u.unit_id);
  for (std::size_t f = 0; f < factor_count; ++f) {
    // a level 0…127 or 是/否; the profile's scale (0…2 for the powers) is checked by tier()
    const std::string_view v = r.view(factor_names()[f]);
    u.factors[f] = v.empty() ? 0 : vocabulary::parse_level(v, 127, factor_names()[f], u.unit_id);
  }
  return u;
}

Table read_units_table(const AuditOpts &o, Reporter &rep) {
  Table t = read_table(o.units, o.io, rep);
  t.require({"unit_id", "budget"});
  return t;
}

// The units of the rows read, and in `kept` (when given) each such row's cells of `keep`.
std::vector<Unit> units_of(const Table &t, Reporter &rep, const std::vector<std::string> &keep = {},
                           std::vector<std::vector<std::string>> *kept = nullptr) {
  std::vector<Unit> units;
  units.reserve(t.size());
  for_each_row(t, rep, [&](const RowView &r) {
    units.push_back(unit_of(r));
    if (!kept) return;
    std::vector<std::string> cells;
    cells.reserve(keep.size());
    for (const auto &k : keep) cells.push_back(r.opt(k));
    kept->push_back(std::move(cells));
  });
  return units;
}

std::vector<Unit> read_units(const AuditOpts &o, Reporter &rep) { return units_of(read_units_table(o, rep), rep); }

std::int32_t year_cell(const RowView &r, std::string_view name) {
  std::int64_t y = r.integer(name);
  if (y < 1900 || y > 9999) throw InvalidInput("year must be within 1900…9999", std::string(name));
  return static_cast<std::int32_t>(y);
}

PlanRequest read_request(const AuditOpts &o, Reporter &rep) {
  PlanRequest req;
  req.first_year = o.first_year;
  req.last_year = o.last_year;
  req.capacity = o.capacity;
  req.seed = o.seed;
  Table t = read_table(o.units, o.io, rep);
  t.require({"unit_id", "level"});
  // the rest of what `audit tier` writes, the table this one usually is
  t.leave_aside({"name", "band", "band_points", "factor_points", "score", "explanation"});
  for_each_row(t, rep, [&](const RowView &r) {
    PlanUnit u;
    u.unit_id = r.req("unit_id");
    u.level = parse_level(r.req("level"), "level");
    if (!r.opt("special_due_year").empty()) u.special_due_year = year_cell(r, "special_due_year");
    req.units.push_back(std::move(u));
  });
  if (!o.audits.empty()) {
    Table a = read_table(o.audits, o.io, rep);
    a.require({"unit_id", "date"});
    for_each_row(a, rep, [&](const RowView &r) {
      PastAudit p;
      p.unit_id = r.req("unit_id");
      p.date = r.date("date");
      if (!r.opt("kind").empty()) p.kind = parse_audit_kind(r.opt("kind"), "kind");
      req.audits.push_back(std::move(p));
    });
  }
  if (!o.terms.empty()) {
    Table a = read_table(o.terms, o.io, rep);
    a.require({"unit_id", "leader_id", "start"});
    for_each_row(a, rep, [&](const RowView &r) {
      req.terms.push_back({r.req("unit_id"), r.req("leader_id"), r.date("start"), r.opt_date("planned_end")});
    });
  }
  return req;
}

OutTable breaches_table(const std::vector<Breach> &bs) {
  OutTable out{{"rule", "year", "unit_id", "message"}, {}};
  for (const auto &b : bs) out.rows.push_back({b.rule, Cell::num(b.year), b.unit_id, b.message});
  return out;
}

void add_plan_options(CLI::App *cmd, AuditOpts &o) {
  cmd->add_option("UNITS", o.units, "units: unit_id, level[, special_due_year] (the output of `audit tier` will do)")->required();
  cmd->add_option("--first-year", o.first_year, "first year of the plan")->required();
  cmd->add_option("--last-year", o.last_year, "last year of the plan")->required();
  cmd->add_option("--audits", o.audits, "past audits: unit_id, date[, kind]");
  cmd->add_option("--terms", o.terms, "leaders' terms: unit_id, leader_id, start[, planned_end]");
  add_io_options(cmd, o.io);
}

/// Units as the columnar kernel (audit::tier_columns) takes them, and its answers: the one
/// place both kernel paths of `audit tier` build the columns, call it and make a row's cells.
struct TierColumns {
  explicit TierColumns(std::size_t n) : fen(n), levels(n), scores(n) {
    for (auto &f : factors) f.resize(n);
  }
  /// Unit `i`'s budget and factors; false for a factor outside 0…127 (unit_of refuses these,
  /// so it is never narrowed unchecked).
  bool set(std::size_t i, const Unit &u) {
    fen[i] = u.budget.fen();
    for (std::size_t k = 0; k < factor_count; ++k) {
      const std::int32_t v = u.factors[k];
      if (v < 0 || v > 127) return false;
      factors[k][i] = static_cast<std::int8_t>(v);
    }
    return true;
  }
  /// Tiers every unit; false when the kernel refuses one.
  bool tier(const TierParams &params) {
    UnitColumns cols;
    cols.budget_fen = fen;
    for (std::size_t k = 0; k < factor_count; ++k) cols.factors[k] = factors[k];
    try {
      tier_columns(cols, params, levels, scores);
    } catch (const InvalidInput &) {
      return false;
    }
    return true;
  }
  /// Unit `i`'s row of the tier table: id, name, level, band, band points, factor points, score.
  void row(std::size_t i, const TierParams &params, std::string unit_id, std::string name,
           std::vector<Cell> &out) const {
    const Band band = params.band_of(Money::from_fen(fen[i]));
    const std::int64_t band_points = params.band_points[static_cast<std::size_t>(band)];
    out.resize(7);
    out[0] = Cell(std::move(unit_id));
    out[1] = Cell(std::move(name));
    out[2] = Cell::num(levels[i]);
    out[3] = Cell(band_name(band));
    out[4] = Cell::num(band_points);
    out[5] = Cell::num(scores[i] - band_points);
    out[6] = Cell::num(scores[i]);
  }
  std::vector<std::int64_t> fen;
  std::array<std::vector<std::int8_t>, factor_count> factors;
  std::vector<std::int8_t> levels;
  std::vector<std::int64_t> scores;
};

// An amount in the form nearly every table writes it (ASCII digits, at most 15, and at most two
// decimals after a point) as fen: what Money::parse reads it as. -1 for any other text, which
// Money::parse then reads.
std::int64_t plain_fen(std::string_view s) {
  std::size_t i = 0;
  std::int64_t yuan = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) yuan = yuan * 10 + (s[i] - '0');
  if (i == 0 || i > 15) return -1;
  std::int64_t fen = yuan * 100;
  if (i == s.size()) return fen;
  const std::size_t decimals = s.size() - i - 1;
  if (s[i] != '.' || decimals < 1 || decimals > 2) return -1;
  for (std::size_t k = i + 1; k < s.size(); ++k)
    if (s[k] < '0' || s[k] > '9') return -1;
  fen += (s[i + 1] - '0') * 10;
  if (decimals == 2) fen += s[i + 2] - '0';
  return fen;
}

// A factor's level in the form nearly every table writes it (empty, or up to three ASCII digits
// within 0…127) as unit_of reads it; -1 for any other text, which unit_of then reads.
int plain_level(std::string_view s) {
  if (s.empty()) return 0;
  if (s.size() > 3) return -1;
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return -1;
    v = v * 10 + (ch - '0');
  }
  return v <= 127 ? v : -1;
}

// `audit tier` by the columnar kernel straight from the table's cells: each row read as the row
// path reads it (a cell in the plain form most tables use is parsed here, any other cell by
// unit_of), its budget and factors kept as columns, and the table written as it is made
// (TableWriter), the same bytes the row path writes (tests/cli:
// cli.audit_tier_kernel_matches_rows and the golden outputs). False, with nothing reported or
// written, when a row is one the row path reports (then it runs and reports it alone) or the
// kernel refuses.
bool tier_by_columns(const Table &t, const TierParams &params, const std::vector<std::string> &columns,
                     const std::vector<std::string> &keep, const IoOptions &io, Reporter &rep, std::ostream &out) {
  const std::size_t n = t.size();
  TierColumns k(n);
  // The columns unit_of reads, looked up as it looks them up.
  const std::optional<std::size_t> id_col = t.column("unit_id"), name_col = t.column("name"),
                                   budget_col = t.column("budget");
  if (!id_col) return false;  // read_units_table requires it
  std::array<std::optional<std::size_t>, factor_count> factor_col;
  for (std::size_t f = 0; f < factor_count; ++f) factor_col[f] = t.column(factor_names()[f]);
  std::vector<std::string_view> cells;
  // Each row's id and name cells, for the output: the table ends each cell with a NUL, so a
  // pointer is the cell (nullptr: a row too short to have it), and the row's cells are not
  // found a second time.
  std::vector<const char *> ids(n), names(n);
  for (std::size_t i = 0; i < n; ++i) {
    t.cells(i, cells);
    ids[i] = cells[*id_col].data();
    names[i] = name_col ? cells[*name_col].data() : nullptr;
    const auto cell = [&cells](const std::optional<std::size_t> &c) {
      return c ? trimmed(cells[*c]) : std::string_view();
    };
    bool plain = !cell(id_col).empty();
    const std::int64_t fen = plain ? plain_fen(cell(budget_col)) : -1;
    plain = plain && fen >= 0;
    for (std::size_t f = 0; f < factor_count && plain; ++f) {
      const int v = plain_level(cell(factor_col[f]));
      plain = v >= 0;
      k.factors[f][i] = static_cast<std::int8_t>(v);
    }
    if (plain) {
      k.fen[i] = fen;
      continue;
    }
    try {
      if (!k.set(i, unit_of(RowView(t, i, cells)))) return false;
    } catch (const Error &) {
      return false;
    }
  }
  if (!k.tier(params)) return false;
  rep.unread_columns(t);  // what for_each_row reports after the rows
  std::vector<std::size_t> keep_col;
  for (const auto &name : keep) keep_col.push_back(*t.column(name));  // kept_columns found each
  TableWriter w(out, columns, io);
  // One row's cells, reused: the texts k.row makes (Cell(text), Cell::num), without a Cell made
  // for each.
  std::vector<Cell> row(7 + keep_col.size(), Cell(""));
  row[2] = row[4] = row[5] = row[6] = Cell::num(0);
  const auto number = [](Cell &cell, std::int64_t v) {
    char buf[24];
    cell.text.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  };
  const auto text = [](const char *p) { return p == nullptr ? std::string_view() : trimmed(std::string_view(p)); };
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep_col.empty()) t.cells(i, cells);
    const Band band = params.band_of(Money::from_fen(k.fen[i]));
    const std::int64_t band_points = params.band_points[static_cast<std::size_t>(band)];
    row[0].text.assign(text(ids[i]));
    row[1].text.assign(text(names[i]));
    number(row[2], k.levels[i]);
    row[3].text.assign(band_name(band));
    number(row[4], band_points);
    number(row[5], k.scores[i] - band_points);
    number(row[6], k.scores[i]);
    for (std::size_t c = 0; c < keep_col.size(); ++c) row[7 + c].text.assign(trimmed(cells[keep_col[c]]));
    w.row(row);
  }
  w.finish();
  return true;
}

// The tier table's rows by the columnar kernel from units already read (the rows the row path
// kept when some were bad). False, with `t` untouched, when a unit is one the kernel refuses.
bool tier_units_by_columns(const std::vector<Unit> &units, const std::vector<std::vector<std::string>> &kept,
                           const TierParams &params, OutTable &t) {
  const std::size_t n = units.size();
  TierColumns k(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!k.set(i, units[i])) return false;
  if (!k.tier(params)) return false;
  const std::size_t first = t.rows.size();
  t.rows.resize(first + n);
  for (std::size_t i = 0; i < n; ++i) {
    k.row(i, params, units[i].unit_id, units[i].name, t.rows[first + i]);
    for (const auto &cell : kept[i]) t.rows[first + i].push_back(cell);
  }
  return true;
}

}  // namespace

void add_audit_commands(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<AuditOpts>();
  auto *grp = app.add_subcommand("audit", "economic-responsibility audit: tiers and the multi-year plan (HOLINGOL)");
  grp->require_subcommand(1);

  auto *tier_cmd = grp->add_subcommand("tier", "the audit level of each unit");
  tier_cmd->add_option("UNITS", o->units, "units: unit_id, name, budget (yuan), factor columns")->required();
  add_policy_options(tier_cmd, c);
  tier_cmd->add_option("--as-of", c.as_of, "date of the tiering (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_io_options(tier_cmd, o->io);
  add_explain_options(tier_cmd, o->io);
  add_keep_option(tier_cmd, o->io, "UNITS");
  add_workspace_options(tier_cmd, o->ws);
  tier_cmd->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      const Date as_of = as_of_date(c);
      const TierParams params = TierParams::load(policy, as_of);  // a malformed profile is one error
      note_run(o->io, c, &policy, as_of, tier_parameters(policy, as_of));
      Reporter rep(o->io.strict);
      const Table table = read_units_table(*o, rep);
      OutTable t{{"unit_id", "name", "level", "band", "band_points", "factor_points", "score"}, {}};
      // the caller's own columns after the result's, before the explanation
      const std::vector<std::string> keep = kept_columns(table, o->io, t.columns);
      t.columns.insert(t.columns.end(), keep.begin(), keep.end());
      if (o->io.explain) t.columns.push_back("explanation");
      // Without --explain (and without a workspace, which keeps each result), the columnar
      // kernel tiers the table: no explanation is built for a row that will not show one. A bad
      // row stops it before it writes anything; the row path then reports each one.
      if (!o->io.explain && !o->ws && !o->io.row_path && tier_by_columns(table, params, t.columns, keep, o->io, rep, out)) {
        rep.finish(out);
        return;
      }
      std::vector<std::vector<std::string>> kept;
      const auto units = units_of(table, rep, keep, &kept);
      if (!o->io.explain && !o->ws && !o->io.row_path && tier_units_by_columns(units, kept, params, t)) {
        write_table(out, t, o->io);
        rep.finish(out);
        return;
      }
      Progress p("tiering", units.size());
      std::vector<TierResult> decided;
      for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit &u = units[i];
        try {
          const TierResult r = tier(u, as_of, policy);
          if (o->ws) decided.push_back(r);
          std::int64_t fp = 0;
          for (const auto &part : r.parts) fp += part.points;
          // as the library's JSON writes it: 1, 2, 3 as numbers, "special" as text
          const Cell level = r.level == Level::special ? Cell(level_name(r.level)) : Cell::num(static_cast<std::int64_t>(r.level));
          std::vector<Cell> row{u.unit_id, u.name, level, band_name(r.band),
                                Cell::num(r.band_points), Cell::num(fp), Cell::num(r.score)};
          for (const auto &cell : kept[i]) row.push_back(cell);
          if (o->io.explain) row.push_back(explanation_cell(r.explanation, o->io));
          t.rows.push_back(std::move(row));
        } catch (const InvalidInput &e) {
          rep.row_error(o->units + " unit " + u.unit_id, e);
        }
        p.tick();
      }
      if (o->ws) {
        require_no_rejected_rows(rep.errors());
        record_tiers(o->ws, decided, as_of);
      }
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });

  auto *plan_cmd = grp->add_subcommand("plan", "a multi-year audit plan meeting the coverage rules");
  add_plan_options(plan_cmd, *o);
  add_policy_options(plan_cmd, c);
  plan_cmd->add_option("--capacity", o->capacity, "audits the bureau can do per year")->required();
  plan_cmd->add_option("--seed", o->seed, "seed of the level-3 sample draw (recorded; default 0)");
  plan_cmd->add_option("--show", o->show, "audits (default), summary or shortfall")
      ->check(CLI::IsMember({"audits", "summary", "shortfall"}));
  add_explain_options(plan_cmd, o->io);
  add_workspace_options(plan_cmd, o->ws);
  plan_cmd->add_option("--as-of", c.as_of, "with --workspace: the date the plan takes effect");
  plan_cmd->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = policy_for(c, o->ws);
      Reporter rep(o->io.strict);
      const PlanRequest req = read_request(*o, rep);
      const Plan pl = audit::plan(req, policy);
      note_run(o->io, c, &policy, c.as_of.empty() ? std::nullopt : std::optional<Date>(as_of_date(c)),
               plan_parameters(policy, make_date(o->first_year, 1, 1, "--first-year")));
      if (o->ws && pl.feasible) {  // a plan that is not feasible is reported (exit 1), not recorded
        require_no_rejected_rows(rep.errors());
        record_plan(o->ws, req, pl, as_of_date(c));
      }
      if (o->show == "summary") {
        OutTable t{{"feasible", "capacity", "capacity_used", "min_capacity", "lower_bound", "seed", "audits", "shortfall"}, {}};
        if (o->io.explain) t.columns.push_back("explanation");
        std::vector<Cell> row{Cell::boolean(pl.feasible), Cell::num(pl.capacity), Cell::num(pl.capacity_used),
                              Cell::num(pl.min_capacity), Cell::num(pl.lower_bound),
                              Cell::num_text(std::to_string(pl.seed)),
                              Cell::num(static_cast<std::int64_t>(pl.audits.size())),
                              Cell::num(static_cast<std::int64_t>(pl.shortfall.size()))};
        if (o->io.explain) row.push_back(explanation_cell(pl.explanation, o->io));
        t.rows.push_back(std::move(row));
        write_table(out, t, o->io);
      } else if (o->show == "shortfall") {
        write_table(out, breaches_table(pl.shortfall), o->io);
      } else {
        OutTable t{{"year", "unit_id", "kind", "leader_id", "reason"}, {}};
        for (const auto &a : pl.audits)
          t.rows.push_back({Cell::num(a.year), a.unit_id, audit_kind_name(a.kind), a.leader_id, a.reason});
        write_table(out, t, o->io);
      }
      rep.finish(out);
      if (!pl.feasible) {
        out.flush();
        std::cerr << "cadrekit: the plan is not feasible at capacity " << pl.capacity << ": "
                  << pl.shortfall.size() << " obligations fail (least capacity " << pl.min_capacity
                  << "; --show shortfall lists them)\n";
        std::exit(1);
      }
    };
  });

  auto *verify_cmd = grp->add_subcommand("verify", "every breach of the rules by a given plan (exit 1 if any)");
  add_plan_options(verify_cmd, *o);
  add_policy_options(verify_cmd, c);
  verify_cmd->add_option("--plan", o->plan, "the plan: year, unit_id, kind[, leader_id]")->required();
  verify_cmd->callback([&action, &c, o] {
    action = [&c, o](std::ostream &out) {
      const Policy policy = load_policy(c);
      Reporter rep(o->io.strict);
      const PlanRequest req = read_request(*o, rep);
      note_run(o->io, c, &policy, std::nullopt, plan_parameters(policy, make_date(o->first_year, 1, 1, "--first-year")));
      std::vector<PlannedAudit> planned;
      Table t = read_table(o->plan, o->io, rep);
      t.require({"year", "unit_id", "kind"});
      t.leave_aside({"reason"});  // what `audit plan` writes besides
      for_each_row(t, rep, [&](const RowView &r) {
        PlannedAudit a;
        a.year = year_cell(r, "year");
        a.unit_id = r.req("unit_id");
        a.kind = parse_audit_kind(r.req("kind"), "kind");
        a.leader_id = r.opt("leader_id");
        planned.push_back(std::move(a));
      });
      const auto breaches = verify_plan(planned, req, policy);
      write_table(out, breaches_table(breaches), o->io);
      rep.finish(out);
      if (!breaches.empty()) {
        out.flush();
        std::exit(1);
      }
    };
  });
}

namespace {
std::string level_counts(const std::vector<TierResult> &rs) {
  int n[4] = {0, 0, 0, 0};
  for (const auto &r : rs) ++n[static_cast<int>(r.level)];
  std::string s = std::to_string(n[1]) + "/" + std::to_string(n[2]) + "/" + std::to_string(n[3]);
  if (n[0]) s += " special " + std::to_string(n[0]);
  return s;
}

std::string signed_diff(std::int64_t d) { return (d > 0 ? "+" : "") + std::to_string(d); }
}  // namespace

void add_audit_compare(CLI::App *cmp, const CompareCtx &ctx, Common &c, Action &action) {
  auto o = std::make_shared<AuditOpts>();
  auto *grp = cmp->add_subcommand("audit", "audit tiers and plans under two profiles");
  grp->require_subcommand(1);

  auto *tier_cmd = grp->add_subcommand("tier", "units whose level differs");
  tier_cmd->add_option("UNITS", o->units, "units: unit_id, name, budget (yuan), factor columns")->required();
  tier_cmd->add_option("--as-of", c.as_of, "date of the tiering (2016-12-31, 2016/12/31, 2016年12月31日…)")->required();
  add_io_options(tier_cmd, ctx->io);
  tier_cmd->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      const Date as_of = as_of_date(c);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const auto units = read_units(*o, rep);
      note_compare(o->io, c, *ctx, pa, pb, as_of, tier_parameters(pa, as_of), tier_parameters(pb, as_of));
      const auto ra = tier(units, as_of, pa);
      const auto rb = tier(units, as_of, pb);
      OutTable t = compare_table();
      for (std::size_t i = 0; i < ra.size(); ++i)
        if (ra[i].level != rb[i].level)
          add_compare_row(t, *ctx, "tier", ra[i].unit_id, "level", level_name(ra[i].level), level_name(rb[i].level),
                          signed_diff(rb[i].score - ra[i].score) + " points", &ra[i].explanation, &rb[i].explanation);
      add_compare_row(t, *ctx, "tier", "", "levels 1/2/3", level_counts(ra), level_counts(rb), "", nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });

  auto *plan_cmd = grp->add_subcommand("plan", "units whose audit years differ, and the capacity needed");
  plan_cmd->add_option("UNITS", o->units, "units: unit_id, level[, special_due_year]")->required();
  plan_cmd->add_option("--first-year", o->first_year, "first year of the plan")->required();
  plan_cmd->add_option("--last-year", o->last_year, "last year of the plan")->required();
  plan_cmd->add_option("--audits", o->audits, "past audits: unit_id, date[, kind]");
  plan_cmd->add_option("--terms", o->terms, "leaders' terms: unit_id, leader_id, start[, planned_end]");
  plan_cmd->add_option("--capacity", o->capacity, "audits the bureau can do per year")->required();
  plan_cmd->add_option("--seed", o->seed, "seed of the level-3 sample draw");
  add_io_options(plan_cmd, ctx->io);
  plan_cmd->callback([&action, &c, ctx, o] {
    action = [&c, ctx, o](std::ostream &out) {
      const auto [pa, pb] = load_policies(*ctx);
      o->io = ctx->io;
      Reporter rep(o->io.strict);
      const PlanRequest req = read_request(*o, rep);
      const Plan a = audit::plan(req, pa), b = audit::plan(req, pb);
      const Date first = make_date(o->first_year, 1, 1, "--first-year");
      note_compare(o->io, c, *ctx, pa, pb, std::nullopt, plan_parameters(pa, first), plan_parameters(pb, first));
      auto years = [](const Plan &p) {
        std::map<std::string, std::string> m;
        for (const auto &x : p.audits) {
          auto &s = m[x.unit_id];
          s += (s.empty() ? "" : ";") + std::to_string(x.year) + ":" + audit_kind_name(x.kind);
        }
        return m;
      };
      const auto ya = years(a), yb = years(b);
      std::map<std::string, int> ids;
      for (const auto &u : req.units) ids[u.unit_id] = 0;
      OutTable t = compare_table();
      for (const auto &[id, unused] : ids) {
        auto ia = ya.find(id), ib = yb.find(id);
        const std::string sa = ia == ya.end() ? "" : ia->second, sb = ib == yb.end() ? "" : ib->second;
        if (sa != sb) add_compare_row(t, *ctx, "plan", id, "audits", sa, sb, "", nullptr, nullptr);
      }
      add_compare_row(t, *ctx, "plan", "", "min_capacity", std::to_string(a.min_capacity), std::to_string(b.min_capacity),
                      signed_diff(b.min_capacity - a.min_capacity), &a.explanation, &b.explanation);
      add_compare_row(t, *ctx, "plan", "", "audits", std::to_string(a.audits.size()), std::to_string(b.audits.size()),
                      signed_diff(static_cast<std::int64_t>(b.audits.size()) - static_cast<std::int64_t>(a.audits.size())),
                      nullptr, nullptr);
      add_compare_row(t, *ctx, "plan", "", "feasible", a.feasible ? "true" : "false", b.feasible ? "true" : "false", "",
                      nullptr, nullptr);
      write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli
